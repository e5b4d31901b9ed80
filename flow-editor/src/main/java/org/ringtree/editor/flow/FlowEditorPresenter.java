package org.ringtree.editor.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.FlowParseResult;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.rules.port.FlowEditingPort.PublishResult;
import org.ringtree.rules.port.FlowEditingPort.Submission;
import org.ringtree.rules.validation.FlowValidator;
import org.ringtree.rules.validation.Issue;

/**
 * The editing session of one flow: the document being drawn, undo/redo history, the selection and
 * the rules core's validation of every change. Plain Java, so it is tested without Spring or a
 * browser.
 */
public final class FlowEditorPresenter {

  static final int HISTORY = 200;

  /** How many of a refused file's problems the message names; the rest are counted. */
  static final int PROBLEMS_NAMED = 5;

  /**
   * The answer to an import: the number of nodes now on the canvas, or why the file was refused
   * (the canvas is then unchanged).
   */
  public record ImportOutcome(boolean imported, int nodes, String message) {}

  private final FlowEditingPort editing;
  private final Deque<FlowDocument> undo = new ArrayDeque<>();
  private final Deque<FlowDocument> redo = new ArrayDeque<>();
  private FlowDocument doc;
  private List<Issue> issues = List.of();
  private Set<String> selected = new LinkedHashSet<>();
  private boolean unsaved;

  public FlowEditorPresenter(FlowEditingPort editing) {
    this.editing = editing;
  }

  /** Starts editing a document; history and selection start afresh. */
  public void open(FlowDocument document) {
    doc = Objects.requireNonNull(document);
    undo.clear();
    redo.clear();
    selected = new LinkedHashSet<>();
    unsaved = false;
    revalidate();
  }

  public FlowDocument document() {
    return doc;
  }

  public List<Issue> issues() {
    return issues;
  }

  public boolean hasErrors() {
    return FlowValidator.hasErrors(issues);
  }

  public boolean unsaved() {
    return unsaved;
  }

  public Set<String> selection() {
    return Set.copyOf(selected);
  }

  /** The one selected node, if exactly one is selected. */
  public FlowNode selectedNode() {
    return selected.size() == 1 ? doc.node(selected.iterator().next()).orElse(null) : null;
  }

  /** Replaces the selection; returns whether it changed. */
  public boolean select(Collection<String> nodeIds) {
    Set<String> next = new LinkedHashSet<>();
    for (String id : nodeIds) {
      if (doc.node(id).isPresent()) {
        next.add(id);
      }
    }
    if (next.equals(selected)) {
      return false;
    }
    selected = next;
    return true;
  }

  /** Adds a node of a kind at a place (shifted while it would cover another node); its id. */
  public String addNode(NodeKind kind, double x, double y) {
    String id = freeId(kind.json());
    Position at = freePosition(x, y);
    List<FlowNode> nodes = new ArrayList<>(doc.nodes());
    nodes.add(new FlowNode(id, kind, at, Map.of()));
    change(with(nodes, doc.edges()));
    selected = new LinkedHashSet<>(List.of(id));
    return id;
  }

  /** Moves nodes; unknown ids are ignored. */
  public void move(Map<String, Position> moves) {
    boolean any = false;
    List<FlowNode> nodes = new ArrayList<>();
    for (FlowNode n : doc.nodes()) {
      Position p = moves.get(n.id());
      if (p != null && !p.equals(n.position())) {
        nodes.add(new FlowNode(n.id(), n.kind(), p, n.config()));
        any = true;
      } else {
        nodes.add(n);
      }
    }
    if (any) {
      change(with(nodes, doc.edges()));
    }
  }

  /**
   * Connects a port to a node; a port leads to one node, so an existing edge from the same port is
   * replaced. Returns false (and changes nothing) for unknown nodes or ports.
   */
  public boolean connect(String from, String port, String to) {
    FlowNode source = doc.node(from).orElse(null);
    FlowNode target = doc.node(to).orElse(null);
    if (source == null || target == null || target.kind() == NodeKind.START) {
      return false;
    }
    if (port == null || !NodeCatalog.portsOf(source).contains(port)) {
      return false;
    }
    List<FlowEdge> edges = new ArrayList<>();
    for (FlowEdge e : doc.edges()) {
      if (!(e.from().equals(from) && e.port().equals(port))) {
        edges.add(e);
      }
    }
    edges.add(new FlowEdge(from, port, to));
    change(with(doc.nodes(), edges));
    return true;
  }

  /** Deletes nodes (with their edges) and edges given by {@link CanvasModel#edgeId}. */
  public void delete(Collection<String> nodeIds, Collection<String> edgeIds) {
    Set<String> gone = new HashSet<>(nodeIds);
    Set<String> goneEdges = new HashSet<>(edgeIds);
    List<FlowNode> nodes = doc.nodes().stream().filter(n -> !gone.contains(n.id())).toList();
    List<FlowEdge> edges =
        doc.edges().stream()
            .filter(e -> !gone.contains(e.from()) && !gone.contains(e.to()))
            .filter(e -> !goneEdges.contains(CanvasModel.edgeId(e)))
            .toList();
    if (nodes.size() == doc.nodes().size() && edges.size() == doc.edges().size()) {
      return;
    }
    selected.removeAll(gone);
    change(with(nodes, edges));
  }

  /** Deletes the selected nodes. */
  public void deleteSelected() {
    delete(new ArrayList<>(selected), List.of());
  }

  /**
   * Sets one setting of a node; null or an empty string/list removes it, so the catalog default
   * applies. Edges from menu options that no longer exist are dropped.
   */
  public void setField(String nodeId, String field, Object value) {
    FlowNode node = doc.node(nodeId).orElse(null);
    if (node == null) {
      return;
    }
    Map<String, Object> config = new LinkedHashMap<>(node.config());
    if (isEmpty(value)) {
      config.remove(field);
    } else {
      config.put(field, value);
    }
    if (config.equals(node.config())) {
      return;
    }
    FlowNode changed = new FlowNode(node.id(), node.kind(), node.position(), config);
    List<FlowNode> nodes =
        doc.nodes().stream().map(n -> n.id().equals(nodeId) ? changed : n).toList();
    Map<String, String> renamed = renamedPorts(node, changed, field);
    List<String> ports = NodeCatalog.portsOf(changed);
    List<FlowEdge> edges =
        doc.edges().stream()
            .map(
                e ->
                    e.from().equals(nodeId) && renamed.containsKey(e.port())
                        ? new FlowEdge(e.from(), renamed.get(e.port()), e.to())
                        : e)
            .filter(e -> !e.from().equals(nodeId) || ports.contains(e.port()))
            .toList();
    change(with(nodes, edges));
  }

  /**
   * Ports whose menu option changed its key in place (same list length, same position): the edge
   * follows the option, so retyping a key never loses its connection. Adding or removing options
   * shifts positions, so nothing is renamed then.
   */
  private static Map<String, String> renamedPorts(FlowNode before, FlowNode after, String field) {
    NodeSpec spec = NodeCatalog.spec(before.kind());
    if (!field.equals(spec.dynamicPortsFrom())) {
      return Map.of();
    }
    List<Map<String, Object>> old = before.settings().objects(field);
    List<Map<String, Object>> now = after.settings().objects(field);
    if (old.size() != now.size()) {
      return Map.of();
    }
    List<String> oldPorts = NodeCatalog.portsOf(before);
    List<String> newPorts = NodeCatalog.portsOf(after);
    Map<String, String> renamed = new LinkedHashMap<>();
    for (int i = 0; i < old.size(); i++) {
      String from = NodeConfig.itemString(old.get(i), "key");
      String to = NodeConfig.itemString(now.get(i), "key");
      if (from != null
          && to != null
          && !from.equals(to)
          && !newPorts.contains(from)
          && !oldPorts.contains(to)) {
        renamed.put(from, to);
      }
    }
    return renamed;
  }

  /** Starts over from a template (or an imported file), keeping this flow's id and campaign. */
  public void replaceContent(FlowDocument content) {
    change(with(content.nodes(), content.edges()));
    selected = new LinkedHashSet<>();
  }

  /**
   * Puts a flow file on the canvas, keeping this flow's id and campaign. A file with any problem
   * (an unknown node kind, a malformed edge, ...) is refused whole, because importing only the
   * readable part would silently drop nodes and the connections through them.
   */
  public ImportOutcome importJson(String json) {
    FlowParseResult parsed = FlowJson.read(json);
    if (!parsed.ok()) {
      List<Issue> errors = parsed.issues().stream().filter(Issue::isError).toList();
      StringBuilder sb = new StringBuilder("Not imported, the canvas is unchanged: ");
      errors.stream()
          .limit(PROBLEMS_NAMED)
          .forEach(
              i ->
                  sb.append(i.nodeId() == null ? "" : "node " + FlowJson.quote(i.nodeId()) + ": ")
                      .append(i.message())
                      .append(' '));
      if (errors.size() > PROBLEMS_NAMED) {
        sb.append("and ").append(errors.size() - PROBLEMS_NAMED).append(" more problem(s).");
      }
      if (errors.isEmpty()) {
        sb.append("the file could not be read.");
      }
      return new ImportOutcome(false, 0, sb.toString().strip());
    }
    FlowDocument content = parsed.document().orElseThrow();
    replaceContent(content);
    return new ImportOutcome(
        true, content.nodes().size(), "Imported " + content.nodes().size() + " nodes.");
  }

  public void rename(String name) {
    change(
        new FlowDocument(
            doc.schemaVersion(), doc.id(), name, doc.campaignId(), doc.nodes(), doc.edges()));
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  public void undo() {
    if (!undo.isEmpty()) {
      redo.push(doc);
      doc = undo.pop();
      afterHistoryMove();
    }
  }

  public void redo() {
    if (!redo.isEmpty()) {
      undo.push(doc);
      doc = redo.pop();
      afterHistoryMove();
    }
  }

  /** Saves the document as the flow's draft, even with errors. */
  public void saveDraft() {
    editing.saveDraft(doc);
    unsaved = false;
  }

  /** Publishes unless the flow has errors; a published flow is also the saved draft. */
  public PublishResult publish(String author) {
    revalidate();
    if (hasErrors()) {
      return new PublishResult(false, null, null, issues);
    }
    PublishResult result = editing.publish(doc, author);
    if (result.published()) {
      unsaved = false;
    } else {
      issues = result.issues();
    }
    return result;
  }

  /**
   * Stores the flow as a new version for compliance to review, unless it has errors; nothing goes
   * live. The submitted flow is also the saved draft.
   */
  public Submission submit(String author) {
    revalidate();
    if (hasErrors()) {
      return new Submission(null, null, issues);
    }
    Submission result = editing.submit(doc, author);
    if (result.stored()) {
      unsaved = false;
    } else {
      issues = result.issues();
    }
    return result;
  }

  private void afterHistoryMove() {
    selected.removeIf(id -> doc.node(id).isEmpty());
    unsaved = true;
    revalidate();
  }

  private void change(FlowDocument next) {
    undo.push(doc);
    while (undo.size() > HISTORY) {
      undo.removeLast();
    }
    redo.clear();
    doc = next;
    unsaved = true;
    revalidate();
  }

  private void revalidate() {
    issues = List.copyOf(editing.validate(doc));
  }

  private FlowDocument with(List<FlowNode> nodes, List<FlowEdge> edges) {
    return new FlowDocument(
        doc.schemaVersion(), doc.id(), doc.name(), doc.campaignId(), nodes, edges);
  }

  private String freeId(String base) {
    for (int i = 1; ; i++) {
      String id = base + "-" + i;
      if (doc.node(id).isEmpty()) {
        return id;
      }
    }
  }

  /** Below any node the new one would cover, so nodes added by clicking stack downwards. */
  private Position freePosition(double x, double y) {
    double px = Math.round(x);
    double py = Math.round(y);
    for (int i = 0; i < 200; i++) {
      final double cy = py;
      boolean taken =
          doc.nodes().stream()
              .anyMatch(
                  n ->
                      Math.abs(n.position().x() - px) < 180
                          && Math.abs(n.position().y() - cy) < 110);
      if (!taken) {
        break;
      }
      py += 130;
    }
    return new Position(px, py);
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }
}
