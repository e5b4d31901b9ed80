package org.ringtree.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * For random sets of calls (random dimensions, times, flags, ledger rows, corrections and later
 * changes to the calls), every report's totals equal the sums computed straight from the ledger and
 * the calls, and revenue − payout = margin, to the cent. Plain randomized JUnit with fixed seeds,
 * so a failure reproduces.
 */
@SpringBootTest(
    properties = {"ringtree.demo.seed=true", "spring.datasource.hikari.maximum-pool-size=4"})
// closed after the class: the test JVM runs many contexts, each holding database connections
@DirtiesContext
class LedgerReportPropertyTest extends PostgresTest {

  @Autowired JdbcClient jdbc;
  @Autowired LedgerWriter ledger;
  @Autowired Reports reports;

  static final String[] CAMPAIGNS = {"pi-accidents", "workers-comp"};
  static final String[] PUBLISHERS = {"sunrise-media", "blue-billboard", "callnow-seo"};
  static final String[] BUYERS = {"acme-law", "bidder-one", "bidder-two", null};
  static final Map<String, String> TARGET_OF =
      Map.of(
          "acme-law", "acme-main", "bidder-one", "bidder-one-rtb", "bidder-two", "bidder-two-rtb");
  static final String[] NUMBERS = {"+18885550101", "+18885550103", "+18885550106"};
  static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  // whole-hour, half-hour (+5:30, -3:30) and quarter-hour (+5:45) offsets, with and without DST
  static final List<String> ZONES =
      List.of("UTC", "America/Los_Angeles", "Asia/Kolkata", "America/St_Johns", "Asia/Kathmandu");

  @Test
  void everyReportTotalEqualsTheLedgerAndMarginIsRevenueMinusPayout() {
    for (long seed : new long[] {1, 7, 42, 2026, 99991}) {
      generate(new Random(seed), 60 + (int) (seed % 40));
      for (Reports.Dimension by : Reports.Dimension.values()) {
        for (Reports.Period period : Reports.Period.values()) {
          for (String zone : ZONES) {
            check(seed, by, period, ZoneId.of(zone), null, null);
          }
        }
      }
      check(
          seed,
          Reports.Dimension.BUYER,
          Reports.Period.DAY,
          ZoneId.of("UTC"),
          "pi-accidents",
          null);
      check(seed, Reports.Dimension.CAMPAIGN, Reports.Period.WEEK, ZoneId.of("UTC"), null, "legal");
    }
  }

  @Test
  void reportsByTargetAndBySourceTagEqualTheLedgerPerTargetAndPerTagValue() {
    generate(new Random(5), 90);
    Instant from = START.minus(2, ChronoUnit.DAYS);
    Instant to = START.plus(40, ChronoUnit.DAYS);
    String ledger =
        "SELECT %s, sum(l.amount) FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
            + " LEFT JOIN tracking_numbers tn ON tn.number = c.tracking_number"
            + " WHERE c.started_at >= ? AND c.started_at < ? AND l.party_type = 'BUYER' %s"
            + " GROUP BY 1 HAVING sum(l.amount) <> 0";

    Map<String, String> byTarget =
        revenueByKey(query(Reports.Dimension.TARGET, from, to, null, null, null));
    assertThat(byTarget)
        .containsKeys("acme-main", "bidder-one-rtb", "bidder-two-rtb")
        .isEqualTo(ledgerByKey(String.format(ledger, "coalesce(c.target_id, '')", ""), from, to));

    Map<String, String> bySource =
        revenueByKey(query(Reports.Dimension.SOURCE_TAG, from, to, null, "source", null));
    assertThat(bySource)
        .containsKeys("google-ads", "billboard-i5", "seo")
        .isEqualTo(
            ledgerByKey(
                String.format(ledger, "coalesce(tn.source_tags ->> 'source', '')", ""), from, to));

    // filters: one target; one tag value, grouped by something else
    assertThat(revenueByKey(query(Reports.Dimension.NONE, from, to, "bidder-one-rtb", null, null)))
        .isEqualTo(
            ledgerByKey(
                String.format(ledger, "''", "AND c.target_id = 'bidder-one-rtb'"), from, to));
    assertThat(revenueByKey(query(Reports.Dimension.PUBLISHER, from, to, null, "source", "seo")))
        .isNotEmpty()
        .isEqualTo(
            ledgerByKey(
                String.format(ledger, "c.publisher_id", "AND tn.source_tags ->> 'source' = 'seo'"),
                from,
                to));
  }

  @Test
  void aSourceTagReportWithoutTheTagsNameIsRefusedWithTheReason() {
    Instant t = START;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> query(Reports.Dimension.SOURCE_TAG, t, t.plusSeconds(900), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag's name");
  }

  private Reports.Report query(
      Reports.Dimension by, Instant from, Instant to, String target, String tag, String value) {
    return reports.run(
        new Reports.Query(
            by,
            Reports.Period.TOTAL,
            from,
            to,
            ZoneId.of("UTC"),
            null,
            null,
            null,
            null,
            null,
            target,
            tag,
            value));
  }

  private static Map<String, String> revenueByKey(Reports.Report r) {
    Map<String, String> out = new TreeMap<>();
    for (ReportRow row : r.rows()) {
      if (row.revenue().signum() != 0) {
        out.merge(
            row.key(),
            row.revenue().toPlainString(),
            (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString());
      }
    }
    return out;
  }

  private Map<String, String> ledgerByKey(String sql, Instant from, Instant to) {
    Map<String, String> out = new TreeMap<>();
    jdbc.sql(sql)
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) ->
                out.put(
                    rs.getString(1),
                    rs.getBigDecimal(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString()))
        .list();
    return out;
  }

  /** Calls of this round only: each round tags its calls with a seed-specific caller number. */
  private void check(
      long seed,
      Reports.Dimension by,
      Reports.Period period,
      ZoneId zone,
      String campaign,
      String vertical) {
    Instant from = START.minus(2, ChronoUnit.DAYS);
    Instant to = START.plus(40, ChronoUnit.DAYS);
    Reports.Report r =
        reports.run(
            new Reports.Query(
                by,
                period,
                from,
                to,
                zone,
                campaign,
                null,
                null,
                vertical,
                null,
                null,
                by == Reports.Dimension.SOURCE_TAG ? "source" : null,
                null));
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal payout = BigDecimal.ZERO;
    long calls = 0;
    long connected = 0;
    long converted = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (ReportRow row : r.rows()) {
      assertThat(row.margin()).isEqualByComparingTo(row.revenue().subtract(row.payout()));
      assertThat(row.profit())
          .isEqualByComparingTo(row.revenue().subtract(row.payout()).subtract(row.cost()));
      cost = cost.add(row.cost());
      assertThat(row.revenue().scale()).isEqualTo(2);
      revenue = revenue.add(row.revenue());
      payout = payout.add(row.payout());
      calls += row.calls();
      connected += row.connected();
      converted += row.converted();
    }
    String where =
        " WHERE c.started_at >= ? AND c.started_at < ?"
            + " AND (?::text IS NULL OR c.campaign_id = ?)"
            + " AND (?::text IS NULL OR v.vertical_id = ?)";
    Object[] params = {
      Timestamp.from(from), Timestamp.from(to), campaign, campaign, vertical, vertical
    };
    BigDecimal ledgerRevenue =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount), 0) FROM ledger_entries l JOIN calls c ON c.id ="
                    + " l.call_id LEFT JOIN campaigns v ON v.id = c.campaign_id"
                    + where
                    + " AND l.party_type = 'BUYER'")
            .params(params)
            .query(BigDecimal.class)
            .single();
    BigDecimal ledgerPayout =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount), 0) FROM ledger_entries l JOIN calls c ON c.id ="
                    + " l.call_id LEFT JOIN campaigns v ON v.id = c.campaign_id"
                    + where
                    + " AND l.party_type = 'PUBLISHER'")
            .params(params)
            .query(BigDecimal.class)
            .single();
    BigDecimal ledgerCost =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount), 0) FROM ledger_entries l JOIN calls c ON c.id ="
                    + " l.call_id LEFT JOIN campaigns v ON v.id = c.campaign_id"
                    + where
                    + " AND l.party_type = 'PROVIDER'")
            .params(params)
            .query(BigDecimal.class)
            .single();
    Map<String, Object> counts =
        jdbc.sql(
                "SELECT count(*) AS n, count(*) FILTER (WHERE connected_at IS NOT NULL) AS con,"
                    + " count(*) FILTER (WHERE converted) AS conv FROM calls c"
                    + " LEFT JOIN campaigns v ON v.id = c.campaign_id"
                    + where)
            .params(params)
            .query()
            .singleRow();
    String what = "seed " + seed + ", " + by + "/" + period + " in " + zone;
    if (by == Reports.Dimension.NONE && period != Reports.Period.TOTAL) {
      // each call and its money in the period its start falls in, in that timezone
      Map<LocalDateTime, String> reported = new TreeMap<>();
      for (ReportRow row : r.rows()) {
        if (row.calls() != 0 || row.revenue().signum() != 0) {
          reported.put(row.period(), row.calls() + " calls " + row.revenue().toPlainString());
        }
      }
      Map<LocalDateTime, String> expected = new TreeMap<>();
      jdbc.sql(
              "SELECT date_trunc('"
                  + period.name().toLowerCase(Locale.ROOT)
                  + "', c.started_at AT TIME ZONE ?), count(*), coalesce(sum(m.rev), 0)"
                  + " FROM calls c LEFT JOIN campaigns v ON v.id = c.campaign_id LEFT JOIN ("
                  + "SELECT call_id, sum(amount) FILTER (WHERE party_type = 'BUYER') rev"
                  + " FROM ledger_entries GROUP BY call_id) m ON m.call_id = c.id"
                  + where
                  + " GROUP BY 1")
          .params(concat(zone.getId(), params))
          .query(
              (rs, i) ->
                  expected.put(
                      rs.getTimestamp(1).toLocalDateTime(),
                      rs.getLong(2)
                          + " calls "
                          + rs.getBigDecimal(3)
                              .setScale(2, RoundingMode.UNNECESSARY)
                              .toPlainString()))
          .list();
      assertThat(reported).as(what).isEqualTo(expected);
    }
    assertThat(calls).as(what).isPositive();
    assertThat(ledgerRevenue.signum()).as(what).isPositive();
    assertThat(revenue).as(what).isEqualByComparingTo(ledgerRevenue);
    assertThat(payout).as(what).isEqualByComparingTo(ledgerPayout);
    assertThat(ledgerCost.signum()).as(what).isPositive();
    assertThat(cost).as(what).isEqualByComparingTo(ledgerCost);
    assertThat(calls).as(what).isEqualTo(((Number) counts.get("n")).longValue());
    assertThat(connected).as(what).isEqualTo(((Number) counts.get("con")).longValue());
    assertThat(converted).as(what).isEqualTo(((Number) counts.get("conv")).longValue());
    BigDecimal totalRevenue =
        r.totals().stream().map(ReportRow::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal totalMargin =
        r.totals().stream().map(ReportRow::margin).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(totalRevenue).as(what).isEqualByComparingTo(ledgerRevenue);
    assertThat(totalMargin).as(what).isEqualByComparingTo(ledgerRevenue.subtract(ledgerPayout));
    BigDecimal totalProfit =
        r.totals().stream().map(ReportRow::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(totalProfit)
        .as(what)
        .isEqualByComparingTo(ledgerRevenue.subtract(ledgerPayout).subtract(ledgerCost));
  }

  private static Object[] concat(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private void generate(Random rnd, int n) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      String campaign = pick(rnd, CAMPAIGNS);
      String publisher = pick(rnd, PUBLISHERS);
      String buyer = pick(rnd, BUYERS);
      Instant started = START.plusSeconds(rnd.nextInt(35 * 86_400));
      boolean connected = buyer != null && rnd.nextInt(4) > 0;
      jdbc.sql(
              "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                  + " caller_number, phase, provider_status, started_at, connected_at, buyer_id,"
                  + " target_id, billable_to_buyer, duplicate, converted) VALUES (?, ?, ?, ?, ?, ?,"
                  + " 'ENDED', 'completed', ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              "CA" + id.toString().replace("-", ""),
              pick(rnd, NUMBERS),
              campaign,
              publisher,
              "+1310555" + String.format("%04d", rnd.nextInt(10_000)),
              Timestamp.from(started),
              connected ? Timestamp.from(started.plusSeconds(30)) : null,
              connected ? buyer : null,
              connected ? TARGET_OF.get(buyer) : null,
              connected && rnd.nextBoolean(),
              rnd.nextInt(10) == 0,
              connected && rnd.nextInt(5) == 0)
          .update();
      ids.add(id);
      // telephony cost on most calls, sometimes corrected to the provider's price
      if (rnd.nextInt(5) > 0) {
        long costId = cost(id, campaign, cents(rnd).movePointLeft(2), null);
        if (rnd.nextInt(3) == 0) {
          cost(id, campaign, BigDecimal.valueOf(rnd.nextInt(21) - 10, 2), costId);
        }
      }
      if (connected) {
        long revenueId =
            entry(id, "REVENUE", LedgerWriter.Party.BUYER, buyer, campaign, cents(rnd), null);
        long payoutId =
            entry(
                id, "PAYOUT", LedgerWriter.Party.PUBLISHER, publisher, campaign, cents(rnd), null);
        if (rnd.nextInt(4) == 0) {
          entry(
              id,
              "ADJUSTMENT",
              LedgerWriter.Party.BUYER,
              buyer,
              campaign,
              cents(rnd).negate(),
              revenueId);
        }
        if (rnd.nextInt(4) == 0) {
          entry(
              id,
              "ADJUSTMENT",
              LedgerWriter.Party.PUBLISHER,
              publisher,
              campaign,
              cents(rnd).negate(),
              payoutId);
        }
      }
    }
    // later changes: calls move to another buyer/publisher/target, convert, start earlier
    // (re-bucketed)
    for (UUID id : ids) {
      switch (rnd.nextInt(7)) {
        case 0 ->
            jdbc.sql("UPDATE calls SET publisher_id = ? WHERE id = ?")
                .params(pick(rnd, PUBLISHERS), id)
                .update();
        case 1 ->
            jdbc.sql("UPDATE calls SET converted = NOT converted WHERE id = ?").param(id).update();
        case 2 ->
            jdbc.sql("UPDATE calls SET started_at = started_at - interval '5 hours' WHERE id = ?")
                .param(id)
                .update();
        case 3 ->
            jdbc.sql("UPDATE calls SET state = '{\"x\": 1}'::jsonb WHERE id = ?")
                .param(id)
                .update();
        case 4 ->
            jdbc.sql("UPDATE calls SET target_id = ? WHERE id = ?")
                .params(rnd.nextBoolean() ? "slowpoke-rtb" : null, id)
                .update();
        default -> {}
      }
    }
    // the roll-up kept by the triggers (through the queue, folded here as before every report)
    // equals one computed from scratch, row for row
    reports.foldQueuedChanges();
    assertThat(jdbc.sql("SELECT count(*) FROM report_rollup_pending").query(Long.class).single())
        .isZero();
    String kept =
        "SELECT bucket, campaign_id, publisher_id, buyer_id, target_id, tracking_number, calls,"
            + " connected, billable, duplicates, converted, revenue, payout, cost FROM report_rollup"
            + " WHERE calls <> 0 OR revenue <> 0 OR payout <> 0 OR cost <> 0";
    String scratch =
        "SELECT rollup_bucket(c.started_at), coalesce(c.campaign_id, ''),"
            + " coalesce(c.publisher_id, ''), coalesce(c.buyer_id, ''), coalesce(c.target_id, ''),"
            + " c.tracking_number,"
            + " count(*), count(*) FILTER (WHERE c.connected_at IS NOT NULL),"
            + " count(*) FILTER (WHERE coalesce(c.billable_to_buyer, false)),"
            + " count(*) FILTER (WHERE c.duplicate), count(*) FILTER (WHERE c.converted),"
            + " sum(coalesce(m.rev, 0)), sum(coalesce(m.pay, 0)), sum(coalesce(m.cst, 0))"
            + " FROM calls c LEFT JOIN ("
            + "SELECT call_id, sum(amount) FILTER (WHERE party_type = 'BUYER') rev,"
            + " sum(amount) FILTER (WHERE party_type = 'PUBLISHER') pay,"
            + " sum(amount) FILTER (WHERE party_type = 'PROVIDER') cst FROM ledger_entries"
            + " GROUP BY call_id) m ON m.call_id = c.id GROUP BY 1, 2, 3, 4, 5, 6";
    assertThat(jdbc.sql("(" + kept + ") EXCEPT (" + scratch + ")").query().listOfRows()).isEmpty();
    assertThat(jdbc.sql("(" + scratch + ") EXCEPT (" + kept + ")").query().listOfRows()).isEmpty();
  }

  private long entry(
      UUID call,
      String kind,
      LedgerWriter.Party party,
      String partyId,
      String campaign,
      BigDecimal amount,
      Long corrects) {
    return ledger
        .append(
            new LedgerWriter.Entry(
                call,
                kind,
                party,
                partyId,
                campaign,
                new Money(amount, "USD"),
                "test",
                "random",
                corrects,
                UUID.randomUUID().toString()))
        .orElseThrow();
  }

  private long cost(UUID call, String campaign, BigDecimal amount, Long corrects) {
    return ledger
        .appendCost(
            new LedgerWriter.CostEntry(
                call,
                "twilio",
                campaign,
                null,
                new Money(amount, "USD"),
                "test",
                "random cost",
                corrects,
                UUID.randomUUID().toString()))
        .orElseThrow();
  }

  private static BigDecimal cents(Random rnd) {
    return BigDecimal.valueOf(rnd.nextInt(40_000), 2);
  }

  private static String pick(Random rnd, String[] values) {
    return values[rnd.nextInt(values.length)];
  }
}
