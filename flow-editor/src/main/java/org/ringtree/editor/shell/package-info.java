/**
 * The console's frame: the sign-in page, who is signed in (read from the request, as Spring
 * Security set it), the drawer with the screens of each role (one table, {@link
 * org.ringtree.editor.shell.Navigation}) and sign-out, the landing page that sends each role to its
 * screen, and the pages shown for an unknown address or a screen the role may not open; and the
 * one-text-file upload the screens that import a file share.
 */
package org.ringtree.editor.shell;
