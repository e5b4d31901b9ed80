package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reconciliation statements: what an operator sends a publisher or a buyer at the end of a period.
 * Per party and currency, over the calls that started in [from, to) (the period a call counts in,
 * as in {@link Reports}): calls, billable (buyer) or payable (publisher) calls, the base amount
 * (revenue charged to the buyer, payout owed to the publisher), bulk adjustments, dispute credits
 * or clawbacks, and the net — the sum of every ledger row of the party on those calls, so it is the
 * ledger to the cent. The party's column comes from an enum; ids and times are bound parameters.
 */
@Service
@Store(reads = {"calls", "ledger_entries", "disputes"})
public class Reconciliations {

  /** Whose statement: the column of the call that names the party and its billable flag. */
  public enum Party {
    PUBLISHER("publisher_id", "payable_to_publisher"),
    BUYER("buyer_id", "billable_to_buyer");

    private final String column;
    private final String billable;

    Party(String column, String billable) {
      this.column = column;
      this.billable = billable;
    }
  }

  /**
   * One party's statement in one currency. {@code base}: the revenue (buyer) or payout (publisher)
   * rows, with their corrections; {@code adjustments}: bulk adjustments; {@code disputeCredits}:
   * approved disputes' rows (negative: a credit to the buyer, a clawback from the publisher);
   * {@code disputes}: disputes raised on those calls, whatever their state; {@code net} = base +
   * adjustments + disputeCredits.
   */
  public record Line(
      String partyId,
      String currency,
      long calls,
      long billable,
      BigDecimal base,
      BigDecimal adjustments,
      long disputes,
      BigDecimal disputeCredits,
      BigDecimal net) {}

  private final JdbcClient jdbc;

  Reconciliations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every party of the kind with calls in [from, to), or only {@code partyId} when given. */
  public List<Line> lines(Party party, String partyId, Instant from, Instant to) {
    String sql =
        "SELECT c."
            + party.column
            + ", c.currency, count(*), count(*) FILTER (WHERE c."
            + party.billable
            + "), coalesce(sum(m.base), 0), coalesce(sum(m.adjustments), 0),"
            + " coalesce(sum(m.disputes), 0), coalesce(sum(m.credits), 0)"
            + " FROM calls c LEFT JOIN LATERAL ("
            + "SELECT sum(l.amount) FILTER (WHERE l.kind <> 'ADJUSTMENT') AS base,"
            + " sum(l.amount) FILTER (WHERE l.kind = 'ADJUSTMENT'"
            + " AND l.rule_ref NOT LIKE 'dispute-%') AS adjustments,"
            + " sum(l.amount) FILTER (WHERE l.kind = 'ADJUSTMENT'"
            + " AND l.rule_ref LIKE 'dispute-%') AS credits,"
            + " (SELECT count(*) FROM disputes d WHERE d.call_id = c.id) AS disputes"
            + " FROM ledger_entries l WHERE l.call_id = c.id AND l.party_type = ?"
            + " AND l.party_id = c."
            + party.column
            + ") m ON true WHERE c."
            + party.column
            + " IS NOT NULL AND c.started_at >= ? AND c.started_at < ?";
    List<Object> params = new ArrayList<>();
    params.add(party.name());
    params.add(Timestamp.from(from));
    params.add(Timestamp.from(to));
    if (partyId != null && !partyId.isBlank()) {
      sql += " AND c." + party.column + " = ?";
      params.add(partyId);
    }
    sql += " GROUP BY 1, 2 ORDER BY 1, 2";
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, i) -> {
              BigDecimal base = rs.getBigDecimal(5).setScale(2);
              BigDecimal adjustments = rs.getBigDecimal(6).setScale(2);
              BigDecimal credits = rs.getBigDecimal(8).setScale(2);
              return new Line(
                  rs.getString(1),
                  rs.getString(2).trim(),
                  rs.getLong(3),
                  rs.getLong(4),
                  base,
                  adjustments,
                  rs.getLong(7),
                  credits,
                  base.add(adjustments).add(credits));
            })
        .list();
  }
}
