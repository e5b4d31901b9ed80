package org.ringtree.rules.compiler;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.flow.DirectoryRefs;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.validation.FlowValidator;
import org.ringtree.rules.validation.Issue;

/**
 * Compiles a flow with the directory it refers to. Validates first and refuses a flow with errors.
 * Output is deterministic: nodes are visited in id order, maps are sorted, and nothing depends on
 * time, randomness or hash order.
 */
public final class FlowCompiler {

  private FlowCompiler() {}

  public static CompileResult compile(FlowDocument flow, DirectorySnapshot directory) {
    List<Issue> issues = FlowValidator.validate(flow, directory);
    if (FlowValidator.hasErrors(issues)) {
      return new CompileResult(java.util.Optional.empty(), issues);
    }
    // the version keeps the directory entries its nodes' reference fields name, nothing else
    DirectoryRefs refs = DirectoryRefs.of(flow);
    Set<String> targets = new TreeSet<>(refs.targets());
    Set<String> groups = new TreeSet<>(refs.groups());
    Set<String> connectors = new TreeSet<>(refs.connectors());
    DirectorySnapshot used = directory.subset(flow.campaignId(), targets, groups, connectors);
    String flowJson = FlowJson.write(flow);
    String directoryJson = RingtreeJson.writePretty(used);
    VersionKey versionKey = VersionKey.of(flowJson, directoryJson);

    List<RuleIndexEntry> index = new ArrayList<>();
    String drl = new DrlWriter(index).write(flow);
    Campaign campaign =
        flow.campaignId() == null ? null : used.campaign(flow.campaignId()).orElse(null);
    Map<FlowNode, RoutingRow> routingRows = new LinkedHashMap<>();
    Map<FlowNode, CamelRoute> camelRoutes = new LinkedHashMap<>();
    for (FlowNode n : sortedNodes(flow)) {
      if (NodeCatalog.handler(n.kind()) instanceof KindArtifacts kind) {
        kind.routingRow(n, campaign).ifPresent(r -> routingRows.put(n, r));
        kind.camelRoute(n).ifPresent(r -> camelRoutes.put(n, r));
      }
    }
    String routing = new DmnWriter(index).routing(routingRows);
    String billing = billingDmn(campaign, index);
    String camel = new CamelYamlWriter(index).write(versionKey, camelRoutes);
    Map<String, String> endpoints = new TreeMap<>();
    camelRoutes
        .keySet()
        .forEach(n -> endpoints.put(n.id(), CamelYamlWriter.endpoint(versionKey, n.id())));
    return new CompileResult(
        java.util.Optional.of(
            new CompiledFlow(
                versionKey,
                flow,
                used,
                flowJson,
                directoryJson,
                drl,
                routing,
                billing,
                camel,
                endpoints,
                index)),
        issues);
  }

  /**
   * Rebuilds a stored version from its canonical flow and directory JSON (what the runtime keeps
   * per version). Compilation is deterministic, so the result equals the original; a different
   * version key means the inputs were altered.
   */
  public static CompiledFlow recompile(
      String flowJson, String directoryJson, VersionKey expectedKey) {
    var parsed = FlowJson.read(flowJson);
    if (!parsed.ok()) {
      throw new IllegalArgumentException("stored flow does not read: " + parsed.issues());
    }
    DirectorySnapshot directory;
    try {
      directory = RingtreeJson.mapper().readValue(directoryJson, DirectorySnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored directory does not read", e);
    }
    CompiledFlow c = compile(parsed.document().orElseThrow(), directory).orElseThrow();
    if (expectedKey != null && !expectedKey.equals(c.versionKey())) {
      throw new IllegalStateException(
          "stored version " + expectedKey + " recompiles to " + c.versionKey());
    }
    return c;
  }

  /**
   * The flow version's billing DMN: the billing table of its campaign's own policy for every buyer
   * and publisher without terms of their own (or the table without a policy), with its rows in the
   * rule index. The runtime books money on exactly this table until overrides or party terms apply.
   */
  private static String billingDmn(Campaign campaign, List<RuleIndexEntry> index) {
    BillingPolicy policy = BillingPolicy.base(campaign, null, null);
    BillingTable.rulesOf(policy)
        .forEach(r -> index.add(new RuleIndexEntry(r.id(), "dmn-billing", null, r.description())));
    return BillingTable.dmnOf(policy);
  }

  /** What the publisher is expected to earn on a converting call, for the margin rule. */
  public static BigDecimal expectedPayout(Campaign campaign) {
    if (campaign == null || campaign.payout() == null) {
      return BigDecimal.ZERO;
    }
    PayoutPolicy p = campaign.payout();
    return switch (p.mode()) {
      case FIXED -> p.fixedPayout() == null ? BigDecimal.ZERO : p.fixedPayout().amount();
      case TIERED ->
          p.tiers().stream()
              .map(t -> t.amount().amount())
              .max(Comparator.naturalOrder())
              .orElse(BigDecimal.ZERO);
      case REVENUE_SHARE -> BigDecimal.ZERO;
    };
  }

  static List<FlowNode> sortedNodes(FlowDocument flow) {
    List<FlowNode> nodes = new ArrayList<>(flow.nodes());
    nodes.sort(Comparator.comparing(FlowNode::id));
    return nodes;
  }
}
