package org.ringtree.runtime.cost;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of the telephony rates. A version's amounts never change (a trigger refuses it);
 * only a pending version's state moves, once, to live or rejected.
 */
@Repository
@Store(owns = "telephony_rates", reads = "campaigns")
public class TelephonyRates {

  private static final String COLUMNS =
      "id, campaign_id, currency, inbound_per_minute, dialled_per_minute, recording_per_minute,"
          + " number_rent_per_month, state, valid_from, requested_by, requested_at, decided_by,"
          + " decided_at, note";

  private final JdbcClient jdbc;

  TelephonyRates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes a new version, live from {@code validFrom} or (null) pending; returns it. */
  TelephonyRate insert(String campaignId, RateInput in, String actor, Instant validFrom) {
    long id =
        jdbc.sql(
                "INSERT INTO telephony_rates (campaign_id, currency, inbound_per_minute,"
                    + " dialled_per_minute, recording_per_minute, number_rent_per_month, state,"
                    + " valid_from, requested_by, decided_by, decided_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
            .params(
                campaignId,
                in.currency(),
                in.inboundPerMinute(),
                in.dialledPerMinute(),
                in.recordingPerMinute(),
                in.numberRentPerMonth(),
                validFrom == null ? "PENDING" : "LIVE",
                validFrom == null ? null : Timestamp.from(validFrom),
                actor,
                validFrom == null ? null : actor,
                validFrom == null ? null : Timestamp.from(validFrom))
            .query(Long.class)
            .single();
    return find(id).orElseThrow();
  }

  Optional<TelephonyRate> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM telephony_rates WHERE id = ?")
        .param(id)
        .query(TelephonyRates::rate)
        .optional();
  }

  /** Locks a pending version for its decision. */
  Optional<TelephonyRate> lockPending(long id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM telephony_rates WHERE id = ? AND state = 'PENDING'"
                + " FOR UPDATE")
        .param(id)
        .query(TelephonyRates::rate)
        .optional();
  }

  void decide(long id, TelephonyRate.State state, String actor, String note, Instant at) {
    jdbc.sql(
            "UPDATE telephony_rates SET state = ?, valid_from = ?, decided_by = ?, decided_at = ?,"
                + " note = ? WHERE id = ?")
        .params(
            state.name(),
            state == TelephonyRate.State.LIVE ? Timestamp.from(at) : null,
            actor,
            Timestamp.from(at),
            note,
            id)
        .update();
  }

  /**
   * The live version that applies at {@code at}: the campaign's own if it has one valid then, else
   * the network's; empty if neither existed yet.
   */
  public Optional<TelephonyRate> liveAt(String campaignId, Instant at) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM telephony_rates WHERE state = 'LIVE' AND valid_from <= ?"
                + " AND campaign_id IN (?, '*')"
                + " ORDER BY (campaign_id = '*'), valid_from DESC, id DESC LIMIT 1")
        .params(Timestamp.from(at), campaignId == null ? TelephonyRate.NETWORK : campaignId)
        .query(TelephonyRates::rate)
        .optional();
  }

  /** Every version, newest first. */
  List<TelephonyRate> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM telephony_rates ORDER BY id DESC")
        .query(TelephonyRates::rate)
        .list();
  }

  boolean campaignExists(String campaignId) {
    return jdbc.sql("SELECT count(*) FROM campaigns WHERE id = ?")
            .param(campaignId)
            .query(Long.class)
            .single()
        > 0;
  }

  private static TelephonyRate rate(ResultSet rs, int i) throws SQLException {
    return new TelephonyRate(
        rs.getLong("id"),
        rs.getString("campaign_id"),
        rs.getString("currency").trim(),
        rs.getBigDecimal("inbound_per_minute"),
        rs.getBigDecimal("dialled_per_minute"),
        rs.getBigDecimal("recording_per_minute"),
        rs.getBigDecimal("number_rent_per_month"),
        TelephonyRate.State.valueOf(rs.getString("state")),
        instant(rs.getTimestamp("valid_from")),
        rs.getString("requested_by"),
        instant(rs.getTimestamp("requested_at")),
        rs.getString("decided_by"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("note"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
