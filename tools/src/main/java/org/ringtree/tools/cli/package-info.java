/** {@code ./ringtree call}: a simulated call against a running platform, with its report. */
package org.ringtree.tools.cli;
