package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each campaign's clawback rule: the percentage of the publisher's payout for a call that an
 * approved dispute takes back. A campaign without a rule claws back all of it (100 %), so a network
 * that never sets one keeps the behaviour it had. Changes are audited.
 */
@Service
@Store(owns = "dispute_clawback_rules", reads = "campaigns")
public class ClawbackRules {

  static final BigDecimal ALL = new BigDecimal("100.00");

  private final JdbcClient jdbc;
  private final Audit audit;

  ClawbackRules(JdbcClient jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public record Rule(String campaignId, BigDecimal percent, String updatedBy, Instant updatedAt) {}

  /** The percentage of the payout an approval claws back for a call of this campaign. */
  public BigDecimal percentFor(String campaignId) {
    return find(campaignId).map(Rule::percent).orElse(ALL);
  }

  public Optional<Rule> find(String campaignId) {
    if (campaignId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dispute_clawback_rules WHERE campaign_id = ?")
        .param(campaignId)
        .query(
            (rs, i) ->
                new Rule(
                    rs.getString("campaign_id"),
                    rs.getBigDecimal("clawback_percent"),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  public List<Rule> list() {
    return jdbc.sql("SELECT * FROM dispute_clawback_rules ORDER BY campaign_id")
        .query(
            (rs, i) ->
                new Rule(
                    rs.getString("campaign_id"),
                    rs.getBigDecimal("clawback_percent"),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  /** Sets a campaign's clawback percentage (0 to 100, in hundredths at most). */
  @Transactional
  public Rule set(String campaignId, BigDecimal percent, String actor) {
    if (percent == null
        || percent.signum() < 0
        || percent.compareTo(ALL) > 0
        || percent.stripTrailingZeros().scale() > 2) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "a clawback is 0 to 100 percent of the payout");
    }
    boolean campaign =
        jdbc.sql("SELECT count(*) FROM campaigns WHERE id = ?")
                .param(campaignId)
                .query(Long.class)
                .single()
            > 0;
    if (!campaign) {
      throw new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no campaign " + campaignId);
    }
    BigDecimal before = percentFor(campaignId);
    jdbc.sql(
            "INSERT INTO dispute_clawback_rules (campaign_id, clawback_percent, updated_by)"
                + " VALUES (?, ?, ?) ON CONFLICT (campaign_id) DO UPDATE SET"
                + " clawback_percent = excluded.clawback_percent,"
                + " updated_by = excluded.updated_by, updated_at = now()")
        .params(campaignId, percent, actor)
        .update();
    audit.record(
        actor,
        "clawback.set",
        "campaign",
        campaignId,
        Map.of("percent", before),
        Map.of("percent", percent));
    return find(campaignId).orElseThrow();
  }
}
