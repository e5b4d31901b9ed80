package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk adjustments of a filtered set of calls, in two steps: {@link #preview} shows the totals
 * before and after and a token naming exactly that state; {@link #apply} writes the adjustment rows
 * only if the calls still stand where the preview saw them (otherwise 409: preview again). Each row
 * is an ADJUSTMENT correcting the call's latest row with that party; the batch and its summary are
 * stored and audited.
 */
@Service
@Store(
    owns = "adjustment_batches",
    reads = {"calls", "ledger_entries"})
public class Adjustments {

  static final int MAX_CALLS = 10_000;

  private final JdbcClient jdbc;
  private final LedgerWriter ledger;
  private final Audit audit;
  private final ComplianceSettings settings;

  Adjustments(JdbcClient jdbc, LedgerWriter ledger, Audit audit, ComplianceSettings settings) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.audit = audit;
  }

  /**
   * Which calls: started in [from, to), and optionally of one campaign, publisher, buyer; or named
   * by {@code callSids} (pasted from a complaint), when the range may be left out.
   */
  public record Filter(
      Instant from,
      Instant to,
      String campaignId,
      String publisherId,
      String buyerId,
      String trackingNumber,
      List<String> callSids) {

    public Filter {
      callSids =
          callSids == null
              ? List.of()
              : callSids.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** A filter by range and directory entries only. */
    public Filter(
        Instant from,
        Instant to,
        String campaignId,
        String publisherId,
        String buyerId,
        String trackingNumber) {
      this(from, to, campaignId, publisherId, buyerId, trackingNumber, List.of());
    }
  }

  /**
   * SET: the party's total for each call becomes {@code amount}; ADD: add it to each call; PERCENT:
   * change each call's total by {@code amount} percent of it (−10 takes a tenth off), rounded
   * half-up to the cent.
   */
  public enum Mode {
    SET,
    ADD,
    PERCENT
  }

  /** What to change: the buyer's revenue or the publisher's payout of each call. */
  public record Action(LedgerWriter.Party party, Mode mode, BigDecimal amount, String reason) {}

  public record Request(Filter filter, Action action) {}

  /** One call's change. */
  public record Change(UUID callId, BigDecimal before, BigDecimal after) {}

  /**
   * One party's statement over the matched calls: its total before, the batch's change, and after.
   * {@code negative}: the batch would leave this party owing the other way (shown before apply).
   */
  public record PartyTotal(
      LedgerWriter.Party party,
      String partyId,
      String currency,
      BigDecimal before,
      BigDecimal change,
      BigDecimal after,
      boolean negative) {}

  /**
   * Totals over the matched calls before and after, the first changes, each adjusted party's
   * statement, and the preview token.
   */
  public record Summary(
      long calls,
      long changedCalls,
      BigDecimal revenueBefore,
      BigDecimal payoutBefore,
      BigDecimal marginBefore,
      BigDecimal revenueAfter,
      BigDecimal payoutAfter,
      BigDecimal marginAfter,
      List<Change> firstChanges,
      String previewToken,
      List<PartyTotal> parties) {}

  /** The stored batch. */
  public record Applied(UUID batchId, Summary summary) {}

  private record Standing(
      UUID callId,
      String partyId,
      String campaignId,
      String currency,
      BigDecimal revenue,
      BigDecimal payout,
      Long latestRowId) {}

  /**
   * Applies a previewed batch straight away: only while approval is not required. With approval
   * required, a batch is asked for ({@link AdjustmentRequests#request}) and applied by a second
   * person.
   */
  @Transactional
  public Applied applyAlone(Request r, String previewToken, String actor) {
    if (settings.requireApproval()) {
      throw new MoneyProblem(
          MoneyProblem.Kind.FORBIDDEN,
          "approval is required: ask for this batch with POST /api/adjustments/requests (same"
              + " filter, action and previewToken), and a second person applies it");
    }
    return apply(r, previewToken, actor);
  }

  public Summary preview(Request r) {
    validate(r);
    return summarise(r, standings(r));
  }

  /** Writes the batch if the calls still stand where the preview saw them; no approval check. */
  @Transactional
  Applied apply(Request r, String previewToken, String actor) {
    validate(r);
    // one applier at a time, so two batches cannot both pass the token check
    jdbc.sql("SELECT pg_advisory_xact_lock(7007)").query().listOfRows();
    List<Standing> now = standings(r);
    Summary summary = summarise(r, now);
    if (!summary.previewToken().equals(previewToken)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "the calls changed since the preview (or it was for another request); preview again");
    }
    UUID batch = UUID.randomUUID();
    for (Standing s : now) {
      BigDecimal before = current(r, s);
      BigDecimal delta = after(r, before).subtract(before);
      if (delta.signum() == 0 || s.partyId() == null) {
        continue;
      }
      ledger.append(
          new LedgerWriter.Entry(
              s.callId(),
              "ADJUSTMENT",
              r.action().party(),
              s.partyId(),
              s.campaignId(),
              new Money(delta, s.currency()),
              "adjustment-" + batch,
              "bulk adjustment: " + r.action().reason(),
              s.latestRowId(),
              "adjustment:" + batch + ":" + s.callId()));
    }
    jdbc.sql(
            "INSERT INTO adjustment_batches (id, request, preview, summary, actor)"
                + " VALUES (?, ?::jsonb, ?, ?::jsonb, ?)")
        .params(batch, RingtreeJson.write(r), previewToken, RingtreeJson.write(summary), actor)
        .update();
    audit.record(
        actor,
        "adjustment.apply",
        "adjustment_batch",
        batch.toString(),
        new Totals(summary.revenueBefore(), summary.payoutBefore(), summary.marginBefore()),
        new Totals(summary.revenueAfter(), summary.payoutAfter(), summary.marginAfter()));
    return new Applied(batch, summary);
  }

  /** What the audit log keeps before and after a batch. */
  record Totals(BigDecimal revenue, BigDecimal payout, BigDecimal margin) {}

  private static void validate(Request r) {
    if (r == null || r.filter() == null || r.action() == null) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "need a filter and an action");
    }
    Filter f = r.filter();
    Action a = r.action();
    boolean named = !f.callSids().isEmpty();
    if (named && f.callSids().size() > MAX_CALLS) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "more than " + MAX_CALLS + " call SIDs; split the list");
    }
    boolean ranged = f.from() != null || f.to() != null;
    if ((!named || ranged) && (f.from() == null || f.to() == null || !f.from().isBefore(f.to()))) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "need from < to (or a list of call SIDs)");
    }
    if (a.party() == null || a.mode() == null || a.amount() == null) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "need party, mode and amount");
    }
    if (a.amount().stripTrailingZeros().scale() > 2) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "amounts are in cents");
    }
    if (a.mode() == Mode.SET && a.amount().signum() < 0) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "a total cannot be set below zero");
    }
    if (a.reason() == null || a.reason().isBlank()) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "an adjustment needs a reason");
    }
  }

  private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

  private List<Standing> standings(Request r) {
    Filter f = r.filter();
    // call SIDs never hold a comma (provider ids are letters and digits)
    String sids = f.callSids().isEmpty() ? null : String.join(",", f.callSids());
    String partyColumn =
        r.action().party() == LedgerWriter.Party.BUYER ? "c.buyer_id" : "c.publisher_id";
    List<Standing> rows =
        jdbc.sql(
                "SELECT c.id, "
                    + partyColumn
                    + ", c.campaign_id, c.currency,"
                    + " coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'BUYER'), 0),"
                    + " coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'PUBLISHER'), 0),"
                    + " max(l.id) FILTER (WHERE l.party_type = ?)"
                    + " FROM calls c LEFT JOIN ledger_entries l ON l.call_id = c.id"
                    + " WHERE c.started_at >= ? AND c.started_at < ?"
                    + " AND (?::text IS NULL OR c.campaign_id = ?)"
                    + " AND (?::text IS NULL OR c.publisher_id = ?)"
                    + " AND (?::text IS NULL OR c.buyer_id = ?)"
                    + " AND (?::text IS NULL OR c.tracking_number = ?)"
                    + " AND (?::text IS NULL OR c.call_sid = ANY(string_to_array(?::text, ',')))"
                    + " GROUP BY c.id ORDER BY c.started_at, c.id LIMIT "
                    + (MAX_CALLS + 1))
            .params(
                r.action().party().name(),
                Timestamp.from(f.from() == null ? Instant.EPOCH : f.from()),
                Timestamp.from(f.to() == null ? FAR : f.to()),
                f.campaignId(),
                f.campaignId(),
                f.publisherId(),
                f.publisherId(),
                f.buyerId(),
                f.buyerId(),
                f.trackingNumber(),
                f.trackingNumber(),
                sids,
                sids)
            .query(
                (rs, i) ->
                    new Standing(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4).trim(),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getObject(7) == null ? null : rs.getLong(7)))
            .list();
    if (rows.size() > MAX_CALLS) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "more than " + MAX_CALLS + " calls match; narrow the filter");
    }
    return rows;
  }

  private static BigDecimal current(Request r, Standing s) {
    return r.action().party() == LedgerWriter.Party.BUYER ? s.revenue() : s.payout();
  }

  static BigDecimal after(Request r, BigDecimal before) {
    BigDecimal amount = r.action().amount();
    return switch (r.action().mode()) {
      case SET -> amount.setScale(2, RoundingMode.HALF_UP);
      case ADD -> before.add(amount).setScale(2, RoundingMode.HALF_UP);
      case PERCENT ->
          before
              .add(before.multiply(amount).divide(HUNDRED, 2, RoundingMode.HALF_UP))
              .setScale(2, RoundingMode.HALF_UP);
    };
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static Summary summarise(Request r, List<Standing> rows) {
    BigDecimal revBefore = BigDecimal.ZERO.setScale(2);
    BigDecimal payBefore = BigDecimal.ZERO.setScale(2);
    BigDecimal revAfter = BigDecimal.ZERO.setScale(2);
    BigDecimal payAfter = BigDecimal.ZERO.setScale(2);
    List<Change> changes = new ArrayList<>();
    long changed = 0;
    StringBuilder state = new StringBuilder(RingtreeJson.write(r));
    Map<String, BigDecimal[]> statements = new TreeMap<>();
    for (Standing s : rows) {
      BigDecimal before = current(r, s);
      BigDecimal after = s.partyId() == null ? before : after(r, before);
      if (s.partyId() != null) {
        BigDecimal[] st =
            statements.computeIfAbsent(
                s.partyId() + "\t" + s.currency(),
                k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
        st[0] = st[0].add(before);
        st[1] = st[1].add(after);
      }
      boolean buyer = r.action().party() == LedgerWriter.Party.BUYER;
      revBefore = revBefore.add(s.revenue());
      payBefore = payBefore.add(s.payout());
      revAfter = revAfter.add(buyer ? after : s.revenue());
      payAfter = payAfter.add(buyer ? s.payout() : after);
      if (after.compareTo(before) != 0) {
        changed++;
        if (changes.size() < 20) {
          changes.add(new Change(s.callId(), before, after));
        }
      }
      state
          .append('|')
          .append(s.callId())
          .append(':')
          .append(s.revenue().toPlainString())
          .append(':')
          .append(s.payout().toPlainString())
          .append(':')
          .append(s.latestRowId());
    }
    return new Summary(
        rows.size(),
        changed,
        revBefore,
        payBefore,
        revBefore.subtract(payBefore),
        revAfter,
        payAfter,
        revAfter.subtract(payAfter),
        changes,
        sha256(state.toString()),
        statements.entrySet().stream()
            .map(
                e -> {
                  String[] key = e.getKey().split("\t", 2);
                  BigDecimal before = e.getValue()[0];
                  BigDecimal after = e.getValue()[1];
                  return new PartyTotal(
                      r.action().party(),
                      key[0],
                      key[1],
                      before,
                      after.subtract(before),
                      after,
                      after.signum() < 0);
                })
            .toList());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
