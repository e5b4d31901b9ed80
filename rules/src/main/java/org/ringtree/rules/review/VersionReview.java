package org.ringtree.rules.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.RuleIndexEntry;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.directory.Campaign;

/**
 * Everything compliance reads about one compiled version: its two DMN models as tables (routing
 * policy; the campaign's billing table, followed by the tables of buyers and publishers with terms
 * of their own on the campaign, each table named with its scope) and every generated rule with the
 * node it came from.
 */
public record VersionReview(
    VersionKey versionKey,
    String flowId,
    String flowName,
    String campaignId,
    DmnModel routing,
    DmnModel billing,
    List<GeneratedRule> rules) {

  public VersionReview {
    rules = List.copyOf(rules);
  }

  /**
   * One generated rule (DRL rule, DMN row or Camel route) and where it came from. {@code nodeKind}
   * is null for rows that come from the campaign rather than a node.
   */
  public record GeneratedRule(
      String ruleId, String artifact, String nodeId, String nodeKind, String description) {}

  public static VersionReview of(CompiledFlow compiled) {
    List<RuleIndexEntry> index = compiled.ruleIndex();
    List<GeneratedRule> rules =
        index.stream()
            .map(
                e ->
                    new GeneratedRule(
                        e.ruleId(),
                        e.artifact(),
                        e.nodeId(),
                        e.nodeId() == null
                            ? null
                            : compiled
                                .flow()
                                .node(e.nodeId())
                                .map(n -> n.kind().json())
                                .orElse(null),
                        e.description()))
            .toList();
    return new VersionReview(
        compiled.versionKey(),
        compiled.flow().id(),
        compiled.flow().name(),
        compiled.flow().campaignId(),
        DmnReader.read(compiled.routingDmn(), index),
        billing(compiled, index),
        rules);
  }

  /**
   * The version's billing table, then the table of each buyer and publisher whose terms on the
   * campaign differ ({@link BillingPolicy#base}): the tables the version's calls book on before any
   * override.
   */
  private static DmnModel billing(CompiledFlow compiled, List<RuleIndexEntry> index) {
    DmnModel all = DmnReader.read(compiled.billingDmn(), index);
    String campaignId = compiled.flow().campaignId();
    Campaign c = campaignId == null ? null : compiled.directory().campaign(campaignId).orElse(null);
    if (c == null || c.payout() == null) {
      return all;
    }
    List<DecisionTable> tables = new ArrayList<>(all.tables());
    List<String> buyers = new ArrayList<>(Collections.singletonList(null));
    buyers.addAll(c.buyerMinSeconds().keySet());
    List<String> publishers = new ArrayList<>(Collections.singletonList(null));
    publishers.addAll(c.publisherPayouts().keySet());
    for (String buyer : buyers) {
      for (String publisher : publishers) {
        if (buyer == null && publisher == null) {
          continue;
        }
        String scope =
            " (buyer "
                + (buyer == null ? "any other" : buyer)
                + ", publisher "
                + (publisher == null ? "any other" : publisher)
                + ")";
        String dmn = BillingTable.dmnOf(BillingPolicy.base(c, buyer, publisher));
        for (DecisionTable t : DmnReader.read(dmn, List.of()).tables()) {
          tables.add(
              new DecisionTable(
                  t.decisionId(),
                  t.name() + scope,
                  t.hitPolicy(),
                  t.inputs(),
                  t.outputs(),
                  t.rows()));
        }
      }
    }
    return new DmnModel(all.name(), all.namespace(), tables);
  }
}
