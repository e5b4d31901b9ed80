package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.FlowEditingPort.PublishResult;
import org.ringtree.rules.port.FlowEditingPort.Submission;
import org.ringtree.rules.validation.Issue;

class FlowEditorPresenterTest {

  private FakeEditing editing;
  private FlowEditorPresenter p;

  @BeforeEach
  void openEmptyFlow() {
    editing = new FakeEditing();
    p = new FlowEditorPresenter(editing);
    p.open(FakeEditing.empty());
  }

  /** start -> menu (option 1) -> route (acme-law) -> hang up, as the browser test draws it. */
  private void buildStartMenuRouteHangup() {
    p.addNode(NodeKind.START, 0, 0);
    p.addNode(NodeKind.MENU, 0, 0);
    p.addNode(NodeKind.ROUTE, 0, 0);
    p.addNode(NodeKind.HANGUP, 0, 0);
    p.setField("menu-1", "prompt", "Press 1 for an attorney.");
    p.setField("menu-1", "options", List.of(Map.of("key", "1")));
    p.connect("start-1", "next", "menu-1");
    p.connect("menu-1", "1", "route-1");
    p.connect("route-1", "fallback", "hangup-1");
  }

  @Test
  void anEmptyCanvasHasOnlyTheMissingStartError() {
    assertThat(p.issues()).extracting(Issue::code).containsExactly("flow.noStart");
  }

  @Test
  void aFlowDrawnFromScratchValidatesOnceItsRouteHasATarget() {
    buildStartMenuRouteHangup();
    assertThat(p.issues())
        .filteredOn(Issue::isError)
        .extracting(Issue::nodeId, Issue::code)
        .containsExactly(org.assertj.core.api.Assertions.tuple("route-1", "route.noTargets"));

    p.setField("route-1", "targets", List.of("acme-law"));

    assertThat(p.hasErrors()).isFalse();
    assertThat(p.document().edges())
        .containsExactly(
            new FlowEdge("start-1", "next", "menu-1"),
            new FlowEdge("menu-1", "1", "route-1"),
            new FlowEdge("route-1", "fallback", "hangup-1"));
  }

  @Test
  void addedNodesGetKindNumberedIdsAndStackInsteadOfCoveringEachOther() {
    String a = p.addNode(NodeKind.SAY, 100, 100);
    String b = p.addNode(NodeKind.SAY, 100, 100);
    assertThat(a).isEqualTo("say-1");
    assertThat(b).isEqualTo("say-2");
    assertThat(p.document().node(b).orElseThrow().position()).isEqualTo(new Position(100, 230));
    assertThat(p.selection()).containsExactly("say-2");
  }

  @Test
  void connectingAPortAgainReplacesItsEdge() {
    buildStartMenuRouteHangup();
    p.connect("route-1", "fallback", "menu-1");
    assertThat(p.document().edges())
        .filteredOn(e -> e.from().equals("route-1"))
        .containsExactly(new FlowEdge("route-1", "fallback", "menu-1"));
  }

  @Test
  void refusesEdgesFromUnknownPortsAndIntoTheStart() {
    buildStartMenuRouteHangup();
    int edges = p.document().edges().size();
    assertThat(p.connect("menu-1", "7", "hangup-1")).isFalse();
    assertThat(p.connect("hangup-1", "next", "menu-1")).isFalse();
    assertThat(p.connect("menu-1", "invalid", "start-1")).isFalse();
    assertThat(p.connect("nope", "next", "menu-1")).isFalse();
    assertThat(p.document().edges()).hasSize(edges);
  }

  @Test
  void undoAndRedoWalkTheHistoryAndANewChangeForgetsTheRedo() {
    p.addNode(NodeKind.START, 0, 0);
    p.addNode(NodeKind.HANGUP, 0, 200);
    p.undo();
    assertThat(p.document().nodes()).extracting(n -> n.id()).containsExactly("start-1");
    assertThat(p.canRedo()).isTrue();
    p.redo();
    assertThat(p.document().nodes()).hasSize(2);
    p.undo();
    p.addNode(NodeKind.SAY, 0, 400);
    assertThat(p.canRedo()).isFalse();
    assertThat(p.document().nodes()).extracting(n -> n.id()).containsExactly("start-1", "say-1");
  }

  @Test
  void undoBringsBackAFlowReplacedByATemplate() {
    buildStartMenuRouteHangup();
    p.replaceContent(Templates.all().get(1).document());
    assertThat(p.document().id()).isEqualTo("f1");
    assertThat(p.document().campaignId()).isEqualTo("legal-tx");
    assertThat(p.document().node("zip")).isPresent();
    p.undo();
    assertThat(p.document().node("menu-1")).isPresent();
  }

  @Test
  void deletingNodesDropsTheirEdgesAndTheirSelection() {
    buildStartMenuRouteHangup();
    p.select(List.of("menu-1", "route-1"));
    p.deleteSelected();
    assertThat(p.document().nodes()).extracting(n -> n.id()).containsExactly("start-1", "hangup-1");
    assertThat(p.document().edges()).isEmpty();
    assertThat(p.selection()).isEmpty();
  }

  @Test
  void deletingAnEdgeByItsCanvasIdKeepsTheNodes() {
    buildStartMenuRouteHangup();
    p.delete(List.of(), List.of(CanvasModel.edgeId(new FlowEdge("menu-1", "1", "route-1"))));
    assertThat(p.document().nodes()).hasSize(4);
    assertThat(p.document().edges()).hasSize(2);
  }

  @Test
  void removingAMenuOptionDropsTheEdgeFromItsPort() {
    buildStartMenuRouteHangup();
    p.setField("menu-1", "options", List.of(Map.of("key", "1"), Map.of("key", "2")));
    p.connect("menu-1", "2", "hangup-1");

    p.setField("menu-1", "options", List.of(Map.of("key", "2")));

    assertThat(p.document().edges())
        .filteredOn(e -> e.from().equals("menu-1"))
        .containsExactly(new FlowEdge("menu-1", "2", "hangup-1"));
  }

  @Test
  void clearingASettingFallsBackToTheCatalogDefault() {
    p.addNode(NodeKind.MENU, 0, 0);
    p.setField("menu-1", "timeoutSeconds", 9L);
    assertThat(p.document().node("menu-1").orElseThrow().settings().integer("timeoutSeconds"))
        .isEqualTo(9);
    p.setField("menu-1", "timeoutSeconds", null);
    assertThat(p.document().node("menu-1").orElseThrow().config())
        .doesNotContainKey("timeoutSeconds");
    assertThat(p.document().node("menu-1").orElseThrow().settings().integer("timeoutSeconds"))
        .isEqualTo(5);
  }

  @Test
  void movingNodesIsUndoable() {
    p.addNode(NodeKind.START, 0, 0);
    p.move(Map.of("start-1", new Position(300, 40), "ghost", new Position(1, 1)));
    assertThat(p.document().node("start-1").orElseThrow().position())
        .isEqualTo(new Position(300, 40));
    p.undo();
    assertThat(p.document().node("start-1").orElseThrow().position()).isEqualTo(new Position(0, 0));
  }

  @Test
  void aDraftWithErrorsIsSavedButNeverPublished() {
    buildStartMenuRouteHangup();
    assertThat(p.hasErrors()).isTrue();

    p.saveDraft();
    PublishResult refused = p.publish("ops");

    assertThat(editing.drafts).hasSize(1);
    assertThat(refused.published()).isFalse();
    assertThat(refused.issues()).extracting(Issue::code).contains("route.noTargets");
    assertThat(editing.published).isEmpty();
    assertThat(p.unsaved()).isFalse();
  }

  @Test
  void aValidFlowIsPublished() {
    buildStartMenuRouteHangup();
    p.setField("route-1", "targets", List.of("acme-law"));
    PublishResult result = p.publish("ops");
    assertThat(result.published()).isTrue();
    assertThat(editing.published).containsExactly(p.document());
    assertThat(editing.authors).containsExactly("ops");
  }

  @Test
  void aSubmittedFlowIsStoredUnderItsAuthorWithoutGoingLive() {
    buildStartMenuRouteHangup();
    p.setField("route-1", "targets", List.of("acme-law"));

    Submission submitted = p.submit("operator");

    assertThat(submitted.stored()).isTrue();
    assertThat(editing.submitted).containsExactly(p.document());
    assertThat(editing.authors).containsExactly("operator");
    assertThat(editing.published).isEmpty();
    assertThat(p.unsaved()).isFalse();
  }

  @Test
  void aFlowWithErrorsIsNotSubmitted() {
    buildStartMenuRouteHangup();

    Submission refused = p.submit("operator");

    assertThat(refused.stored()).isFalse();
    assertThat(refused.issues()).extracting(Issue::code).contains("route.noTargets");
    assertThat(editing.submitted).isEmpty();
  }

  @Test
  void aPublishRefusedForMissingApprovalShowsTheRefusalAsAnIssue() {
    buildStartMenuRouteHangup();
    p.setField("route-1", "targets", List.of("acme-law"));
    editing.approvalRequired = true;

    PublishResult refused = p.publish("operator");

    assertThat(refused.published()).isFalse();
    assertThat(p.issues()).extracting(Issue::code).containsExactly("publish.refused");
    assertThat(editing.published).isEmpty();
  }

  @Test
  void selectionIgnoresUnknownNodesAndReportsWhetherItChanged() {
    buildStartMenuRouteHangup();
    assertThat(p.select(List.of("menu-1", "nope"))).isTrue();
    assertThat(p.select(List.of("menu-1"))).isFalse();
    assertThat(p.selectedNode().id()).isEqualTo("menu-1");
    p.select(List.of("menu-1", "route-1"));
    assertThat(p.selectedNode()).isNull();
  }

  @Test
  void importingAFileWithAnUnknownNodeKindIsRefusedAndKeepsTheCanvas() {
    buildStartMenuRouteHangup();
    var before = p.document();
    String file =
        """
        {"schemaVersion": 1, "nodes": [
          {"id": "start", "kind": "start"},
          {"id": "fax", "kind": "sendFax"}],
         "edges": [{"from": "start", "port": "next", "to": "fax"}]}
        """;

    FlowEditorPresenter.ImportOutcome outcome = p.importJson(file);

    assertThat(outcome.imported()).isFalse();
    assertThat(outcome.message())
        .contains("canvas is unchanged")
        .contains("\"fax\"")
        .contains("Unknown node kind \"sendFax\"");
    assertThat(p.document()).isSameAs(before);
  }

  @Test
  void importingAReadableFileReplacesTheContentAndUndoBringsTheOldFlowBack() {
    buildStartMenuRouteHangup();
    String file =
        """
        {"schemaVersion": 1, "id": "other", "campaignId": "other-campaign", "nodes": [
          {"id": "start", "kind": "start"},
          {"id": "bye", "kind": "hangup"}],
         "edges": [{"from": "start", "port": "next", "to": "bye"}]}
        """;

    FlowEditorPresenter.ImportOutcome outcome = p.importJson(file);

    assertThat(outcome.imported()).isTrue();
    assertThat(outcome.nodes()).isEqualTo(2);
    assertThat(p.document().id()).isEqualTo("f1");
    assertThat(p.document().campaignId()).isEqualTo("legal-tx");
    p.undo();
    assertThat(p.document().node("menu-1")).isPresent();
  }

  @Test
  void retypingAMenuKeyKeepsItsConnectionAndATwoDigitKeyIsKeptAndReported() {
    buildStartMenuRouteHangup();

    p.setField("menu-1", "options", List.of(Map.of("key", "12")));

    assertThat(p.document().node("menu-1").orElseThrow().settings().objects("options"))
        .extracting(o -> o.get("key"))
        .containsExactly("12");
    assertThat(p.document().edges()).contains(new FlowEdge("menu-1", "12", "route-1"));
    assertThat(p.issues())
        .filteredOn(i -> i.code().equals("menu.key"))
        .extracting(Issue::nodeId, Issue::field)
        .containsExactly(org.assertj.core.api.Assertions.tuple("menu-1", "options[0].key"));

    p.setField("menu-1", "options", List.of(Map.of("key", "#")));

    assertThat(p.document().edges()).contains(new FlowEdge("menu-1", "#", "route-1"));
    assertThat(p.issues()).noneMatch(i -> i.code().equals("menu.key"));
  }

  @Test
  void addingAnOptionBeforeAnotherDoesNotMoveConnections() {
    buildStartMenuRouteHangup();
    p.setField("menu-1", "options", List.of(Map.of("key", "1"), Map.of("key", "2")));
    assertThat(p.document().edges()).contains(new FlowEdge("menu-1", "1", "route-1"));
    assertThat(p.document().edges()).noneMatch(e -> e.port().equals("2"));
  }

  @Test
  void savingADraftClearsUnsavedChanges() {
    buildStartMenuRouteHangup();
    assertThat(p.unsaved()).isTrue();

    p.saveDraft();

    assertThat(p.unsaved()).isFalse();
    assertThat(editing.drafts).containsExactly(p.document());
    p.move(Map.of("start-1", new Position(5, 5)));
    assertThat(p.unsaved()).isTrue();
  }

  @Test
  void anArrangementIsOneStepThatUndoPutsBack() {
    buildStartMenuRouteHangup();
    var before = p.document();
    p.move(
        Map.of(
            "start-1", new Position(100, 0),
            "menu-1", new Position(100, 170),
            "route-1", new Position(100, 340),
            "hangup-1", new Position(100, 510)));
    assertThat(p.document().nodes())
        .extracting(n -> n.position().y())
        .containsExactly(0.0, 170.0, 340.0, 510.0);
    p.undo();
    assertThat(p.document()).isEqualTo(before);
  }
}
