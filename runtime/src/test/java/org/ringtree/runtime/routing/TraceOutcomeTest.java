package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.twilio.TwilioWebhookFields.DialCallStatus;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.trace.Justification;

class TraceOutcomeTest {

  @Test
  void everyVerdictAndPingStatusHasAnOutcomeOfTheSameName() {
    for (Justification.Verdict v : Justification.Verdict.values()) {
      assertThat(TraceOutcome.of(v).name()).isEqualTo(v.name());
    }
    for (PingResult.Status s : PingResult.Status.values()) {
      assertThat(TraceOutcome.of(s).name()).isEqualTo(s.name());
    }
  }

  @Test
  void everyDialStatusOfALegNotAnsweredHasAnOutcome() {
    assertThat(
            Arrays.stream(DialCallStatus.values())
                .filter(s -> !s.connected())
                .map(s -> TraceOutcome.ofDialStatus(s.wireValue())))
        .containsExactlyInAnyOrder(
            TraceOutcome.BUSY, TraceOutcome.NO_ANSWER, TraceOutcome.FAILED, TraceOutcome.CANCELED);
  }

  @Test
  void aJustificationBecomesOneTraceLineWithItsRule() {
    Justification skipped =
        new Justification("acme", "route-1", "rule-7", Justification.Verdict.SKIPPED, "cap 40/40");

    TraceEntry line = TraceEntry.justified(TraceKind.DECISION, skipped).about(skipped.subject());

    assertThat(line)
        .isEqualTo(
            new TraceEntry(
                "route-1",
                "acme",
                TraceKind.DECISION,
                TraceOutcome.SKIPPED,
                "cap 40/40",
                null,
                null,
                null,
                java.util.Map.of("rule", "rule-7")));
    assertThat(TraceEntry.justified(TraceKind.STEP, Justification.step("menu", null, "m")).detail())
        .isEmpty();
  }
}
