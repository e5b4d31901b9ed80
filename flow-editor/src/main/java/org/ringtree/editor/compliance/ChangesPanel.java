package org.ringtree.editor.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.review.Change;
import org.ringtree.rules.review.ChangeKind;
import org.ringtree.rules.review.DecisionTable;
import org.ringtree.rules.review.TableDiff;
import org.ringtree.rules.review.TableDiff.CellChange;
import org.ringtree.rules.review.TableDiff.RowChange;
import org.ringtree.rules.review.TableRow;
import org.ringtree.rules.review.VersionDiff;

/**
 * What changed between two versions: the summary in plain words, then every decision-table row
 * added, removed or changed (changed cells highlighted, before → after), then the flow's nodes and
 * edges, the directory entries and the generated rules. Text is set as text, never as HTML.
 */
final class ChangesPanel extends VerticalLayout {

  static final String CHANGED_CELL = "rt-cell-changed";

  /** Finds the column labels of a table by name, in the newer version. */
  interface Tables {
    Optional<DecisionTable> table(String name);
  }

  ChangesPanel(VersionDiff diff, Tables tables) {
    setPadding(false);
    setId("diff");
    if (diff.isEmpty()) {
      Paragraph none = new Paragraph("No differences: both versions do the same.");
      none.setId("diff-summary");
      add(none);
      return;
    }
    add(new H4("In words"));
    UnorderedList summary = new UnorderedList();
    summary.setId("diff-summary");
    diff.summary().forEach(line -> summary.add(new ListItem(line)));
    add(summary);

    if (!diff.tables().isEmpty()) {
      add(new H4("Decision tables, row by row"));
      Div tablesBox = new Div();
      tablesBox.setId("diff-tables");
      for (TableDiff t : diff.tables()) {
        tablesBox.add(tableDiff(t, tables.table(t.table())));
      }
      add(tablesBox);
    }
    section("Flow: steps and connections", "diff-flow", diff.flow());
    section("Directory entries the version compiled against", "diff-directory", diff.directory());
    section("Generated rules", "diff-rules", diff.rules());
  }

  private void section(String title, String id, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    add(new H4(title));
    UnorderedList list = new UnorderedList();
    list.setId(id);
    for (Change c : changes) {
      ListItem item = new ListItem(badge(c.kind()), new Span(" " + c.summary()));
      list.add(item);
    }
    add(list);
  }

  private static Div tableDiff(TableDiff diff, Optional<DecisionTable> table) {
    Div box = new Div();
    box.addClassName("rt-table-diff");
    box.getStyle().set("margin-bottom", "var(--lumo-space-m)");
    Span name = new Span(diff.table());
    name.getStyle().set("font-weight", "600");
    box.add(name);
    diff.structureChanges().forEach(s -> box.add(new Paragraph("Shape: " + s)));
    if (diff.rows().isEmpty()) {
      return box;
    }
    List<String> headers = new ArrayList<>();
    table.ifPresent(
        t -> {
          t.inputs().forEach(c -> headers.add("When " + c.label()));
          t.outputs().forEach(c -> headers.add("Then " + c.label()));
        });
    int inputs = table.map(t -> t.inputs().size()).orElse(0);

    Element html = new Element("table");
    html.getStyle()
        .set("border-collapse", "collapse")
        .set("width", "100%")
        .set("font-size", "var(--lumo-font-size-s)");
    Element head = new Element("tr");
    head.appendChild(th("Change"), th("Row"));
    headers.forEach(h -> head.appendChild(th(h)));
    head.appendChild(th("In words"));
    html.appendChild(head);
    for (RowChange row : diff.rows()) {
      html.appendChild(row(row, headers.size(), inputs));
    }
    Div wrapper = new Div();
    wrapper.getElement().appendChild(html);
    wrapper.getStyle().set("overflow-x", "auto");
    box.add(wrapper);
    return box;
  }

  private static Element row(RowChange change, int columns, int inputs) {
    Element tr = new Element("tr");
    tr.setAttribute("data-row", change.rowId());
    tr.setAttribute("data-change", change.kind().name().toLowerCase());
    tr.appendChild(td(kindWord(change.kind())), td(change.rowId()));
    TableRow shown = change.after() != null ? change.after() : change.before();
    List<String> cells = new ArrayList<>(shown.inputEntries());
    cells.addAll(shown.outputEntries());
    for (int i = 0; i < Math.max(columns, cells.size()); i++) {
      String value = i < cells.size() ? cells.get(i) : "";
      Element td = td(value);
      Optional<CellChange> changed = cellChange(change, i, inputs);
      if (changed.isPresent()) {
        td.setText(
            nullToEmpty(changed.get().before()) + " → " + nullToEmpty(changed.get().after()));
        td.getClassList().add(CHANGED_CELL);
        td.getStyle().set("background", "#fff1b8").set("font-weight", "600");
      }
      tr.appendChild(td);
    }
    String words =
        change.kind() == ChangeKind.CHANGED && change.before() != null
            ? "Was: " + change.before().sentence() + " Now: " + change.after().sentence()
            : shown.sentence();
    tr.appendChild(td(words));
    String background =
        change.kind() == ChangeKind.ADDED
            ? "#e6f6ea"
            : change.kind() == ChangeKind.REMOVED ? "#fde8e8" : "transparent";
    tr.getStyle().set("background", background);
    if (change.kind() == ChangeKind.REMOVED) {
      tr.getStyle().set("text-decoration", "line-through");
    }
    return tr;
  }

  /** The cell change at a position counted over inputs, then outputs. */
  private static Optional<CellChange> cellChange(RowChange change, int position, int inputs) {
    return change.cells().stream()
        .filter(c -> (c.output() ? inputs + c.index() : c.index()) == position)
        .findFirst();
  }

  private static Span badge(ChangeKind kind) {
    Span badge = new Span(kindWord(kind));
    badge.addClassName("rt-change-" + kindWord(kind));
    badge
        .getStyle()
        .set("font-size", "var(--lumo-font-size-xs)")
        .set("padding", "0 6px")
        .set("border-radius", "8px")
        .set(
            "background",
            kind == ChangeKind.ADDED
                ? "#e6f6ea"
                : kind == ChangeKind.REMOVED ? "#fde8e8" : "#fff1b8");
    return badge;
  }

  private static String kindWord(ChangeKind kind) {
    switch (kind) {
      case ADDED:
        return "added";
      case REMOVED:
        return "removed";
      default:
        return "changed";
    }
  }

  private static Element th(String text) {
    Element th = new Element("th");
    th.setText(text);
    th.getStyle()
        .set("text-align", "left")
        .set("border-bottom", "1px solid var(--lumo-contrast-20pct)")
        .set("padding", "4px");
    return th;
  }

  private static Element td(String text) {
    Element td = new Element("td");
    td.setText(text);
    td.getStyle()
        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
        .set("padding", "4px")
        .set("vertical-align", "top");
    return td;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
