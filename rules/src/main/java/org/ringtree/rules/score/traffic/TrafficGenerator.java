package org.ringtree.rules.score.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.score.ScoreFeatures;

/**
 * Generates a network's calls over {@code days} days with known ground truth, deterministic by
 * seed: each pattern gets exactly its share of the calls ({@link TrafficMix}); episodes (a repeat
 * caller's calls, a rotating dialer's burst, a short-call cluster) are laid out in time, then every
 * call is built in arrival order so the caller's history and the prefix counts are what the runtime
 * would see. Genuine callers convert with a chance that depends on the campaign, the publisher, the
 * IVR answers, the hour and the attestation; fraud seldom or never converts.
 */
public final class TrafficGenerator {

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

  /** Where the network runs: hours of episodes are laid out in this zone. */
  public static final ZoneId NETWORK_ZONE = ZoneId.of("America/Chicago");

  private final long seed;
  private final TrafficMix mix;
  private final Instant start;
  private final int days;

  public TrafficGenerator(long seed, TrafficMix mix, Instant start, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("at least one day of traffic");
    }
    this.seed = seed;
    this.mix = mix;
    this.start = start;
    this.days = days;
  }

  /** 30 days of the typical mix from 2026-11-01. */
  public static TrafficGenerator typical(long seed) {
    return new TrafficGenerator(
        seed, TrafficMix.typical(), Instant.parse("2026-11-01T06:00:00Z"), 30);
  }

  /** What an episode shares across its calls. */
  private record Seed(Instant at, FraudPattern pattern, int episode, int index) {}

  private record Episode(String publisher, Campaign campaign, String number, State state) {}

  /** {@code n} calls in arrival order. */
  public List<GeneratedCall> generate(int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Seed> seeds = new ArrayList<>(n);
    List<Episode> episodes = new ArrayList<>();
    Map<FraudPattern, Integer> counts = counts(n);
    for (FraudPattern p : FraudPattern.values()) {
      int left = counts.get(p);
      while (left > 0) {
        switch (p) {
          case REPEAT_CALLER -> {
            int k = Math.min(left, 3 + r.nextInt(6));
            Instant first = at(r, hourProfile(p, r));
            int e = episode(episodes, r, p);
            for (int i = 0; i < k; i++) {
              seeds.add(new Seed(first.plusSeconds(i * (600L + r.nextInt(7200))), p, e, i));
            }
            left -= k;
          }
          case ROTATING_DIALER -> {
            int k = Math.min(left, 4 + r.nextInt(12));
            Instant first = at(r, hourProfile(p, r));
            int e = episode(episodes, r, p);
            for (int i = 0; i < k; i++) {
              seeds.add(new Seed(first.plusSeconds(r.nextInt(3600)), p, e, i));
            }
            left -= k;
          }
          case SHORT_CALL_CLUSTER -> {
            int k = Math.min(left, 5 + r.nextInt(16));
            Instant first = at(r, hourProfile(p, r));
            int e = episode(episodes, r, p);
            for (int i = 0; i < k; i++) {
              seeds.add(new Seed(first.plusSeconds(r.nextInt(900)), p, e, i));
            }
            left -= k;
          }
          default -> {
            seeds.add(new Seed(at(r, hourProfile(p, r)), p, -1, 0));
            left--;
          }
        }
      }
    }
    seeds.sort(
        Comparator.comparing(Seed::at).thenComparing(Seed::pattern).thenComparing(Seed::index));

    List<GeneratedCall> calls = new ArrayList<>(n);
    Map<String, List<PriorCall>> histories = new HashMap<>();
    Map<String, Deque<Instant>> prefixWindows = new HashMap<>();
    Map<String, Deque<String>> prefixNumbers = new HashMap<>();
    int id = 0;
    for (Seed s : seeds) {
      calls.add(
          build(
              r,
              s,
              s.episode() < 0 ? null : episodes.get(s.episode()),
              id++,
              histories,
              prefixWindows,
              prefixNumbers));
    }
    return calls;
  }

  private Map<FraudPattern, Integer> counts(int n) {
    Map<FraudPattern, Integer> counts = new EnumMap<>(FraudPattern.class);
    int given = 0;
    for (FraudPattern p : FraudPattern.values()) {
      if (p != FraudPattern.GOOD) {
        int c = (int) Math.round(n * mix.share(p));
        counts.put(p, c);
        given += c;
      }
    }
    counts.put(FraudPattern.GOOD, Math.max(0, n - given));
    return counts;
  }

  private int episode(List<Episode> episodes, SplittableRandom r, FraudPattern p) {
    String publisher =
        switch (p) {
          case ROTATING_DIALER -> r.nextInt(10) < 7 ? "pub-affiliate-b" : "pub-affiliate-a";
          case SHORT_CALL_CLUSTER -> r.nextInt(10) < 6 ? "pub-affiliate-b" : "pub-social";
          default -> pick(r, List.copyOf(PUBLISHERS.keySet()));
        };
    State state = pick(r, STATES);
    String number = number(r, state);
    episodes.add(new Episode(publisher, pick(r, CAMPAIGNS), number, state));
    return episodes.size() - 1;
  }

  private GeneratedCall build(
      SplittableRandom r,
      Seed s,
      Episode ep,
      int id,
      Map<String, List<PriorCall>> histories,
      Map<String, Deque<Instant>> prefixWindows,
      Map<String, Deque<String>> prefixNumbers) {
    FraudPattern p = s.pattern();
    Campaign campaign = ep != null ? ep.campaign() : pick(r, CAMPAIGNS);
    String publisher = ep != null ? ep.publisher() : publisher(r, p);
    State home = ep != null ? ep.state() : pick(r, STATES);
    String number;
    String zip;
    if (ep != null && p == FraudPattern.ROTATING_DIALER) {
      // the same first eight digits, the last three rotated
      number = ep.number().substring(0, 9) + String.format(Locale.ROOT, "%03d", r.nextInt(1000));
    } else if (ep != null) {
      number = ep.number();
    } else {
      number = caller(r, p, home);
    }
    State zipState =
        switch (p) {
          case GEO_MISMATCH -> other(r, home);
          case CALL_FARM -> r.nextInt(10) < 6 ? other(r, home) : home;
          case GOOD -> r.nextInt(100) < 8 ? other(r, home) : home; // people move, numbers stay
          default -> home;
        };
    zip = pick(r, zipState.zips());
    boolean answersIvr = p != FraudPattern.SHORT_CALL_CLUSTER && p != FraudPattern.ROTATING_DIALER;
    StirVerstat stir = stir(r, p);
    int ivrSeconds =
        switch (p) {
          case GOOD, GEO_MISMATCH -> 12 + r.nextInt(40);
          case CALL_FARM -> 3 + r.nextInt(6);
          case REPEAT_CALLER, UNATTESTED -> 4 + r.nextInt(25);
          case SPOOFED_CALLER_ID -> 2 + r.nextInt(20);
          case ROTATING_DIALER -> r.nextInt(8);
          case SHORT_CALL_CLUSTER -> r.nextInt(4);
        };
    Map<String, String> answers = new LinkedHashMap<>();
    if (answersIvr) {
      answers.put(
          campaign.question(),
          p == FraudPattern.CALL_FARM ? campaign.answers().get(0) : pick(r, campaign.answers()));
      answers.put("zip", zip);
    }

    // the caller's history: what the network saw before (synthetic for genuine callers)
    List<PriorCall> history = new ArrayList<>(histories.getOrDefault(number, List.of()));
    if (p == FraudPattern.GOOD && history.isEmpty()) {
      int roll = r.nextInt(100);
      if (roll < 10) {
        history.add(
            prior(
                s.at().minusSeconds(2 * 86_400L + r.nextInt(27 * 86_400)),
                campaign,
                r.nextInt(5) == 0));
      } else if (roll < 12) {
        history.add(prior(s.at().minusSeconds(3_600L + r.nextInt(20 * 3_600)), campaign, false));
      }
    }
    Instant month = s.at().minus(Duration.ofDays(30));
    history.removeIf(h -> h.at().isBefore(month));

    int neighbours = neighbours(publisher, number, s.at(), prefixWindows, prefixNumbers);

    Caller caller =
        number.startsWith("+1") && number.length() == 12
            ? new Caller(number, home.code(), zip, null, null, "US").placed()
            : new Caller(number, null, zip, null, null, "US").placed();
    CallFacts facts =
        new CallFacts(
            "gen-" + id,
            campaign.id(),
            publisher,
            "+1888555"
                + String.format(
                    Locale.ROOT, "%04d", PUBLISHERS.keySet().stream().toList().indexOf(publisher)),
            caller,
            Map.of(
                "channel",
                PUBLISHERS.get(publisher),
                "sub_id",
                "s" + (1 + Math.floorMod(number.hashCode(), 4))),
            answers,
            s.at(),
            history);
    ScoreFeatures features = ScoreFeatures.of(facts, stir, ivrSeconds, neighbours, NETWORK_ZONE);

    boolean converted =
        r.nextDouble() < conversionChance(p, campaign, publisher, answers, features, stir);
    int duration = duration(r, p, campaign, converted);
    boolean billable = duration >= campaign.billableSeconds();
    Money revenue = billable ? Money.usd(campaign.payout()) : Money.usd("0.00");
    histories
        .computeIfAbsent(number, k -> new ArrayList<>())
        .add(
            new PriorCall(
                "gen-" + id, s.at(), campaign.id(), null, null, true, converted, revenue));
    return new GeneratedCall(
        facts,
        stir,
        ivrSeconds,
        neighbours,
        features,
        duration,
        campaign.billableSeconds(),
        billable,
        converted,
        revenue,
        p);
  }

  /** Other numbers with this number's first eight digits from this publisher in the last hour. */
  private static int neighbours(
      String publisher,
      String number,
      Instant at,
      Map<String, Deque<Instant>> windows,
      Map<String, Deque<String>> numbers) {
    if (!number.startsWith("+1") || number.length() != 12) {
      return 0;
    }
    String key = publisher + "|" + number.substring(0, 9);
    Deque<Instant> times = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    Deque<String> seen = numbers.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant hourAgo = at.minus(Duration.ofHours(1));
    while (!times.isEmpty() && times.peekFirst().isBefore(hourAgo)) {
      times.pollFirst();
      seen.pollFirst();
    }
    int others = (int) seen.stream().filter(n -> !n.equals(number)).distinct().count();
    times.addLast(at);
    seen.addLast(number);
    return others;
  }

  private static double conversionChance(
      FraudPattern p,
      Campaign campaign,
      String publisher,
      Map<String, String> answers,
      ScoreFeatures f,
      StirVerstat stir) {
    double base =
        switch (p) {
          case GOOD -> 1.0;
          case GEO_MISMATCH -> 0.15;
          case UNATTESTED -> 0.12;
          case REPEAT_CALLER -> 0.05;
          case CALL_FARM -> 0.01;
          case SPOOFED_CALLER_ID, ROTATING_DIALER, SHORT_CALL_CLUSTER -> 0.0;
        };
    if (base == 0) {
      return 0;
    }
    double c =
        switch (campaign.id()) {
          case "auto-insurance" -> 0.28;
          case "debt-relief" -> 0.22;
          default -> 0.32;
        };
    String a = answers.getOrDefault(campaign.question(), "");
    c *=
        switch (campaign.question() + "=" + a) {
          case "insured=yes" -> 1.4;
          case "insured=no" -> 0.6;
          case "debt=3" -> 1.6;
          case "debt=1" -> 0.5;
          case "owner=yes" -> 1.5;
          case "owner=no" -> 0.25;
          default -> 1.0;
        };
    c *=
        switch (publisher) {
          case "pub-search" -> 1.35;
          case "pub-tv" -> 1.15;
          case "pub-social" -> 0.8;
          case "pub-affiliate-a" -> 0.75;
          case "pub-affiliate-b", "pub-farm" -> 0.6;
          default -> 1.0;
        };
    int hour = f.hourOfDay();
    c *= hour < 7 || hour >= 22 ? 0.5 : hour >= 9 && hour < 18 ? 1.15 : 1.0;
    c *= stir == StirVerstat.PASSED_A ? 1.1 : 0.85;
    c *= f.conversions24h() > 0 ? 0.2 : 1.0; // a duplicate for the buyer
    return Math.min(0.95, c * base);
  }

  private static int duration(SplittableRandom r, FraudPattern p, Campaign c, boolean converted) {
    int t = c.billableSeconds();
    if (converted) {
      return t + 60 + r.nextInt(720);
    }
    return switch (p) {
      case CALL_FARM -> t + 1 + r.nextInt(15);
      case SHORT_CALL_CLUSTER -> 2 + r.nextInt(9);
      case ROTATING_DIALER -> r.nextInt(3) == 0 ? t + r.nextInt(20) : 3 + r.nextInt(40);
      case SPOOFED_CALLER_ID -> 5 + r.nextInt(t);
      default -> r.nextInt(100) < 55 ? 10 + r.nextInt(Math.max(1, t - 10)) : t + r.nextInt(400);
    };
  }

  private static StirVerstat stir(SplittableRandom r, FraudPattern p) {
    int roll = r.nextInt(100);
    return switch (p) {
      case GOOD, GEO_MISMATCH ->
          roll < 75
              ? StirVerstat.PASSED_A
              : roll < 87
                  ? StirVerstat.PASSED_B
                  : roll < 90
                      ? StirVerstat.PASSED_C
                      : roll < 95 ? StirVerstat.NO_VALIDATION : StirVerstat.ABSENT;
      case CALL_FARM ->
          roll < 30
              ? StirVerstat.PASSED_A
              : roll < 65 ? StirVerstat.PASSED_B : StirVerstat.PASSED_C;
      case REPEAT_CALLER ->
          roll < 60
              ? StirVerstat.PASSED_A
              : roll < 80 ? StirVerstat.PASSED_B : StirVerstat.PASSED_C;
      case ROTATING_DIALER, UNATTESTED ->
          roll < 50
              ? StirVerstat.PASSED_C
              : roll < 85 ? StirVerstat.NO_VALIDATION : StirVerstat.ABSENT;
      case SPOOFED_CALLER_ID ->
          roll < 40
              ? (roll < 15
                  ? StirVerstat.FAILED_A
                  : roll < 30 ? StirVerstat.FAILED_B : StirVerstat.FAILED_C)
              : roll < 80 ? StirVerstat.NO_VALIDATION : StirVerstat.ABSENT;
      case SHORT_CALL_CLUSTER ->
          roll < 40
              ? StirVerstat.PASSED_B
              : roll < 70 ? StirVerstat.PASSED_C : StirVerstat.NO_VALIDATION;
    };
  }

  private static String publisher(SplittableRandom r, FraudPattern p) {
    int roll = r.nextInt(100);
    return switch (p) {
      case GOOD ->
          roll < 30
              ? "pub-search"
              : roll < 50
                  ? "pub-social"
                  : roll < 65 ? "pub-tv" : roll < 85 ? "pub-affiliate-a" : "pub-affiliate-b";
      case CALL_FARM -> roll < 80 ? "pub-farm" : "pub-affiliate-b";
      case SPOOFED_CALLER_ID ->
          roll < 50 ? "pub-affiliate-b" : roll < 80 ? "pub-affiliate-a" : "pub-social";
      case GEO_MISMATCH ->
          roll < 60 ? "pub-affiliate-a" : roll < 80 ? "pub-affiliate-b" : "pub-social";
      default ->
          roll < 40
              ? "pub-affiliate-b"
              : roll < 70 ? "pub-affiliate-a" : roll < 85 ? "pub-social" : "pub-search";
    };
  }

  /** The caller id of a single call of pattern {@code p} from a caller living in {@code home}. */
  private static String caller(SplittableRandom r, FraudPattern p, State home) {
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
  private static String number(SplittableRandom r, State s) {
    String npa = pick(r, s.areaCodes());
    int nxx;
    do {
      nxx = 200 + r.nextInt(800);
    } while (nxx % 100 == 11 || nxx == 555 || nxx == 950 || nxx == 958 || nxx == 959 || nxx == 976);
    return "+1" + npa + nxx + String.format(Locale.ROOT, "%04d", r.nextInt(10_000));
  }

  private static State other(SplittableRandom r, State home) {
    State s;
    do {
      s = pick(r, STATES);
    } while (s == home);
    return s;
  }

  private static PriorCall prior(Instant at, Campaign c, boolean converted) {
    return new PriorCall("before", at, c.id(), null, null, true, converted, Money.usd("0.00"));
  }

  /** The local hour (network zone) a pattern's calls tend to arrive at. */
  private static int hourProfile(FraudPattern p, SplittableRandom r) {
    return switch (p) {
      case GOOD, GEO_MISMATCH, REPEAT_CALLER ->
          r.nextInt(100) < 88 ? 8 + r.nextInt(13) : r.nextInt(24);
      case CALL_FARM, UNATTESTED -> 8 + r.nextInt(10);
      case SHORT_CALL_CLUSTER -> r.nextInt(100) < 60 ? r.nextInt(6) : r.nextInt(24);
      case ROTATING_DIALER, SPOOFED_CALLER_ID -> r.nextInt(24);
    };
  }

  private Instant at(SplittableRandom r, int localHour) {
    Instant day = start.plus(Duration.ofDays(r.nextInt(days)));
    var local =
        day.atZone(NETWORK_ZONE)
            .withHour(localHour)
            .withMinute(r.nextInt(60))
            .withSecond(r.nextInt(60));
    return local.toInstant();
  }

  private static <T> T pick(SplittableRandom r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static State state(String code, String zone, String areaCodes, String zips) {
    return new State(
        code, ZoneId.of(zone), List.of(areaCodes.split(" ")), List.of(zips.split(" ")));
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
