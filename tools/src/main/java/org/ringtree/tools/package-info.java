/** The developer tools' launcher: {@code ./ringtree call} and {@code ./ringtree load}. */
package org.ringtree.tools;
