package org.ringtree.rules.flow;

import java.util.List;

/**
 * One setting of a node kind: its name in the node's {@code config}, type, default, allowed values,
 * bounds, whether it is required, and help text for the property form.
 */
public record FieldSpec(
    String name,
    String label,
    FieldType type,
    boolean required,
    Object defaultValue,
    List<String> allowed,
    Long min,
    Long max,
    int maxLength,
    String help,
    List<FieldSpec> itemFields) {

  /** Longest free text accepted in any setting (prompts, tag values, patterns). */
  public static final int DEFAULT_MAX_LENGTH = 16_384;

  public FieldSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    itemFields = itemFields == null ? List.of() : List.copyOf(itemFields);
    maxLength = maxLength <= 0 ? DEFAULT_MAX_LENGTH : maxLength;
  }

  public static FieldSpec of(String name, String label, FieldType type, String help) {
    return new FieldSpec(name, label, type, false, null, null, null, null, 0, help, null);
  }

  public FieldSpec mandatory() {
    return new FieldSpec(
        name, label, type, true, defaultValue, allowed, min, max, maxLength, help, itemFields);
  }

  public FieldSpec withDefault(Object d) {
    return new FieldSpec(
        name,
        label,
        type,
        required,
        ConfigValues.freezeValue(d),
        allowed,
        min,
        max,
        maxLength,
        help,
        itemFields);
  }

  public FieldSpec allowed(String... values) {
    return new FieldSpec(
        name,
        label,
        type,
        required,
        defaultValue,
        List.of(values),
        min,
        max,
        maxLength,
        help,
        itemFields);
  }

  public FieldSpec range(long lo, long hi) {
    return new FieldSpec(
        name, label, type, required, defaultValue, allowed, lo, hi, maxLength, help, itemFields);
  }

  public FieldSpec maxLength(int n) {
    return new FieldSpec(
        name, label, type, required, defaultValue, allowed, min, max, n, help, itemFields);
  }

  public FieldSpec items(FieldSpec... fields) {
    return new FieldSpec(
        name,
        label,
        type,
        required,
        defaultValue,
        allowed,
        min,
        max,
        maxLength,
        help,
        List.of(fields));
  }
}
