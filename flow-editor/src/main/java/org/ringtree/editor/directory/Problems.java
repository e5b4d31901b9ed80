package org.ringtree.editor.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The problems found while reading a form: each with the key of the field at fault. */
public final class Problems {

  private final Map<String, String> byField = new LinkedHashMap<>();

  /** Records the first problem of a field (later ones wait until it is fixed). */
  public void add(String field, String message) {
    byField.putIfAbsent(field, message);
  }

  /**
   * Runs one of the rules' own checks (a record constructor, a parser) and records its words
   * against the field when it refuses; empty then.
   */
  public <T> Optional<T> check(String field, Supplier<T> rule) {
    try {
      return Optional.ofNullable(rule.get());
    } catch (RuntimeException e) {
      add(field, String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public Optional<String> of(String field) {
    return Optional.ofNullable(byField.get(field));
  }

  public Map<String, String> all() {
    return Map.copyOf(byField);
  }

  List<String> fields() {
    return new ArrayList<>(byField.keySet());
  }
}
