package org.ringtree.editor.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.review.Change;
import org.ringtree.rules.review.ChangeKind;
import org.ringtree.rules.review.FlowDiff;

/**
 * The flow diff compliance reviews ({@link FlowDiff}: settings compared with their defaults filled
 * in, positions ignored) as the editor shows it: which nodes and edges to mark on the canvas, and
 * the changes in sentences. A re-wired port shows as the old edge removed and the new one added.
 */
public record DiffView(
    List<String> addedNodes,
    List<String> removedNodes,
    Map<String, List<String>> changedNodes,
    List<FlowEdge> addedEdges,
    List<FlowEdge> removedEdges,
    List<String> sentences) {

  public static DiffView between(FlowDocument before, FlowDocument after) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Map<String, Set<String>> changed = new LinkedHashMap<>();
    List<FlowEdge> addedEdges = new ArrayList<>();
    List<FlowEdge> removedEdges = new ArrayList<>();
    List<String> flowWords = new ArrayList<>();
    for (Change c : FlowDiff.between(before, after)) {
      switch (c.element()) {
        case "node" -> {
          if (c.field() == null && c.kind() == ChangeKind.ADDED) {
            added.add(c.subject());
          } else if (c.field() == null && c.kind() == ChangeKind.REMOVED) {
            removed.add(c.subject());
          } else {
            changed.computeIfAbsent(c.subject(), k -> new LinkedHashSet<>()).add(top(c.field()));
          }
        }
        case "edge" -> {
          String from = c.subject().substring(0, c.subject().indexOf(':'));
          String port = c.subject().substring(c.subject().indexOf(':') + 1);
          if (c.before() != null) {
            removedEdges.add(new FlowEdge(from, port, c.before()));
          }
          if (c.after() != null) {
            addedEdges.add(new FlowEdge(from, port, c.after()));
          }
        }
        default -> flowWords.add(capitalise(c.summary()) + ".");
      }
    }
    List<String> words = new ArrayList<>(flowWords);
    for (String id : added) {
      words.add("Added " + label(after.node(id).orElseThrow()) + " “" + id + "”.");
    }
    changed.forEach((id, fields) -> words.add(changedSentence(before, after, id, fields)));
    for (String id : removed) {
      words.add("Removed " + label(before.node(id).orElseThrow()) + " “" + id + "”.");
    }
    addedEdges.forEach(
        e -> words.add("Connected “" + e.from() + "” " + e.port() + " → “" + e.to() + "”."));
    removedEdges.forEach(
        e -> words.add("Disconnected “" + e.from() + "” " + e.port() + " → “" + e.to() + "”."));
    if (words.isEmpty()) {
      words.add("No differences.");
    }
    Map<String, List<String>> changedNodes = new LinkedHashMap<>();
    changed.forEach((id, fields) -> changedNodes.put(id, List.copyOf(fields)));
    return new DiffView(
        List.copyOf(added),
        List.copyOf(removed),
        Map.copyOf(changedNodes),
        List.copyOf(addedEdges),
        List.copyOf(removedEdges),
        List.copyOf(words));
  }

  public boolean isEmpty() {
    return sentences.equals(List.of("No differences."));
  }

  private static String changedSentence(
      FlowDocument before, FlowDocument after, String id, Set<String> fields) {
    FlowNode was = before.node(id).orElseThrow();
    FlowNode now = after.node(id).orElseThrow();
    if (fields.contains("kind")) {
      return "Changed “"
          + id
          + "” from "
          + NodeCatalog.spec(was.kind()).label()
          + " to "
          + label(now)
          + ".";
    }
    var spec = NodeCatalog.spec(now.kind());
    List<String> labels =
        fields.stream()
            .map(f -> spec.field(f).map(s -> s.label().toLowerCase(Locale.ROOT)).orElse(f))
            .toList();
    return "Changed " + label(now) + " “" + id + "”: " + String.join(", ", labels) + ".";
  }

  /** The setting a flattened path belongs to ({@code schedule.days} → {@code schedule}). */
  private static String top(String path) {
    int dot = path.indexOf('.');
    int bracket = path.indexOf('[');
    int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
    return end < 0 ? path : path.substring(0, end);
  }

  private static String label(FlowNode n) {
    return NodeCatalog.spec(n.kind()).label().toLowerCase(Locale.ROOT);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
