package org.ringtree.rules.port;

import java.util.List;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.simulator.SimulationResult;
import org.ringtree.rules.simulator.SimulationScript;
import org.ringtree.rules.validation.Issue;

/**
 * Places a test call against a draft with the same decision engine the runtime uses; nothing is
 * dialled, pinged, stored or billed.
 */
public interface SimulationPort {

  /** The caller: the tracking number dialled and what the carrier reports about the caller. */
  record CallerProfile(String trackingNumber, String number, String state, String zip) {}

  /** The simulated call, or the issues that kept the draft from compiling (result null). */
  record SimulationOutcome(SimulationResult result, List<Issue> issues) {
    public SimulationOutcome {
      issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public boolean ran() {
      return result != null;
    }
  }

  SimulationOutcome simulate(FlowDocument draft, CallerProfile caller, SimulationScript script);
}
