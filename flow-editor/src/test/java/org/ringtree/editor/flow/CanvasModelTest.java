package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.validation.Issue;

class CanvasModelTest {

  @Test
  void thePaletteOffersEveryNodeKindOfTheCatalog() {
    assertThat(CanvasModel.palette())
        .extracting(CanvasModel.PaletteItem::kind)
        .containsExactlyElementsOf(NodeCatalog.all().stream().map(s -> s.kind().json()).toList());
  }

  @Test
  void menuOptionsBecomeLabelledPortsBeforeTheFixedOnes() {
    FlowNode menu =
        new FlowNode(
            "m",
            NodeKind.MENU,
            Position.ORIGIN,
            Map.of("prompt", "Hi", "options", List.of(Map.of("key", "1", "label", "Sales"))));
    FlowDocument doc = new FlowDocument(1, "f", "f", "c", List.of(menu), List.of());
    CanvasModel.CanvasNode node =
        CanvasModel.nodes(doc, List.of(), Set.of(), CanvasModel.Overlay.NONE).get(0);
    assertThat(node.data().ports())
        .extracting(CanvasModel.Port::name, CanvasModel.Port::label)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("1", "1 Sales"),
            org.assertj.core.api.Assertions.tuple("invalid", "Invalid"),
            org.assertj.core.api.Assertions.tuple("noInput", "No input"));
    assertThat(node.data().summary()).isEqualTo("Hi");
    assertThat(node.data().hasInput()).isTrue();
  }

  @Test
  void aRandomPromptIsOnThePaletteAndSaysHowManyPromptsItPicksFrom() {
    assertThat(CanvasModel.palette())
        .extracting(CanvasModel.PaletteItem::kind, CanvasModel.PaletteItem::category)
        .contains(org.assertj.core.api.Assertions.tuple("randomPrompt", "Voice"));
    FlowNode greet =
        new FlowNode(
            "greet",
            NodeKind.RANDOM_PROMPT,
            Position.ORIGIN,
            Map.of("prompts", List.of(Map.of("text", "Hi."), Map.of("text", "Hello."))));
    FlowDocument doc = new FlowDocument(1, "f", "f", "c", List.of(greet), List.of());
    CanvasModel.CanvasNode node =
        CanvasModel.nodes(doc, List.of(), Set.of(), CanvasModel.Overlay.NONE).get(0);
    assertThat(node.data().summary()).isEqualTo("one of 2 prompt(s)");
    assertThat(node.data().ports()).extracting(CanvasModel.Port::name).containsExactly("next");
  }

  @Test
  void issuesAreCountedOnTheirNodesAndSelectionIsCarried() {
    FlowDocument doc = DemoNetwork.flow();
    List<Issue> issues =
        List.of(
            Issue.error("ring", "targets", "x", "No targets."),
            Issue.warning("ring", null, "y", "Odd."),
            Issue.error(null, null, "z", "Flow-level."));
    List<CanvasModel.CanvasNode> nodes =
        CanvasModel.nodes(doc, issues, Set.of("ring"), CanvasModel.Overlay.NONE);
    CanvasModel.CanvasNode ring =
        nodes.stream().filter(n -> n.id().equals("ring")).findFirst().orElseThrow();
    assertThat(ring.data().errors()).isEqualTo(1);
    assertThat(ring.data().warnings()).isEqualTo(1);
    assertThat(ring.data().problems()).contains("No targets.", "Odd.");
    assertThat(ring.selected()).isTrue();
    assertThat(nodes).filteredOn(n -> !n.id().equals("ring")).allMatch(n -> n.data().errors() == 0);
  }

  @Test
  void aComparisonMarksNodesAndEdgesAndShowsRemovedOnesAsGhosts() {
    FlowDocument before = DemoNetwork.flow();
    List<FlowNode> nodes = new ArrayList<>(before.nodes());
    nodes.removeIf(n -> n.id().equals("goodbye"));
    FlowDocument after =
        new FlowDocument(
            1,
            before.id(),
            before.name(),
            before.campaignId(),
            nodes,
            before.edges().stream().filter(e -> !e.to().equals("goodbye")).toList());
    CanvasModel.Overlay overlay = CanvasModel.Overlay.of(DiffView.between(before, after), before);

    List<CanvasModel.CanvasNode> drawn = CanvasModel.nodes(after, List.of(), Set.of(), overlay);
    List<CanvasModel.CanvasEdge> edges = CanvasModel.edges(after, overlay);

    CanvasModel.CanvasNode ghost =
        drawn.stream().filter(n -> n.id().equals("ghost:goodbye")).findFirst().orElseThrow();
    assertThat(ghost.data().status()).isEqualTo("removed");
    assertThat(ghost.deletable()).isFalse();
    assertThat(edges)
        .filteredOn(e -> "rt-edge-removed".equals(e.className()))
        .extracting(CanvasModel.CanvasEdge::target)
        .containsOnly("ghost:goodbye");
  }

  @Test
  void aSimulatedPathNumbersItsNodesAndLightsTheEdgesWalked() {
    FlowDocument doc = DemoNetwork.flow();
    CanvasModel.Overlay path = CanvasModel.Overlay.path(List.of("start", "greeting", "zip"), "zip");
    List<CanvasModel.CanvasNode> nodes = CanvasModel.nodes(doc, List.of(), Set.of(), path);
    assertThat(nodes)
        .filteredOn(n -> n.data().step() != null)
        .extracting(CanvasModel.CanvasNode::id, n -> n.data().step())
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("start", 1),
            org.assertj.core.api.Assertions.tuple("greeting", 2),
            org.assertj.core.api.Assertions.tuple("zip", 3));
    assertThat(nodes)
        .filteredOn(n -> n.data().current())
        .extracting(CanvasModel.CanvasNode::id)
        .containsExactly("zip");
    assertThat(CanvasModel.edges(doc, path))
        .filteredOn(CanvasModel.CanvasEdge::animated)
        .extracting(CanvasModel.CanvasEdge::id)
        .containsExactlyInAnyOrder("start::next", "greeting::next");
  }

  @Test
  void aTwoHundredNodeFlowIsDrawnQuickly() {
    List<FlowNode> nodes = new ArrayList<>();
    List<FlowEdge> edges = new ArrayList<>();
    nodes.add(new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()));
    String previous = "start";
    for (int i = 1; i < 200; i++) {
      String id = "say-" + i;
      nodes.add(
          new FlowNode(id, NodeKind.SAY, new Position(0, i * 130), Map.of("text", "Step " + i)));
      edges.add(new FlowEdge(previous, "next", id));
      previous = id;
    }
    FlowDocument doc = new FlowDocument(1, "big", "big", "c", nodes, edges);
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      CanvasModel.nodes(doc, List.of(), Set.of(), CanvasModel.Overlay.NONE);
      CanvasModel.edges(doc, CanvasModel.Overlay.NONE);
    }
    long perRedrawMillis = (System.nanoTime() - start) / 20 / 1_000_000;
    assertThat(perRedrawMillis).isLessThan(100);
  }
}
