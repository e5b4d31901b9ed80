package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.twilio.TwilioWebhookFields.CallStatus;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.ringtree.runtime.support.TestDatabases;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V72 splits calls.status into the platform's phase and the provider's status, converting every
 * existing call, and puts CHECK constraints on the phase, the provider status and the trace's kind
 * and outcome that accept exactly the Java enums' values.
 */
class CallStateMigrationTest {

  private final String url = TestDatabases.create("v72");
  private final JdbcClient jdbc =
      JdbcClient.create(new DriverManagerDataSource(url, TestDatabases.user(), ""));

  @Test
  void existingCallsAreSplitIntoPhaseAndProviderStatusShowingTheSameStatus() {
    migrate("71");
    List<String> before =
        List.of(
            "unrouted",
            "in-ivr",
            "ringing-buyer",
            "flow-ended",
            "no-status",
            "completed",
            "busy",
            "no-answer",
            "failed",
            "canceled");
    before.forEach(this::oldCall);
    UUID traced = oldCall("in-ivr-traced");
    oldTrace(traced, 1, "dial", "NO-ANSWER");
    oldTrace(traced, 2, "dial", "BUSY");

    migrate(null);

    for (String status : before) {
      String[] row =
          jdbc.sql("SELECT phase, provider_status FROM calls WHERE call_sid = ?")
              .param("CA-old-" + status)
              .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
              .single();
      assertThat(CallPhase.valueOf(row[0]).shown(row[1])).as(status).isEqualTo(status);
    }
    assertThat(phaseOf("completed")).isEqualTo("ENDED");
    assertThat(phaseOf("no-status")).isEqualTo("ENDED_WITHOUT_STATUS");
    assertThat(phaseOf("ringing-buyer")).isEqualTo("RINGING_BUYER");
    assertThat(
            jdbc.sql("SELECT outcome FROM routing_trace WHERE call_id = ? ORDER BY seq")
                .param(traced)
                .query(String.class)
                .list())
        .containsExactly("NO_ANSWER", "BUSY");
  }

  @Test
  void theChecksAcceptEveryEnumValueAndRefuseAnyOther() {
    migrate(null);
    UUID call = newCall("IN_IVR", null);
    for (CallPhase phase : CallPhase.values()) {
      jdbc.sql("UPDATE calls SET phase = ? WHERE id = ?").params(phase.name(), call).update();
    }
    for (CallStatus status : CallStatus.values()) {
      jdbc.sql("UPDATE calls SET provider_status = ? WHERE id = ?")
          .params(status.wireValue(), call)
          .update();
    }
    int seq = 0;
    for (TraceKind kind : TraceKind.values()) {
      trace(call, ++seq, kind.code(), "OK");
    }
    for (TraceOutcome outcome : TraceOutcome.values()) {
      trace(call, ++seq, "dial", outcome.name());
    }
    assertThat(jdbc.sql("SELECT count(*) FROM routing_trace").query(Long.class).single())
        .isEqualTo(TraceKind.values().length + TraceOutcome.values().length);

    refused(() -> newCall("in-ivr", null));
    refused(() -> newCall("ENDED", "answered"));
    refused(() -> trace(call, 1000, "auction", "OK"));
    refused(() -> trace(call, 1001, "dial", "NO-ANSWER"));
    refused(() -> trace(call, 1002, "dial", "no_answer"));
  }

  @Test
  void theChecksListExactlyTheEnums() {
    migrate(null);
    assertThat(allowed("calls_phase_check"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CallPhase.values()).map(Enum::name).toList());
    assertThat(allowed("calls_provider_status_check"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CallStatus.values()).map(CallStatus::wireValue).toList());
    assertThat(allowed("routing_trace_kind_check"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TraceKind.values()).map(TraceKind::code).toList());
    assertThat(allowed("routing_trace_outcome_check"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TraceOutcome.values()).map(Enum::name).toList());
  }

  /** The quoted values of a CHECK (x IN (...)) constraint, as PostgreSQL prints it. */
  private List<String> allowed(String constraint) {
    String definition =
        jdbc.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ?")
            .param(constraint)
            .query(String.class)
            .single();
    return java.util.regex.Pattern.compile("'([^']*)'")
        .matcher(definition)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  private static void refused(Runnable insert) {
    assertThatThrownBy(insert::run).isInstanceOf(DataIntegrityViolationException.class);
  }

  private void migrate(String target) {
    TestDatabases.migrate(url, target);
  }

  private UUID oldCall(String status) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, caller_number, status, started_at)"
                + " VALUES (?, ?, '+18885550101', '+13105550000', ?, now())")
        .params(id, "CA-old-" + status, status.replace("-traced", ""))
        .update();
    return id;
  }

  private void oldTrace(UUID call, int seq, String kind, String outcome) {
    trace(call, seq, kind, outcome);
  }

  private UUID newCall(String phase, String providerStatus) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, caller_number, phase,"
                + " provider_status, started_at) VALUES (?, ?, '+18885550101', '+13105550000', ?,"
                + " ?, now())")
        .params(id, "CA-new-" + id, phase, providerStatus)
        .update();
    return id;
  }

  private void trace(UUID call, int seq, String kind, String outcome) {
    jdbc.sql(
            "INSERT INTO routing_trace (call_id, seq, kind, outcome, reason) VALUES (?, ?, ?, ?,"
                + " 'test')")
        .params(call, seq, kind, outcome)
        .update();
  }

  private String phaseOf(String oldStatus) {
    return jdbc.sql("SELECT phase FROM calls WHERE call_sid = ?")
        .param("CA-old-" + oldStatus)
        .query(String.class)
        .single();
  }
}
