package org.ringtree.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V36 rebuilds the report roll-up in quarter hours from an existing database: every call and every
 * cent of the ledger lands in the quarter hour the call started in (a ledger row without a call, in
 * the one it was booked in), and the triggers go on from there.
 */
class RollupQuarterHoursMigrationTest {

  private final String url = TestDatabases.create("v36");
  private final JdbcClient jdbc =
      JdbcClient.create(new DriverManagerDataSource(url, TestDatabases.user(), ""));

  @Test
  void theRollUpIsRebuiltInQuarterHoursWithNothingLostAndTriggersFollow() {
    migrate("35");
    call("CAv36a", "2026-10-01T18:15:00Z");
    UUID paid = call("CAv36b", "2026-10-01T18:45:00Z"); // 00:15 on 2 October in India
    call("CAv36c", "2026-10-01T19:05:00Z");
    entry(paid, "REVENUE", "BUYER", "b1", "100.00", "2026-10-01T18:50:00Z");
    entry(paid, "PAYOUT", "PUBLISHER", "p1", "60.00", "2026-10-01T18:50:00Z");
    entry(null, "ADJUSTMENT", "BUYER", "b1", "-5.00", "2026-10-01T18:40:00Z");

    migrate(null);

    assertThat(rollup())
        .containsExactly(
            "2026-10-01T18:15:00Z 1 calls 0.00/0.00 buyer=",
            "2026-10-01T18:30:00Z 0 calls -5.00/0.00 buyer=b1",
            "2026-10-01T18:45:00Z 1 calls 100.00/60.00 buyer=",
            "2026-10-01T19:00:00Z 1 calls 0.00/0.00 buyer=");
    assertThat(jdbc.sql("SELECT count(*) FROM report_rollup_pending").query(Long.class).single())
        .isZero();

    call("CAv36d", "2026-10-01T20:59:59Z", "phase, provider_status", "'ENDED', 'completed'");
    assertThat(
            jdbc.sql("SELECT bucket FROM report_rollup_pending")
                .query(Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(Instant.parse("2026-10-01T20:45:00Z"));
  }

  private void migrate(String target) {
    TestDatabases.migrate(url, target);
  }

  private UUID call(String sid, String startedAt) {
    return call(sid, startedAt, "status", "'completed'"); // before V72 split it into two
  }

  private UUID call(String sid, String startedAt, String statusColumns, String statusValues) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, caller_number, "
                + statusColumns
                + ", started_at) VALUES (?, ?, '+18885550101', '+13105550000', "
                + statusValues
                + ", ?)")
        .params(id, sid, Timestamp.from(Instant.parse(startedAt)))
        .update();
    return id;
  }

  private void entry(
      UUID call, String kind, String party, String partyId, String amount, String at) {
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, amount, currency,"
                + " rule_ref, description, created_at) VALUES (?, ?, ?, ?, ?::numeric, 'USD',"
                + " 'test', 'test', ?)")
        .params(call, kind, party, partyId, amount, Timestamp.from(Instant.parse(at)))
        .update();
  }

  private List<String> rollup() {
    return jdbc.sql(
            "SELECT bucket, calls, revenue, payout, buyer_id FROM report_rollup ORDER BY bucket")
        .query(
            (rs, i) ->
                rs.getTimestamp(1).toInstant()
                    + " "
                    + rs.getLong(2)
                    + " calls "
                    + rs.getBigDecimal(3).toPlainString()
                    + "/"
                    + rs.getBigDecimal(4).toPlainString()
                    + " buyer="
                    + rs.getString(5))
        .list();
  }
}
