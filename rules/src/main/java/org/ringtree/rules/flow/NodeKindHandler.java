package org.ringtree.rules.flow;

/**
 * One node kind as a plug-in: its catalog entry (the settings schema the editor's palette and
 * property form are built from) and its one-line summary. A kind's validation, compilation and
 * execution are further interfaces of the same class (in validation, compiler and engine), so a new
 * kind is one package under {@code org.ringtree.rules.node} plus a line in {@code
 * META-INF/services/org.ringtree.rules.flow.NodeKindHandler}.
 */
public interface NodeKindHandler {

  NodeSpec spec();

  /** One line saying what a node does, shown under its title on the canvas. */
  String summary(NodeConfig settings);

  /**
   * The directory entries a node refers to. By default its schema's reference fields say it, so a
   * kind overrides this only if it names directory entries some other way.
   */
  default DirectoryRefs references(NodeConfig settings) {
    return DirectoryRefs.of(spec(), settings);
  }
}
