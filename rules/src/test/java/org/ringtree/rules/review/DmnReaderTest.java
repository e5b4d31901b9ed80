package org.ringtree.rules.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.compiler.CompiledFlow;

class DmnReaderTest {

  private final CompiledFlow demo = Fixtures.demoCompiled();

  @Test
  void readsTheCompiledRoutingTableWithColumnsHitPolicyAndRowsLinkedToTheirNode() {
    DmnModel model = DmnReader.read(demo.routingDmn(), demo.ruleIndex());

    DecisionTable table = model.table("Routing policy").orElseThrow();
    assertThat(table.hitPolicy()).isEqualTo("UNIQUE");
    assertThat(table.inputs()).containsExactly(new DecisionTable.Column("Route node", "string"));
    assertThat(table.outputs())
        .extracting(DecisionTable.Column::label)
        .containsExactly("Method", "Minimum offer", "Auction", "Row");
    TableRow row = table.row("routing-ring").orElseThrow();
    assertThat(row.nodeId()).isEqualTo("ring");
    assertThat(row.artifact()).isEqualTo("dmn-routing");
    assertThat(row.inputEntries()).containsExactly("\"ring\"");
    assertThat(row.description()).startsWith("Route ring: distribution ringTree");
    assertThat(row.sentence())
        .isEqualTo(
            "When Route node is ring: Method is ringTree,"
                + " Minimum offer is max([50, Publisher payout + 20]), Auction is tiers.");
  }

  @Test
  void readsTheBillingTablesInPlainWords() {
    DmnModel model = DmnReader.read(demo.billingDmn(), demo.ruleIndex());

    assertThat(model.tables())
        .extracting(DecisionTable::name)
        .containsExactly("Buyer revenue", "Publisher payout", "Region bonus");
    DecisionTable publisher = model.table("Publisher payout").orElseThrow();
    assertThat(publisher.hitPolicy()).isEqualTo("FIRST");
    assertThat(publisher.hitPolicyInWords()).startsWith("First:");
    assertThat(publisher.rows())
        .extracting(TableRow::sentence)
        .contains(
            "When Blocked is yes: Payable is no, Amount is 0, Reason is blocked or spam call.",
            "When Talk seconds is under 60: Payable is no, Amount is 0,"
                + " Reason is talk time under 60 s.",
            "In every case: Payable is yes, Amount is 200, Reason is fixed payout $200.00.");
    assertThat(publisher.rows()).allSatisfy(r -> assertThat(r.artifact()).isEqualTo("dmn-billing"));
  }

  @Test
  void refusesDocumentsWithADoctype() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<definitions>&x;</definitions>";

    assertThatThrownBy(() -> DmnReader.read(hostile, List.of()))
        .isInstanceOf(DmnReader.UnreadableDmnException.class);
  }

  @Test
  void describesRangesListsAndNegationsInWords() {
    assertThat(PlainWords.test("Talk seconds", "[30..90)"))
        .isEqualTo("Talk seconds is at least 30 and under 90");
    assertThat(PlainWords.test("State", "\"CA\", \"NV\"")).isEqualTo("State is one of CA, NV");
    assertThat(PlainWords.test("State", "not(\"TX\")")).isEqualTo("not (State is TX)");
    assertThat(PlainWords.test("Talk seconds", ">= 120")).isEqualTo("Talk seconds is at least 120");
    assertThat(PlainWords.test("Anything", "-")).isNull();
  }
}
