package org.ringtree.rules.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.fact.ConditionCheck;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.trace.Justification;

/**
 * Walks a flow: runs nodes that need nothing from the caller (say, set tag, condition, go-to) in
 * one go and stops at the first node that waits (menu, collect, route, connector, voicemail) or
 * ends the call. Conditions are decided by the flow's generated rules.
 */
final class Ivr {

  /** Nodes run per webhook at most; validation caps loops, this guards against anything else. */
  static final int MAX_STEPS_PER_TURN = 200;

  private final FlowRuntime rt;

  Ivr(FlowRuntime rt) {
    this.rt = rt;
  }

  /** Mutable working copy of a call state during one turn. */
  private static final class Turn {
    final Map<String, String> tags;
    final Map<String, String> answers;
    final Map<String, Integer> attempts;
    CallFacts facts;
    final List<CallInstruction> instructions = new ArrayList<>();
    final List<Justification> trace = new ArrayList<>();
    int steps;

    Turn(CallState s) {
      tags = new TreeMap<>(s.facts().tags());
      answers = new TreeMap<>(s.facts().answers());
      attempts = new HashMap<>(s.attempts());
      facts = s.facts();
      steps = s.steps();
    }

    CallFacts currentFacts() {
      return facts.withTagsAndAnswers(tags, answers);
    }
  }

  Step start(CallFacts facts) {
    CallState initial =
        new CallState(
            rt.versionId(), rt.startNodeId(), CallState.Waiting.INPUT, facts, Map.of(), 0);
    Turn t = new Turn(initial);
    t.trace.add(Justification.step(rt.startNodeId(), null, "Call entered the flow."));
    return run(t, rt.next(rt.startNodeId(), "next"), rt.startNodeId(), "next");
  }

  Step next(CallState state, CallInput input) {
    if (!state.versionId().equals(rt.versionId())) {
      throw new IllegalArgumentException("state belongs to flow version " + state.versionId());
    }
    Turn t = new Turn(state);
    FlowNode node = rt.node(state.nodeId());
    switch (state.waiting()) {
      case DONE -> {
        return new Step(state, List.of(), null, null, endedOutcome(state), List.of());
      }
      case INPUT -> {
        return gathered(t, node, input);
      }
      case ROUTE -> {
        if (input instanceof CallInput.RouteFinished r && r.connected()) {
          t.trace.add(
              Justification.step(node.id(), null, "Connected to target " + r.targetId() + "."));
          return end(
              t, node.id(), CallOutcome.Ending.CONNECTED, "connected to " + r.targetId(), false);
        }
        t.trace.add(
            Justification.step(node.id(), null, "No target took the call; taking the fallback."));
        return run(t, rt.next(node.id(), "fallback"), node.id(), "fallback");
      }
      case CONNECTOR -> {
        if (input instanceof CallInput.ConnectorReply reply && reply.ok()) {
          NodeConfig c = node.settings();
          c.stringMap("outputs")
              .forEach(
                  (tag, field) -> {
                    String v = reply.values().get(field);
                    if (v != null) {
                      t.tags.put(tag, v);
                    }
                  });
          t.trace.add(Justification.step(node.id(), null, "Connector replied; tags updated."));
          return run(t, rt.next(node.id(), "next"), node.id(), "next");
        }
        t.trace.add(Justification.step(node.id(), null, "Connector failed or timed out."));
        String error = rt.next(node.id(), "error");
        return error != null
            ? run(t, error, node.id(), "error")
            : run(t, rt.next(node.id(), "next"), node.id(), "next");
      }
      case RECORDING -> {
        t.trace.add(Justification.step(node.id(), null, "Voicemail recorded."));
        String after = rt.next(node.id(), "next");
        if (after == null) {
          t.instructions.add(new CallInstruction.Hangup());
          return end(t, node.id(), CallOutcome.Ending.VOICEMAIL, "voicemail left", false);
        }
        return run(t, after, node.id(), "next");
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static CallOutcome endedOutcome(CallState s) {
    return new CallOutcome(CallOutcome.Ending.HANGUP, s.nodeId(), "the call has already ended");
  }

  private Step gathered(Turn t, FlowNode node, CallInput input) {
    NodeConfig c = node.settings();
    String digits =
        input instanceof CallInput.Digits d
            ? d.digits()
            : input instanceof CallInput.Speech s ? s.text() : null;
    boolean silent = digits == null || digits.isBlank();
    String port = null;
    String answer = null;
    if (!silent) {
      switch (node.kind()) {
        case MENU -> {
          String said = digits.trim().toLowerCase(Locale.ROOT);
          for (Map<String, Object> opt : c.objects("options")) {
            String key = NodeConfig.itemString(opt, "key");
            String speech = NodeConfig.itemString(opt, "speech");
            boolean byKey = key != null && key.equals(said);
            boolean bySpeech =
                input instanceof CallInput.Speech
                    && speech != null
                    && !speech.isBlank()
                    && said.contains(speech.toLowerCase(Locale.ROOT));
            if (byKey || bySpeech) {
              port = key;
              answer = key;
              break;
            }
          }
        }
        case COLLECT_DIGITS -> {
          String only = digits.replaceAll("[^0-9]", "");
          int min = c.integer("minLength", 1);
          int max = c.integer("maxLength", 10);
          boolean ok =
              "zip".equals(c.string("mode"))
                  ? only.length() == 5
                  : only.length() >= min && only.length() <= max;
          if (ok) {
            port = "next";
            answer = only;
          }
        }
        default -> throw new IllegalStateException("node " + node.id() + " does not take input");
      }
    }
    if (port != null) {
      String saveAs = c.string("saveAs");
      if (saveAs != null && !saveAs.isEmpty()) {
        t.answers.put(saveAs, answer);
      }
      if (node.kind() == org.ringtree.rules.flow.NodeKind.COLLECT_DIGITS
          && "zip".equals(c.string("mode"))) {
        locate(t, node, answer);
      }
      t.attempts.remove(node.id());
      t.trace.add(
          Justification.step(
              node.id(),
              null,
              (node.kind() == org.ringtree.rules.flow.NodeKind.MENU
                      ? "Caller chose "
                      : "Caller entered ")
                  + mask(answer)
                  + (saveAs == null ? "." : " (saved as " + saveAs + ").")));
      return run(t, rt.next(node.id(), port), node.id(), port);
    }
    int tries = t.attempts.getOrDefault(node.id(), 0) + 1;
    int retries = c.integer("retries", 2);
    String why = silent ? "No input" : "Invalid input";
    if (tries <= retries) {
      t.attempts.put(node.id(), tries);
      t.trace.add(
          Justification.step(
              node.id(), null, why + "; asking again (" + tries + "/" + retries + ")."));
      t.instructions.add(say(c, "Sorry, I didn't get that."));
      return waitHere(t, node);
    }
    t.attempts.remove(node.id());
    String out = silent ? "noInput" : "invalid";
    t.trace.add(
        Justification.step(node.id(), null, why + "; retries used up, leaving by " + out + "."));
    return run(t, rt.next(node.id(), out), node.id(), out);
  }

  private static String mask(String s) {
    return s == null ? "" : s.length() > 12 ? s.substring(0, 12) + "…" : s;
  }

  /** Runs from {@code nodeId} until something waits or the call ends. */
  private Step run(Turn t, String nodeId, String fromNode, String fromPort) {
    String current = nodeId;
    String prev = fromNode;
    String prevPort = fromPort;
    for (int i = 0; i < MAX_STEPS_PER_TURN; i++) {
      if (current == null) {
        // nowhere to go: the campaign's fallback takes the caller, never a bare hang-up
        t.trace.add(
            Justification.step(
                prev,
                null,
                "Port " + prevPort + " is not connected; the campaign's fallback takes the call."));
        t.instructions.add(new CallInstruction.CampaignFallback(t.facts.campaignId()));
        return end(
            t,
            prev,
            CallOutcome.Ending.HANGUP,
            "port " + prevPort + " not connected: campaign fallback",
            true);
      }
      FlowNode node = rt.node(current);
      t.steps++;
      NodeConfig c = node.settings();
      String port;
      switch (node.kind()) {
        case START -> port = "next";
        case SAY -> {
          if (c.bool("recordingNotice")) {
            t.instructions.add(say(c, c.string("noticeText")));
          }
          String url = c.string("audioUrl");
          if (url != null && !url.isBlank()) {
            t.instructions.add(new CallInstruction.Play(url));
          }
          String text = c.string("text");
          if (text != null && !text.isBlank()) {
            t.instructions.add(say(c, text));
          }
          t.trace.add(Justification.step(node.id(), null, "Played the message."));
          port = "next";
        }
        case SET_TAG -> {
          t.tags.put(c.string("tag"), c.string("value"));
          t.trace.add(Justification.step(node.id(), null, "Set tag " + c.string("tag") + "."));
          port = "next";
        }
        case CONDITION -> port = condition(t, node);
        case GOTO -> {
          int loops = t.attempts.getOrDefault(node.id(), 0);
          int max = c.integer("maxLoops", 3);
          if (loops < max) {
            t.attempts.put(node.id(), loops + 1);
            t.trace.add(
                Justification.step(node.id(), null, "Loop " + (loops + 1) + " of " + max + "."));
            port = "loop";
          } else {
            t.trace.add(Justification.step(node.id(), null, "Loop limit " + max + " reached."));
            port = "exhausted";
          }
        }
        case MENU, COLLECT_DIGITS -> {
          return waitHere(t, node);
        }
        case ROUTE -> {
          t.trace.add(Justification.step(node.id(), null, "Routing the call."));
          RouteRequest req =
              new RouteRequest(
                  node.id(),
                  c.string("method"),
                  rt.routeTargets(node.id()),
                  c.integer("dialTimeoutSeconds", 30),
                  c.integer("maxAttempts", 3),
                  c.bool("record"),
                  c.integer("pingDeadlineMillis", 2000));
          return new Step(
              state(t, node.id(), CallState.Waiting.ROUTE),
              t.instructions,
              req,
              null,
              null,
              t.trace);
        }
        case CONNECTOR -> {
          Map<String, String> input = new TreeMap<>();
          CallFacts f = t.currentFacts();
          Map<String, String> attrs = Facts.attributes(f);
          c.stringMap("inputs")
              .forEach(
                  (param, tag) -> {
                    String v = attrs.containsKey(tag) ? attrs.get(tag) : f.tags().get(tag);
                    if (v != null) {
                      input.put(param, v);
                    }
                  });
          t.trace.add(
              Justification.step(
                  node.id(), null, "Calling connector " + c.string("connectorId") + "."));
          ConnectorRequest req =
              new ConnectorRequest(
                  node.id(),
                  c.string("connectorId"),
                  rt.compiled().connectorEndpoints().get(node.id()),
                  input,
                  c.integer("timeoutMillis", 3000));
          return new Step(
              state(t, node.id(), CallState.Waiting.CONNECTOR),
              t.instructions,
              null,
              req,
              null,
              t.trace);
        }
        case VOICEMAIL -> {
          String prompt = c.string("prompt");
          if (prompt != null && !prompt.isBlank()) {
            t.instructions.add(say(c, prompt));
          }
          t.instructions.add(
              new CallInstruction.Record(c.integer("maxLengthSeconds", 120), c.bool("beep")));
          t.trace.add(Justification.step(node.id(), null, "Recording a voicemail."));
          return new Step(
              state(t, node.id(), CallState.Waiting.RECORDING),
              t.instructions,
              null,
              null,
              null,
              t.trace);
        }
        case HANGUP -> {
          String text = c.string("text");
          if (text != null && !text.isBlank()) {
            t.instructions.add(say(c, text));
          }
          t.instructions.add(new CallInstruction.Hangup());
          t.trace.add(Justification.step(node.id(), null, "Hung up."));
          return end(t, node.id(), CallOutcome.Ending.HANGUP, "hang-up node", false);
        }
        default -> throw new IllegalStateException("unknown kind " + node.kind());
      }
      prev = current;
      prevPort = port;
      current = rt.next(current, port);
    }
    t.instructions.add(new CallInstruction.Hangup());
    return end(
        t,
        prev,
        CallOutcome.Ending.STEP_LIMIT,
        "more than " + MAX_STEPS_PER_TURN + " steps in one turn",
        false);
  }

  private String condition(Turn t, FlowNode node) {
    CallFacts f = t.currentFacts();
    Map<String, String> attrs = Facts.attributes(f);
    List<Object> facts = new ArrayList<>(Facts.callFacts(f, attrs));
    facts.add(new ConditionCheck(node.id()));
    facts.addAll(rt.conditionParams(node.id()));
    Outcomes out = rt.fire(facts, attrs);
    List<ConditionClause> cs = rt.clauses(node.id());
    Set<String> hits = new HashSet<>(out.hits());
    boolean all = !"any".equals(node.settings().string("match"));
    boolean result = all;
    List<String> held = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      String rule = "cond_" + node.id() + "_" + i;
      boolean hit = hits.contains(rule);
      if (hit) {
        held.add(rule);
      }
      result = all ? result && hit : result || hit;
    }
    String port = result ? "true" : "false";
    t.trace.add(
        Justification.step(
            node.id(),
            held.isEmpty() ? null : String.join(",", held),
            "Condition is "
                + port
                + " ("
                + held.size()
                + " of "
                + cs.size()
                + " clauses held, match "
                + (all ? "all" : "any")
                + ")."));
    return port;
  }

  /**
   * A zip the caller entered says where they are better than the carrier does, so geo filters,
   * hours in the caller's zone and RTB pings use it; a zip that is not real stays an answer only.
   */
  private static void locate(Turn t, FlowNode node, String zip) {
    var place = org.ringtree.rules.call.UsZips.shared().find(zip);
    if (place.isEmpty()) {
      t.trace.add(
          Justification.step(
              node.id(),
              null,
              "Zip "
                  + zip
                  + " is not a US zip: kept as the answer; the caller's zip and state stay "
                  + orUnknown(t.facts.caller().zip())
                  + " / "
                  + orUnknown(t.facts.caller().state())
                  + "."));
      return;
    }
    var p = place.get();
    t.facts = t.facts.withCaller(t.facts.caller().at(p));
    t.trace.add(
        Justification.step(
            node.id(),
            null,
            "Zip "
                + zip
                + " sets the caller's zip, state "
                + p.state()
                + " and time zone "
                + p.timezone()
                + "."));
  }

  private static String orUnknown(String s) {
    return s == null ? "unknown" : s;
  }

  private Step waitHere(Turn t, FlowNode node) {
    NodeConfig c = node.settings();
    Set<CallInstruction.InputMode> modes = EnumSet.noneOf(CallInstruction.InputMode.class);
    String inputs =
        node.kind() == org.ringtree.rules.flow.NodeKind.MENU ? c.string("inputs") : "dtmf";
    if (!"speech".equals(inputs)) {
      modes.add(CallInstruction.InputMode.DTMF);
    }
    if ("speech".equals(inputs) || "dtmfSpeech".equals(inputs)) {
      modes.add(CallInstruction.InputMode.SPEECH);
    }
    Integer numDigits = null;
    String finish = null;
    if (node.kind() == org.ringtree.rules.flow.NodeKind.MENU) {
      numDigits = 1;
    } else {
      if ("zip".equals(c.string("mode"))) {
        numDigits = 5;
      }
      finish = c.string("finishOnKey");
      if (finish != null && finish.isEmpty()) {
        finish = null;
      }
    }
    t.instructions.add(
        new CallInstruction.Gather(
            List.of(say(c, c.string("prompt"))),
            modes,
            numDigits,
            c.integer("timeoutSeconds", 5),
            finish));
    t.trace.add(Justification.step(node.id(), null, "Waiting for the caller's input."));
    return new Step(
        state(t, node.id(), CallState.Waiting.INPUT), t.instructions, null, null, null, t.trace);
  }

  private static CallInstruction.Say say(NodeConfig c, String text) {
    return new CallInstruction.Say(
        text == null ? "" : text, c.string("voice"), c.string("language"));
  }

  private CallState state(Turn t, String nodeId, CallState.Waiting waiting) {
    return new CallState(rt.versionId(), nodeId, waiting, t.currentFacts(), t.attempts, t.steps);
  }

  private Step end(
      Turn t, String nodeId, CallOutcome.Ending ending, String message, boolean alreadyHungUp) {
    return new Step(
        state(t, nodeId, CallState.Waiting.DONE),
        t.instructions,
        null,
        null,
        new CallOutcome(ending, nodeId, message),
        t.trace);
  }
}
