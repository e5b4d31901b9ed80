package org.ringtree.runtime.quality;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.score.ScorePrior;
import org.ringtree.rules.score.traffic.FraudPattern;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.SyntheticNetwork;
import org.ringtree.rules.score.traffic.TrafficGenerator;
import org.ringtree.rules.score.traffic.TrafficMix;
import org.ringtree.runtime.directory.DirectoryStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated traffic as the platform leaves it once the calls have ended, for quality monitoring:
 * the generator's campaigns (each with its billable threshold as the payout policy's buyer
 * minimum), publishers and tracking numbers (one per publisher, plus a spare number for the call
 * farm's publisher that took no call), and each call with its publisher, campaign, caller, talk
 * time, conversion and its score by the documented prior. The ground truth is made sharp: every
 * call farm call comes through {@link #FARM}, and the genuine callers are spread over the other
 * publishers at random, so those differ from each other only by chance. Public for the console's
 * tests.
 */
public final class QualityCallsFixture {

  /** The call farm's publisher in the generator, and its numbers. */
  public static final String FARM = "pub-farm";

  public static final String FARM_NUMBER = "+18885550005";
  public static final String FARM_SPARE_NUMBER = "+18885559005";

  private QualityCallsFixture() {}

  /** Genuine callers with a call farm mixed in (6 %), over days ending a day before {@code now}. */
  public static List<GeneratedCall> farmTraffic(Instant now, int calls) {
    TrafficMix mix = new TrafficMix(Map.of(FraudPattern.GOOD, 0.94, FraudPattern.CALL_FARM, 0.06));
    return new TrafficGenerator(2026, mix, now.minus(Duration.ofDays(5)), 3).generate(calls);
  }

  /** The publisher each call is written with (see the class comment). */
  public static List<String> publishers(List<GeneratedCall> calls) {
    List<String> genuine =
        SyntheticNetwork.PUBLISHERS.keySet().stream().filter(p -> !p.equals(FARM)).toList();
    SplittableRandom r = new SplittableRandom(21);
    return calls.stream()
        .map(
            c ->
                c.pattern() == FraudPattern.CALL_FARM
                    ? FARM
                    : genuine.get(r.nextInt(genuine.size())))
        .toList();
  }

  /** The generator's number of a publisher. */
  static String numberOf(String publisher) {
    return "+1888555"
        + String.format(
            Locale.ROOT,
            "%04d",
            SyntheticNetwork.PUBLISHERS.keySet().stream().toList().indexOf(publisher));
  }

  /** The directory the calls need, and the calls with their scores. */
  public static void insert(
      DirectoryStore directory, JdbcTemplate jdbc, List<GeneratedCall> calls) {
    directory.save(new Vertical("quality-generated", "Generated traffic"));
    for (SyntheticNetwork.Campaign c : SyntheticNetwork.CAMPAIGNS) {
      directory.save(
          new Campaign(
              c.id(),
              c.id(),
              "quality-generated",
              "USD",
              PayoutPolicy.fixed(
                  c.billableSeconds(), c.billableSeconds(), Money.usd(c.payout()), 0),
              null,
              null,
              null,
              null,
              null,
              null),
          "America/Chicago");
    }
    String firstCampaign = SyntheticNetwork.CAMPAIGNS.get(0).id();
    for (String p : SyntheticNetwork.PUBLISHERS.keySet()) {
      directory.save(new Publisher(p, p));
      directory.save(new TrackingNumber(numberOf(p), firstCampaign, p, Map.of()));
    }
    List<String> publishers = publishers(calls);
    directory.save(new TrackingNumber(FARM_SPARE_NUMBER, firstCampaign, FARM, Map.of()));

    List<Object[]> callRows = new ArrayList<>();
    List<Object[]> scoreRows = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      GeneratedCall c = calls.get(i);
      UUID id = UUID.randomUUID();
      Instant at = c.facts().arrivedAt();
      callRows.add(
          new Object[] {
            id,
            "CA-quality-" + i,
            numberOf(publishers.get(i)),
            c.facts().campaignId(),
            publishers.get(i),
            c.facts().caller().number(),
            Timestamp.from(at),
            Timestamp.from(at.plusSeconds(c.ivrSeconds() + c.durationSeconds())),
            c.durationSeconds(),
            c.converted(),
            c.billable()
          });
      scoreRows.add(new Object[] {id, Timestamp.from(at), ScorePrior.score(c.features()).value()});
    }
    jdbc.batchUpdate(
        "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
            + " caller_number, phase, provider_status, started_at, ended_at, talk_seconds,"
            + " converted, billable_to_buyer) VALUES (?, ?, ?, ?, ?, ?, 'ENDED', 'completed', ?,"
            + " ?, ?, ?, ?)",
        callRows);
    jdbc.batchUpdate(
        "INSERT INTO call_scores (call_id, scored_at, score, source, model, features)"
            + " VALUES (?, ?, ?, 'PRIOR', 'prior-1', '{}'::jsonb)",
        scoreRows);
  }
}
