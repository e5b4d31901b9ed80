/**
 * The network screens: verticals, campaigns, publishers, buyers and their targets, target groups
 * and tracking numbers. One pattern serves all six: a {@link
 * org.ringtree.editor.directory.DirectoryScreen} (search, a lazily paged grid sorted by the
 * database, a dialog) hosts an {@link org.ringtree.editor.directory.EntryForm} that checks its
 * fields with the rules records' own checks and fires save and cancel events; {@link
 * org.ringtree.editor.directory.EntrySaver} sends the draft through the {@link
 * org.ringtree.editor.directory.DirectoryAdminPort} and puts a refusal back on the field at fault.
 */
package org.ringtree.editor.directory;
