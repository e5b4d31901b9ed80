package org.ringtree.runtime.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ringtree.rules.json.RingtreeJson;

/**
 * How a call maps to and from the columns of {@code calls}: the values a new call is inserted with
 * and the {@link CallRow} a select reads back. It holds no SQL; {@link CallStore} does.
 */
final class CallColumns {

  private CallColumns() {}

  /**
   * A new call's values in the column order both inserts use: id … state, then the dial plan when
   * {@code withDialPlan}, then started_at and currency.
   */
  static List<Object> of(NewCall call, boolean withDialPlan, String dialPlan) {
    List<Object> values =
        new ArrayList<>(
            Arrays.asList(
                call.id(),
                call.callSid(),
                call.trackingNumber(),
                call.campaignId(),
                call.publisherId(),
                call.flowVersionId(),
                call.callerNumber(),
                call.callerCity(),
                call.callerState(),
                call.callerZip(),
                call.callerCountry(),
                call.phase().name(),
                call.state() == null ? "{}" : encode(call.state())));
    if (withDialPlan) {
      values.add(dialPlan);
    }
    values.add(Timestamp.from(call.startedAt()));
    values.add(call.currency());
    return values;
  }

  /** A row of the columns {@link CallStore}'s call select names. */
  static CallRow callRow(ResultSet rs, int i) throws SQLException {
    return new CallRow(
        rs.getObject("id", UUID.class),
        rs.getString("call_sid"),
        rs.getString("campaign_id"),
        rs.getString("publisher_id"),
        (Long) rs.getObject("flow_version_id"),
        CallPhase.valueOf(rs.getString("phase")),
        rs.getString("state"),
        rs.getInt("state_version"),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        rs.getString("target_id"),
        rs.getString("buyer_id"),
        rs.getBigDecimal("revenue"),
        (Integer) rs.getObject("talk_seconds"),
        rs.getString("dial_plan"));
  }

  /** A nullable timestamp column as an instant. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** Call state and dial plans are written with the rules module's one Jackson configuration. */
  static String encode(Object value) {
    try {
      return RingtreeJson.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
