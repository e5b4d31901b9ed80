package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends ledger rows. Rows are never updated (a trigger refuses it); each carries the call and the
 * decision-table row that produced it, and an idempotency key so a replayed webhook cannot bill
 * twice. A correction is a new row whose {@code corrects_id} points at the row it corrects.
 */
@Repository
@Store(owns = "ledger_entries")
public class LedgerWriter {

  private final JdbcClient jdbc;

  private final BusinessMetrics metrics;

  LedgerWriter(JdbcClient jdbc, BusinessMetrics metrics) {
    this.jdbc = jdbc;
    this.metrics = metrics;
  }

  /** The party a ledger row is with. */
  public enum Party {
    BUYER,
    PUBLISHER
  }

  /** A row to append; {@code correctsId} is null unless it corrects an earlier row. */
  public record Entry(
      UUID callId,
      String kind,
      Party party,
      String partyId,
      String campaignId,
      Money amount,
      String ruleRef,
      String description,
      Long correctsId,
      String idempotencyKey) {}

  /** Appends a row unless one with the same key exists; returns whether it was written. */
  public boolean append(
      UUID callId,
      String kind,
      Party party,
      String partyId,
      String campaignId,
      Money amount,
      String ruleRef,
      String description,
      String idempotencyKey) {
    return append(
            new Entry(
                callId,
                kind,
                party,
                partyId,
                campaignId,
                amount,
                ruleRef,
                description,
                null,
                idempotencyKey))
        .isPresent();
  }

  /** Appends a row unless one with the same key exists; returns the new row's id if written. */
  public Optional<Long> append(Entry e) {
    Optional<Long> written =
        jdbc.sql(
                "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id,"
                    + " amount, currency, rule_ref, description, corrects_id, idempotency_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id")
            .params(
                e.callId(),
                e.kind(),
                e.party().name(),
                e.partyId(),
                e.campaignId(),
                e.amount().amount(),
                e.amount().currency(),
                e.ruleRef(),
                e.description(),
                e.correctsId(),
                e.idempotencyKey())
            .query(Long.class)
            .optional();
    written.ifPresent(
        id ->
            metrics.booked(e.party().name(), e.kind(), e.amount().currency(), e.amount().amount()));
    return written;
  }

  /**
   * A row owed to the telephony provider (kind {@code COST}, party {@code PROVIDER}): a call's leg
   * or recording, a correction to the provider's own price, or a number's rent ({@code callId}
   * null, {@code trackingNumber} set). Reports count these as cost; the buyer and publisher rows
   * stay untouched.
   */
  public record CostEntry(
      UUID callId,
      String providerId,
      String campaignId,
      String trackingNumber,
      Money amount,
      String ruleRef,
      String description,
      Long correctsId,
      String idempotencyKey) {}

  /**
   * Appends a cost row unless one with the same key exists; returns the new row's id if written.
   */
  public Optional<Long> appendCost(CostEntry e) {
    Optional<Long> written =
        jdbc.sql(
                "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id,"
                    + " tracking_number, amount, currency, rule_ref, description, corrects_id,"
                    + " idempotency_key) VALUES (?, 'COST', 'PROVIDER', ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id")
            .params(
                e.callId(),
                e.providerId(),
                e.campaignId(),
                e.trackingNumber(),
                e.amount().amount(),
                e.amount().currency(),
                e.ruleRef(),
                e.description(),
                e.correctsId(),
                e.idempotencyKey())
            .query(Long.class)
            .optional();
    written.ifPresent(
        id -> metrics.booked("PROVIDER", "COST", e.amount().currency(), e.amount().amount()));
    return written;
  }

  /**
   * What a call stands at with one party: the sum of its rows and the latest row (the one a new
   * correction points at), or null if it has none.
   */
  public record Standing(BigDecimal total, Long latestRowId) {
    public Money money(String currency) {
      return new Money(total, currency);
    }
  }

  public Standing standing(UUID callId, Party party) {
    return jdbc.sql(
            "SELECT coalesce(sum(amount), 0), max(id) FROM ledger_entries"
                + " WHERE call_id = ? AND party_type = ?")
        .params(callId, party.name())
        .query(
            (rs, i) ->
                new Standing(rs.getBigDecimal(1), rs.getObject(2) == null ? null : rs.getLong(2)))
        .single();
  }
}
