package org.ringtree.editor.flow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.simulator.ScriptedBid;
import org.ringtree.rules.simulator.ScriptedInput;
import org.ringtree.rules.simulator.SimulationResult;
import org.ringtree.rules.simulator.SimulationScript;
import org.ringtree.rules.simulator.SimulationStep;
import org.ringtree.rules.trace.Justification;

/**
 * A simulated call as the simulate panel shows it: the path through the flow, what the caller heard
 * at each step, the auction, every skip with its reason, and the money.
 */
public record SimulationReport(
    List<String> path,
    List<StepRow> steps,
    List<AuctionRow> auction,
    List<SkipRow> skips,
    String winner,
    String outcome,
    String revenue,
    String payout,
    String margin,
    List<String> moneyReasons) {

  /** Destination a simulated bid would be dialled at; nothing is dialled in a simulation. */
  static final String SIMULATED_BID_DESTINATION = "+15005550006";

  public record StepRow(int turn, String event, String nodeId, String heard) {}

  public record AuctionRow(
      int rank, String targetId, String target, String buyer, String price, String source) {}

  public record SkipRow(String targetId, String reason) {}

  public static SimulationReport of(SimulationResult r) {
    List<String> path = new ArrayList<>();
    List<StepRow> steps = new ArrayList<>();
    List<AuctionRow> auction = new ArrayList<>();
    Map<String, SkipRow> skips = new LinkedHashMap<>();
    String winner = null;
    for (SimulationStep s : r.steps()) {
      for (Justification j : s.trace()) {
        if (j.verdict() == Justification.Verdict.STEP && j.nodeId() != null) {
          addToPath(path, j.nodeId());
        }
      }
      if (s.nodeId() != null) {
        addToPath(path, s.nodeId());
      }
      steps.add(new StepRow(s.turn(), s.event(), s.nodeId(), heard(s.instructions())));
      RouteDecision d = s.route();
      if (d != null) {
        int rank = 1;
        for (Candidate c : d.ranked()) {
          auction.add(
              new AuctionRow(
                  rank++,
                  c.targetId(),
                  c.name(),
                  c.buyerId(),
                  c.price() == null ? "—" : money(c.price()),
                  c.priceSource().name().toLowerCase(java.util.Locale.ROOT)));
        }
        for (Justification j : d.justifications()) {
          if (j.verdict() == Justification.Verdict.SKIPPED) {
            skips.putIfAbsent(j.subject() + j.message(), new SkipRow(j.subject(), j.message()));
          }
        }
        for (PingResult p : d.pings()) {
          if (p.status() != PingResult.Status.ACCEPTED && p.reason() != null) {
            String reason = "ping " + p.status().name().toLowerCase() + ": " + p.reason();
            skips.putIfAbsent(p.targetId() + reason, new SkipRow(p.targetId(), reason));
          }
        }
      }
      for (Justification j : s.trace()) {
        if (j.verdict() == Justification.Verdict.SKIPPED) {
          skips.putIfAbsent(j.subject() + j.message(), new SkipRow(j.subject(), j.message()));
        }
        if (j.verdict() == Justification.Verdict.WINNER && j.subject() != null) {
          winner = j.subject();
        }
      }
    }
    String winnerName = null;
    if (r.connectedTargetId() != null) {
      winnerName =
          auction.stream()
              .filter(a -> a.targetId().equals(r.connectedTargetId()))
              .map(a -> a.target() + " (" + a.buyer() + ")")
              .findFirst()
              .orElse(r.connectedTargetId());
    } else if (winner != null) {
      winnerName = winner;
    }
    String outcome =
        r.outcome() == null
            ? "The call did not end within the simulation's limit."
            : r.outcome().message() == null ? r.outcome().ending().name() : r.outcome().message();
    List<String> reasons = new ArrayList<>();
    if (r.billing() != null) {
      if (r.billing().buyer() != null) {
        reasons.add("Buyer: " + r.billing().buyer().message());
      }
      if (r.billing().publisher() != null) {
        reasons.add("Publisher: " + r.billing().publisher().message());
      }
    }
    return new SimulationReport(
        List.copyOf(path),
        steps,
        auction,
        List.copyOf(skips.values()),
        winnerName,
        outcome,
        r.billing() == null ? "—" : money(r.billing().revenue()),
        r.billing() == null ? "—" : money(r.billing().payout()),
        r.billing() == null ? "—" : money(r.billing().margin()),
        reasons);
  }

  /**
   * The script from what the operator typed: caller inputs separated by commas ("1, 90210,
   * speech:yes"), bids by target id (blank: the buyer declines), which targets do not answer, and
   * talk time.
   */
  public static SimulationScript script(
      String inputs, Map<String, BigDecimal> bids, List<String> noAnswer, long talkSeconds) {
    List<ScriptedInput> in = new ArrayList<>();
    if (inputs != null) {
      for (String part : inputs.split(",")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        if (p.startsWith("speech:")) {
          in.add(ScriptedInput.speech(p.substring(7).strip()));
        } else if (p.equalsIgnoreCase("silence")) {
          in.add(ScriptedInput.silence());
        } else {
          in.add(ScriptedInput.digits(p));
        }
      }
    }
    Map<String, ScriptedBid> scripted = new LinkedHashMap<>();
    bids.forEach(
        (target, amount) ->
            scripted.put(
                target,
                amount == null
                    ? ScriptedBid.decline()
                    : ScriptedBid.accept(amount.toPlainString(), SIMULATED_BID_DESTINATION)));
    Map<String, Boolean> answers =
        noAnswer.stream().collect(Collectors.toMap(t -> t, t -> false, (a, b) -> a));
    return SimulationScript.of(in, talkSeconds).withBids(scripted).withAnswers(answers);
  }

  private static void addToPath(List<String> path, String nodeId) {
    if (path.isEmpty() || !path.get(path.size() - 1).equals(nodeId)) {
      path.add(nodeId);
    }
  }

  static String heard(List<CallInstruction> instructions) {
    List<String> out = new ArrayList<>();
    for (CallInstruction i : instructions) {
      describe(i, out);
    }
    return String.join(" ", out);
  }

  private static void describe(CallInstruction i, List<String> out) {
    if (i instanceof CallInstruction.Say s) {
      out.add("“" + s.text() + "”");
    } else if (i instanceof CallInstruction.Play p) {
      out.add("[plays " + p.url() + "]");
    } else if (i instanceof CallInstruction.Gather g) {
      g.prompts().forEach(p -> describe(p, out));
      out.add("(waits for input)");
    } else if (i instanceof CallInstruction.Dial d) {
      out.add("(dials " + d.candidateTargetId() + ")");
    } else if (i instanceof CallInstruction.Record) {
      out.add("(records a message)");
    } else if (i instanceof CallInstruction.Hangup) {
      out.add("(hangs up)");
    } else if (i instanceof CallInstruction.CampaignFallback) {
      out.add("(the campaign's fallback takes the call)");
    }
  }

  static String money(Money m) {
    return m.toString();
  }
}
