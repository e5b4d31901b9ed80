package org.ringtree.rules.directory;

/** How an attribute is compared with an operator-entered value (tags, answers, caller fields). */
public enum Comparison {
  EQUALS,
  NOT_EQUALS,
  IN,
  NOT_IN,
  REGEX,
  GT,
  GTE,
  LT,
  LTE,
  EXISTS;

  public boolean numeric() {
    return this == GT || this == GTE || this == LT || this == LTE;
  }

  public boolean listValued() {
    return this == IN || this == NOT_IN;
  }

  /** Lower-case camel name used in flow documents ("notEquals"). */
  public String jsonName() {
    String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  public static Comparison fromJson(String name) {
    for (Comparison c : values()) {
      if (c.jsonName().equals(name) || c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown comparison: " + name);
  }
}
