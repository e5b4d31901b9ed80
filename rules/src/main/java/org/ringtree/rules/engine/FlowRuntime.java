package org.ringtree.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.utils.KieHelper;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;

/**
 * One compiled flow version made executable: its KieBase, its routing DMN runtime, its billing
 * tables, and what each node's kind prepared once for every call (the parameter facts that carry
 * the operator's values into the rules). Immutable and thread-safe; built once per version by
 * {@link DecisionEngine}.
 */
public final class FlowRuntime {

  private final CompiledFlow compiled;
  private final KieBase kieBase;
  private final DMNRuntime dmn;
  private final DMNModel routingModel;
  private final Map<String, BillingTable> billingTables = new ConcurrentHashMap<>();
  private final Map<String, FlowNode> nodes = new HashMap<>();
  private final Map<String, Map<String, String>> edges = new HashMap<>();
  private final Map<String, Object> prepared = new HashMap<>();
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
      if (NodeCatalog.handler(n.kind()) instanceof NodeExecution kind) {
        Object p = kind.prepare(n, dir);
        if (p != null) {
          prepared.put(n.id(), p);
        }
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

  /**
   * Fires the version's rules over the call's facts (its attributes, time, history) plus the given
   * ones, with a fresh sink; returns what they reported.
   */
  public Outcomes decide(CallFacts call, List<Object> extraFacts) {
    Map<String, String> attrs = Facts.attributes(call);
    List<Object> all = new ArrayList<>(Facts.callFacts(call, attrs));
    all.addAll(extraFacts);
    return fire(all, attrs);
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

  /**
   * What the node's kind prepared for it when this version was built ({@link
   * NodeExecution#prepare}); null if it prepared nothing.
   */
  public <T> T prepared(String nodeId, Class<T> type) {
    return type.cast(prepared.get(nodeId));
  }

  /** Evaluates the version's routing decision table (the compiler's routing DMN) on the inputs. */
  public DMNResult evaluateRouting(Map<String, Object> inputs) {
    DMNContext ctx = dmn.newContext();
    inputs.forEach(ctx::set);
    return dmn.evaluateAll(routingModel, ctx);
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
