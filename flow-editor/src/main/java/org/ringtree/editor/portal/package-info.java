/**
 * The publisher and buyer portal screens: a signed-in party sees and acts on its own data only.
 * Each screen calls a port implemented over the same services as {@code /api/portal}, which decides
 * whose data it is from the sign-in, never from what the screen sends.
 */
package org.ringtree.editor.portal;
