package org.ringtree.runtime.postback;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.Audit;
import org.ringtree.runtime.billing.CallConverted;
import org.ringtree.runtime.billing.Disputes;
import org.ringtree.runtime.billing.LedgerWriter;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.call.CallStore;
import org.ringtree.runtime.database.Store;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyer conversion postbacks in. Each buyer has one secret key (stored as its SHA-256). A valid
 * postback for one of the buyer's calls marks it converted. If it carries a revenue, the buyer's
 * total for the call becomes that amount (one ADJUSTMENT row correcting the latest one) only where
 * the call's campaign lets postbacks set revenue ({@code conversion_revenue_policies}, owned here):
 * within its min and max, for calls younger than its window. Any other revenue becomes an open
 * dispute holding the requested amount, which staff approve or reject: a buyer never sets its own
 * price alone. Replays change nothing. A bad key is 403 and an unknown call (or another buyer's)
 * 404, before anything is written.
 */
@Service
@Store(
    owns = {"buyer_postback_keys", "conversion_revenue_policies"},
    reads = {"buyers", "campaigns"})
public class ConversionPostbacks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final LedgerWriter ledger;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final Disputes disputes;
  private final CallStore calls;

  ConversionPostbacks(
      JdbcClient jdbc,
      CallStore calls,
      LedgerWriter ledger,
      Audit audit,
      ApplicationEventPublisher events,
      Disputes disputes) {
    this.disputes = disputes;
    this.jdbc = jdbc;
    this.calls = calls;
    this.ledger = ledger;
    this.audit = audit;
    this.events = events;
  }

  /**
   * Where the call stands after the postback; {@code revenueDisputeId} names the dispute a revenue
   * the campaign does not let postbacks set became, and {@code revenueNote} says why.
   */
  public record Result(
      UUID callId,
      boolean converted,
      boolean firstConversion,
      BigDecimal revenue,
      String currency,
      BigDecimal revenueChange,
      Long revenueDisputeId,
      String revenueNote) {}

  /** A buyer as the postback screen lists it; {@code keyIssued}: whether it has a key yet. */
  public record BuyerKey(String buyerId, String name, boolean keyIssued, Instant keyIssuedAt) {}

  /**
   * The {@code call_id} of a test conversion: the key is checked as for any postback and nothing is
   * changed, so a buyer can try its integration before it has a call.
   */
  public static final String TEST_CALL = "test";

  /** How far a campaign lets its buyers' postbacks set a call's revenue. */
  public record RevenuePolicy(
      String campaignId,
      BigDecimal minRevenue,
      BigDecimal maxRevenue,
      int windowHours,
      String updatedBy) {}

  public Optional<RevenuePolicy> revenuePolicy(String campaignId) {
    return jdbc.sql(
            "SELECT campaign_id, min_revenue, max_revenue, window_hours, updated_by"
                + " FROM conversion_revenue_policies WHERE campaign_id = ?")
        .param(campaignId)
        .query(
            (rs, i) ->
                new RevenuePolicy(
                    rs.getString(1),
                    rs.getBigDecimal(2),
                    rs.getBigDecimal(3),
                    rs.getInt(4),
                    rs.getString(5)))
        .optional();
  }

  /** Opts a campaign in (or changes its bounds); audited. */
  @Transactional
  public RevenuePolicy saveRevenuePolicy(
      String campaignId, BigDecimal min, BigDecimal max, Integer windowHours, String actor) {
    if (min == null || max == null || windowHours == null) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "need minRevenue, maxRevenue and windowHours");
    }
    if (min.signum() < 0 || max.compareTo(min) < 0 || windowHours <= 0 || windowHours > 24 * 90) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID,
          "need 0 <= minRevenue <= maxRevenue and 1 <= windowHours <= 2160 (90 days)");
    }
    if (min.stripTrailingZeros().scale() > 2 || max.stripTrailingZeros().scale() > 2) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "amounts are in cents");
    }
    if (jdbc.sql("SELECT count(*) FROM campaigns WHERE id = ?")
            .param(campaignId)
            .query(Long.class)
            .single()
        == 0) {
      throw new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such campaign");
    }
    Optional<RevenuePolicy> before = revenuePolicy(campaignId);
    jdbc.sql(
            "INSERT INTO conversion_revenue_policies (campaign_id, min_revenue, max_revenue,"
                + " window_hours, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO"
                + " UPDATE SET min_revenue = excluded.min_revenue, max_revenue ="
                + " excluded.max_revenue, window_hours = excluded.window_hours, updated_by ="
                + " excluded.updated_by, updated_at = now()")
        .params(campaignId, min, max, windowHours, actor)
        .update();
    RevenuePolicy after = revenuePolicy(campaignId).orElseThrow();
    audit.record(
        actor,
        "conversion-revenue-policy.save",
        "campaign",
        campaignId,
        before.orElse(null),
        after);
    return after;
  }

  /** Opts a campaign out: postbacks' revenues become disputes again; audited. */
  @Transactional
  public boolean deleteRevenuePolicy(String campaignId, String actor) {
    Optional<RevenuePolicy> before = revenuePolicy(campaignId);
    if (before.isEmpty()) {
      return false;
    }
    jdbc.sql("DELETE FROM conversion_revenue_policies WHERE campaign_id = ?")
        .param(campaignId)
        .update();
    audit.record(
        actor, "conversion-revenue-policy.delete", "campaign", campaignId, before.get(), null);
    return true;
  }

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

  /** Every buyer, by name, with whether (and when) its key was issued. */
  public List<BuyerKey> buyers() {
    return jdbc.sql(
            "SELECT b.id, b.name, k.created_at FROM buyers b"
                + " LEFT JOIN buyer_postback_keys k ON k.buyer_id = b.id ORDER BY b.name, b.id")
        .query(
            (rs, i) -> {
              java.sql.Timestamp issued = rs.getTimestamp(3);
              return new BuyerKey(
                  rs.getString(1),
                  rs.getString(2),
                  issued != null,
                  issued == null ? null : issued.toInstant());
            })
        .list();
  }

  @Transactional
  public Result convert(String buyerId, String key, String callRef, BigDecimal revenue) {
    checkKey(buyerId, key);
    if (TEST_CALL.equals(callRef)) {
      return new Result(
          null,
          false,
          false,
          null,
          null,
          null,
          null,
          "test conversion: the key is right; no call was changed");
    }
    if (revenue != null && (revenue.signum() < 0 || revenue.stripTrailingZeros().scale() > 2)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "revenue is a non-negative amount in cents");
    }
    CallStore.ConvertingCall call =
        callId(callRef)
            .flatMap(calls::lockForConversion)
            .filter(c -> buyerId.equals(c.buyerId()))
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such call for this buyer"));
    LedgerWriter.Standing standing = ledger.standing(call.id(), LedgerWriter.Party.BUYER);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("converted", call.converted());
    before.put("revenue", standing.total());
    BigDecimal change = BigDecimal.ZERO.setScale(2);
    Long disputeId = null;
    String note = null;
    Optional<String> refused =
        revenue == null || revenue.compareTo(standing.total()) == 0
            ? Optional.empty()
            : revenueRefusal(call.campaignId(), call.startedAt(), revenue);
    if (refused.isPresent()) {
      String why =
          "conversion postback asked to set revenue to "
              + revenue.setScale(2).toPlainString()
              + " (was "
              + standing.total().setScale(2).toPlainString()
              + "): "
              + refused.get();
      Optional<Disputes.Dispute> dispute =
          disputes.requestRevenue(call.id(), buyerId, revenue.setScale(2), why, "buyer:" + buyerId);
      disputeId = dispute.map(Disputes.Dispute::id).orElse(null);
      note =
          dispute.isEmpty()
              ? refused.get() + "; the call is past the dispute window, revenue unchanged"
              : dispute.get().requestedRevenue() != null
                      && dispute.get().requestedRevenue().compareTo(revenue) == 0
                  ? refused.get() + "; the change awaits review as dispute " + dispute.get().id()
                  : refused.get()
                      + "; the call has an open dispute ("
                      + dispute.get().id()
                      + "), revenue unchanged";
    } else if (revenue != null && revenue.compareTo(standing.total()) != 0) {
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
      calls.markConverted(call.id());
      events.publishEvent(new CallConverted(call.id(), call.publisherId(), buyerId));
    }
    BigDecimal total = standing.total().add(change).setScale(2);
    if (first || change.signum() != 0) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("converted", true);
      after.put("revenue", total);
      audit.record("buyer:" + buyerId, "call.convert", "call", call.id().toString(), before, after);
    }
    return new Result(call.id(), true, first, total, call.currency(), change, disputeId, note);
  }

  /** Why the campaign does not let a postback set this revenue now, if it does not. */
  private Optional<String> revenueRefusal(
      String campaignId, Instant startedAt, BigDecimal revenue) {
    Optional<RevenuePolicy> policy = revenuePolicy(campaignId);
    if (policy.isEmpty()) {
      return Optional.of("campaign " + campaignId + " does not let postbacks set revenue");
    }
    RevenuePolicy p = policy.get();
    if (revenue.compareTo(p.minRevenue()) < 0 || revenue.compareTo(p.maxRevenue()) > 0) {
      return Optional.of(
          "outside the campaign's bounds "
              + p.minRevenue().toPlainString()
              + "-"
              + p.maxRevenue().toPlainString());
    }
    if (startedAt.plus(Duration.ofHours(p.windowHours())).isBefore(Instant.now())) {
      return Optional.of("the call is older than the campaign's " + p.windowHours() + " h window");
    }
    return Optional.empty();
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
  private Optional<UUID> callId(String ref) {
    if (ref == null || ref.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(ref));
    } catch (IllegalArgumentException notUuid) {
      return calls.idOf(ref);
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
