package org.ringtree.runtime.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmarks' call generator: {@code n} calls with {@code generate_series}, 7.776 s apart from
 * 2026-09-01 UTC (a million span 90 days), over the demo's six tracking numbers; 3 in 4 connect,
 * 60% of those are billable, 1 in 50 is a duplicate.
 */
public final class BenchmarkCalls {

  private BenchmarkCalls() {}

  public static void generate(JdbcClient jdbc, int n) {
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, caller_state, phase, provider_status, started_at, connected_at, buyer_id,"
                + " talk_seconds, billable_to_buyer, payable_to_publisher, duplicate, converted,"
                + " routed_at)"
                + " SELECT gen_random_uuid(), 'BENCH' || g, n.number, n.campaign_id,"
                + " n.publisher_id, '+1555' || lpad((g % 400000)::text, 7, '0'),"
                + " (ARRAY['CA','TX','NY','FL'])[1 + g % 4], 'ENDED', 'completed',"
                + " timestamptz '2026-09-01 00:00Z' + g * interval '7.776 seconds',"
                + " CASE WHEN g % 4 <> 0 THEN timestamptz '2026-09-01 00:00Z'"
                + "   + g * interval '7.776 seconds' + interval '20 seconds' END,"
                + " CASE WHEN g % 4 <> 0 THEN (ARRAY['acme-law','bidder-one','bidder-two'])"
                + "   [1 + (g / 4) % 3] END,"
                + " CASE WHEN g % 4 <> 0 THEN 30 + g % 200 END,"
                + " g % 4 <> 0 AND g % 5 < 3, g % 4 <> 0 AND g % 5 < 3, g % 50 = 0,"
                + " g % 4 <> 0 AND g % 13 = 0,"
                // 7 in 8 reach routing (qualified), 3 in 4 are connected
                + " CASE WHEN g % 8 <> 0 THEN timestamptz '2026-09-01 00:00Z'"
                + "   + g * interval '7.776 seconds' + interval '15 seconds' END"
                + " FROM generate_series(1, ?) g"
                + " JOIN (SELECT row_number() OVER (ORDER BY number) - 1 AS i, number,"
                + "   campaign_id, publisher_id FROM tracking_numbers) n ON n.i = g % 6")
        .param(n)
        .update();
  }

  /**
   * The generated calls' ledger as the reports and dashboard benchmarks book it: a revenue row for
   * each billable call and a payout row for each payable one; then the roll-up queue is folded.
   */
  public static void ledger(JdbcClient jdbc) {
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id,"
                + " amount, currency, rule_ref, description)"
                + " SELECT id, 'REVENUE', 'BUYER', buyer_id, campaign_id,"
                + " 150 + (talk_seconds % 20) * 10, 'USD', 'bench#buyer-4', 'bench'"
                + " FROM calls WHERE billable_to_buyer"
                + " UNION ALL SELECT id, 'PAYOUT', 'PUBLISHER', publisher_id, campaign_id,"
                + " 120 + (talk_seconds % 7) * 5, 'USD', 'bench#publisher-5', 'bench'"
                + " FROM calls WHERE payable_to_publisher")
        .update();
    jdbc.sql("SELECT fold_report_rollup()").query(Long.class).single();
  }
}
