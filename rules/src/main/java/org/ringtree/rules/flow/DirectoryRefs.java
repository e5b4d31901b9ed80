package org.ringtree.rules.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * The directory entries nodes refer to, read from the fields their schema types as references
 * ({@link FieldType#TARGET_REFS}, {@link FieldType#GROUP_REFS}, {@link FieldType#CONNECTOR_REF}),
 * in document order. The compiler keeps exactly these in a version; the simulator lists these
 * targets' buyers. A kind that names targets in such a field is covered without further code.
 */
public record DirectoryRefs(List<String> targets, List<String> groups, List<String> connectors) {

  public DirectoryRefs {
    targets = List.copyOf(targets);
    groups = List.copyOf(groups);
    connectors = List.copyOf(connectors);
  }

  /** What one node's settings refer to, by its kind's schema. */
  public static DirectoryRefs of(NodeSpec spec, NodeConfig settings) {
    List<String> targets = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> connectors = new ArrayList<>();
    for (FieldSpec f : spec.fields()) {
      switch (f.type()) {
        case TARGET_REFS -> targets.addAll(settings.strings(f.name()));
        case GROUP_REFS -> groups.addAll(settings.strings(f.name()));
        case CONNECTOR_REF -> {
          String id = settings.string(f.name());
          if (id != null) {
            connectors.add(id);
          }
        }
        default -> {}
      }
    }
    return new DirectoryRefs(targets, groups, connectors);
  }

  /** What a flow's nodes refer to, node by node in document order, each asked through its kind. */
  public static DirectoryRefs of(FlowDocument flow) {
    List<String> targets = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> connectors = new ArrayList<>();
    for (FlowNode n : flow.nodes()) {
      DirectoryRefs r = NodeCatalog.handler(n.kind()).references(n.settings());
      targets.addAll(r.targets());
      groups.addAll(r.groups());
      connectors.addAll(r.connectors());
    }
    return new DirectoryRefs(targets, groups, connectors);
  }
}
