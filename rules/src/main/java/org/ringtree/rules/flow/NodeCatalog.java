package org.ringtree.rules.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The settings schema of every node kind, as data: the single source of truth for the editor's
 * palette and property forms, the validator, the JSON Schema ({@link FlowJsonSchema}) and the
 * engine's defaults. Each kind brings its own entry as a {@link NodeKindHandler}, found with {@link
 * ServiceLoader} so that this package needs none of the kinds' packages.
 */
public final class NodeCatalog {

  /** Comparisons a condition clause or tag filter may use, by their document names. */
  public static final List<String> OPERATORS =
      List.of("equals", "notEquals", "in", "notIn", "regex", "gt", "gte", "lt", "lte", "exists");

  public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private NodeCatalog() {}

  /** Loaded on first use, after this class's constants, which the kinds' specs may read. */
  private static final class Loaded {
    static final Map<NodeKind, NodeKindHandler> HANDLERS = load();
    static final Map<NodeKind, NodeSpec> SPECS = specs();

    private static Map<NodeKind, NodeKindHandler> load() {
      Map<NodeKind, NodeKindHandler> out = new EnumMap<>(NodeKind.class);
      for (NodeKindHandler h :
          ServiceLoader.load(NodeKindHandler.class, NodeKindHandler.class.getClassLoader())) {
        NodeKindHandler before = out.put(h.spec().kind(), h);
        if (before != null) {
          throw new IllegalStateException("two handlers for node kind " + h.spec().kind());
        }
      }
      for (NodeKind k : NodeKind.values()) {
        if (!out.containsKey(k)) {
          throw new IllegalStateException("no handler registered for node kind " + k);
        }
      }
      return out;
    }

    private static Map<NodeKind, NodeSpec> specs() {
      Map<NodeKind, NodeSpec> out = new EnumMap<>(NodeKind.class);
      HANDLERS.forEach((k, h) -> out.put(k, h.spec()));
      return out;
    }
  }

  /** Every node kind's spec, in palette order (the order of {@link NodeKind}). */
  public static List<NodeSpec> all() {
    return List.copyOf(Loaded.SPECS.values());
  }

  public static NodeSpec spec(NodeKind kind) {
    return Loaded.SPECS.get(kind);
  }

  /** The handler of a kind; its other interfaces are the kind's validation, rules and execution. */
  public static NodeKindHandler handler(NodeKind kind) {
    return Loaded.HANDLERS.get(kind);
  }

  /** The ports a node has: the kind's fixed ports plus one per option key for menus. */
  public static List<String> portsOf(FlowNode node) {
    NodeSpec spec = spec(node.kind());
    List<String> out = new ArrayList<>();
    if (spec.dynamicPortsFrom() != null) {
      for (Map<String, Object> item : node.settings().objects(spec.dynamicPortsFrom())) {
        String key = NodeConfig.itemString(item, "key");
        if (key != null && !out.contains(key)) {
          out.add(key);
        }
      }
    }
    spec.ports().forEach(p -> out.add(p.name()));
    return List.copyOf(out);
  }
}
