package org.ringtree.runtime.supply;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.TraceEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supply side's tables: which campaigns answer pings and with what margin, which tracking
 * numbers are RTB pool numbers (each lent to one open bid at a time), and every ping answered.
 * Lending a number and joining a call to a bid are single conditional updates, so two nodes never
 * lend the same number twice or join two calls to one bid.
 */
@Repository
@Store(
    owns = {"rtb_supply_campaigns", "rtb_pool_numbers", "rtb_supply_bids"},
    reads = {"tracking_numbers", "calls"})
public class SupplyBidStore {

  private static final TypeReference<List<TraceEntry>> TRACE = new TypeReference<>() {};

  private final JdbcClient jdbc;

  SupplyBidStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A campaign's supply settings; see docs/rtb.md "Ringtree as a bid endpoint". */
  public record CampaignSettings(
      String campaignId,
      boolean enabled,
      BigDecimal marginPercent,
      BigDecimal marginFixed,
      BigDecimal minPayout,
      int bidTtlSeconds) {}

  /** How a ping ended; the same names as the table's CHECK. */
  enum BidState {
    NO_BID,
    OPEN,
    JOINED,
    EXPIRED
  }

  /** One answered ping as stored. */
  record StoredBid(
      UUID id,
      String publisherId,
      String campaignId,
      String callerNumber,
      BidShape shape,
      BidState state,
      String reason,
      String destination,
      String nodeId,
      String targetId,
      String buyerId,
      BigDecimal buyerPrice,
      BigDecimal payout,
      String currency,
      UUID reservationId,
      DialPlan plan,
      List<TraceEntry> trace,
      Instant createdAt,
      Instant expiresAt,
      String sipToken,
      String trackingNumber,
      Integer score) {}

  public Optional<CampaignSettings> settings(String campaignId) {
    return jdbc.sql(
            "SELECT campaign_id, enabled, margin_percent, margin_fixed, min_payout,"
                + " bid_ttl_seconds FROM rtb_supply_campaigns WHERE campaign_id = ?")
        .param(campaignId)
        .query(
            (rs, i) ->
                new CampaignSettings(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5),
                    rs.getInt(6)))
        .optional();
  }

  public void saveSettings(CampaignSettings s) {
    jdbc.sql(
            "INSERT INTO rtb_supply_campaigns (campaign_id, enabled, margin_percent, margin_fixed,"
                + " min_payout, bid_ttl_seconds) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT"
                + " (campaign_id) DO UPDATE SET enabled = EXCLUDED.enabled, margin_percent ="
                + " EXCLUDED.margin_percent, margin_fixed = EXCLUDED.margin_fixed, min_payout ="
                + " EXCLUDED.min_payout, bid_ttl_seconds = EXCLUDED.bid_ttl_seconds, updated_at ="
                + " now()")
        .params(
            s.campaignId(),
            s.enabled(),
            s.marginPercent(),
            s.marginFixed(),
            s.minPayout(),
            s.bidTtlSeconds())
        .update();
  }

  /** Marks a tracking number as an RTB pool number (it must exist). */
  public void addPoolNumber(String number) {
    jdbc.sql("INSERT INTO rtb_pool_numbers (number) VALUES (?) ON CONFLICT DO NOTHING")
        .param(number)
        .update();
  }

  /**
   * The campaign's settings, if it takes pings and the publisher has any pool number on it (it may
   * ping only then): one round trip on every ping.
   */
  Optional<CampaignSettings> settingsIfPool(String campaignId, String publisherId) {
    return jdbc.sql(
            "SELECT campaign_id, enabled, margin_percent, margin_fixed, min_payout,"
                + " bid_ttl_seconds FROM rtb_supply_campaigns WHERE campaign_id = ? AND EXISTS"
                + " (SELECT 1 FROM rtb_pool_numbers p JOIN tracking_numbers tn ON tn.number ="
                + " p.number WHERE tn.campaign_id = ? AND tn.publisher_id = ? AND tn.enabled)")
        .params(campaignId, campaignId, publisherId)
        .query(
            (rs, i) ->
                new CampaignSettings(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5),
                    rs.getInt(6)))
        .optional();
  }

  /** Lends a free pool number of the publisher on the campaign to a bid until {@code until}. */
  Optional<String> lend(
      String campaignId, String publisherId, UUID bidId, Instant now, Instant until) {
    // which pool numbers are the publisher's on the campaign is read first, without a lock:
    // only the pool row is locked and lent (tracking_numbers belong to the directory)
    List<String> own =
        jdbc.sql(
                "SELECT p.number FROM rtb_pool_numbers p JOIN tracking_numbers tn ON tn.number ="
                    + " p.number WHERE tn.campaign_id = ? AND tn.publisher_id = ? AND tn.enabled")
            .params(campaignId, publisherId)
            .query(String.class)
            .list();
    if (own.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "UPDATE rtb_pool_numbers SET lent_to_bid = ?, lent_until = ? WHERE number = (SELECT"
                + " number FROM rtb_pool_numbers WHERE number = ANY(?) AND (lent_until IS NULL OR"
                + " lent_until <= ?) ORDER BY lent_until NULLS FIRST, number LIMIT 1 FOR UPDATE"
                + " SKIP LOCKED) RETURNING number")
        .params(bidId, Timestamp.from(until), own.toArray(String[]::new), Timestamp.from(now))
        .query(String.class)
        .optional();
  }

  void insert(StoredBid b) {
    jdbc.sql(
            "INSERT INTO rtb_supply_bids (id, publisher_id, campaign_id, caller_number, shape,"
                + " state, reason, destination, node_id, target_id, buyer_id, buyer_price, payout,"
                + " currency, reservation_id, plan, trace, created_at, expires_at, sip_token,"
                + " tracking_number, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)")
        .params(
            b.id(),
            b.publisherId(),
            b.campaignId(),
            b.callerNumber(),
            b.shape().name(),
            b.state().name(),
            b.reason(),
            b.destination(),
            b.nodeId(),
            b.targetId(),
            b.buyerId(),
            b.buyerPrice(),
            b.payout(),
            b.currency(),
            b.reservationId(),
            b.plan() == null ? null : RingtreeJson.write(b.plan()),
            RingtreeJson.write(b.trace()),
            Timestamp.from(b.createdAt()),
            b.expiresAt() == null ? null : Timestamp.from(b.expiresAt()),
            b.sipToken(),
            b.trackingNumber(),
            b.score())
        .update();
  }

  /** The publisher's open bid for this caller on the campaign, if one has not expired. */
  Optional<StoredBid> openBid(
      String publisherId, String campaignId, String callerNumber, Instant now) {
    return jdbc.sql(
            SELECT
                + " WHERE publisher_id = ? AND campaign_id = ? AND caller_number = ? AND state ="
                + " 'OPEN' AND expires_at > ? ORDER BY created_at DESC LIMIT 1")
        .params(publisherId, campaignId, callerNumber, Timestamp.from(now))
        .query(SupplyBidStore::bid)
        .optional();
  }

  /**
   * Joins a call to the open, unexpired bid that lent {@code destination} for this caller: once
   * only (a second call finds it JOINED). The pool number is free for other bids from then on.
   */
  Optional<StoredBid> join(String destination, String callerNumber, UUID callId, Instant now) {
    Optional<StoredBid> joined =
        jdbc.sql(
                "UPDATE rtb_supply_bids SET state = 'JOINED', call_id = ?, joined_at = ? WHERE id"
                    + " = (SELECT id FROM rtb_supply_bids WHERE destination = ? AND caller_number"
                    + " = ? AND state = 'OPEN' AND expires_at > ? ORDER BY created_at DESC LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED) RETURNING "
                    + COLUMNS)
            .params(callId, Timestamp.from(now), destination, callerNumber, Timestamp.from(now))
            .query(SupplyBidStore::bid)
            .optional();
    joined.ifPresent(
        b ->
            jdbc.sql(
                    "UPDATE rtb_pool_numbers SET lent_to_bid = NULL, lent_until = NULL WHERE"
                        + " lent_to_bid = ?")
                .param(b.id())
                .update());
    return joined;
  }

  /**
   * The publisher's pool number on the campaign a SIP bid's call is counted on (not lent: the
   * token, not the number, joins the call); empty when it has none enabled.
   */
  Optional<String> countingNumber(String campaignId, String publisherId) {
    return jdbc.sql(
            "SELECT p.number FROM rtb_pool_numbers p JOIN tracking_numbers tn ON tn.number ="
                + " p.number WHERE tn.campaign_id = ? AND tn.publisher_id = ? AND tn.enabled"
                + " ORDER BY p.number LIMIT 1")
        .params(campaignId, publisherId)
        .query(String.class)
        .optional();
  }

  /** The tracking number a SIP bid's call is counted on, whatever the bid's state. */
  Optional<String> sipTrackingNumber(String token) {
    return jdbc.sql("SELECT tracking_number FROM rtb_supply_bids WHERE sip_token = ?")
        .param(token)
        .query(String.class)
        .optional();
  }

  /**
   * Joins a call to the open, unexpired SIP bid of {@code token} for this caller: once only, as
   * {@link #join} does for a pool number.
   */
  Optional<StoredBid> joinSip(String token, String callerNumber, UUID callId, Instant now) {
    return jdbc.sql(
            "UPDATE rtb_supply_bids SET state = 'JOINED', call_id = ?, joined_at = ? WHERE"
                + " sip_token = ? AND caller_number = ? AND state = 'OPEN' AND expires_at > ?"
                + " RETURNING "
                + COLUMNS)
        .params(callId, Timestamp.from(now), token, callerNumber, Timestamp.from(now))
        .query(SupplyBidStore::bid)
        .optional();
  }

  /** A bid that found no buyer gives its pool number back at once. */
  void giveBack(UUID bidId) {
    jdbc.sql(
            "UPDATE rtb_pool_numbers SET lent_to_bid = NULL, lent_until = NULL WHERE lent_to_bid ="
                + " ?")
        .param(bidId)
        .update();
  }

  /** Open bids past their expiry become EXPIRED (their holds expire in CapacityStore's sweep). */
  int expire(Instant now) {
    return jdbc.sql(
            "UPDATE rtb_supply_bids SET state = 'EXPIRED' WHERE state = 'OPEN' AND expires_at <="
                + " ?")
        .param(Timestamp.from(now))
        .update();
  }

  /**
   * The caller's recent calls (newest 50 since {@code since}), for the duplicate and history rules
   * a bid is decided by, as the incoming webhook reads them.
   */
  List<PriorCall> history(String callerNumber, Instant since) {
    return jdbc.sql(
            "SELECT id::text, started_at, campaign_id, target_id, buyer_id, connected_at IS NOT"
                + " NULL, converted, payout, currency FROM calls WHERE caller_number = ? AND"
                + " started_at > ? ORDER BY started_at DESC LIMIT 50")
        .params(callerNumber, Timestamp.from(since))
        .query(
            (rs, i) ->
                new PriorCall(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getBoolean(7),
                    rs.getBigDecimal(8) == null
                        ? null
                        : new Money(rs.getBigDecimal(8), rs.getString(9))))
        .list();
  }

  /** What the publisher is paid for a call joined to a bid: the bid's payout. */
  record PaidBid(UUID bidId, BigDecimal payout, String currency) {}

  Optional<PaidBid> paidBid(UUID callId) {
    return jdbc.sql(
            "SELECT id, payout, currency FROM rtb_supply_bids WHERE call_id = ? AND state ="
                + " 'JOINED'")
        .param(callId)
        .query(
            (rs, i) ->
                new PaidBid(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getString(3)))
        .optional();
  }

  /** One publisher's pings in a period and what became of them. */
  public record PublisherLine(
      String publisherId, long pings, long bids, long joined, long filled, BigDecimal paidAsBid) {

    /** Bids ÷ pings. */
    public BigDecimal bidRate() {
      return rate(bids, pings);
    }

    /** Bids a call joined ÷ bids. */
    public BigDecimal winRate() {
      return rate(joined, bids);
    }

    /** Joined calls that reached a buyer ÷ joined. */
    public BigDecimal fillRate() {
      return rate(filled, joined);
    }

    /** A share as a fraction with four decimals; null when there is nothing to divide by. */
    static BigDecimal rate(long part, long whole) {
      return whole == 0
          ? null
          : BigDecimal.valueOf(part)
              .divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
    }
  }

  List<PublisherLine> report(Instant from, Instant to) {
    return jdbc.sql(
            "SELECT b.publisher_id, count(*), count(*) FILTER (WHERE b.state <> 'NO_BID'),"
                + " count(*) FILTER (WHERE b.state = 'JOINED'), count(*) FILTER (WHERE b.state ="
                + " 'JOINED' AND c.connected_at IS NOT NULL), coalesce(sum(b.payout) FILTER"
                + " (WHERE b.state = 'JOINED' AND c.connected_at IS NOT NULL), 0) FROM"
                + " rtb_supply_bids b LEFT JOIN calls c ON c.id = b.call_id WHERE b.created_at >="
                + " ? AND b.created_at < ? GROUP BY b.publisher_id ORDER BY b.publisher_id")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) ->
                new PublisherLine(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getBigDecimal(6)))
        .list();
  }

  private static final String COLUMNS =
      "id, publisher_id, campaign_id, caller_number, shape, state, reason, destination, node_id,"
          + " target_id, buyer_id, buyer_price, payout, currency, reservation_id, plan::text,"
          + " trace::text, created_at, expires_at, sip_token, tracking_number, score";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM rtb_supply_bids";

  private static StoredBid bid(ResultSet rs, int i) throws SQLException {
    try {
      String plan = rs.getString(16);
      Timestamp expires = rs.getTimestamp(19);
      return new StoredBid(
          rs.getObject(1, UUID.class),
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          BidShape.valueOf(rs.getString(5)),
          BidState.valueOf(rs.getString(6)),
          rs.getString(7),
          rs.getString(8),
          rs.getString(9),
          rs.getString(10),
          rs.getString(11),
          rs.getBigDecimal(12),
          rs.getBigDecimal(13),
          rs.getString(14),
          rs.getObject(15, UUID.class),
          plan == null ? null : RingtreeJson.mapper().readValue(plan, DialPlan.class),
          RingtreeJson.mapper().readValue(rs.getString(17), TRACE),
          rs.getTimestamp(18).toInstant(),
          expires == null ? null : expires.toInstant(),
          rs.getString(20),
          rs.getString(21),
          rs.getObject(22, Integer.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable supply bid " + rs.getString(1), e);
    }
  }
}
