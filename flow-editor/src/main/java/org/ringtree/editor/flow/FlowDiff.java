package org.ringtree.editor.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;

/**
 * What changed between two flows: nodes added, removed and changed (with the settings that differ),
 * and edges added and removed, plus the same in sentences. Moving a node is not a change.
 */
public record FlowDiff(
    List<String> addedNodes,
    List<String> removedNodes,
    Map<String, List<String>> changedNodes,
    List<FlowEdge> addedEdges,
    List<FlowEdge> removedEdges,
    List<String> sentences) {

  public static FlowDiff between(FlowDocument before, FlowDocument after) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Map<String, List<String>> changed = new java.util.LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    for (FlowNode n : after.nodes()) {
      FlowNode old = before.node(n.id()).orElse(null);
      if (old == null) {
        added.add(n.id());
        words.add("Added " + label(n) + " “" + n.id() + "”.");
      } else if (old.kind() != n.kind()) {
        changed.put(n.id(), List.of("kind"));
        words.add(
            "Changed “"
                + n.id()
                + "” from "
                + NodeCatalog.spec(old.kind()).label()
                + " to "
                + label(n)
                + ".");
      } else {
        Set<String> keys = new TreeSet<>(old.config().keySet());
        keys.addAll(n.config().keySet());
        List<String> fields = new ArrayList<>();
        for (String k : keys) {
          if (!Objects.equals(old.config().get(k), n.config().get(k))) {
            fields.add(k);
          }
        }
        if (!fields.isEmpty()) {
          changed.put(n.id(), List.copyOf(fields));
          words.add(
              "Changed "
                  + label(n)
                  + " “"
                  + n.id()
                  + "”: "
                  + String.join(", ", fieldLabels(n, fields))
                  + ".");
        }
      }
    }
    for (FlowNode n : before.nodes()) {
      if (after.node(n.id()).isEmpty()) {
        removed.add(n.id());
        words.add("Removed " + label(n) + " “" + n.id() + "”.");
      }
    }
    Set<FlowEdge> beforeEdges = new LinkedHashSet<>(before.edges());
    Set<FlowEdge> afterEdges = new LinkedHashSet<>(after.edges());
    List<FlowEdge> addedEdges = new ArrayList<>();
    List<FlowEdge> removedEdges = new ArrayList<>();
    for (FlowEdge e : afterEdges) {
      if (!beforeEdges.contains(e)) {
        addedEdges.add(e);
        words.add("Connected “" + e.from() + "” " + e.port() + " → “" + e.to() + "”.");
      }
    }
    for (FlowEdge e : beforeEdges) {
      if (!afterEdges.contains(e)) {
        removedEdges.add(e);
        words.add("Disconnected “" + e.from() + "” " + e.port() + " → “" + e.to() + "”.");
      }
    }
    if (words.isEmpty()) {
      words.add("No differences.");
    }
    return new FlowDiff(
        List.copyOf(added),
        List.copyOf(removed),
        Map.copyOf(changed),
        List.copyOf(addedEdges),
        List.copyOf(removedEdges),
        List.copyOf(words));
  }

  public boolean isEmpty() {
    return addedNodes.isEmpty()
        && removedNodes.isEmpty()
        && changedNodes.isEmpty()
        && addedEdges.isEmpty()
        && removedEdges.isEmpty();
  }

  private static String label(FlowNode n) {
    return NodeCatalog.spec(n.kind()).label().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> fieldLabels(FlowNode n, List<String> fields) {
    var spec = NodeCatalog.spec(n.kind());
    return fields.stream()
        .map(f -> spec.field(f).map(s -> s.label().toLowerCase(java.util.Locale.ROOT)).orElse(f))
        .toList();
  }
}
