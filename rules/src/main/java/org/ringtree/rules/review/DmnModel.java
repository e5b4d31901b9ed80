package org.ringtree.rules.review;

import java.util.List;
import java.util.Optional;

/** A DMN model (one {@code definitions} document) read back into its decision tables. */
public record DmnModel(String name, String namespace, List<DecisionTable> tables) {

  public DmnModel {
    tables = List.copyOf(tables);
  }

  public Optional<DecisionTable> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
