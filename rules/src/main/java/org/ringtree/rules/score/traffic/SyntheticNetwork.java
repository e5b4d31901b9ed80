package org.ringtree.rules.score.traffic;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The network the generated traffic runs on: its campaigns, publishers and callers' states, and the
 * numbers callers (genuine or spoofed) dial from.
 */
public final class SyntheticNetwork {

  private SyntheticNetwork() {}

  /** The campaigns: id, billable threshold in seconds, payout, the IVR question and its answers. */
  public record Campaign(
      String id, int billableSeconds, String payout, String question, List<String> answers) {}

  public static final List<Campaign> CAMPAIGNS =
      List.of(
          new Campaign("auto-insurance", 90, "35.00", "insured", List.of("yes", "no")),
          new Campaign("debt-relief", 120, "50.00", "debt", List.of("1", "2", "3")),
          new Campaign("home-services", 60, "25.00", "owner", List.of("yes", "no")));

  /** The publishers and the channel tag their numbers carry. */
  public static final Map<String, String> PUBLISHERS =
      orderedMap(
          "pub-search", "search",
          "pub-social", "social",
          "pub-tv", "tv",
          "pub-affiliate-a", "affiliate",
          "pub-affiliate-b", "affiliate",
          "pub-farm", "affiliate");

  /** A state with some of its area codes and real zips (checked against the shipped tables). */
  record State(String code, ZoneId zone, List<String> areaCodes, List<String> zips) {}

  static final List<State> STATES =
      List.of(
          state("TX", "America/Chicago", "512 214 713 210", "78701 75201 77002 78205"),
          state("CA", "America/Los_Angeles", "415 213 619 916", "94103 90012 92101 95814"),
          state("FL", "America/New_York", "305 407 813", "33130 32801 33602"),
          state("NY", "America/New_York", "212 718 518", "10001 11201 12207"),
          state("IL", "America/Chicago", "312 773", "60601 60614"),
          state("GA", "America/New_York", "404 770", "30303 30060"),
          state("OH", "America/New_York", "614 216", "43215 44113"),
          state("AZ", "America/Phoenix", "602 480", "85004 85281"),
          state("PA", "America/New_York", "215 412", "19107 15222"),
          state("NC", "America/New_York", "704 919", "28202 27601"));

  /** The caller id of a single call of pattern {@code p} from a caller living in {@code home}. */
  static String caller(SplittableRandom r, FraudPattern p, State home) {
    if (p == FraudPattern.SPOOFED_CALLER_ID) {
      int roll = r.nextInt(10);
      if (roll < 4) {
        return pick(r, List.of("anonymous", "Restricted", "+266696687", ""));
      }
      if (roll < 8) {
        // area codes starting with 0 or 1 are never assigned
        return "+1" + r.nextInt(2) + String.format(Locale.ROOT, "%09d", r.nextInt(1_000_000_000));
      }
      return "+1"
          + pick(r, List.of("800", "888", "877", "866"))
          + (200 + r.nextInt(800))
          + String.format(Locale.ROOT, "%04d", r.nextInt(10_000));
    }
    return number(r, home);
  }

  /** A valid number in one of the state's area codes. */
  static String number(SplittableRandom r, State s) {
    String npa = pick(r, s.areaCodes());
    int nxx;
    do {
      nxx = 200 + r.nextInt(800);
    } while (nxx % 100 == 11 || nxx == 555 || nxx == 950 || nxx == 958 || nxx == 959 || nxx == 976);
    return "+1" + npa + nxx + String.format(Locale.ROOT, "%04d", r.nextInt(10_000));
  }

  static State other(SplittableRandom r, State home) {
    State s;
    do {
      s = pick(r, STATES);
    } while (s == home);
    return s;
  }

  static <T> T pick(SplittableRandom r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  static State state(String code, String zone, String areaCodes, String zips) {
    return new State(
        code, ZoneId.of(zone), List.of(areaCodes.split(" ")), List.of(zips.split(" ")));
  }

  static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
