package org.ringtree.runtime.postback;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.Audit;
import org.ringtree.runtime.billing.CallConverted;
import org.ringtree.runtime.billing.LedgerWriter;
import org.ringtree.runtime.billing.MoneyProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyer conversion postbacks in. Each buyer has one secret key (stored as its SHA-256). A valid
 * postback for one of the buyer's calls marks it converted and, if it carries a revenue, brings the
 * buyer's total for the call to that amount with one ADJUSTMENT row correcting the latest one.
 * Replays change nothing (the call is already converted, the total already equals the revenue). A
 * bad key is 403 and an unknown call (or another buyer's) 404, before anything is written.
 */
@Service
public class ConversionPostbacks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final LedgerWriter ledger;
  private final Audit audit;
  private final ApplicationEventPublisher events;

  ConversionPostbacks(
      JdbcClient jdbc, LedgerWriter ledger, Audit audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.audit = audit;
    this.events = events;
  }

  /** Where the call stands after the postback. */
  public record Result(
      UUID callId,
      boolean converted,
      boolean firstConversion,
      BigDecimal revenue,
      String currency,
      BigDecimal revenueChange) {}

  /** Issues (or replaces) a buyer's key; the key is shown once and only its hash is kept. */
  @Transactional
  public String issueKey(String buyerId, String actor) {
    if (jdbc.sql("SELECT count(*) FROM buyers WHERE id = ?")
            .param(buyerId)
            .query(Long.class)
            .single()
        == 0) {
      throw new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such buyer");
    }
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    boolean replaced =
        jdbc.sql(
                "INSERT INTO buyer_postback_keys (buyer_id, key_sha256, created_by)"
                    + " VALUES (?, ?, ?) ON CONFLICT (buyer_id) DO UPDATE SET key_sha256 ="
                    + " excluded.key_sha256, created_by = excluded.created_by, created_at = now()"
                    + " RETURNING (xmax <> 0)")
            .params(buyerId, sha256(key), actor)
            .query(Boolean.class)
            .single();
    audit.record(
        actor,
        replaced ? "buyer-postback-key.rotate" : "buyer-postback-key.issue",
        "buyer",
        buyerId,
        null,
        Map.of("keyIssued", true));
    return key;
  }

  @Transactional
  public Result convert(String buyerId, String key, String callRef, BigDecimal revenue) {
    checkKey(buyerId, key);
    if (revenue != null && (revenue.signum() < 0 || revenue.stripTrailingZeros().scale() > 2)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "revenue is a non-negative amount in cents");
    }
    record CallInfo(
        UUID id,
        String buyerId,
        String publisherId,
        String campaignId,
        String currency,
        boolean converted) {}
    CallInfo call =
        lockCall(callRef)
            .flatMap(
                id ->
                    jdbc.sql(
                            "SELECT id, buyer_id, publisher_id, campaign_id, currency, converted"
                                + " FROM calls WHERE id = ? FOR UPDATE")
                        .param(id)
                        .query(
                            (rs, i) ->
                                new CallInfo(
                                    rs.getObject(1, UUID.class),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5).trim(),
                                    rs.getBoolean(6)))
                        .optional())
            .filter(c -> buyerId.equals(c.buyerId()))
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such call for this buyer"));
    LedgerWriter.Standing standing = ledger.standing(call.id(), LedgerWriter.Party.BUYER);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("converted", call.converted());
    before.put("revenue", standing.total());
    BigDecimal change = BigDecimal.ZERO.setScale(2);
    if (revenue != null && revenue.compareTo(standing.total()) != 0) {
      change = revenue.subtract(standing.total()).setScale(2);
      ledger.append(
          new LedgerWriter.Entry(
              call.id(),
              "ADJUSTMENT",
              LedgerWriter.Party.BUYER,
              buyerId,
              call.campaignId(),
              new Money(change, call.currency()),
              "conversion-postback",
              "buyer conversion postback set revenue to " + revenue.setScale(2).toPlainString(),
              standing.latestRowId(),
              "conversion:" + call.id() + ":after:" + standing.latestRowId()));
    }
    boolean first = !call.converted();
    if (first) {
      jdbc.sql("UPDATE calls SET converted = true, converted_at = now() WHERE id = ?")
          .param(call.id())
          .update();
      events.publishEvent(new CallConverted(call.id(), call.publisherId(), buyerId));
    }
    BigDecimal total = standing.total().add(change).setScale(2);
    if (first || change.signum() != 0) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("converted", true);
      after.put("revenue", total);
      audit.record("buyer:" + buyerId, "call.convert", "call", call.id().toString(), before, after);
    }
    return new Result(call.id(), true, first, total, call.currency(), change);
  }

  private void checkKey(String buyerId, String key) {
    Optional<String> stored =
        jdbc.sql("SELECT key_sha256 FROM buyer_postback_keys WHERE buyer_id = ?")
            .param(buyerId)
            .query(String.class)
            .optional();
    if (key == null
        || stored.isEmpty()
        || !MessageDigest.isEqual(
            stored.get().getBytes(StandardCharsets.US_ASCII),
            sha256(key).getBytes(StandardCharsets.US_ASCII))) {
      throw new MoneyProblem(MoneyProblem.Kind.FORBIDDEN, "bad buyer postback key");
    }
  }

  /** Our call id (UUID) or the provider's CallSid. */
  private Optional<UUID> lockCall(String ref) {
    if (ref == null || ref.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(ref));
    } catch (IllegalArgumentException notUuid) {
      return jdbc.sql("SELECT id FROM calls WHERE call_sid = ?")
          .param(ref)
          .query(UUID.class)
          .optional();
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
