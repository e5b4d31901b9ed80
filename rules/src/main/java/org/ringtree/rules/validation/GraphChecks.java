package org.ringtree.rules.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;

/**
 * The checks on a flow's shape, whatever its node kinds: the document, node ids, one start, edges
 * and ports, reachability, recording notices on every path, and loops that are capped and can end.
 * What a check needs to know about a kind it asks the kind's {@link KindCheck}.
 */
final class GraphChecks {

  static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final FlowDocument doc;
  private final DirectorySnapshot dir;
  private final IssueSink issues;
  private final Map<String, FlowNode> nodes = new LinkedHashMap<>();
  private final Map<String, List<FlowEdge>> out = new HashMap<>();
  private final List<FlowNode> starts;

  GraphChecks(FlowDocument doc, DirectorySnapshot dir, IssueSink issues) {
    this.doc = doc;
    this.dir = dir;
    this.issues = issues;
    this.starts = doc.nodes().stream().filter(n -> n.kind() == NodeKind.START).toList();
  }

  /** The nodes by id, first of each id only (duplicates are reported by {@link #document}). */
  Map<String, FlowNode> nodes() {
    return nodes;
  }

  void document() {
    if (doc.schemaVersion() != FlowDocument.CURRENT_SCHEMA_VERSION) {
      issues.error(null, "schemaVersion", "doc.schemaVersion", "Unsupported schemaVersion.");
    }
    for (FlowNode n : doc.nodes()) {
      if (!NODE_ID.matcher(n.id()).matches()) {
        issues.error(
            n.id(),
            "id",
            "node.idFormat",
            "Node ids use letters, digits, '-' and '_' (at most 64): " + FlowJson.quote(n.id()));
      }
      if (nodes.putIfAbsent(n.id(), n) != null) {
        issues.error(n.id(), "id", "node.duplicateId", "Another node already has this id.");
      }
    }
    campaign();
    if (starts.isEmpty()) {
      issues.error(null, null, "flow.noStart", "The flow has no start node.");
    }
    for (int i = 1; i < starts.size(); i++) {
      issues.error(
          starts.get(i).id(), null, "flow.multipleStarts", "A flow has exactly one start node.");
    }
  }

  private void campaign() {
    if (doc.campaignId() == null) {
      issues.warn(
          null,
          "campaignId",
          "doc.noCampaign",
          "No campaign: calls through this flow are never billable or payable.");
    } else if (dir.campaign(doc.campaignId()).isEmpty()) {
      issues.error(
          null,
          "campaignId",
          "doc.unknownCampaign",
          "Unknown campaign " + FlowJson.quote(doc.campaignId()) + ".");
    }
  }

  void edges() {
    Set<String> usedPorts = new HashSet<>();
    int i = 0;
    for (FlowEdge e : doc.edges()) {
      String field = "edges[" + i++ + "]";
      FlowNode from = nodes.get(e.from());
      String port = "port:" + e.port();
      if (from == null) {
        issues.error(
            e.from(), field, "edge.unknownFrom", "An edge starts at a node that does not exist.");
      } else if (!NodeCatalog.portsOf(from).contains(e.port())) {
        issues.error(
            e.from(),
            port,
            "edge.unknownPort",
            "This node has no port " + FlowJson.quote(e.port()) + ".");
      } else if (!nodes.containsKey(e.to())) {
        issues.error(
            e.from(),
            port,
            "edge.dangling",
            "Port " + FlowJson.quote(e.port()) + " leads to a node that does not exist.");
      } else if (nodes.get(e.to()).kind() == NodeKind.START) {
        issues.error(e.from(), port, "edge.intoStart", "Nothing may lead back to start.");
      } else if (!usedPorts.add(e.from() + "\u0000" + e.port())) {
        issues.error(
            e.from(),
            port,
            "edge.duplicatePort",
            "Port " + FlowJson.quote(e.port()) + " is connected more than once.");
      } else {
        out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      }
    }
  }

  void ports(FlowNode n, KindCheck kind) {
    Set<String> connected = new HashSet<>();
    out.getOrDefault(n.id(), List.of()).forEach(e -> connected.add(e.port()));
    NodeSpec spec = NodeCatalog.spec(n.kind());
    for (PortSpec p : spec.ports()) {
      if (connected.contains(p.name()) || kind.reportUnconnected(n, p, issues)) {
        continue;
      }
      if (p.required()) {
        issues.error(
            n.id(),
            "port:" + p.name(),
            "port.unconnected",
            "Port " + FlowJson.quote(p.name()) + " must be connected.");
      } else {
        issues.warn(
            n.id(),
            "port:" + p.name(),
            "port.unconnected",
            "Port " + FlowJson.quote(p.name()) + " is not connected: " + p.help());
      }
    }
    if (spec.dynamicPortsFrom() != null) {
      for (String port : NodeCatalog.portsOf(n)) {
        if (spec.port(port).isEmpty() && !connected.contains(port)) {
          issues.error(
              n.id(),
              "port:" + port,
              "port.unconnected",
              "Option " + FlowJson.quote(port) + " must lead somewhere.");
        }
      }
    }
  }

  /** Reachability and recording notices, walked from the start node. */
  void paths() {
    if (starts.isEmpty()) {
      return;
    }
    String start = starts.get(0).id();
    reachability(start);
    recordingNotice(start);
  }

  /**
   * Warns about each recording node a caller can reach without first passing a node that announces
   * recording: all-party-consent states (California, Florida, ...) require that callers be told
   * before a call is recorded.
   */
  private void recordingNotice(String start) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String id = todo.poll();
      FlowNode n = nodes.get(id);
      if (n == null || !seen.add(id)) {
        continue;
      }
      KindCheck kind = FlowValidator.checksOf(n.kind());
      if (kind.announcesRecording(n)) {
        // every path through here has heard the notice
        continue;
      }
      if (kind.recordsCall(n)) {
        issues.warn(
            id,
            "record",
            "route.recordingWithoutNotice",
            "This route records calls, but a caller can reach it without hearing a recording"
                + " notice. Turn on “Recording notice” in a Say node before it, or turn off"
                + " Record.");
      }
      out.getOrDefault(id, List.of()).forEach(e -> todo.add(e.to()));
    }
  }

  private void reachability(String start) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (seen.add(id)) {
        out.getOrDefault(id, List.of()).forEach(e -> todo.add(e.to()));
      }
    }
    for (FlowNode n : nodes.values()) {
      if (!seen.contains(n.id())) {
        issues.error(n.id(), null, "node.unreachable", "No path from start leads to this node.");
      }
    }
  }

  /** Tarjan's strongly connected components: every cycle needs a loop cap and a way out. */
  void loops() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    int[] counter = {0};
    for (String id : nodes.keySet()) {
      if (!index.containsKey(id)) {
        strongConnect(id, index, low, stack, onStack, counter);
      }
    }
  }

  private void strongConnect(
      String root,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      int[] counter) {
    // Iterative to survive 2,000-node chains without a deep Java stack.
    Deque<Object[]> work = new ArrayDeque<>();
    work.push(new Object[] {root, 0});
    while (!work.isEmpty()) {
      Object[] frame = work.peek();
      String v = (String) frame[0];
      int i = (Integer) frame[1];
      if (i == 0 && !index.containsKey(v)) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
      }
      List<FlowEdge> edges = out.getOrDefault(v, List.of());
      if (i < edges.size()) {
        frame[1] = i + 1;
        String w = edges.get(i).to();
        if (!index.containsKey(w)) {
          work.push(new Object[] {w, 0});
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
        continue;
      }
      work.pop();
      if (!work.isEmpty()) {
        String parent = (String) work.peek()[0];
        low.put(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> scc = new HashSet<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          scc.add(w);
        } while (!w.equals(v));
        checkCycle(scc);
      }
    }
  }

  private void checkCycle(Set<String> scc) {
    boolean selfLoop =
        scc.size() == 1
            && out.getOrDefault(scc.iterator().next(), List.of()).stream()
                .anyMatch(e -> e.to().equals(e.from()));
    if (scc.size() < 2 && !selfLoop) {
      return;
    }
    String anchor = scc.stream().sorted().findFirst().orElseThrow();
    boolean capped =
        scc.stream().anyMatch(id -> FlowValidator.checksOf(nodes.get(id).kind()).capsLoops());
    boolean exit =
        scc.stream()
            .anyMatch(
                id ->
                    FlowValidator.checksOf(nodes.get(id).kind()).endsCall()
                        || out.getOrDefault(id, List.of()).stream()
                            .anyMatch(e -> !scc.contains(e.to())));
    if (!capped) {
      issues.error(
          anchor,
          null,
          "loop.uncapped",
          "Nodes "
              + String.join(", ", scc.stream().sorted().toList())
              + " form a loop without a go-to node that limits it.");
    }
    if (!exit) {
      issues.error(anchor, null, "loop.noExit", "The loop through this node has no way out.");
    }
  }
}
