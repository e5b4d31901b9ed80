package org.ringtree.rules.simulator;

import java.util.List;
import java.util.Map;

/**
 * The script of a simulated call: caller input per gather in order (silence once it runs out), bids
 * per RTB target id (no entry: no answer), whether each target answers when dialled (no entry: it
 * answers), connector replies by connector id (no entry: the connector fails), talk time with the
 * buyer, and whether the call is flagged as blocked/spam.
 */
public record SimulationScript(
    List<ScriptedInput> inputs,
    Map<String, ScriptedBid> bids,
    Map<String, Boolean> answers,
    Map<String, Map<String, String>> connectorReplies,
    long talkSeconds,
    boolean blocked) {

  public SimulationScript {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    bids = bids == null ? Map.of() : Map.copyOf(bids);
    answers = answers == null ? Map.of() : Map.copyOf(answers);
    connectorReplies = connectorReplies == null ? Map.of() : Map.copyOf(connectorReplies);
  }

  public static SimulationScript of(List<ScriptedInput> inputs, long talkSeconds) {
    return new SimulationScript(inputs, Map.of(), Map.of(), Map.of(), talkSeconds, false);
  }

  public SimulationScript withBids(Map<String, ScriptedBid> b) {
    return new SimulationScript(inputs, b, answers, connectorReplies, talkSeconds, blocked);
  }

  public SimulationScript withAnswers(Map<String, Boolean> a) {
    return new SimulationScript(inputs, bids, a, connectorReplies, talkSeconds, blocked);
  }

  public SimulationScript withConnectorReplies(Map<String, Map<String, String>> r) {
    return new SimulationScript(inputs, bids, answers, r, talkSeconds, blocked);
  }
}
