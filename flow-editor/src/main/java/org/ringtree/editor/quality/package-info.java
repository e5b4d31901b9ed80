/**
 * The "Publisher quality" screen (docs/fraud.md, "Publisher quality monitoring"): the open flags
 * with their evidence, each publisher's score bands, running the tests now, acknowledging or
 * dismissing a flag, pausing and resuming a publisher's numbers, and the alert URL.
 */
package org.ringtree.editor.quality;
