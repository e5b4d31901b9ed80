package org.ringtree.rules.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The row-level difference of one decision table between two versions: rows added, removed and
 * changed (matched by row id), with the cells that changed, plus changes to the table's shape.
 */
public record TableDiff(
    String table, List<String> structureChanges, List<RowChange> rows, List<String> summary) {

  public TableDiff {
    structureChanges = List.copyOf(structureChanges);
    rows = List.copyOf(rows);
    summary = List.copyOf(summary);
  }

  /** One row that differs; {@code before} is null when added, {@code after} when removed. */
  public record RowChange(
      ChangeKind kind, String rowId, TableRow before, TableRow after, List<CellChange> cells) {
    public RowChange {
      cells = List.copyOf(cells);
    }
  }

  /** One cell that differs in a changed row; {@code output} tells which side of the table. */
  public record CellChange(String column, boolean output, int index, String before, String after) {}

  public boolean isEmpty() {
    return structureChanges.isEmpty() && rows.isEmpty();
  }

  /** Compares two versions of a table; either may be null when the table is new or gone. */
  public static TableDiff between(DecisionTable before, DecisionTable after) {
    String name = after != null ? after.name() : before.name();
    List<String> structure = new ArrayList<>();
    List<RowChange> rows = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    if (before == null) {
      structure.add("new table " + name);
      summary.add("New decision table " + name + ".");
    } else if (after == null) {
      structure.add("table " + name + " removed");
      summary.add("Decision table " + name + " removed.");
    } else {
      if (!before.hitPolicy().equals(after.hitPolicy())) {
        structure.add("hit policy " + before.hitPolicy() + " → " + after.hitPolicy());
      }
      if (!before.inputs().equals(after.inputs())) {
        structure.add("inputs " + labels(before.inputs()) + " → " + labels(after.inputs()));
      }
      if (!before.outputs().equals(after.outputs())) {
        structure.add("outputs " + labels(before.outputs()) + " → " + labels(after.outputs()));
      }
      structure.forEach(s -> summary.add(name + ": " + s + "."));
    }
    List<TableRow> beforeRows = before == null ? List.of() : before.rows();
    List<TableRow> afterRows = after == null ? List.of() : after.rows();
    Set<String> ids = new LinkedHashSet<>();
    beforeRows.forEach(r -> ids.add(r.id()));
    afterRows.forEach(r -> ids.add(r.id()));
    for (String id : ids) {
      TableRow b = find(beforeRows, id);
      TableRow a = find(afterRows, id);
      if (b == null) {
        rows.add(new RowChange(ChangeKind.ADDED, id, null, a, List.of()));
        summary.add(name + ": new row " + id + " — " + a.sentence());
      } else if (a == null) {
        rows.add(new RowChange(ChangeKind.REMOVED, id, b, null, List.of()));
        summary.add(name + ": row " + id + " removed — " + b.sentence());
      } else {
        List<CellChange> cells = new ArrayList<>();
        compare(
            cells,
            after == null ? List.of() : after.inputs(),
            false,
            b.inputEntries(),
            a.inputEntries());
        compare(
            cells,
            after == null ? List.of() : after.outputs(),
            true,
            b.outputEntries(),
            a.outputEntries());
        if (!cells.isEmpty()) {
          rows.add(new RowChange(ChangeKind.CHANGED, id, b, a, cells));
          List<String> parts =
              cells.stream()
                  .map(
                      c ->
                          c.column()
                              + " "
                              + PlainWords.value(c.before())
                              + " → "
                              + PlainWords.value(c.after()))
                  .toList();
          summary.add(name + ": row " + id + " changed: " + String.join("; ", parts));
        } else if (b.number() != a.number() && "FIRST".equals(after.hitPolicy())) {
          // under FIRST the order is part of the meaning
          rows.add(new RowChange(ChangeKind.CHANGED, id, b, a, List.of()));
          summary.add(
              name + ": row " + id + " moved from position " + b.number() + " to " + a.number());
        }
      }
    }
    return new TableDiff(name, structure, rows, summary);
  }

  private static void compare(
      List<CellChange> out,
      List<DecisionTable.Column> columns,
      boolean output,
      List<String> before,
      List<String> after) {
    int n = Math.max(before.size(), after.size());
    for (int i = 0; i < n; i++) {
      String b = i < before.size() ? before.get(i) : null;
      String a = i < after.size() ? after.get(i) : null;
      if (!Objects.equals(b, a)) {
        String label =
            i < columns.size() ? columns.get(i).label() : (output ? "output " : "input ") + (i + 1);
        out.add(new CellChange(label, output, i, b, a));
      }
    }
  }

  private static TableRow find(List<TableRow> rows, String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  private static String labels(List<DecisionTable.Column> columns) {
    return String.join(", ", columns.stream().map(c -> c.label() + ":" + c.typeRef()).toList());
  }

  /** Compares every table of two models, matched by decision name, in the newer model's order. */
  public static List<TableDiff> between(DmnModel before, DmnModel after) {
    Set<String> names = new LinkedHashSet<>();
    after.tables().forEach(t -> names.add(t.name()));
    before.tables().forEach(t -> names.add(t.name()));
    List<TableDiff> out = new ArrayList<>();
    for (String name : names) {
      out.add(between(before.table(name).orElse(null), after.table(name).orElse(null)));
    }
    return out;
  }
}
