package org.ringtree.runtime.routing;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.routing.Usage;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Caps held exactly across runtime nodes. Capacity is taken with one conditional upsert per counter
 * ({@code used < limit}) inside one transaction, so two nodes can never both take the last slot; it
 * is given back when a buyer leg is busy or unanswered, and a crashed node's holds expire.
 * Connection caps count here; conversion caps count when the buyer's postback marks a conversion.
 */
@Repository
@Store(
    owns = {"cap_counters", "cap_reservations"},
    reads = {"calls", "targets", "buyers"})
public class CapacityStore {

  static final String CONCURRENT = "concurrent";
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("'hour:'yyyy-MM-dd'T'HH");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("'day:'yyyy-MM-dd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("'month:'yyyy-MM");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  private final BusinessMetrics metrics;

  CapacityStore(JdbcClient jdbc, TransactionTemplate tx, BusinessMetrics metrics) {
    this.metrics = metrics;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** One counter a reservation takes a slot of. */
  record Counter(String scope, String period, int limit, String label) {
    String key() {
      return scope + "|" + period;
    }
  }

  /** The outcome of trying to hold capacity for one candidate. */
  public sealed interface Hold {
    /** Capacity is held until the leg is answered, fails, or the hold expires. */
    record Held(UUID reservationId) implements Hold {}

    /** A cap is full: which one, e.g. "daily cap 40/40". */
    record Full(String reason) implements Hold {}
  }

  /** Rolls a reservation back when a counter is full; carries the reason out of the lambda. */
  private static final class CapFull extends RuntimeException {
    private final String reason;

    CapFull(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }

  /** The publisher a call came from, with its caps in the call's campaign (null caps: none). */
  public record PublisherQuota(String campaignId, String publisherId, Caps caps) {
    String scope() {
      return "publisher:" + campaignId + ":" + publisherId;
    }
  }

  /**
   * Tries to take one slot of every connection cap of the target, its buyer and the call's
   * publisher in its campaign, atomically: all or none.
   */
  public Hold tryHold(
      UUID callId,
      Target target,
      Buyer buyer,
      PublisherQuota publisher,
      Instant now,
      Duration hold,
      String holder) {
    List<Counter> counters = counters(target, buyer, now);
    if (publisher != null && publisher.caps() != null) {
      addCounters(counters, publisher.scope(), publisher.caps(), ZoneOffset.UTC, now);
    }
    try {
      return tx.execute(
          status -> {
            for (Counter c : counters) {
              if (c.limit() <= 0 || !take(c)) {
                throw new CapFull(c.label() + " " + c.limit() + "/" + c.limit());
              }
            }
            UUID id = UUID.randomUUID();
            jdbc.sql(
                    "INSERT INTO cap_reservations (id, call_id, target_id, buyer_id, counters,"
                        + " state, holder, expires_at) VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?)")
                .params(
                    id,
                    callId,
                    target.id(),
                    target.buyerId(),
                    counters.stream().map(Counter::key).toArray(String[]::new),
                    holder,
                    Timestamp.from(now.plus(hold)))
                .update();
            return new Hold.Held(id);
          });
    } catch (CapFull full) {
      metrics.capFull(full.reason.replaceAll("\\s*\\d+/\\d+$", ""));
      return new Hold.Full(full.reason);
    }
  }

  private boolean take(Counter c) {
    return jdbc.sql(
            "INSERT INTO cap_counters (scope, period, used) VALUES (?, ?, 1)"
                + " ON CONFLICT (scope, period) DO UPDATE SET used = cap_counters.used + 1"
                + " WHERE cap_counters.used < ? RETURNING used")
        .params(c.scope(), c.period(), c.limit())
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /**
   * A hold taken for a bid before its call exists (Ringtree as a bid endpoint) is kept until {@code
   * until} and then belongs to {@code callId}, so the call's end gives it back. False when the hold
   * is no longer HELD (it expired and the sweep gave the slots back).
   */
  public boolean holdFor(UUID reservationId, UUID callId, Instant until) {
    return jdbc.sql(
                "UPDATE cap_reservations SET call_id = ?, expires_at = ? WHERE id = ?"
                    + " AND state = 'HELD'")
            .params(callId, Timestamp.from(until), reservationId)
            .update()
        == 1;
  }

  /** The buyer leg was busy, unanswered or failed: every slot goes back. */
  public void release(UUID reservationId) {
    end(
        "UPDATE cap_reservations SET state = 'RELEASED', ended_at = now()"
            + " WHERE id = ? AND state = 'HELD' RETURNING counters",
        reservationId,
        false);
  }

  /**
   * The leg's answered event came while the leg still talks: its hold, sized for ringing, must not
   * expire under a conversation (the sweep would free a concurrency slot in use). It stays HELD, so
   * the dial result still connects or releases it; it now lasts as long as a connected leg's.
   */
  public void keepAnswered(UUID reservationId) {
    jdbc.sql(
            "UPDATE cap_reservations SET expires_at = greatest(expires_at, now() + interval '6"
                + " hours') WHERE id = ? AND state = 'HELD'")
        .param(reservationId)
        .update();
  }

  /** The buyer answered: the period caps keep the slot; concurrency is held until the call ends. */
  public boolean connect(UUID reservationId) {
    return jdbc.sql(
                "UPDATE cap_reservations SET state = 'CONNECTED', expires_at = now() + interval '6"
                    + " hours' WHERE id = ? AND state = 'HELD'")
            .param(reservationId)
            .update()
        == 1;
  }

  /** The call ended: its connected legs give their concurrency slot back. */
  public void callEnded(UUID callId) {
    tx.executeWithoutResult(
        status ->
            jdbc.sql(
                    "UPDATE cap_reservations SET ended_at = now() WHERE call_id = ?"
                        + " AND state = 'CONNECTED' AND ended_at IS NULL RETURNING counters")
                .param(callId)
                .query((rs, i) -> keys(rs.getArray(1)))
                .list()
                .forEach(keys -> giveBack(keys, true)));
    // a leg still ringing when the caller hung up
    jdbc.sql("SELECT id FROM cap_reservations WHERE call_id = ? AND state = 'HELD'")
        .param(callId)
        .query(UUID.class)
        .list()
        .forEach(this::release);
  }

  /**
   * Gives back what crashed nodes held: HELD reservations past their expiry, and connected calls
   * whose end was never reported. Safe to run on every node at once.
   */
  public int sweepExpired() {
    int swept = 0;
    for (List<String> keys :
        tx.execute(
            status ->
                jdbc.sql(
                        "UPDATE cap_reservations SET state = 'EXPIRED', ended_at = now() WHERE id"
                            + " IN (SELECT id FROM cap_reservations WHERE state = 'HELD' AND"
                            + " expires_at < now() FOR UPDATE SKIP LOCKED) RETURNING counters")
                    .query((rs, i) -> keys(rs.getArray(1)))
                    .list())) {
      giveBack(keys, false);
      swept++;
    }
    for (List<String> keys :
        tx.execute(
            status ->
                jdbc.sql(
                        "UPDATE cap_reservations SET ended_at = now() WHERE id IN (SELECT id FROM"
                            + " cap_reservations WHERE state = 'CONNECTED' AND ended_at IS NULL"
                            + " AND expires_at < now() FOR UPDATE SKIP LOCKED) RETURNING counters")
                    .query((rs, i) -> keys(rs.getArray(1)))
                    .list())) {
      giveBack(keys, true);
      swept++;
    }
    return swept;
  }

  /** How many legs of one target (and so of its buyer) ring or talk now. */
  public record OpenLegs(
      String targetId, String targetName, String buyerId, String buyerName, int legs) {}

  /** Every target with a leg ringing or connected now, whichever node holds it. */
  public List<OpenLegs> openLegs() {
    return jdbc.sql(
            "SELECT r.target_id, t.name, r.buyer_id, b.name, count(*) FROM cap_reservations r"
                + " LEFT JOIN targets t ON t.id = r.target_id"
                + " LEFT JOIN buyers b ON b.id = r.buyer_id"
                + " WHERE r.ended_at IS NULL AND r.state IN ('HELD', 'CONNECTED')"
                + " GROUP BY r.target_id, t.name, r.buyer_id, b.name ORDER BY r.target_id")
        .query(
            (rs, i) ->
                new OpenLegs(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5)))
        .list();
  }

  /** Usage of the targets, buyers and publisher for eligibility; all counters in one query. */
  public UsageSnapshot usage(
      List<Target> targets, Map<String, Buyer> buyers, PublisherQuota publisher, Instant now) {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    targets.forEach(t -> zones.put("target:" + t.id(), zone(t)));
    buyers.keySet().forEach(buyerId -> zones.put("buyer:" + buyerId, ZoneOffset.UTC));
    if (publisher != null) {
      zones.put(publisher.scope(), ZoneOffset.UTC);
    }
    Map<String, Map<String, Integer>> used = counters(zones, now);
    Map<String, Usage> byTarget = new HashMap<>();
    for (Target t : targets) {
      Usage.Counts conversions =
          countsConversions(t.caps())
              ? conversions("target_id = ?", List.of(t.id()), zone(t), now)
              : Usage.Counts.ZERO;
      byTarget.put(t.id(), usageOf(used, "target:" + t.id(), zone(t), now, conversions));
    }
    Map<String, Usage> byBuyer = new HashMap<>();
    buyers.forEach(
        (buyerId, buyer) -> {
          Usage.Counts conversions =
              buyer != null && countsConversions(buyer.caps())
                  ? conversions("buyer_id = ?", List.of(buyerId), ZoneOffset.UTC, now)
                  : Usage.Counts.ZERO;
          byBuyer.put(buyerId, usageOf(used, "buyer:" + buyerId, ZoneOffset.UTC, now, conversions));
        });
    Map<String, Usage> byPublisher = new HashMap<>();
    if (publisher != null) {
      Usage.Counts conversions =
          countsConversions(publisher.caps())
              ? conversions(
                  "campaign_id = ? AND publisher_id = ?",
                  List.of(publisher.campaignId(), publisher.publisherId()),
                  ZoneOffset.UTC,
                  now)
              : Usage.Counts.ZERO;
      byPublisher.put(
          publisher.publisherId(),
          usageOf(used, publisher.scope(), ZoneOffset.UTC, now, conversions));
    }
    return new UsageSnapshot(byTarget, byBuyer, byPublisher);
  }

  /** The used count of every period a cap may compare against, per scope, in one query. */
  private Map<String, Map<String, Integer>> counters(Map<String, ZoneId> zones, Instant now) {
    Map<String, Map<String, Integer>> used = new HashMap<>();
    // periods are named in each scope's own zone, so the pairs are asked for, not a cross product
    List<String> scopes = new ArrayList<>();
    List<String> periods = new ArrayList<>();
    zones.forEach(
        (scope, zone) -> {
          for (String period : periods(zone, now)) {
            scopes.add(scope);
            periods.add(period);
          }
        });
    jdbc.sql(
            "SELECT c.scope, c.period, c.used FROM cap_counters c JOIN unnest(?::text[], ?::text[])"
                + " AS wanted(scope, period) ON c.scope = wanted.scope AND c.period ="
                + " wanted.period")
        .params(scopes.toArray(String[]::new), periods.toArray(String[]::new))
        .query(
            (rs, i) ->
                used.computeIfAbsent(rs.getString(1), s -> new HashMap<>())
                    .put(rs.getString(2), rs.getInt(3)))
        .list();
    return used;
  }

  /** Concurrent, hour, day, month and total: the order {@link #usageOf} reads them in. */
  private static List<String> periods(ZoneId zone, Instant now) {
    var local = now.atZone(zone);
    return List.of(CONCURRENT, HOUR.format(local), DAY.format(local), MONTH.format(local), "total");
  }

  private static boolean countsConversions(Caps caps) {
    return caps != null && caps.countOn() == Caps.CountOn.CONVERSIONS;
  }

  /**
   * Conversions (marked by the buyers' conversion postbacks) in the current hour, day and month in
   * {@code zone}, and in total — what conversion-counted caps compare against.
   */
  private Usage.Counts conversions(String where, List<Object> params, ZoneId zone, Instant now) {
    var local = now.atZone(zone);
    var hour = local.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    var day = local.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    var month = day.withDayOfMonth(1);
    List<Object> all = new ArrayList<>();
    all.add(java.sql.Timestamp.from(hour.toInstant()));
    all.add(java.sql.Timestamp.from(day.toInstant()));
    all.add(java.sql.Timestamp.from(month.toInstant()));
    all.addAll(params);
    return jdbc.sql(
            "SELECT count(*) FILTER (WHERE converted_at >= ?), count(*) FILTER (WHERE"
                + " converted_at >= ?), count(*) FILTER (WHERE converted_at >= ?), count(*)"
                + " FROM calls WHERE converted AND "
                + where)
        .params(all)
        .query(
            (rs, i) -> new Usage.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .single();
  }

  private static Usage usageOf(
      Map<String, Map<String, Integer>> all,
      String scope,
      ZoneId zone,
      Instant now,
      Usage.Counts conversions) {
    Map<String, Integer> used = all.getOrDefault(scope, Map.of());
    List<Integer> n = periods(zone, now).stream().map(p -> used.getOrDefault(p, 0)).toList();
    return new Usage(
        n.get(0), new Usage.Counts(n.get(1), n.get(2), n.get(3), n.get(4)), conversions);
  }

  static List<Counter> counters(Target target, Buyer buyer, Instant now) {
    List<Counter> out = new ArrayList<>();
    addCounters(out, "target:" + target.id(), target.caps(), zone(target), now);
    if (buyer != null) {
      addCounters(out, "buyer:" + buyer.id(), buyer.caps(), ZoneOffset.UTC, now);
    }
    return out;
  }

  private static void addCounters(
      List<Counter> out, String scope, Caps caps, ZoneId zone, Instant now) {
    String who =
        scope.startsWith("buyer:") ? "buyer " : scope.startsWith("publisher:") ? "publisher " : "";
    if (caps.concurrency() != null) {
      out.add(new Counter(scope, CONCURRENT, caps.concurrency(), who + "concurrency cap"));
    }
    if (caps.countOn() != Caps.CountOn.CONNECTIONS) {
      return;
    }
    var local = now.atZone(zone);
    if (caps.hourly() != null) {
      out.add(new Counter(scope, HOUR.format(local), caps.hourly(), who + "hourly cap"));
    }
    if (caps.daily() != null) {
      out.add(new Counter(scope, DAY.format(local), caps.daily(), who + "daily cap"));
    }
    if (caps.monthly() != null) {
      out.add(new Counter(scope, MONTH.format(local), caps.monthly(), who + "monthly cap"));
    }
    if (caps.total() != null) {
      out.add(new Counter(scope, "total", caps.total(), who + "total cap"));
    }
  }

  private static ZoneId zone(Target t) {
    return t.schedule().zone();
  }

  private void end(String sql, UUID reservationId, boolean concurrencyOnly) {
    tx.executeWithoutResult(
        status -> {
          Optional<List<String>> keys =
              jdbc.sql(sql).param(reservationId).query((rs, i) -> keys(rs.getArray(1))).optional();
          keys.ifPresent(k -> giveBack(k, concurrencyOnly));
        });
  }

  private void giveBack(List<String> keys, boolean concurrencyOnly) {
    for (String key : keys) {
      String[] parts = key.split("\\|", 2);
      if (concurrencyOnly && !parts[1].equals(CONCURRENT)) {
        continue;
      }
      jdbc.sql(
              "UPDATE cap_counters SET used = used - 1 WHERE scope = ? AND period = ? AND used > 0")
          .params(parts[0], parts[1])
          .update();
    }
  }

  private static List<String> keys(Array array) throws java.sql.SQLException {
    return List.of((String[]) array.getArray());
  }
}
