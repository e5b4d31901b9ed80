/** The random prompt node: plays one of several prompts, picked per call. */
package org.ringtree.rules.node.randomprompt;
