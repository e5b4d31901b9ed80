package org.ringtree.rules.routing;

import java.util.List;
import java.util.Optional;
import org.ringtree.rules.trace.Justification;

/**
 * The answer of one route node for one call: candidates in the order to dial them, a justification
 * for every candidate (skipped, eligible, winner), every ping made, and the winner.
 */
public record RouteDecision(
    String nodeId,
    String method,
    List<Candidate> ranked,
    List<Justification> justifications,
    List<PingResult> pings,
    Justification summary) {

  public RouteDecision {
    ranked = List.copyOf(ranked);
    justifications = List.copyOf(justifications);
    pings = List.copyOf(pings);
  }

  public Optional<Candidate> winner() {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }

  /** The justifications about one target. */
  public List<Justification> about(String targetId) {
    return justifications.stream().filter(j -> targetId.equals(j.subject())).toList();
  }
}
