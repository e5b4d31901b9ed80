package org.ringtree.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.examples.DemoNetwork;

class DirectoryRefsTest {

  @Test
  void aNewKindsReferenceFieldsAreReadFromItsSchemaWithoutCode() {
    NodeSpec whisper =
        new NodeSpec(
            NodeKind.SAY,
            "Whisper",
            "Routing",
            "A made-up kind that names buyers' targets in fields of its own.",
            List.of(
                FieldSpec.of("buyers", "Buyers", FieldType.TARGET_REFS, "Targets."),
                FieldSpec.of("pool", "Pool", FieldType.GROUP_REFS, "Groups."),
                FieldSpec.of("hook", "Hook", FieldType.CONNECTOR_REF, "A connector."),
                FieldSpec.of("notes", "Notes", FieldType.STRING_LIST, "Not references.")),
            List.of(),
            null);
    NodeConfig settings =
        new NodeConfig(
            whisper,
            Map.of(
                "buyers", List.of("acme-law", "beta-legal"),
                "pool", List.of("tx-backup"),
                "hook", "crm-lookup",
                "notes", List.of("gamma-attorneys")));

    DirectoryRefs refs = DirectoryRefs.of(whisper, settings);

    assertThat(refs.targets()).containsExactly("acme-law", "beta-legal");
    assertThat(refs.groups()).containsExactly("tx-backup");
    assertThat(refs.connectors()).containsExactly("crm-lookup");
  }

  @Test
  void aFlowsReferencesAreItsNodesInDocumentOrder() {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("late", NodeKind.ROUTE, Map.of("targets", List.of("gamma-attorneys")))
            .node("crm", NodeKind.CONNECTOR, Map.of("connectorId", "crm-lookup"))
            .node("say", NodeKind.SAY, Map.of("text", "acme-law"))
            .node(
                "early",
                NodeKind.ROUTE,
                Map.of("targets", List.of("acme-law"), "groups", List.of("tx-backup")))
            .build();

    DirectoryRefs refs = DirectoryRefs.of(flow);

    assertThat(refs.targets()).containsExactly("gamma-attorneys", "acme-law");
    assertThat(refs.groups()).containsExactly("tx-backup");
    assertThat(refs.connectors()).containsExactly("crm-lookup");
  }

  @Test
  void theDemoFlowNamesItsRouteTargetsAndGroup() {
    DirectoryRefs refs = DirectoryRefs.of(DemoNetwork.flow());

    assertThat(refs.targets()).containsExactly("acme-law", "beta-legal");
    assertThat(refs.groups()).containsExactly("tx-backup");
    assertThat(refs.connectors()).isEmpty();
  }
}
