package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyer disputes: a buyer disputes one of its calls within the dispute window; an operator approves
 * it (a credit to the buyer and a clawback from the publisher, both new ledger rows correcting the
 * call's latest row with that party, and the call no longer counts as billable) or rejects it.
 * Every step is audited.
 */
@Service
@Store(
    owns = "disputes",
    reads = {"calls", "ledger_entries", "dispute_clawback_rules"})
public class Disputes {

  private final JdbcClient jdbc;
  private final LedgerWriter ledger;
  private final Audit audit;
  private final BillingProperties properties;
  private final Clock clock;
  private final ComplianceSettings settings;
  private final BilledCalls calls;
  private final ClawbackRules clawbacks;

  Disputes(
      ClawbackRules clawbacks,
      JdbcClient jdbc,
      BilledCalls calls,
      LedgerWriter ledger,
      Audit audit,
      BillingProperties properties,
      Clock clock,
      ComplianceSettings settings) {
    this.clawbacks = clawbacks;
    this.settings = settings;
    this.jdbc = jdbc;
    this.calls = calls;
    this.ledger = ledger;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** A dispute and where it stands. */
  public record Dispute(
      long id,
      UUID callId,
      String buyerId,
      String reason,
      String state,
      String openedBy,
      Instant openedAt,
      String decidedBy,
      Instant decidedAt,
      String note,
      BigDecimal requestedRevenue) {}

  /** What an approval wrote: the buyer's credit and the publisher's clawback (negative). */
  public record Approval(Dispute dispute, BigDecimal buyerCredit, BigDecimal publisherClawback) {}

  @Transactional
  public Dispute open(UUID callId, String buyerId, String reason, String actor) {
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "a dispute needs a reason (up to 2000)");
    }
    record CallInfo(String buyerId, Instant startedAt) {}
    CallInfo call =
        jdbc.sql("SELECT buyer_id, started_at FROM calls WHERE id = ?")
            .param(callId)
            .query((rs, i) -> new CallInfo(rs.getString(1), rs.getTimestamp(2).toInstant()))
            .optional()
            .orElseThrow(() -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such call"));
    if (call.buyerId() == null || !call.buyerId().equals(buyerId)) {
      throw new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such call for buyer " + buyerId);
    }
    Duration window = Duration.ofDays(properties.disputeWindowDays());
    if (call.startedAt().plus(window).isBefore(clock.instant())) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID,
          "calls may be disputed for "
              + properties.disputeWindowDays()
              + " days; this one is older");
    }
    if (open(callId).isPresent()) {
      throw new MoneyProblem(MoneyProblem.Kind.CONFLICT, "this call already has an open dispute");
    }
    long id =
        jdbc.sql(
                "INSERT INTO disputes (call_id, buyer_id, reason, state, opened_by)"
                    + " VALUES (?, ?, ?, 'OPEN', ?) RETURNING id")
            .params(callId, buyerId, reason.strip(), actor)
            .query(Long.class)
            .single();
    Dispute d = get(id).orElseThrow();
    audit.record(actor, "dispute.open", "dispute", Long.toString(id), null, d);
    return d;
  }

  /**
   * A buyer disputes one of its own calls from its portal: on top of {@link #open}'s checks (the
   * buyer's call, a reason, within the window), a buyer disputes a call once (an earlier dispute in
   * any state refuses a second, 409) and only a call it was billed for (422): there is nothing to
   * credit on the others.
   */
  @Transactional
  public Dispute openByBuyer(UUID callId, String buyerId, String reason, String actor) {
    record CallInfo(String buyerId, Boolean billable) {}
    CallInfo call =
        jdbc.sql("SELECT buyer_id, billable_to_buyer FROM calls WHERE id = ?")
            .param(callId)
            .query((rs, i) -> new CallInfo(rs.getString(1), rs.getObject(2, Boolean.class)))
            .optional()
            .filter(c -> buyerId.equals(c.buyerId()))
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such call among yours"));
    List<Dispute> earlier = ofCall(callId);
    if (!earlier.isEmpty()) {
      Dispute last = earlier.get(earlier.size() - 1);
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "this call was already disputed (dispute "
              + last.id()
              + ", "
              + last.state()
              + "); a call is disputed once");
    }
    if (!Boolean.TRUE.equals(call.billable())) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID,
          "this call was not billable to you, so there is nothing to dispute");
    }
    return open(callId, buyerId, reason, actor);
  }

  /**
   * Credits the buyer and claws back the publisher's payout. With approval required, only someone
   * other than the person who opened the dispute may approve it (a 403 otherwise).
   */
  @Transactional
  public Approval approve(long id, String note, String actor) {
    Dispute before = lockOpen(id);
    if (settings.requireApproval() && before.openedBy().equals(actor)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.FORBIDDEN,
          "approval is required: a dispute is approved by someone other than who opened it ("
              + actor
              + ")");
    }
    if (before.requestedRevenue() != null) {
      return approveRevenue(before, note, actor);
    }
    LedgerWriter.Standing buyer = ledger.standing(before.callId(), LedgerWriter.Party.BUYER);
    LedgerWriter.Standing publisher =
        ledger.standing(before.callId(), LedgerWriter.Party.PUBLISHER);
    record CallInfo(String campaignId, String publisherId, String currency) {}
    CallInfo call =
        jdbc.sql("SELECT campaign_id, publisher_id, currency FROM calls WHERE id = ?")
            .param(before.callId())
            .query((rs, i) -> new CallInfo(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    String ref = "dispute-" + id;
    if (buyer.total().signum() != 0) {
      ledger.append(
          new LedgerWriter.Entry(
              before.callId(),
              "ADJUSTMENT",
              LedgerWriter.Party.BUYER,
              before.buyerId(),
              call.campaignId(),
              buyer.money(call.currency().trim()).times(BigDecimal.ONE.negate()),
              ref,
              "dispute " + id + " approved: credit to buyer",
              buyer.latestRowId(),
              ref + ":buyer"));
    }
    // the campaign's rule says how much of the payout goes back (all of it without a rule)
    BigDecimal percent = clawbacks.percentFor(call.campaignId());
    BigDecimal clawback = clawback(publisher.total(), percent);
    if (clawback.signum() != 0 && call.publisherId() != null) {
      ledger.append(
          new LedgerWriter.Entry(
              before.callId(),
              "ADJUSTMENT",
              LedgerWriter.Party.PUBLISHER,
              call.publisherId(),
              call.campaignId(),
              new Money(clawback.negate(), call.currency().trim()),
              ref,
              "dispute "
                  + id
                  + " approved: clawback from publisher"
                  + (percent.compareTo(ClawbackRules.ALL) == 0
                      ? ""
                      : " ("
                          + percent.stripTrailingZeros().toPlainString()
                          + " % by campaign rule)"),
              publisher.latestRowId(),
              ref + ":publisher"));
    }
    calls.markNotBillable(before.callId());
    Dispute after = decide(id, "APPROVED", note, actor);
    Approval approval =
        new Approval(
            after,
            buyer.total().negate(),
            call.publisherId() == null ? BigDecimal.ZERO.setScale(2) : clawback.negate());
    audit.record(actor, "dispute.approve", "dispute", Long.toString(id), before, approval);
    return approval;
  }

  /** {@code percent} of the publisher's total for the call, rounded half-up to the cent. */
  static BigDecimal clawback(BigDecimal publisherTotal, BigDecimal percent) {
    return publisherTotal
        .multiply(percent)
        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
  }

  /**
   * A buyer's postback asked for a revenue its campaign does not let postbacks set: an open dispute
   * holding the requested amount, for staff to approve (the buyer's total becomes that amount) or
   * reject. A replay finds the same dispute; a call with another open dispute keeps it.
   *
   * @return the open dispute about the call, or empty when the call is past the dispute window
   */
  @Transactional
  public Optional<Dispute> requestRevenue(
      UUID callId, String buyerId, BigDecimal requested, String why, String actor) {
    Optional<Dispute> existing = open(callId);
    if (existing.isPresent()) {
      return existing;
    }
    Instant started =
        jdbc.sql("SELECT started_at FROM calls WHERE id = ?")
            .param(callId)
            .query((rs, i) -> rs.getTimestamp(1).toInstant())
            .single();
    if (started.plus(Duration.ofDays(properties.disputeWindowDays())).isBefore(clock.instant())) {
      return Optional.empty();
    }
    long id =
        jdbc.sql(
                "INSERT INTO disputes (call_id, buyer_id, reason, state, opened_by,"
                    + " requested_revenue) VALUES (?, ?, ?, 'OPEN', ?, ?) RETURNING id")
            .params(callId, buyerId, why, actor, requested)
            .query(Long.class)
            .single();
    Dispute d = get(id).orElseThrow();
    audit.record(actor, "dispute.open", "dispute", Long.toString(id), null, d);
    return Optional.of(d);
  }

  /** Sets the buyer's total for the call to the amount its postback asked for. */
  private Approval approveRevenue(Dispute before, String note, String actor) {
    LedgerWriter.Standing buyer = ledger.standing(before.callId(), LedgerWriter.Party.BUYER);
    record CallInfo(String campaignId, String currency) {}
    CallInfo call =
        jdbc.sql("SELECT campaign_id, currency FROM calls WHERE id = ?")
            .param(before.callId())
            .query((rs, i) -> new CallInfo(rs.getString(1), rs.getString(2).trim()))
            .single();
    BigDecimal change = before.requestedRevenue().subtract(buyer.total()).setScale(2);
    String ref = "dispute-" + before.id();
    if (change.signum() != 0) {
      ledger.append(
          new LedgerWriter.Entry(
              before.callId(),
              "ADJUSTMENT",
              LedgerWriter.Party.BUYER,
              before.buyerId(),
              call.campaignId(),
              new Money(change, call.currency()),
              ref,
              "dispute "
                  + before.id()
                  + " approved: revenue set to "
                  + before.requestedRevenue().toPlainString()
                  + " as the buyer's postback asked",
              buyer.latestRowId(),
              ref + ":buyer"));
    }
    Dispute after = decide(before.id(), "APPROVED", note, actor);
    Approval approval = new Approval(after, change, BigDecimal.ZERO.setScale(2));
    audit.record(actor, "dispute.approve", "dispute", Long.toString(before.id()), before, approval);
    return approval;
  }

  @Transactional
  public Dispute reject(long id, String note, String actor) {
    Dispute before = lockOpen(id);
    Dispute after = decide(id, "REJECTED", note, actor);
    audit.record(actor, "dispute.reject", "dispute", Long.toString(id), before, after);
    return after;
  }

  public Optional<Dispute> get(long id) {
    return jdbc.sql("SELECT * FROM disputes WHERE id = ?")
        .param(id)
        .query((rs, i) -> row(rs))
        .optional();
  }

  public List<Dispute> list(String state) {
    return jdbc.sql(
            "SELECT * FROM disputes WHERE (?::text IS NULL OR state = ?) ORDER BY id DESC LIMIT 500")
        .params(state, state)
        .query((rs, i) -> row(rs))
        .list();
  }

  /**
   * A dispute as the operator's queue shows it: the call's SID and publisher, and what each party
   * stands at for the call now (what an approval would credit and claw back).
   */
  public record QueueEntry(
      Dispute dispute,
      String callSid,
      String publisherId,
      BigDecimal buyerTotal,
      BigDecimal publisherTotal,
      BigDecimal clawbackPercent,
      String currency) {

    /** What an approval would claw back from the publisher under the campaign's rule. */
    public BigDecimal publisherClawback() {
      return clawback(publisherTotal, clawbackPercent);
    }
  }

  /** Open disputes first, oldest first (the longest waiting on top); then decided, newest first. */
  public List<QueueEntry> queue(int limit) {
    return jdbc.sql(
            "SELECT d.*, c.call_sid, c.publisher_id, c.currency,"
                + " coalesce((SELECT sum(l.amount) FROM ledger_entries l WHERE l.call_id = d.call_id"
                + " AND l.party_type = 'BUYER'), 0) AS buyer_total,"
                + " coalesce((SELECT sum(l.amount) FROM ledger_entries l WHERE l.call_id = d.call_id"
                + " AND l.party_type = 'PUBLISHER'), 0) AS publisher_total,"
                + " coalesce(r.clawback_percent, 100) AS clawback_percent"
                + " FROM disputes d JOIN calls c ON c.id = d.call_id"
                + " LEFT JOIN dispute_clawback_rules r ON r.campaign_id = c.campaign_id"
                + " ORDER BY (d.state = 'OPEN') DESC,"
                + " CASE WHEN d.state = 'OPEN' THEN d.opened_at END ASC, d.id DESC LIMIT ?")
        .param(limit)
        .query(
            (rs, i) ->
                new QueueEntry(
                    row(rs),
                    rs.getString("call_sid"),
                    rs.getString("publisher_id"),
                    rs.getBigDecimal("buyer_total").setScale(2),
                    rs.getBigDecimal("publisher_total").setScale(2),
                    rs.getBigDecimal("clawback_percent"),
                    rs.getString("currency").trim()))
        .list();
  }

  /** Every dispute of one call, oldest first. */
  public List<Dispute> ofCall(UUID callId) {
    return jdbc.sql("SELECT * FROM disputes WHERE call_id = ? ORDER BY id")
        .param(callId)
        .query((rs, i) -> row(rs))
        .list();
  }

  private Optional<Dispute> open(UUID callId) {
    return jdbc.sql("SELECT * FROM disputes WHERE call_id = ? AND state = 'OPEN'")
        .param(callId)
        .query((rs, i) -> row(rs))
        .optional();
  }

  private Dispute lockOpen(long id) {
    Dispute d =
        jdbc.sql("SELECT * FROM disputes WHERE id = ? FOR UPDATE")
            .param(id)
            .query((rs, i) -> row(rs))
            .optional()
            .orElseThrow(() -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no such dispute"));
    if (!d.state().equals("OPEN")) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT, "dispute " + id + " is already " + d.state());
    }
    return d;
  }

  private Dispute decide(long id, String state, String note, String actor) {
    jdbc.sql(
            "UPDATE disputes SET state = ?, decided_by = ?, decided_at = now(), note = ?"
                + " WHERE id = ?")
        .params(state, actor, note, id)
        .update();
    return get(id).orElseThrow();
  }

  private static Dispute row(ResultSet rs) throws SQLException {
    return new Dispute(
        rs.getLong("id"),
        rs.getObject("call_id", UUID.class),
        rs.getString("buyer_id"),
        rs.getString("reason"),
        rs.getString("state"),
        rs.getString("opened_by"),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
        rs.getString("note"),
        rs.getBigDecimal("requested_revenue"));
  }
}
