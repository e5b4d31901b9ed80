/**
 * The operator console (Vaadin): flow canvas, property forms from the node settings schemas,
 * validation, simulate, versions, publish and review. It reaches the platform only through the
 * ports defined in the rules core.
 */
package org.ringtree.editor;
