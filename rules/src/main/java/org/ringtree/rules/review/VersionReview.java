package org.ringtree.rules.review;

import java.util.List;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.RuleIndexEntry;

/**
 * Everything compliance reads about one compiled version: its two DMN models as tables (routing
 * policy; buyer revenue and publisher payout) and every generated rule with the node it came from.
 */
public record VersionReview(
    String versionKey,
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
        compiled.versionId(),
        compiled.flow().id(),
        compiled.flow().name(),
        compiled.flow().campaignId(),
        DmnReader.read(compiled.routingDmn(), index),
        DmnReader.read(compiled.billingDmn(), index),
        rules);
  }
}
