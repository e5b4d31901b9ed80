package org.ringtree.runtime.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.limits.SignInLimiter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users in PostgreSQL: created, changed and unlocked by admins (failed sign-ins lock a username per
 * client address, in {@link SignInLimiter}; an unlock lifts them all). Every change is written to
 * the audit log in the same transaction; passwords appear there only as "changed", never as a hash.
 */
@Service
@Store(owns = "users")
public class UserAccounts implements UserDetailsService {

  /** Shortest password accepted for a new or changed password. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final String COLUMNS =
      "username, role, publisher_id, buyer_id, enabled, created_at, password_hash";

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditLogStore audit;
  private final SignInLimiter signIns;

  UserAccounts(
      JdbcClient jdbc, PasswordEncoder encoder, AuditLogStore audit, SignInLimiter signIns) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
    this.signIns = signIns;
  }

  /** A request to create or change a user; the password is plain text and only ever hashed. */
  public record UserForm(
      String username, Role role, String publisherId, String buyerId, String password) {}

  /** A change the caller may not make, or a form that does not hold; the message says why. */
  public static final class UserRejectedException extends RuntimeException {
    public UserRejectedException(String message) {
      super(message);
    }
  }

  @Override
  public SignedInUser loadUserByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?")
        .param(normalise(username))
        .query((rs, i) -> new SignedInUser(account(rs), rs.getString("password_hash")))
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  public Optional<Account> find(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?")
        .param(normalise(username))
        .query((rs, i) -> account(rs))
        .optional();
  }

  public List<Account> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username")
        .query((rs, i) -> account(rs))
        .list();
  }

  @Transactional
  public Account create(UserForm form, String actor) {
    checkLink(form);
    checkPassword(form.password());
    String username = normalise(form.username());
    try {
      jdbc.sql(
              "INSERT INTO users (username, password_hash, role, publisher_id, buyer_id)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(
              username,
              encoder.encode(form.password()),
              form.role().name(),
              form.publisherId(),
              form.buyerId())
          .update();
    } catch (DuplicateKeyException e) {
      throw new UserRejectedException("user " + username + " exists already");
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw new UserRejectedException(
          "user " + username + " does not hold: unknown publisher or buyer, or a bad username");
    }
    Account created = find(username).orElseThrow();
    audit.record(actor, "user.create", "user", username, null, view(created));
    return created;
  }

  /** Changes role, portal link and enabled flag; the password only when the form has one. */
  @Transactional
  public Account update(String username, UserForm form, Boolean enabled, String actor) {
    Account before = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    Role role = form.role() == null ? before.role() : form.role();
    UserForm effective =
        new UserForm(
            before.username(),
            role,
            form.role() == null ? before.publisherId() : form.publisherId(),
            form.role() == null ? before.buyerId() : form.buyerId(),
            form.password());
    checkLink(effective);
    if (actor.equals(before.username()) && (role != Role.ADMIN || Boolean.FALSE.equals(enabled))) {
      throw new UserRejectedException("admins cannot demote or disable themselves");
    }
    try {
      jdbc.sql(
              "UPDATE users SET role = ?, publisher_id = ?, buyer_id = ?, enabled = ?,"
                  + " updated_at = now() WHERE username = ?")
          .params(
              role.name(),
              effective.publisherId(),
              effective.buyerId(),
              enabled == null ? before.enabled() : enabled,
              before.username())
          .update();
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw new UserRejectedException("unknown publisher or buyer");
    }
    Account after = find(username).orElseThrow();
    audit.record(actor, "user.update", "user", before.username(), view(before), view(after));
    if (form.password() != null) {
      setPassword(before.username(), form.password(), actor);
      after = find(username).orElseThrow();
    }
    return after;
  }

  @Transactional
  public void setPassword(String username, String password, String actor) {
    checkPassword(password);
    int n =
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = now() WHERE username = ?")
            .params(encoder.encode(password), normalise(username))
            .update();
    if (n != 1) {
      throw new UsernameNotFoundException(username);
    }
    audit.record(
        actor, "user.password", "user", normalise(username), null, Map.of("password", "changed"));
  }

  /** Lifts every sign-in lock of the user, from every client address (on this node). */
  @Transactional
  public Account unlock(String username, String actor) {
    Account before = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    signIns.unlock(before.username());
    Account after = find(username).orElseThrow();
    audit.record(actor, "user.unlock", "user", before.username(), view(before), view(after));
    return after;
  }

  /** Records that failed sign-ins locked an existing user out from one client address. */
  void recordLock(String username, String address, Instant until) {
    find(username)
        .ifPresent(
            a -> {
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("address", address);
              after.put("lockedUntil", until.toString());
              audit.record(AuditLogStore.SYSTEM, "user.locked", "user", a.username(), null, after);
            });
  }

  /** True when the user exists and its password is {@code password} (used for demo checks). */
  boolean hasPassword(String username, String password) {
    return jdbc.sql("SELECT password_hash FROM users WHERE username = ?")
        .param(normalise(username))
        .query(String.class)
        .optional()
        .map(hash -> encoder.matches(password, hash))
        .orElse(false);
  }

  boolean anyAdmin() {
    return jdbc.sql("SELECT count(*) FROM users WHERE role = 'ADMIN' AND enabled")
            .query(Long.class)
            .single()
        > 0;
  }

  private static Map<String, Object> view(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", a.username());
    m.put("role", a.role().name());
    m.put("publisherId", a.publisherId());
    m.put("buyerId", a.buyerId());
    m.put("enabled", a.enabled());
    m.put("signInLocks", a.signInLocks().stream().map(SignInLimiter.Lock::address).toList());
    return m;
  }

  private static void checkLink(UserForm f) {
    if (f.username() == null || f.role() == null) {
      throw new UserRejectedException("username and role are required");
    }
    if (f.role() == Role.PUBLISHER && (f.publisherId() == null || f.buyerId() != null)) {
      throw new UserRejectedException("a publisher user needs publisherId (and no buyerId)");
    }
    if (f.role() == Role.BUYER && (f.buyerId() == null || f.publisherId() != null)) {
      throw new UserRejectedException("a buyer user needs buyerId (and no publisherId)");
    }
    if (f.role() != Role.PUBLISHER
        && f.role() != Role.BUYER
        && (f.publisherId() != null || f.buyerId() != null)) {
      throw new UserRejectedException("only publisher and buyer users are linked to a party");
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new UserRejectedException(
          "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > 128) {
      throw new UserRejectedException("a password may have at most 128 characters");
    }
  }

  private static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private Account account(ResultSet rs) throws SQLException {
    String username = rs.getString("username");
    return new Account(
        username,
        Role.valueOf(rs.getString("role")),
        rs.getString("publisher_id"),
        rs.getString("buyer_id"),
        rs.getBoolean("enabled"),
        signIns.locks(username),
        rs.getTimestamp("created_at").toInstant());
  }
}
