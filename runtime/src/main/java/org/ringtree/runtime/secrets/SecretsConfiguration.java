package org.ringtree.runtime.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key secrets are encrypted with: {@code ringtree.secrets.key} (base64 of 32 random bytes, e.g.
 * {@code openssl rand -base64 32}), kept out of the database so a copy of the database alone
 * reveals no secret. Without it (development, the demo) a key is made once and kept in the data
 * directory, readable by its owner only; the production profile refuses to start without the
 * setting (config.StartupChecks).
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

  /** The key {@link SecretStore} encrypts with. */
  @Bean
  SecretKey secretsKey(
      @Value("${ringtree.secrets.key:}") String configured,
      @Value("${ringtree.data-dir:data}") String dataDir) {
    return key(configured, Path.of(dataDir));
  }

  static SecretKey key(String configured, Path dataDir) {
    if (!configured.isBlank()) {
      return parse(configured.strip(), "ringtree.secrets.key");
    }
    Path file = dataDir.resolve("secrets.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n");
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the file keeps the directory's permissions
        }
        log.warn(
            "No ringtree.secrets.key: made one in {} (fine for development; in production set"
                + " RINGTREE_SECRETS_KEY and keep it out of the database's backups)",
            file.toAbsolutePath());
      }
      return parse(Files.readString(file).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the secrets key in " + file, e);
    }
  }

  private static SecretKey parse(String base64, String where) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != 32) {
      throw new InvalidConfigurationException(
          where + " is not base64 of 32 bytes",
          "Set RINGTREE_SECRETS_KEY to the output of: openssl rand -base64 32");
    }
    return new SecretKeySpec(raw, "AES");
  }
}
