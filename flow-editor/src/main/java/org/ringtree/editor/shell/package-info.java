/**
 * The console's frame: who is signed in (read from the request, as Spring Security set it), the
 * navigation bar with sign-out, the landing page that sends each role to its screen, and the page
 * shown when a role may not open a screen.
 */
package org.ringtree.editor.shell;
