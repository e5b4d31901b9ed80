package org.ringtree.editor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.review.DecisionTable;
import org.ringtree.rules.review.TableRow;

/**
 * A compiled table as a reviewer reads it: "When"/"Then" columns, words, and where a row came from.
 */
class DecisionTableGridTest {

  private static final TableRow RING =
      new TableRow(
          1,
          "r1",
          List.of("\"CA\""),
          List.of("\"bidder-one\""),
          "d",
          "A CA caller goes to Bidder One",
          "ring",
          "routing");
  private static final TableRow PAYOUT =
      new TableRow(2, "r2", List.of("> 90"), List.of(), "d", "Payout after 90 s", null, "billing");

  @Test
  void hasAColumnPerInputAndOutputNamedAsTheDmnWritesThem() {
    DecisionTable table =
        new DecisionTable(
            "routing",
            "Routing",
            "FIRST",
            List.of(new DecisionTable.Column("caller state", "string")),
            List.of(new DecisionTable.Column("buyer", "string")),
            List.of(RING, PAYOUT));

    DecisionTableGrid grid = new DecisionTableGrid(table, Map.of("ring", "route"));

    assertThat(grid.getId()).contains("table-routing");
    Grid<?> g =
        grid.getChildren()
            .filter(Grid.class::isInstance)
            .map(c -> (Grid<?>) c)
            .findFirst()
            .orElseThrow();
    assertThat(g.getColumns()).hasSize(5);
    assertThat(grid.getChildren().filter(H4.class::isInstance).map(c -> ((H4) c).getText()))
        .containsExactly("Routing");
    assertThat(
            grid.getChildren()
                .map(Component::getElement)
                .filter(e -> e.getText().startsWith("Hit policy: ")))
        .hasSize(1);
  }

  @Test
  void aRowSaysWhichNodeItCameFromOrThatThePayoutPolicyMadeIt() {
    assertThat(DecisionTableGrid.origin(RING, Map.of("ring", "route")))
        .isEqualTo("node ring (route)");
    assertThat(DecisionTableGrid.origin(RING, Map.of())).isEqualTo("node ring");
    assertThat(DecisionTableGrid.origin(PAYOUT, Map.of())).isEqualTo("campaign payout policy");
  }
}
