package org.ringtree.runtime.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code secrets}: each secret encrypted with AES-256-GCM under the configured key (a fresh
 * 96-bit nonce per secret, its id as associated data, so a ciphertext cannot be moved to another
 * id). What the rest of Ringtree stores, shows, audits and reviews is the reference {@code
 * secret:<id>}; the secret itself is read back only where it is used (the TwiML that dials a SIP
 * target).
 */
@Repository
@Store(owns = "secrets")
public class SecretStore {

  public static final String PREFIX = "secret:";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretKey key;

  SecretStore(JdbcClient jdbc, SecretKey key) {
    this.jdbc = jdbc;
    this.key = key;
  }

  public static boolean isReference(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** Encrypts and keeps the secret; returns its reference. */
  public String put(String secret, String actor) {
    String id = HexFormat.of().formatHex(randomBytes(12));
    byte[] nonce = randomBytes(12);
    jdbc.sql("INSERT INTO secrets (id, nonce, ciphertext, created_by) VALUES (?, ?, ?, ?)")
        .params(id, nonce, crypt(Cipher.ENCRYPT_MODE, id, nonce, bytes(secret)), actor)
        .update();
    return PREFIX + id;
  }

  /** Whether the reference names a stored secret. */
  public boolean exists(String reference) {
    return isReference(reference)
        && jdbc.sql("SELECT count(*) FROM secrets WHERE id = ?")
                .param(reference.substring(PREFIX.length()))
                .query(Long.class)
                .single()
            > 0;
  }

  /** The secret a reference names; a value that is not a reference is returned as it is. */
  public Optional<String> reveal(String reference) {
    if (!isReference(reference)) {
      return Optional.ofNullable(reference);
    }
    String id = reference.substring(PREFIX.length());
    record Row(byte[] nonce, byte[] ciphertext) {}
    return jdbc.sql("SELECT nonce, ciphertext FROM secrets WHERE id = ?")
        .param(id)
        .query((rs, i) -> new Row(rs.getBytes(1), rs.getBytes(2)))
        .optional()
        .map(
            r ->
                new String(
                    crypt(Cipher.DECRYPT_MODE, id, r.nonce(), r.ciphertext()),
                    StandardCharsets.UTF_8));
  }

  private byte[] crypt(int mode, String id, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(bytes(id));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "secret "
              + id
              + " cannot be "
              + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "read")
              + " (was ringtree.secrets.key changed?)",
          e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
