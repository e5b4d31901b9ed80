package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.port.FlowEditingPort.CampaignChoice;

class NewFlowTest {

  private static final CampaignChoice SOLAR = new CampaignChoice("Solar_Leads", "Solar leads");

  @Test
  void anEmptyStartIsOneStartNodeForTheChosenCampaign() {
    FlowDocument doc = NewFlow.document(SOLAR, " ", NewFlow.Start.START_NODE);

    assertThat(doc.id()).isEqualTo("solar-leads-flow");
    assertThat(doc.name()).isEqualTo("Solar leads flow");
    assertThat(doc.campaignId()).isEqualTo("Solar_Leads");
    assertThat(doc.nodes())
        .singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo(NodeKind.START));
    assertThat(doc.edges()).isEmpty();
  }

  @Test
  void aTemplateStartCarriesItsStepsAndConnections() {
    NewFlow.Start zip =
        NewFlow.starts().stream().filter(s -> s.name().contains("Zip")).findFirst().orElseThrow();

    FlowDocument doc = NewFlow.document(SOLAR, "Solar", zip);

    assertThat(doc.name()).isEqualTo("Solar");
    assertThat(doc.nodes()).isEqualTo(zip.template().document().nodes());
    assertThat(doc.edges()).isEqualTo(zip.template().document().edges()).isNotEmpty();
    // the empty-canvas template would start with no Start node at all, so it is not offered
    assertThat(NewFlow.starts()).allSatisfy(s -> assertThat(s.name()).doesNotContain("Empty"));
  }
}
