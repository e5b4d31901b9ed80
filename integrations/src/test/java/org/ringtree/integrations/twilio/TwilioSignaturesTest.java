package org.ringtree.integrations.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignaturesTest {

  private static final String TOKEN = "12345678901234567890123456789012";
  private final TwilioSignatures signatures =
      new TwilioSignatures(TOKEN, "https://calls.example.com/");

  private static Map<String, String> incomingCall() {
    Map<String, String> params = new HashMap<>();
    params.put(TwilioWebhookFields.CALL_SID, "CA1234567890ABCDE");
    params.put(TwilioWebhookFields.FROM, "+15125550111");
    params.put(TwilioWebhookFields.TO, "+18005550100");
    params.put(TwilioWebhookFields.CALL_STATUS, "ringing");
    params.put(TwilioWebhookFields.FROM_CITY, "AUSTIN");
    params.put(TwilioWebhookFields.SPEECH_RESULT, "yes & no, \"maybe\"");
    return params;
  }

  @Test
  void buildsThePublicUrlFromTheConfiguredBaseNotTheRequestHost() {
    assertThat(signatures.publicUrl("/twilio/voice", null))
        .isEqualTo("https://calls.example.com/twilio/voice");
    assertThat(signatures.publicUrl("/twilio/gather", "call=CA1&step=2"))
        .isEqualTo("https://calls.example.com/twilio/gather?call=CA1&step=2");
  }

  @Test
  void sdkValidatesWhatWeSign() {
    String url = signatures.publicUrl("/twilio/voice", "campaign=7");
    String signature = signatures.sign(url, incomingCall());

    assertThat(new RequestValidator(TOKEN).validate(url, incomingCall(), signature)).isTrue();
    assertThat(signatures.isValid("/twilio/voice", "campaign=7", incomingCall(), signature))
        .isTrue();
  }

  @Test
  void rejectsAChangedParameter() {
    String signature = signatures.sign(signatures.publicUrl("/twilio/voice", null), incomingCall());
    Map<String, String> tampered = incomingCall();
    tampered.put(TwilioWebhookFields.TO, "+18005550101");

    assertThat(signatures.isValid("/twilio/voice", null, tampered, signature)).isFalse();
  }

  @Test
  void rejectsAnAddedParameter() {
    String signature = signatures.sign(signatures.publicUrl("/twilio/voice", null), incomingCall());
    Map<String, String> tampered = incomingCall();
    tampered.put(TwilioWebhookFields.DIGITS, "9");

    assertThat(signatures.isValid("/twilio/voice", null, tampered, signature)).isFalse();
  }

  @Test
  void rejectsAChangedPathOrQuery() {
    String signature =
        signatures.sign(signatures.publicUrl("/twilio/voice", "step=1"), incomingCall());

    assertThat(signatures.isValid("/twilio/status", "step=1", incomingCall(), signature)).isFalse();
    assertThat(signatures.isValid("/twilio/voice", "step=2", incomingCall(), signature)).isFalse();
  }

  @Test
  void rejectsASignatureForAnotherHost() {
    String signature =
        TwilioSignatures.sign(TOKEN, "https://evil.example.net/twilio/voice", incomingCall());

    assertThat(signatures.isValid("/twilio/voice", null, incomingCall(), signature)).isFalse();
  }

  @Test
  void rejectsAChangedMissingOrForeignSignature() {
    String url = signatures.publicUrl("/twilio/voice", null);
    String signature = signatures.sign(url, incomingCall());
    String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

    assertThat(signatures.isValid("/twilio/voice", null, incomingCall(), flipped)).isFalse();
    assertThat(signatures.isValid("/twilio/voice", null, incomingCall(), null)).isFalse();
    assertThat(signatures.isValid("/twilio/voice", null, incomingCall(), "")).isFalse();
    assertThat(
            signatures.isValid(
                "/twilio/voice",
                null,
                incomingCall(),
                TwilioSignatures.sign("another-token", url, incomingCall())))
        .isFalse();
  }

  @Test
  void refusesAMisconfiguredBaseUrlOrToken() {
    assertThatThrownBy(() -> new TwilioSignatures(TOKEN, "calls.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL");
    assertThatThrownBy(() -> new TwilioSignatures(" ", "https://calls.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth token");
  }
}
