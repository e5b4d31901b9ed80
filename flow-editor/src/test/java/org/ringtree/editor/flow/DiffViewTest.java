package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;

class FlowDiffTest {

  private final FlowDocument before = DemoNetwork.flow();

  @Test
  void aFlowComparedWithItselfHasNoDifferences() {
    FlowDiff diff = FlowDiff.between(before, before);
    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.sentences()).containsExactly("No differences.");
  }

  @Test
  void listsAddedRemovedAndChangedNodesAndEdgesInWords() {
    List<FlowNode> nodes = new ArrayList<>();
    for (FlowNode n : before.nodes()) {
      if (n.id().equals("qualified")) {
        continue;
      }
      if (n.id().equals("ring")) {
        var config = new java.util.TreeMap<>(n.config());
        config.put("floor", 75L);
        nodes.add(new FlowNode(n.id(), n.kind(), n.position(), config));
      } else {
        nodes.add(n);
      }
    }
    nodes.add(new FlowNode("thanks", NodeKind.SAY, Position.ORIGIN, Map.of("text", "Hi")));
    List<FlowEdge> edges =
        new ArrayList<>(
            before.edges().stream()
                .filter(e -> !e.from().equals("qualified") && !e.to().equals("qualified"))
                .toList());
    edges.add(new FlowEdge("texas", "true", "ring"));
    FlowDocument after =
        new FlowDocument(1, before.id(), before.name(), before.campaignId(), nodes, edges);

    FlowDiff diff = FlowDiff.between(before, after);

    assertThat(diff.addedNodes()).containsExactly("thanks");
    assertThat(diff.removedNodes()).containsExactly("qualified");
    assertThat(diff.changedNodes())
        .containsOnlyKeys("ring")
        .containsEntry("ring", List.of("floor"));
    assertThat(diff.addedEdges()).containsExactly(new FlowEdge("texas", "true", "ring"));
    assertThat(diff.removedEdges()).extracting(FlowEdge::to).contains("qualified");
    assertThat(diff.sentences())
        .contains(
            "Added say / play “thanks”.",
            "Removed set tag “qualified”.",
            "Changed route “ring”: floor.",
            "Connected “texas” true → “ring”.");
  }

  @Test
  void movingANodeIsNotAChange() {
    List<FlowNode> moved =
        before.nodes().stream()
            .map(n -> new FlowNode(n.id(), n.kind(), new Position(9, 9), n.config()))
            .toList();
    FlowDocument after =
        new FlowDocument(1, before.id(), before.name(), before.campaignId(), moved, before.edges());
    assertThat(FlowDiff.between(before, after).isEmpty()).isTrue();
  }
}
