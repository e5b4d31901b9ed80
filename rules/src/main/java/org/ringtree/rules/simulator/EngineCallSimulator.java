package org.ringtree.rules.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.Step;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.trace.Justification;

/**
 * Simulates calls with the real {@link DecisionEngine}: start, next, route and bill are the very
 * methods the runtime calls; only telephony, HTTP and PostgreSQL are replaced by the script, a
 * {@link ScriptedBidCollector} and {@link InMemoryUsage}.
 */
public final class EngineCallSimulator implements CallSimulator {

  /** Turns after which a simulated call is cut off (the engine's own limits come first). */
  static final int MAX_TURNS = 200;

  private final DecisionEngine engine;
  private final InMemoryUsage usage;

  public EngineCallSimulator(DecisionEngine engine) {
    this(engine, new InMemoryUsage());
  }

  public EngineCallSimulator(DecisionEngine engine, InMemoryUsage usage) {
    this.engine = engine;
    this.usage = usage;
  }

  public InMemoryUsage usage() {
    return usage;
  }

  @Override
  public SimulationResult simulate(SimulationRequest req) {
    VersionKey version = req.flow().versionKey();
    engine.load(req.flow());
    SimulationScript script = req.script();
    List<SimulationStep> steps = new ArrayList<>();
    Step step = engine.start(version, req.call());
    String event = "call arrived";
    int nextInput = 0;
    String connected = null;
    Money price = null;
    long rotation = 0;
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      RouteDecision decision = null;
      CallInput input = null;
      String nextEvent = null;
      List<Justification> extra = new ArrayList<>();
      if (!step.ended()) {
        switch (step.waiting()) {
          case INPUT -> {
            ScriptedInput in =
                nextInput < script.inputs().size()
                    ? script.inputs().get(nextInput++)
                    : ScriptedInput.silence();
            input =
                switch (in.kind()) {
                  case DIGITS -> new CallInput.Digits(in.value());
                  case SPEECH -> new CallInput.Speech(in.value());
                  case SILENCE -> new CallInput.NoInput();
                };
            nextEvent =
                in.kind() == ScriptedInput.Kind.SILENCE
                    ? "caller silent"
                    : "caller input " + in.value();
          }
          case ROUTE -> {
            UsageSnapshot u = req.usage() != null ? req.usage() : usage.snapshot();
            RouteContext ctx =
                new RouteContext(step.state().facts(), u, Map.of(), rotation++, seed(req), null);
            decision = engine.route(step.state(), ctx, new ScriptedBidCollector(script.bids()));
            String taker = null;
            int tries = Math.min(step.route().maxAttempts(), decision.ranked().size());
            for (int i = 0; i < tries; i++) {
              Candidate c = decision.ranked().get(i);
              if (script.answers().getOrDefault(c.targetId(), true)) {
                taker = c.targetId();
                price = c.price();
                usage.connected(c.targetId(), c.buyerId(), false);
                extra.add(
                    new Justification(
                        c.targetId(),
                        step.route().nodeId(),
                        null,
                        Justification.Verdict.WINNER,
                        c.name() + " answered."));
                break;
              }
              extra.add(
                  new Justification(
                      c.targetId(),
                      step.route().nodeId(),
                      null,
                      Justification.Verdict.SKIPPED,
                      c.name() + " did not answer."));
            }
            connected = taker;
            input = new CallInput.RouteFinished(taker != null, taker);
            nextEvent = taker == null ? "no target answered" : taker + " answered";
          }
          case CONNECTOR -> {
            Map<String, String> reply =
                script.connectorReplies().get(step.connector().connectorId());
            input = new CallInput.ConnectorReply(reply != null, reply);
            nextEvent = reply == null ? "connector failed" : "connector replied";
          }
          case RECORDING -> {
            input = new CallInput.RecordingFinished("sim://recording/" + req.call().callId());
            nextEvent = "recording finished";
          }
          case DONE -> {}
        }
      }
      List<Justification> trace = new ArrayList<>(step.trace());
      trace.addAll(extra);
      steps.add(
          new SimulationStep(
              turn,
              event,
              step.state().nodeId(),
              step.waiting(),
              step.instructions(),
              trace,
              decision));
      if (step.ended() || input == null) {
        break;
      }
      step = engine.next(step.state(), input);
      event = nextEvent;
    }
    CallOutcome outcome = step.outcome();
    BillingDecision bill =
        engine.bill(
            version,
            new BillingInput(
                step.state().facts(),
                connected,
                connected == null ? 0 : script.talkSeconds(),
                price,
                script.blocked()));
    return new SimulationResult(version, steps, outcome, connected, bill);
  }

  private static long seed(SimulationRequest req) {
    return req.call().callId() == null ? 0 : req.call().callId().hashCode();
  }
}
