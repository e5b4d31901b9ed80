package org.ringtree.integrations.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ringtree.integrations.twilio.TwilioWebhookFields.CallStatus;
import org.ringtree.integrations.twilio.TwilioWebhookFields.DialCallStatus;
import org.ringtree.integrations.twilio.TwilioWebhookFields.UnknownFieldValue;

class TwilioWebhookFieldsTest {

  @Test
  void parsesEveryTwilioCallStatus() {
    for (CallStatus s : CallStatus.values()) {
      assertThat(CallStatus.parse(s.wireValue())).isEqualTo(s);
    }
    assertThat(CallStatus.parse("in-progress")).isEqualTo(CallStatus.IN_PROGRESS);
  }

  @Test
  void parsesLeniently() {
    assertThat(CallStatus.parse(" NO_ANSWER ")).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(CallStatus.parse("Completed")).isEqualTo(CallStatus.COMPLETED);
    assertThat(DialCallStatus.parse("cancelled")).isEqualTo(DialCallStatus.CANCELED);
    assertThat(DialCallStatus.parse("ANSWERED")).isEqualTo(DialCallStatus.ANSWERED);
  }

  @Test
  void reportsUnknownValuesWithFieldAndAcceptedValues() {
    assertThatThrownBy(() -> DialCallStatus.parse("exploded"))
        .isInstanceOf(UnknownFieldValue.class)
        .hasMessage(
            "DialCallStatus: unknown value 'exploded' (expected one of completed, answered, busy,"
                + " no-answer, failed, canceled)");
    assertThatThrownBy(() -> CallStatus.parse(null))
        .isInstanceOf(UnknownFieldValue.class)
        .hasMessageStartingWith("missing CallStatus");
    assertThat(CallStatus.tryParse("x".repeat(100_000))).isEmpty();
    assertThatThrownBy(() -> CallStatus.parse("x".repeat(100_000)))
        .hasMessageContaining("…")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
  }

  @Test
  void knowsWhichStatusesAreFinalOrConnected() {
    assertThat(CallStatus.COMPLETED.isFinal()).isTrue();
    assertThat(CallStatus.RINGING.isFinal()).isFalse();
    assertThat(DialCallStatus.COMPLETED.connected()).isTrue();
    assertThat(DialCallStatus.NO_ANSWER.connected()).isFalse();
  }
}
