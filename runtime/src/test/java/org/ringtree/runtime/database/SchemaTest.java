package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SchemaTest extends PostgresTest {

  @Autowired JdbcClient jdbc;

  @Test
  void migrationsCreateEveryCoreTable() {
    var tables =
        jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
            .query(String.class)
            .set();
    assertThat(tables)
        .contains(
            "verticals",
            "campaigns",
            "publishers",
            "buyers",
            "targets",
            "target_groups",
            "target_group_members",
            "tracking_numbers",
            "flows",
            "flow_versions",
            "calls",
            "call_events",
            "routing_trace",
            "ledger_entries",
            "audit_log");
  }

  @Test
  void moneyIsStoredExactlyAsNumeric() {
    UUID call = insertCall();
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, amount, currency,"
                + " rule_ref, description) VALUES (?, 'REVENUE', 'BUYER', 'acme-law', ?, 'USD',"
                + " 'test', 'exactness')")
        .params(call, new BigDecimal("0.10").add(new BigDecimal("0.20")))
        .update();
    BigDecimal stored =
        jdbc.sql("SELECT amount FROM ledger_entries WHERE call_id = ?")
            .param(call)
            .query(BigDecimal.class)
            .single();
    assertThat(stored).isEqualByComparingTo("0.30");
    assertThat(
            jdbc.sql(
                    "SELECT data_type FROM information_schema.columns"
                        + " WHERE table_name = 'ledger_entries' AND column_name = 'amount'")
                .query(String.class)
                .single())
        .isEqualTo("numeric");
  }

  @Test
  void ledgerRowsCannotBeUpdatedOrDeleted() {
    UUID call = insertCall();
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, amount, currency,"
                + " rule_ref, description) VALUES (?, 'PAYOUT', 'PUBLISHER', 'sunrise-media',"
                + " 200, 'USD', 'test', 'append only')")
        .param(call)
        .update();
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE ledger_entries SET amount = 1 WHERE call_id = ?")
                    .param(call)
                    .update())
        .hasMessageContaining("ledger_entries rows are immutable");
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM ledger_entries WHERE call_id = ?").param(call).update())
        .hasMessageContaining("ledger_entries rows are immutable");
  }

  @Test
  void auditRowsAreAppendOnly() {
    jdbc.sql(
            "INSERT INTO audit_log (actor, action, object_type, object_id) VALUES ('t', 'CREATE',"
                + " 'test', 'x')")
        .update();
    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else'").update())
        .hasMessageContaining("audit_log rows are immutable");
  }

  @Test
  void timestampsAreReadInUtc() {
    OffsetDateTime at = jdbc.sql("SELECT now()::timestamptz").query(OffsetDateTime.class).single();
    assertThat(at.getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  private UUID insertCall() {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, caller_number, phase,"
                + " provider_status, started_at) VALUES (?, ?, '+18885550101', '+13105550199',"
                + " 'ENDED', 'completed', now())")
        .params(id, "CA" + id.toString().replace("-", ""))
        .update();
    return id;
  }
}
