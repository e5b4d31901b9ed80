package org.ringtree.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machine clients: each acts as one user, with that user's role. A key reads {@code
 * rt_<id>_<secret>}; the id finds the row, and only SHA-256 of the whole key is stored.
 *
 * <p>Why SHA-256 and not bcrypt like passwords: bcrypt is slow on purpose (~100 ms here) to make
 * guessing a human-chosen password expensive, and a key is checked on every request. The secret is
 * 256 random bits, so there is nothing to guess that a slow hash would protect; a fast hash still
 * means a stolen copy of the table gives no usable key.
 */
@Service
@Store(owns = "api_keys", reads = "users")
public class ApiKeyStore {

  private static final String PREFIX = "rt_";
  private static final Pattern FORMAT = Pattern.compile("rt_([a-z0-9]{12})_[A-Za-z0-9_-]{43}");
  private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS =
      "id, username, name, created_at, created_by, expires_at, last_used_at, revoked_at,"
          + " revoked_by";

  private final JdbcClient jdbc;
  private final AuditLogStore audit;

  ApiKeyStore(JdbcClient jdbc, AuditLogStore audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A key as listings show it: never the secret nor its hash. */
  public record ApiKey(
      String id,
      String username,
      String name,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String revokedBy) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A new key with its secret, which exists only in this value and is shown once. */
  public record IssuedKey(ApiKey key, String secret) {}

  /** Creates a key for {@code username} that lasts until revoked. */
  public IssuedKey create(String username, String name, String actor) {
    return create(username, name, null, actor);
  }

  /**
   * Creates a key for {@code username}, refused from {@code expiresAt} on (null: never); the secret
   * is returned here and never again. Only the user themselves ({@code actor}) creates their keys.
   */
  @Transactional
  public IssuedKey create(String username, String name, Instant expiresAt, String actor) {
    String user = existingUser(username);
    if (!user.equals(actor)) {
      // whoever could mint a key for another user could act as them (four eyes walked around)
      throw new UserAccounts.UserRejectedException(
          "an API key is created by its owner; " + actor + " may not create one for " + user);
    }
    if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
      throw new UserAccounts.UserRejectedException(
          "expiresAt must be in the future, was " + expiresAt);
    }
    String label = name == null || name.isBlank() ? "api key" : name.strip();
    if (label.length() > 100) {
      throw new UserAccounts.UserRejectedException("a key's name may have at most 100 characters");
    }
    String id = randomId();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql(
            "INSERT INTO api_keys (id, username, name, secret_sha256, created_by, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            id,
            user,
            label,
            sha256(key),
            actor,
            expiresAt == null ? null : Timestamp.from(expiresAt))
        .update();
    ApiKey created = find(user, id).orElseThrow();
    audit.record(actor, "api-key.create", "user", user, null, view(created));
    return new IssuedKey(created, key);
  }

  public List<ApiKey> list(String username) {
    String user = existingUser(username);
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE username = ? ORDER BY created_at")
        .param(user)
        .query((rs, i) -> key(rs))
        .list();
  }

  /** Revokes a key at once; revoking it again changes nothing and records nothing. */
  @Transactional
  public Optional<ApiKey> revoke(String username, String id, String actor) {
    String user = existingUser(username);
    Optional<ApiKey> before = find(user, id);
    if (before.isEmpty() || before.get().revoked()) {
      return before;
    }
    jdbc.sql(
            "UPDATE api_keys SET revoked_at = now(), revoked_by = ?"
                + " WHERE id = ? AND username = ? AND revoked_at IS NULL")
        .params(actor, id, user)
        .update();
    ApiKey after = find(user, id).orElseThrow();
    audit.record(actor, "api-key.revoke", "user", user, view(before.get()), view(after));
    return Optional.of(after);
  }

  /**
   * The user a presented key acts as: empty for a malformed, unknown, expired or revoked key. Marks
   * the key used, at most once a minute.
   */
  Optional<String> authenticate(String presented) {
    Matcher m = presented == null ? null : FORMAT.matcher(presented);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    record Stored(String username, byte[] hash) {}
    Optional<Stored> stored =
        jdbc.sql(
                "SELECT username, secret_sha256 FROM api_keys WHERE id = ? AND revoked_at IS NULL"
                    + " AND (expires_at IS NULL OR expires_at > now())")
            .param(m.group(1))
            .query((rs, i) -> new Stored(rs.getString(1), rs.getBytes(2)))
            .optional();
    // constant-time: a mismatch does not tell how many leading bytes were right
    if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash(), sha256(presented))) {
      return Optional.empty();
    }
    jdbc.sql(
            "UPDATE api_keys SET last_used_at = now() WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
        .param(m.group(1))
        .update();
    return Optional.of(stored.get().username());
  }

  private Optional<ApiKey> find(String username, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = ? AND username = ?")
        .params(id, username)
        .query((rs, i) -> key(rs))
        .optional();
  }

  private String existingUser(String username) {
    String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return jdbc.sql("SELECT username FROM users WHERE username = ?")
        .param(normalised)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException(normalised));
  }

  private static String randomId() {
    char[] id = new char[12];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Map<String, Object> view(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiKey", k.id());
    m.put("name", k.name());
    m.put("expiresAt", k.expiresAt() == null ? null : k.expiresAt().toString());
    m.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
    return m;
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    return new ApiKey(
        rs.getString("id"),
        rs.getString("username"),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        instant(rs.getTimestamp("expires_at")),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("revoked_at")),
        rs.getString("revoked_by"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
