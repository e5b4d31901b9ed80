package org.ringtree.rules.routing;

/**
 * Live usage of one target or buyer, as the runtime reads it from PostgreSQL: calls in progress,
 * and connections and conversions in the current hour, day and month (network timezone) and in
 * total. The engine compares each cap with the count it is configured to use.
 */
public record Usage(long concurrent, Counts connections, Counts conversions) {

  public static final Usage NONE = new Usage(0, Counts.ZERO, Counts.ZERO);

  /** Counts per period. */
  public record Counts(long hourly, long daily, long monthly, long total) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);
  }

  public Usage {
    connections = connections == null ? Counts.ZERO : connections;
    conversions = conversions == null ? Counts.ZERO : conversions;
  }

  public static Usage connectionsToday(long daily) {
    return new Usage(0, new Counts(0, daily, daily, daily), Counts.ZERO);
  }
}
