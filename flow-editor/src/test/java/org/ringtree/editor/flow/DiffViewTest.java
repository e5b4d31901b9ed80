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

/** The editor's view of the one flow diff, {@link org.ringtree.rules.review.FlowDiff}. */
class DiffViewTest {

  private final FlowDocument before = DemoNetwork.flow();

  @Test
  void aFlowComparedWithItselfHasNoDifferences() {
    DiffView diff = DiffView.between(before, before);
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

    DiffView diff = DiffView.between(before, after);

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
    assertThat(DiffView.between(before, after).isEmpty()).isTrue();
  }

  @Test
  void aSettingWrittenOutAtItsDefaultIsNoChangeInTheEditorNorInCompliance() {
    // the editor's own diff used to compare raw settings and call this a change of "language",
    // while the compliance review (defaults filled in) saw none
    assertThat(before.node("zip").orElseThrow().config()).doesNotContainKey("language");
    FlowDocument explicit = withZipLanguage("en-US");

    DiffView editor = DiffView.between(before, explicit);

    assertThat(editor.isEmpty()).isTrue();
    assertThat(editor.changedNodes()).isEmpty();
    assertThat(org.ringtree.rules.review.FlowDiff.between(before, explicit)).isEmpty();
  }

  @Test
  void aChangedSettingIsAChangeInTheEditorAndInCompliance() {
    FlowDocument spanish = withZipLanguage("es-US");

    assertThat(DiffView.between(before, spanish).changedNodes())
        .containsExactly(Map.entry("zip", List.of("language")));
    assertThat(org.ringtree.rules.review.FlowDiff.between(before, spanish))
        .extracting(org.ringtree.rules.review.Change::summary)
        .containsExactly("node zip: language en-US → es-US");
  }

  @Test
  void aRewiredPortShowsAsTheOldEdgeRemovedAndTheNewOneAdded() {
    List<FlowEdge> edges =
        new ArrayList<>(
            before.edges().stream()
                .filter(e -> !(e.from().equals("texas") && e.port().equals("false")))
                .toList());
    edges.add(new FlowEdge("texas", "false", "ring"));
    FlowDocument after =
        new FlowDocument(1, before.id(), before.name(), before.campaignId(), before.nodes(), edges);

    DiffView diff = DiffView.between(before, after);

    assertThat(diff.addedEdges()).containsExactly(new FlowEdge("texas", "false", "ring"));
    assertThat(diff.removedEdges()).containsExactly(new FlowEdge("texas", "false", "not-served"));
    assertThat(diff.sentences())
        .containsExactly(
            "Connected “texas” false → “ring”.", "Disconnected “texas” false → “not-served”.");
  }

  /** The demo flow with the zip prompt's language written out. */
  private FlowDocument withZipLanguage(String language) {
    List<FlowNode> nodes =
        before.nodes().stream()
            .map(
                n -> {
                  if (!n.id().equals("zip")) {
                    return n;
                  }
                  var config = new java.util.TreeMap<String, Object>(n.config());
                  config.put("language", language);
                  return new FlowNode("zip", n.kind(), n.position(), config);
                })
            .toList();
    return new FlowDocument(
        1, before.id(), before.name(), before.campaignId(), nodes, before.edges());
  }
}
