/**
 * The publisher and buyer portal: screens a signed-in publisher or buyer uses for its own data
 * only. The party comes from the user's portal link on the platform side, never from the URL; each
 * screen talks to the platform through a port declared here.
 */
package org.ringtree.editor.portal;
