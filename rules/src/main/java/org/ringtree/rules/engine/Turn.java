package org.ringtree.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.trace.Justification;

/**
 * The working copy of a call during one webhook: tags, answers and counters the nodes change, the
 * instructions for the caller and the trace. Node kinds read and write the call only through it.
 */
public final class Turn {
  private final FlowRuntime rt;
  private final Map<String, String> tags;
  private final Map<String, String> answers;
  private final Map<String, Integer> attempts;
  private CallFacts facts;
  final List<CallInstruction> instructions = new ArrayList<>();
  final List<Justification> trace = new ArrayList<>();
  int steps;

  Turn(FlowRuntime rt, CallState s) {
    this.rt = rt;
    tags = new TreeMap<>(s.facts().tags());
    answers = new TreeMap<>(s.facts().answers());
    attempts = new HashMap<>(s.attempts());
    facts = s.facts();
    steps = s.steps();
  }

  /** The call's tags, to read and set. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The caller's IVR answers, to read and set. */
  public Map<String, String> answers() {
    return answers;
  }

  /** Retries per input node and loops per go-to node, kept across webhooks. */
  public Map<String, Integer> attempts() {
    return attempts;
  }

  /** The call as it stands, with the tags and answers of this turn. */
  public CallFacts facts() {
    return facts.withTagsAndAnswers(tags, answers);
  }

  /** The call's attributes as the generated rules see them ("caller.state", "tag.x", ...). */
  public Map<String, String> attributes() {
    return Facts.attributes(facts());
  }

  /** Replaces what is known about the caller (e.g. located by the zip they entered). */
  public void relocate(Caller caller) {
    facts = facts.withCaller(caller);
  }

  public void instruct(CallInstruction instruction) {
    instructions.add(instruction);
  }

  public void trace(String nodeId, String ruleId, String text) {
    trace.add(Justification.step(nodeId, ruleId, text));
  }

  /** Whether the node's port leads anywhere. */
  public boolean connected(String nodeId, String port) {
    return rt.next(nodeId, port) != null;
  }

  public FlowRuntime runtime() {
    return rt;
  }

  /** Fires the flow's rules over the call's facts plus the given ones; returns what they said. */
  public Outcomes decide(List<Object> extraFacts) {
    return rt.decide(facts(), extraFacts);
  }
}
