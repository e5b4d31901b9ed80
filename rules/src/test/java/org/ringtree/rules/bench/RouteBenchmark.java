package org.ringtree.rules.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.Usage;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.simulator.ScriptedBidCollector;

/**
 * One route decision over 20 targets (12 fixed-price, 8 RTB with in-memory bids): eligibility
 * rules, caps, duplicate check, routing DMN, ranking. Excludes network time for pings.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteBenchmark {

  private DecisionEngine engine;
  private VersionKey version;
  private RouteContext context;
  private ScriptedBidCollector bids;

  @Setup
  public void setUp() {
    CompiledFlow flow =
        FlowCompiler.compile(BenchFlows.flow(20), BenchFlows.directory()).orElseThrow();
    engine = new DecisionEngine();
    engine.load(flow);
    version = flow.versionKey();
    java.time.Instant now = java.time.Instant.parse("2026-11-25T16:00:00Z");
    CallFacts call =
        new CallFacts(
            "bench-call",
            "legal-tx",
            "pub-1",
            "+18005550100",
            Caller.of("+15125550199", "TX", "78701"),
            Map.of("source", "google"),
            Map.of("zip", "78701"),
            now,
            List.of(
                new PriorCall(
                    "p1",
                    now.minusSeconds(86_400 * 3),
                    "legal-tx",
                    "t5",
                    "b5",
                    true,
                    false,
                    null)));
    UsageSnapshot usage =
        new UsageSnapshot(
            Map.of("t1", Usage.connectionsToday(40), "t2", new Usage(5, null, null)),
            Map.of("b3", Usage.connectionsToday(10)));
    context = new RouteContext(call, usage, Map.of(), 7, 42, now);
    bids = new ScriptedBidCollector(BenchFlows.bids());
  }

  @Benchmark
  @BenchmarkMode({Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public RouteDecision routeLatency() {
    return engine.route(version, "n3", context, bids);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public RouteDecision routeThroughput() {
    return engine.route(version, "n3", context, bids);
  }
}
