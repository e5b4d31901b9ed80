package org.ringtree.rules.engine;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision engine the runtime and the simulator call. It builds the KieBase and DMN runtime of
 * each compiled flow version once ({@link #load}), caches them by version key, and answers IVR
 * steps, route decisions and billing decisions for calls on any loaded version. Which version new
 * calls start on is the runtime's business (the live version in the database); a call in progress
 * keeps the version its state names.
 */
public final class DecisionEngine {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionEngine.class);

  private final Map<VersionKey, FlowRuntime> versions = new ConcurrentHashMap<>();

  /** Builds (once) and caches the runtime of a compiled version; returns it. */
  public FlowRuntime load(CompiledFlow compiled) {
    Objects.requireNonNull(compiled, "compiled");
    return versions.computeIfAbsent(
        compiled.versionKey(),
        key -> {
          long t0 = System.nanoTime();
          FlowRuntime rt = FlowRuntime.build(compiled);
          LOG.info(
              "Built flow version {} ({} rules) in {} ms",
              key,
              compiled.ruleIndex().size(),
              (System.nanoTime() - t0) / 1_000_000);
          return rt;
        });
  }

  /** The flow a loaded version belongs to (the version key itself for a flow without an id). */
  public String flowId(VersionKey versionKey) {
    String id = runtime(versionKey).compiled().flow().id();
    return id == null ? versionKey.value() : id;
  }

  public boolean isLoaded(VersionKey versionKey) {
    return versions.containsKey(versionKey);
  }

  /** Drops a version no call uses any more. */
  public void unload(VersionKey versionKey) {
    versions.remove(versionKey);
  }

  private FlowRuntime runtime(VersionKey versionKey) {
    FlowRuntime rt = versions.get(versionKey);
    if (rt == null) {
      throw new IllegalStateException("flow version " + versionKey + " is not loaded");
    }
    return rt;
  }

  /** A new call enters the flow: runs it to the first step that waits or ends. */
  public Step start(CallContext context) {
    return start(context.versionKey(), context.facts());
  }

  /** Same as {@link #start(CallContext)}. */
  public Step start(VersionKey versionKey, CallFacts facts) {
    return new Ivr(runtime(versionKey)).start(facts);
  }

  /** The caller (or routing, a connector, a recording) answered: runs the flow on from there. */
  public Step next(CallState state, CallInput input) {
    return new Ivr(runtime(state.versionKey())).next(state, input);
  }

  /**
   * Decides the route node the call waits at: eligibility with a justification for every skip, bids
   * through {@code bids} for eligible RTB targets (may be null when the node has none), and the
   * ranking. The runtime dials the ranked candidates in order.
   */
  public RouteDecision route(CallState state, RouteContext context, BidCollector bids) {
    if (state.waiting() != CallState.Waiting.ROUTE) {
      throw new IllegalStateException("the call is not at a route node");
    }
    RouteContext ctx =
        new RouteContext(
            state.facts(),
            context.usage(),
            context.performance(),
            context.rotation(),
            context.seed(),
            context.now(),
            context.live(),
            context.auction());
    return decide(runtime(state.versionKey()), state.nodeId(), ctx, bids);
  }

  /** Decides a route node directly (benchmarks, the simulator, what-if tools in the editor). */
  public RouteDecision route(
      VersionKey versionKey, String routeNodeId, RouteContext context, BidCollector bids) {
    return decide(runtime(versionKey), routeNodeId, context, bids);
  }

  /** The decision is the node's kind's ({@link NodeRouting}); only a routing kind has one. */
  private static RouteDecision decide(
      FlowRuntime rt, String nodeId, RouteContext ctx, BidCollector bids) {
    FlowNode node = rt.node(nodeId);
    if (node == null || !(NodeCatalog.handler(node.kind()) instanceof NodeRouting kind)) {
      throw new IllegalArgumentException("not a route node: " + nodeId);
    }
    return kind.decide(node, rt, ctx, bids);
  }

  /**
   * The billable/payout decision for a finished call, on the version's own billing table (no
   * overrides: the runtime settles real calls on the live billing table version).
   */
  public BillingDecision bill(VersionKey versionKey, BillingInput input) {
    return new Biller(runtime(versionKey)).bill(input);
  }
}
