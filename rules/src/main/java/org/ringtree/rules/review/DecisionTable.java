package org.ringtree.rules.review;

import java.util.List;
import java.util.Optional;

/**
 * One DMN decision table as compliance reads it: its columns, hit policy and rows, in table order.
 */
public record DecisionTable(
    String decisionId,
    String name,
    String hitPolicy,
    List<Column> inputs,
    List<Column> outputs,
    List<TableRow> rows) {

  public DecisionTable {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    rows = List.copyOf(rows);
  }

  /** An input or output column: its label and FEEL type. */
  public record Column(String label, String typeRef) {}

  public Optional<TableRow> row(String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** What the hit policy means, for people who do not read DMN. */
  public String hitPolicyInWords() {
    return switch (hitPolicy) {
      case "UNIQUE" -> "Unique: at most one row can match.";
      case "FIRST" -> "First: rows are tried top to bottom and the first that matches wins.";
      case "ANY" -> "Any: several rows may match, all with the same result.";
      case "PRIORITY" -> "Priority: the matching row with the highest-priority output wins.";
      case "COLLECT" -> "Collect: every matching row contributes.";
      default -> hitPolicy;
    };
  }
}
