/**
 * The operator console's side of the platform: implementations of the editor's ports (flow drafts
 * and publishing, directory look-ups, call simulation) and the Vaadin wiring that hosts the views
 * of {@code org.ringtree.editor}.
 */
package org.ringtree.runtime.console;
