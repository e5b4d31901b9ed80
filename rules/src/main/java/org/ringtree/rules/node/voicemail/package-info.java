/** The voicemail node: records a message from the caller. */
package org.ringtree.rules.node.voicemail;
