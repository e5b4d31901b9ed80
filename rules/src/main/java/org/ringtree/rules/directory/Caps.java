package org.ringtree.rules.directory;

/**
 * Capacity limits for a target or a buyer; null means unlimited. Period caps count connections or
 * conversions as {@code countOn} says; concurrency always counts live calls.
 */
public record Caps(
    CountOn countOn,
    Integer concurrency,
    Integer hourly,
    Integer daily,
    Integer monthly,
    Integer total) {

  public static final Caps NONE = new Caps(CountOn.CONNECTIONS, null, null, null, null, null);

  /** What a period cap counts. */
  public enum CountOn {
    CONNECTIONS,
    CONVERSIONS
  }

  public Caps {
    countOn = countOn == null ? CountOn.CONNECTIONS : countOn;
  }

  public static Caps daily(int daily) {
    return new Caps(CountOn.CONNECTIONS, null, null, daily, null, null);
  }
}
