package org.ringtree.runtime.console;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.compiler.CompileResult;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.flow.DirectoryRefs;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.port.SimulationPort;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.simulator.EngineCallSimulator;
import org.ringtree.rules.simulator.SimulationRequest;
import org.ringtree.rules.simulator.SimulationScript;
import org.ringtree.rules.validation.Issue;
import org.ringtree.runtime.routing.CapacityStore;
import org.springframework.stereotype.Service;

/**
 * Compiles the draft against the current directory and runs it through the rules simulator, whose
 * start/next/route/bill are the decision engine's own. Each simulation gets its own engine, so
 * drafts never reach the engine that serves live calls. Caps see the live counters of the moment
 * (read, never reserved), so a target that is full now is skipped in the test call too.
 */
@Service
class ConsoleSimulation implements SimulationPort {

  private final ConsoleFlowEditing editing;
  private final CapacityStore capacity;
  private final Clock clock;

  ConsoleSimulation(ConsoleFlowEditing editing, CapacityStore capacity, Clock clock) {
    this.editing = editing;
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public SimulationOutcome simulate(
      FlowDocument draft, CallerProfile caller, SimulationScript script) {
    DirectorySnapshot directory = editing.snapshot();
    CompileResult compiled = FlowCompiler.compile(draft, directory);
    if (compiled.compiled().isEmpty()) {
      return new SimulationOutcome(null, compiled.issues());
    }
    TrackingNumber number =
        caller.trackingNumber() == null
            ? null
            : directory.trackingNumber(caller.trackingNumber()).orElse(null);
    if (caller.trackingNumber() != null && number == null) {
      return new SimulationOutcome(
          null,
          List.of(
              Issue.error(
                  null,
                  "trackingNumber",
                  "sim.unknownNumber",
                  "Tracking number " + caller.trackingNumber() + " is not in the directory.")));
    }
    Instant now = clock.instant();
    String campaignId = number != null ? number.campaignId() : draft.campaignId();
    String publisherId = number != null ? number.publisherId() : null;
    CallFacts facts =
        new CallFacts(
            "sim-" + UUID.randomUUID(),
            campaignId,
            publisherId,
            caller.trackingNumber(),
            Caller.of(caller.number(), blankToNull(caller.state()), blankToNull(caller.zip())),
            number != null ? number.sourceTags() : Map.of(),
            Map.of(),
            now,
            List.of());
    EngineCallSimulator simulator = new EngineCallSimulator(new DecisionEngine());
    return new SimulationOutcome(
        simulator.simulate(
            new SimulationRequest(
                compiled.compiled().get(),
                facts,
                script,
                liveUsage(draft, directory, campaignId, publisherId, now))),
        compiled.issues());
  }

  /** The live cap counters of every target the draft's nodes name (routes), and their buyers. */
  private UsageSnapshot liveUsage(
      FlowDocument draft,
      DirectorySnapshot directory,
      String campaignId,
      String publisherId,
      Instant now) {
    DirectoryRefs refs = DirectoryRefs.of(draft);
    List<Target> targets =
        directory.expandTargets(refs.targets(), refs.groups()).stream()
            .map(directory::target)
            .flatMap(java.util.Optional::stream)
            .toList();
    Map<String, Buyer> buyers = new LinkedHashMap<>();
    targets.forEach(t -> directory.buyer(t.buyerId()).ifPresent(b -> buyers.put(b.id(), b)));
    CapacityStore.PublisherQuota quota =
        campaignId == null || publisherId == null
            ? null
            : directory
                .campaign(campaignId)
                .map(c -> c.publisherCaps().get(publisherId))
                .map(caps -> new CapacityStore.PublisherQuota(campaignId, publisherId, caps))
                .orElse(null);
    return capacity.usage(targets, buyers, quota, now);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
