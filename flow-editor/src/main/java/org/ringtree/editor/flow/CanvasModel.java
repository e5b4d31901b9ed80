package org.ringtree.editor.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.validation.Issue;

/**
 * Turns a flow, its issues and the current overlay (a comparison or a simulated call) into what the
 * React Flow canvas draws. Records serialise to React Flow's node and edge shapes.
 */
public final class CanvasModel {

  private CanvasModel() {}

  /** A node as React Flow wants it; {@code type} picks the custom node renderer. */
  public record CanvasNode(
      String id, String type, Position position, Data data, boolean selected, boolean deletable) {}

  /** What the custom node shows. */
  public record Data(
      String kind,
      String title,
      String summary,
      List<Port> ports,
      boolean hasInput,
      int errors,
      int warnings,
      String problems,
      String status,
      Integer step,
      boolean current) {}

  public record Port(String name, String label) {}

  public record CanvasEdge(
      String id,
      String source,
      String sourceHandle,
      String target,
      String label,
      String className,
      boolean animated) {}

  /** The palette entry of a node kind. */
  public record PaletteItem(String kind, String label, String category, String help) {}

  /** Highlights drawn over the flow: diff statuses, or the path of a simulated call. */
  public record Overlay(
      Map<String, String> nodeStatus,
      Map<String, String> edgeStatus,
      List<FlowNode> ghostNodes,
      List<FlowEdge> ghostEdges,
      Map<String, Integer> steps,
      String currentNode) {

    public static final Overlay NONE =
        new Overlay(Map.of(), Map.of(), List.of(), List.of(), Map.of(), null);

    public static Overlay of(DiffView diff, FlowDocument before) {
      Map<String, String> nodes = new HashMap<>();
      diff.addedNodes().forEach(id -> nodes.put(id, "added"));
      diff.changedNodes().keySet().forEach(id -> nodes.put(id, "changed"));
      diff.removedNodes().forEach(id -> nodes.put(id, "removed"));
      Map<String, String> edges = new HashMap<>();
      diff.addedEdges().forEach(e -> edges.put(edgeId(e), "added"));
      diff.removedEdges().forEach(e -> edges.put(edgeId(e), "removed"));
      List<FlowNode> ghosts =
          diff.removedNodes().stream().map(id -> before.node(id).orElseThrow()).toList();
      return new Overlay(nodes, edges, ghosts, diff.removedEdges(), Map.of(), null);
    }

    /** The path walked so far: node id to the step number that first reached it. */
    public static Overlay path(List<String> walked, String current) {
      Map<String, Integer> steps = new LinkedHashMap<>();
      Map<String, String> edges = new HashMap<>();
      for (int i = 0; i < walked.size(); i++) {
        steps.putIfAbsent(walked.get(i), i + 1);
      }
      return new Overlay(Map.of(), edges, List.of(), List.of(), steps, current);
    }
  }

  public static String edgeId(FlowEdge e) {
    return e.from() + "::" + e.port();
  }

  public static List<PaletteItem> palette() {
    return NodeCatalog.all().stream()
        .map(s -> new PaletteItem(s.kind().json(), s.label(), s.category(), s.help()))
        .toList();
  }

  public static List<CanvasNode> nodes(
      FlowDocument doc, List<Issue> issues, Set<String> selected, Overlay overlay) {
    Map<String, List<Issue>> byNode =
        issues.stream()
            .filter(i -> i.nodeId() != null)
            .collect(Collectors.groupingBy(Issue::nodeId));
    List<CanvasNode> out = new ArrayList<>();
    for (FlowNode n : doc.nodes()) {
      out.add(node(n, byNode.getOrDefault(n.id(), List.of()), selected, overlay, true));
    }
    for (FlowNode ghost : overlay.ghostNodes()) {
      out.add(node(ghost, List.of(), Set.of(), overlay, false));
    }
    return out;
  }

  private static CanvasNode node(
      FlowNode n, List<Issue> issues, Set<String> selected, Overlay overlay, boolean live) {
    NodeSpec spec = NodeCatalog.spec(n.kind());
    Map<String, String> portLabels = new HashMap<>();
    spec.ports().forEach(p -> portLabels.put(p.name(), p.label()));
    if (spec.dynamicPortsFrom() != null) {
      for (Map<String, Object> item : n.settings().objects(spec.dynamicPortsFrom())) {
        String key = NodeConfig.itemString(item, "key");
        String label = NodeConfig.itemString(item, "label");
        if (key != null) {
          portLabels.putIfAbsent(key, label == null || label.isBlank() ? key : key + " " + label);
        }
      }
    }
    List<Port> ports =
        NodeCatalog.portsOf(n).stream()
            .map(p -> new Port(p, portLabels.getOrDefault(p, p)))
            .toList();
    int errors = (int) issues.stream().filter(Issue::isError).count();
    int warnings = issues.size() - errors;
    String problems = issues.stream().map(Issue::message).collect(Collectors.joining("\n"));
    String id = live ? n.id() : "ghost:" + n.id();
    return new CanvasNode(
        id,
        "ringtree",
        n.position(),
        new Data(
            n.kind().json(),
            spec.label(),
            summary(n),
            ports,
            n.kind() != org.ringtree.rules.flow.NodeKind.START,
            errors,
            warnings,
            problems,
            overlay.nodeStatus().get(n.id()),
            live ? overlay.steps().get(n.id()) : null,
            live && n.id().equals(overlay.currentNode())),
        live && selected.contains(n.id()),
        live);
  }

  public static List<CanvasEdge> edges(FlowDocument doc, Overlay overlay) {
    List<CanvasEdge> out = new ArrayList<>();
    for (FlowEdge e : doc.edges()) {
      String status = overlay.edgeStatus().get(edgeId(e));
      boolean walked =
          overlay.steps().containsKey(e.from())
              && overlay.steps().containsKey(e.to())
              && overlay.steps().get(e.to()) > overlay.steps().get(e.from());
      out.add(
          new CanvasEdge(
              edgeId(e),
              e.from(),
              e.port(),
              e.to(),
              e.port(),
              status != null ? "rt-edge-" + status : walked ? "rt-edge-walked" : null,
              walked));
    }
    for (FlowEdge e : overlay.ghostEdges()) {
      boolean fromGhost = doc.node(e.from()).isEmpty();
      boolean toGhost = doc.node(e.to()).isEmpty();
      out.add(
          new CanvasEdge(
              "ghost:" + edgeId(e),
              fromGhost ? "ghost:" + e.from() : e.from(),
              e.port(),
              toGhost ? "ghost:" + e.to() : e.to(),
              e.port(),
              "rt-edge-removed",
              false));
    }
    return out;
  }

  /** One line saying what a node does, shown under its title: the node kind says it. */
  static String summary(FlowNode n) {
    return NodeCatalog.handler(n.kind()).summary(n.settings());
  }
}
