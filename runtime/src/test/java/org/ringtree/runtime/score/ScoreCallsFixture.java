package org.ringtree.runtime.score;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated calls written as the platform leaves them once they have ended: the call ({@code
 * calls}, converted or not), its score row with the routing-time features ({@code call_scores}) and
 * the buyer's revenue in the ledger when the call was billable. Plain JDBC, in batches. Public for
 * the console's score models test.
 */
public final class ScoreCallsFixture {

  private ScoreCallsFixture() {}

  /** Writes the calls; {@code outcomes} gives each call's outcome (itself, or another call's). */
  public static void insert(
      JdbcTemplate jdbc, String tag, List<GeneratedCall> calls, List<GeneratedCall> outcomes) {
    List<Object[]> callRows = new ArrayList<>();
    List<Object[]> scoreRows = new ArrayList<>();
    List<Object[]> ledgerRows = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      GeneratedCall c = calls.get(i);
      GeneratedCall outcome = outcomes.get(i);
      UUID id = UUID.randomUUID();
      Timestamp at = Timestamp.from(c.facts().arrivedAt());
      Timestamp ended =
          Timestamp.from(c.facts().arrivedAt().plusSeconds(c.ivrSeconds() + c.durationSeconds()));
      callRows.add(
          new Object[] {
            id,
            "CA-" + tag + "-" + i,
            c.facts().trackingNumber(),
            c.facts().caller().number(),
            "completed",
            at,
            ended,
            outcome.converted(),
            outcome.billable()
          });
      scoreRows.add(new Object[] {id, at, RingtreeJson.write(c.features())});
      if (outcome.billable()) {
        ledgerRows.add(
            new Object[] {
              id,
              c.facts().campaignId(),
              outcome.revenue().amount(),
              "score-fixture-" + tag + "-" + i
            });
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO calls (id, call_sid, tracking_number, caller_number, phase, provider_status, started_at,"
            + " ended_at, converted, billable_to_buyer) VALUES (?, ?, ?, ?, 'ENDED', ?, ?, ?, ?, ?)",
        callRows);
    jdbc.batchUpdate(
        "INSERT INTO call_scores (call_id, scored_at, score, source, model, features)"
            + " VALUES (?, ?, 50, 'PRIOR', 'prior-1', ?::jsonb)",
        scoreRows);
    jdbc.batchUpdate(
        "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, amount, currency,"
            + " rule_ref, description) VALUES (?, 'REVENUE', 'BUYER', 'buyer-' || ?, ?, 'USD',"
            + " 'fixture', ?)",
        ledgerRows);
  }
}
