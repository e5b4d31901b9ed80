package org.ringtree.rules.score.traffic;

import static org.ringtree.rules.score.traffic.PatternBehaviour.conversionChance;
import static org.ringtree.rules.score.traffic.PatternBehaviour.duration;
import static org.ringtree.rules.score.traffic.PatternBehaviour.hourProfile;
import static org.ringtree.rules.score.traffic.PatternBehaviour.ivrSeconds;
import static org.ringtree.rules.score.traffic.PatternBehaviour.publisher;
import static org.ringtree.rules.score.traffic.PatternBehaviour.stir;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.CAMPAIGNS;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.PUBLISHERS;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.STATES;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.caller;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.number;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.other;
import static org.ringtree.rules.score.traffic.SyntheticNetwork.pick;

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
import org.ringtree.rules.score.traffic.SyntheticNetwork.Campaign;
import org.ringtree.rules.score.traffic.SyntheticNetwork.State;

/**
 * Generates a network's calls over {@code days} days with known ground truth, deterministic by
 * seed: each pattern gets exactly its share of the calls ({@link TrafficMix}); episodes (a repeat
 * caller's calls, a rotating dialer's burst, a short-call cluster) are laid out in time, then every
 * call is built in arrival order so the caller's history and the prefix counts are what the runtime
 * would see. Genuine callers convert with a chance that depends on the campaign, the publisher, the
 * IVR answers, the hour and the attestation; fraud seldom or never converts. The network is {@link
 * SyntheticNetwork}; how each pattern behaves is {@link PatternBehaviour}.
 */
public final class TrafficGenerator {

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
    int ivrSeconds = ivrSeconds(r, p);
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

  private static PriorCall prior(Instant at, Campaign c, boolean converted) {
    return new PriorCall("before", at, c.id(), null, null, true, converted, Money.usd("0.00"));
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
}
