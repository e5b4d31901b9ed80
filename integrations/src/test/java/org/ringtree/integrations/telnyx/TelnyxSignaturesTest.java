package org.ringtree.integrations.telnyx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelnyxSignaturesTest {

  private static final byte[] BODY =
      "CallSid=v3%3Aabc&From=%2B13105550000&To=%2B18885550101".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);
  private static final String TS = String.valueOf(NOW.getEpochSecond());

  private final KeyPair keys = keyPair();
  private final TelnyxSignatures telnyx =
      new TelnyxSignatures(TelnyxSignatures.portalFormat(keys.getPublic()));

  @Test
  void aBodySignedWithTheAccountKeyIsValid() {
    String signature = TelnyxSignatures.sign(keys.getPrivate(), TS, BODY);

    assertThat(telnyx.isValid(BODY, TS, signature, NOW)).isTrue();
    assertThat(telnyx.isValid(BODY, TS, signature, NOW.plusSeconds(299))).isTrue();
  }

  @Test
  void aChangedBodyTimestampOrKeyIsNot() {
    String signature = TelnyxSignatures.sign(keys.getPrivate(), TS, BODY);
    byte[] changed = BODY.clone();
    changed[changed.length - 1] = '2';

    assertThat(telnyx.isValid(changed, TS, signature, NOW)).isFalse();
    assertThat(telnyx.isValid(BODY, String.valueOf(NOW.getEpochSecond() + 1), signature, NOW))
        .isFalse();
    assertThat(
            telnyx.isValid(BODY, TS, TelnyxSignatures.sign(keyPair().getPrivate(), TS, BODY), NOW))
        .isFalse();
  }

  @Test
  void aSignatureOlderOrNewerThanFiveMinutesIsRefusedSoItCannotBeReplayed() {
    String signature = TelnyxSignatures.sign(keys.getPrivate(), TS, BODY);

    assertThat(telnyx.isValid(BODY, TS, signature, NOW.plusSeconds(301))).isFalse();
    assertThat(telnyx.isValid(BODY, TS, signature, NOW.minusSeconds(301))).isFalse();
  }

  @Test
  void missingOrMalformedHeadersAreInvalidNotErrors() {
    String signature = TelnyxSignatures.sign(keys.getPrivate(), TS, BODY);

    assertThat(telnyx.isValid(BODY, null, signature, NOW)).isFalse();
    assertThat(telnyx.isValid(BODY, TS, null, NOW)).isFalse();
    assertThat(telnyx.isValid(BODY, "yesterday", signature, NOW)).isFalse();
    assertThat(telnyx.isValid(BODY, TS, "not base64 !", NOW)).isFalse();
    assertThat(telnyx.isValid(BODY, TS, "AAAA", NOW)).isFalse();
  }

  @Test
  void aPublicKeyThatIsNot32BytesOfBase64IsRefusedWithTheReason() {
    assertThatThrownBy(() -> new TelnyxSignatures("AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new TelnyxSignatures("%%%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not base64");
  }

  private static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
