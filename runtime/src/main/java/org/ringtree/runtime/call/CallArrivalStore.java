package org.ringtree.runtime.call;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.fraud.RotationLimit;
import org.ringtree.rules.fraud.RotationLimit.PrefixCall;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The incoming webhook's one read, across the tables it needs (the hot path pays one round trip,
 * not four). Read only: the call feature's stores and the directory and flow features own them.
 */
@Repository
@Store(reads = {"call_events", "calls", "flows", "tracking_numbers"})
public class CallArrivalStore {

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  CallArrivalStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * What a call's first webhook needs before the engine runs, in one round trip: the answer already
   * given (a replayed webhook), the tracking number dialled, the live flow version of its campaign
   * and the caller's recent calls (newest first: the newest 50 and the newest of each campaign,
   * target, buyer and outcome), for duplicate and history rules, and the other numbers sharing the
   * caller's first 8 digits (+1 NPA NXX X) that came through the number's publisher since {@code
   * prefixSince}, each with its newest call (the rotating-dialer limit, docs/fraud.md, and the
   * score's {@code prefixNeighbours}, docs/score.md). The incoming webhook is the hot path;
   * separate queries cost it a round trip each.
   */
  public record Arrival(
      Optional<String> previousResponse,
      Optional<TrackingNumber> trackingNumber,
      Optional<Long> liveVersionId,
      List<PriorCall> history,
      List<PrefixCall> samePrefix) {

    /**
     * How many other numbers sharing the caller's prefix called through the publisher since {@code
     * since} (the score's {@code prefixNeighbours}).
     */
    public int prefixNeighbours(Instant since) {
      return (int)
          samePrefix.stream()
              .filter(p -> p.at().isAfter(since))
              .map(PrefixCall::number)
              .distinct()
              .count();
    }
  }

  /**
   * The most numbers sharing a caller's prefix read (each with its newest call): the
   * rotating-dialer limit's {@code PolicySettings.MAX_ROTATION_NUMBERS}, more than the score
   * counts.
   */
  static final int SAME_PREFIX_NUMBERS = 50;

  private static final String HISTORY_COLUMNS =
      "id, started_at, campaign_id, target_id, buyer_id, connected_at, converted, payout, currency";

  public Arrival arrival(String callSid, String stepKey, String to, String from, Instant since) {
    return arrival(callSid, stepKey, to, from, since, null);
  }

  /**
   * As above, and when {@code prefixSince} is given, the other numbers sharing the caller's prefix
   * (+1 NPA NXX X) that called through the same publisher since then, newest first with each one's
   * newest call: the rotating-dialer limit's count, in the same round trip (an index on {@code
   * (publisher_id, left(caller_number, 9), started_at)}, V91).
   */
  public Arrival arrival(
      String callSid, String stepKey, String to, String from, Instant since, Instant prefixSince) {
    String prefix = prefixSince == null ? null : RotationLimit.prefixOf(from).orElse(null);
    return jdbc.sql(
            "SELECT (SELECT response FROM call_events WHERE call_sid = ? AND step_key = ?),"
                + " tn.number, tn.campaign_id, tn.publisher_id, tn.source_tags::text,"
                + " f.live_version_id, h.calls, r.calls FROM (VALUES (1)) AS one (x)"
                + " LEFT JOIN tracking_numbers tn ON tn.number = ? AND tn.enabled"
                + " LEFT JOIN LATERAL (SELECT live_version_id FROM flows"
                + " WHERE campaign_id = tn.campaign_id AND live_version_id IS NOT NULL"
                + " ORDER BY updated_at DESC LIMIT 1) f ON true"
                // amounts as text: exact whatever the JSON reader does with numbers
                + " LEFT JOIN LATERAL (SELECT json_agg(json_build_array(p.id::text, p.started_at,"
                + " p.campaign_id, p.target_id, p.buyer_id, p.connected_at IS NOT NULL,"
                + " p.converted, p.payout::text, p.currency) ORDER BY p.started_at DESC)::text"
                // the newest 50, plus the newest call of each campaign/target/buyer and outcome:
                // a per-target or per-buyer duplicate window is honoured however busy the caller
                + " AS calls FROM ((SELECT "
                + HISTORY_COLUMNS
                + " FROM calls"
                + " WHERE caller_number = ? AND started_at > ? ORDER BY started_at DESC LIMIT 50)"
                + " UNION (SELECT DISTINCT ON (campaign_id, target_id, buyer_id,"
                + " connected_at IS NOT NULL, converted) "
                + HISTORY_COLUMNS
                + " FROM calls"
                + " WHERE caller_number = ? AND started_at > ? ORDER BY campaign_id, target_id,"
                + " buyer_id, connected_at IS NOT NULL, converted, started_at DESC)) p) h ON true"
                // a null prefix matches nothing: no rows read when no policy counts rotation
                + " LEFT JOIN LATERAL (SELECT json_agg(json_build_array(q.caller_number, q.at)"
                + " ORDER BY q.at DESC)::text AS calls FROM (SELECT caller_number,"
                + " max(started_at) AS at FROM calls WHERE publisher_id = tn.publisher_id"
                + " AND left(caller_number, "
                + RotationLimit.PREFIX_LENGTH
                + ") = ? AND started_at > ? AND caller_number <> ? GROUP BY caller_number"
                + " ORDER BY at DESC LIMIT "
                + SAME_PREFIX_NUMBERS
                + ") q) r ON true")
        .params(
            callSid,
            stepKey,
            to,
            from,
            Timestamp.from(since),
            from,
            Timestamp.from(since),
            prefix,
            Timestamp.from(prefixSince == null ? since : prefixSince),
            from)
        .query(this::arrival)
        .single();
  }

  private Arrival arrival(ResultSet rs, int i) throws SQLException {
    String number = rs.getString(2);
    Optional<TrackingNumber> trackingNumber =
        number == null
            ? Optional.empty()
            : Optional.of(
                new TrackingNumber(
                    number, rs.getString(3), rs.getString(4), readTags(rs.getString(5))));
    return new Arrival(
        Optional.ofNullable(rs.getString(1)),
        trackingNumber,
        Optional.ofNullable((Long) rs.getObject(6)),
        readHistory(rs.getString(7)),
        readSamePrefix(rs.getString(8)));
  }

  /** The rows of {@link #arrival}'s same-prefix column: [number, newest call]. */
  private List<PrefixCall> readSamePrefix(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      List<PrefixCall> calls = new ArrayList<>();
      for (JsonNode row : json.readTree(text)) {
        calls.add(
            new PrefixCall(
                row.get(0).textValue(), OffsetDateTime.parse(row.get(1).textValue()).toInstant()));
      }
      return calls;
    } catch (Exception e) {
      throw new IllegalStateException("unreadable same-prefix calls: " + text, e);
    }
  }

  /** The rows of {@link #arrival}'s history column: [id, started, campaign, target, buyer, ...]. */
  private List<PriorCall> readHistory(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      List<PriorCall> calls = new ArrayList<>();
      for (JsonNode row : json.readTree(text)) {
        String payout = row.get(7).textValue();
        calls.add(
            new PriorCall(
                row.get(0).textValue(),
                OffsetDateTime.parse(row.get(1).textValue()).toInstant(),
                row.get(2).textValue(),
                row.get(3).textValue(),
                row.get(4).textValue(),
                row.get(5).booleanValue(),
                row.get(6).booleanValue(),
                payout == null ? null : new Money(new BigDecimal(payout), row.get(8).textValue())));
      }
      return calls;
    } catch (Exception e) {
      throw new IllegalStateException("unreadable caller history: " + text, e);
    }
  }

  private Map<String, String> readTags(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, STRING_MAP);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable source tags: " + text, e);
    }
  }
}
