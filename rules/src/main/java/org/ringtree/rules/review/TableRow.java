package org.ringtree.rules.review;

import java.util.List;

/**
 * One rule row of a decision table: its cells as written in the DMN, the compiler's description,
 * the same row in plain words built from the cells, and the flow node it came from ({@code nodeId}
 * is null for rows that come from the campaign's payout policy rather than a node).
 */
public record TableRow(
    int number,
    String id,
    List<String> inputEntries,
    List<String> outputEntries,
    String description,
    String sentence,
    String nodeId,
    String artifact) {

  public TableRow {
    inputEntries = List.copyOf(inputEntries);
    outputEntries = List.copyOf(outputEntries);
  }
}
