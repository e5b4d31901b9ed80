package org.ringtree.runtime.billing;

import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends ledger rows. Rows are never updated (a trigger refuses it); each carries the call and the
 * decision-table row that produced it, and an idempotency key so a replayed webhook cannot bill
 * twice.
 */
@Repository
public class LedgerWriter {

  private final JdbcClient jdbc;

  LedgerWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The party a ledger row is with. */
  public enum Party {
    BUYER,
    PUBLISHER
  }

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
    return jdbc.sql(
                "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id,"
                    + " amount, currency, rule_ref, description, idempotency_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (idempotency_key) DO NOTHING")
            .params(
                callId,
                kind,
                party.name(),
                partyId,
                campaignId,
                amount.amount(),
                amount.currency(),
                ruleRef,
                description,
                idempotencyKey)
            .update()
        == 1;
  }
}
