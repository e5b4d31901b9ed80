package org.ringtree.integrations.telnyx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks the Ed25519 signature Telnyx puts on its webhooks (TeXML included), and signs requests the
 * same way for the test driver. Telnyx signs {@code <telnyx-timestamp>|<raw body>} with the
 * account's private key; the public key is shown in the Telnyx portal as 32 bytes in base64. A
 * signature older or newer than five minutes is refused, so a captured request cannot be replayed
 * later.
 */
public final class TelnyxSignatures {

  public static final String SIGNATURE_HEADER = "telnyx-signature-ed25519";
  public static final String TIMESTAMP_HEADER = "telnyx-timestamp";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 key bytes. */
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private static final int KEY_LENGTH = 32;

  private final PublicKey publicKey;

  /**
   * @param publicKeyBase64 the account's public key as Telnyx shows it: 32 bytes, base64
   */
  public TelnyxSignatures(String publicKeyBase64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(publicKeyBase64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the Telnyx public key is not base64", e);
    }
    if (raw.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "the Telnyx public key must be 32 bytes (base64), got " + raw.length);
    }
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
    System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
    try {
      this.publicKey =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /**
   * True if {@code signature} (base64) signs {@code timestamp|body} with this key and the timestamp
   * (Unix seconds) is within {@link #TOLERANCE} of {@code now}. Missing or malformed values are
   * simply not valid.
   */
  public boolean isValid(byte[] body, String timestamp, String signature, Instant now) {
    if (body == null || timestamp == null || signature == null) {
      return false;
    }
    try {
      Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
      if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
        return false;
      }
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(signedBytes(timestamp.strip(), body));
      return verifier.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (GeneralSecurityException | java.time.DateTimeException e) {
      return false;
    } catch (IllegalArgumentException e) { // not a number, not base64
      return false;
    }
  }

  /** The base64 signature Telnyx would send for this body at this timestamp. */
  public static String sign(PrivateKey privateKey, String timestamp, byte[] body) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(signedBytes(timestamp, body));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** A public key as Telnyx shows it: the 32 raw bytes in base64. */
  public static String portalFormat(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return Base64.getEncoder()
        .encodeToString(Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length));
  }

  private static byte[] signedBytes(String timestamp, byte[] body) {
    byte[] prefix = (timestamp + "|").getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }
}
