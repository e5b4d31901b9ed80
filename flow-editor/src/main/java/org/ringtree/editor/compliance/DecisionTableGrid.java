package org.ringtree.editor.compliance;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.review.DecisionTable;
import org.ringtree.rules.review.TableRow;

/**
 * One compiled DMN decision table as a grid: a column per input ("When …") and output ("Then …") as
 * written in the DMN, then the row in plain words and the flow node it came from.
 */
final class DecisionTableGrid extends VerticalLayout {

  DecisionTableGrid(DecisionTable table, Map<String, String> nodeKinds) {
    setPadding(false);
    setSpacing(false);
    setId("table-" + table.decisionId());
    addClassName("rt-decision-table");
    Paragraph policy = new Paragraph("Hit policy: " + table.hitPolicyInWords());
    policy.addClassName("rt-hit-policy");
    policy.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");

    Grid<TableRow> grid = new Grid<>();
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    grid.addColumn(TableRow::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    for (int i = 0; i < table.inputs().size(); i++) {
      int column = i;
      grid.addColumn(r -> cell(r.inputEntries(), column))
          .setHeader("When " + table.inputs().get(i).label())
          .setFlexGrow(1);
    }
    for (int i = 0; i < table.outputs().size(); i++) {
      int column = i;
      grid.addColumn(r -> cell(r.outputEntries(), column))
          .setHeader("Then " + table.outputs().get(i).label())
          .setFlexGrow(1);
    }
    grid.addColumn(TableRow::sentence).setHeader("In words").setFlexGrow(3);
    grid.addColumn(r -> origin(r, nodeKinds)).setHeader("From").setAutoWidth(true).setFlexGrow(0);
    grid.setItems(table.rows());
    grid.setAllRowsVisible(true);
    grid.setWidthFull();

    add(new H4(table.name()), policy, grid);
  }

  /** "node ring (route)", or the campaign for payout rows, which no node produces. */
  static String origin(TableRow row, Map<String, String> nodeKinds) {
    if (row.nodeId() == null) {
      return "campaign payout policy";
    }
    String kind = nodeKinds.get(row.nodeId());
    return "node " + row.nodeId() + (kind == null ? "" : " (" + kind + ")");
  }

  private static String cell(List<String> entries, int column) {
    return column < entries.size() ? entries.get(column) : "";
  }
}
