package org.ringtree.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.utils.KieHelper;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.fact.CapFact;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.engine.fact.Param;
import org.ringtree.rules.engine.fact.TargetFact;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;

/**
 * One compiled flow version made executable: its KieBase, its routing DMN runtime, its billing
 * tables, and the parameter facts that carry the operator's values into the rules. Immutable and
 * thread-safe; built once per version by {@link DecisionEngine}.
 */
public final class FlowRuntime {

  private final CompiledFlow compiled;
  private final KieBase kieBase;
  private final DMNRuntime dmn;
  private final DMNModel routingModel;
  private final Map<String, BillingTable> billingTables = new ConcurrentHashMap<>();
  private final Map<String, FlowNode> nodes = new HashMap<>();
  private final Map<String, Map<String, String>> edges = new HashMap<>();
  private final Map<String, List<Object>> conditionParams = new HashMap<>();
  private final Map<String, List<ConditionClause>> clauses = new HashMap<>();
  private final Map<String, List<Object>> routeFacts = new HashMap<>();
  private final Map<String, List<String>> routeTargets = new HashMap<>();
  private final String startNodeId;

  private FlowRuntime(CompiledFlow compiled) {
    this.compiled = compiled;
    FlowDocument flow = compiled.flow();
    for (FlowNode n : flow.nodes()) {
      nodes.put(n.id(), n);
    }
    flow.edges()
        .forEach(e -> edges.computeIfAbsent(e.from(), k -> new HashMap<>()).put(e.port(), e.to()));
    startNodeId =
        flow.nodes().stream()
            .filter(n -> n.kind() == NodeKind.START)
            .map(FlowNode::id)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("flow has no start node"));
    DirectorySnapshot dir = compiled.directory();
    for (FlowNode n : flow.nodes()) {
      if (n.kind() == NodeKind.CONDITION) {
        List<ConditionClause> cs = FlowCompiler.clauses(n);
        clauses.put(n.id(), cs);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
          params.add(param(n.id() + "#" + i, n.id(), null, cs.get(i)));
        }
        conditionParams.put(n.id(), List.copyOf(params));
      } else if (n.kind() == NodeKind.ROUTE) {
        List<String> ids =
            dir.expandTargets(n.settings().strings("targets"), n.settings().strings("groups"));
        routeTargets.put(n.id(), ids);
        routeFacts.put(n.id(), List.copyOf(routeFacts(n.id(), ids, dir)));
      }
    }
    this.kieBase = buildKieBase(compiled);
    this.dmn = buildDmn(compiled);
    this.routingModel = dmn.getModel(DmnNames.ROUTING_NS, DmnNames.ROUTING_NAME);
    if (routingModel == null) {
      throw new IllegalStateException("compiled DMN models did not load");
    }
  }

  public static FlowRuntime build(CompiledFlow compiled) {
    return new FlowRuntime(compiled);
  }

  private static KieBase buildKieBase(CompiledFlow compiled) {
    KieServices ks = KieServices.Factory.get();
    Resource drl =
        ks.getResources()
            .newByteArrayResource(compiled.drl().getBytes(StandardCharsets.UTF_8))
            .setSourcePath("org/ringtree/rules/generated/flow-" + compiled.versionKey() + ".drl");
    return new KieHelper().addResource(drl, ResourceType.DRL).build();
  }

  private static DMNRuntime buildDmn(CompiledFlow compiled) {
    KieServices ks = KieServices.Factory.get();
    Resource routing =
        ks.getResources()
            .newByteArrayResource(compiled.routingDmn().getBytes(StandardCharsets.UTF_8))
            .setSourcePath("routing-" + compiled.versionKey() + ".dmn");
    return DMNRuntimeBuilder.fromDefaults()
        .buildConfiguration()
        .fromResources(List.of(routing))
        .getOrElseThrow(e -> new IllegalStateException("DMN did not build", e));
  }

  static Param param(String id, String ownerId, String routeNodeId, ConditionClause c) {
    Pattern pattern = null;
    if (c.operator() == Comparison.REGEX && c.value() != null) {
      pattern = Pattern.compile(c.value());
    }
    long window = c.windowDays() == null ? 0 : c.windowDays() * 86_400L;
    return new Param(
        id,
        ownerId,
        c.attributeKey(),
        c.operator(),
        c.value(),
        Set.copyOf(c.values()),
        c.number(),
        pattern,
        c.schedule(),
        window,
        c.basis(),
        routeNodeId);
  }

  private static List<Object> routeFacts(
      String nodeId, List<String> targetIds, DirectorySnapshot dir) {
    List<Object> out = new ArrayList<>();
    Set<String> buyers = new TreeSet<>();
    for (String id : targetIds) {
      Target t = dir.target(id).orElse(null);
      if (t == null) {
        continue;
      }
      out.add(
          new TargetFact(
              nodeId,
              t.id(),
              t.buyerId(),
              t.name(),
              t.active(),
              t.geo().states(),
              t.geo().zips(),
              t.geo().areaCodes(),
              t.schedule(),
              t.duplicateRule().scope(),
              t.duplicateRule().basis(),
              t.duplicateRule().windowSeconds()));
      int i = 0;
      for (TagFilter f : t.tagFilters()) {
        Pattern p = null;
        if (f.comparison() == Comparison.REGEX && f.value() != null) {
          try {
            p = Pattern.compile(f.value());
          } catch (RuntimeException e) {
            p = Pattern.compile("(?!)");
          }
        }
        out.add(
            new Param(
                nodeId + "#t:" + t.id() + "#" + i++,
                t.id(),
                "tag." + f.tag(),
                f.comparison(),
                f.value(),
                Set.copyOf(f.values()),
                org.ringtree.rules.engine.fact.Attr.of("", f.value()).number(),
                p,
                null,
                0,
                null,
                nodeId));
      }
      caps(out, "target", t.id(), t.caps());
      buyers.add(t.buyerId());
    }
    for (String b : buyers) {
      dir.buyer(b).map(Buyer::caps).ifPresent(c -> caps(out, "buyer", b, c));
    }
    for (org.ringtree.rules.directory.Campaign c : dir.campaigns()) {
      c.publisherCaps().forEach((publisher, caps) -> caps(out, "publisher", publisher, caps));
    }
    return out;
  }

  static void caps(List<Object> out, String scope, String owner, Caps c) {
    cap(out, scope, owner, "concurrency", c.concurrency());
    cap(out, scope, owner, "hourly", c.hourly());
    cap(out, scope, owner, "daily", c.daily());
    cap(out, scope, owner, "monthly", c.monthly());
    cap(out, scope, owner, "total", c.total());
  }

  private static void cap(
      List<Object> out, String scope, String owner, String period, Integer limit) {
    if (limit != null) {
      out.add(new CapFact(scope, owner, period, limit));
    }
  }

  /** Runs the rules over the facts with a fresh sink; returns what they reported. */
  Outcomes fire(List<Object> facts, Map<String, String> attrs) {
    Outcomes outcomes = new Outcomes(attrs);
    StatelessKieSession session = kieBase.newStatelessKieSession();
    session.setGlobal("out", outcomes);
    session.execute(facts);
    return outcomes;
  }

  public CompiledFlow compiled() {
    return compiled;
  }

  public VersionKey versionKey() {
    return compiled.versionKey();
  }

  String startNodeId() {
    return startNodeId;
  }

  FlowNode node(String id) {
    return nodes.get(id);
  }

  String next(String nodeId, String port) {
    Map<String, String> m = edges.get(nodeId);
    return m == null ? null : m.get(port);
  }

  public List<Object> conditionParams(String nodeId) {
    return conditionParams.getOrDefault(nodeId, List.of());
  }

  public List<ConditionClause> clauses(String nodeId) {
    return clauses.getOrDefault(nodeId, List.of());
  }

  List<Object> routeFacts(String nodeId) {
    return routeFacts.getOrDefault(nodeId, List.of());
  }

  public List<String> routeTargets(String nodeId) {
    return routeTargets.getOrDefault(nodeId, List.of());
  }

  DMNRuntime dmn() {
    return dmn;
  }

  DMNModel routingModel() {
    return routingModel;
  }

  /**
   * The compiled billing table of a policy this version defines for some buyer and publisher (null:
   * the campaign has no payout policy); compiled once per distinct policy.
   */
  BillingTable billingTable(BillingPolicy policy) {
    if (policy == null) {
      return BillingTable.withoutPolicy();
    }
    return billingTables.computeIfAbsent(
        BillingTable.refOf(policy), ref -> BillingTable.compile(policy));
  }
}
