package org.ringtree.rules.simulator;

/** Port: simulates a call through a compiled flow version. */
public interface CallSimulator {
  SimulationResult simulate(SimulationRequest request);
}
