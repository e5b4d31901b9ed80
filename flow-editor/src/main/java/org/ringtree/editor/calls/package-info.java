/**
 * The call log and one call's detail: the console's daily screen, over {@link
 * org.ringtree.editor.calls.CallLogPort}, which the platform implements with the same store, filter
 * rules and words as {@code GET /api/calls}.
 */
package org.ringtree.editor.calls;
