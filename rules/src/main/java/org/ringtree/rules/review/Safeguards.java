package org.ringtree.rules.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudCheck;
import org.ringtree.rules.fraud.FraudPolicy;

/**
 * What else decides a flow's calls, shown read-only beside its decision tables (issue #21.5): the
 * fraud policy in force on each of its campaigns (the network's, with the campaign's overrides laid
 * over it), each check and its action in words, and the score model that is promoted (or that the
 * rule-based prior scores the calls). Neither is part of the flow version: both change live, each
 * change audited, and this shows them as they are now.
 */
public record Safeguards(List<Policy> policies, Model model) {

  public Safeguards {
    policies = List.copyOf(policies);
  }

  /** A campaign's fraud policy in force, where it comes from, and each check with its action. */
  public record Policy(String campaignId, String source, List<String> lines) {
    public Policy {
      lines = List.copyOf(lines);
    }
  }

  /** The promoted score model: its name, label, the calls it was trained on, and its AUC. */
  public record Model(
      String name,
      String label,
      Instant dataFrom,
      Instant dataTo,
      int calls,
      double auc,
      double aucLow,
      double aucHigh,
      String promotedBy,
      Instant promotedAt) {}

  /** What scores the calls, in one sentence. */
  public String modelInWords() {
    if (model == null) {
      return "No score model is promoted: calls are scored by the rule-based prior (prior-1).";
    }
    return String.format(
        java.util.Locale.ROOT,
        "Score model %s, promoted by %s on %s: trained on %d %s calls from %s to %s;"
            + " AUC %.3f (95%% CI %.3f–%.3f) on the calls held out of training.",
        model.name(),
        model.promotedBy(),
        model.promotedAt(),
        model.calls(),
        model.label().toLowerCase(java.util.Locale.ROOT),
        model.dataFrom(),
        model.dataTo(),
        model.auc(),
        model.aucLow(),
        model.aucHigh());
  }

  /** A policy's checks and actions in words, one line per check that is on. */
  public static List<String> inWords(FraudPolicy policy) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<FraudCheck, FraudAction> e :
        new java.util.TreeMap<>(policy.actions()).entrySet()) {
      lines.add(check(e.getKey(), policy) + " → " + action(e.getValue(), policy));
    }
    if (lines.isEmpty()) {
      lines.add("no fraud check is on: every call is routed and paid as usual");
    }
    return lines;
  }

  static String check(FraudCheck check, FraudPolicy policy) {
    return switch (check) {
      case BLOCKLIST -> "caller on the blocklist (number, prefix or area code)";
      case VELOCITY ->
          policy
              .velocity()
              .map(
                  v ->
                      "the same caller more than "
                          + v.calls()
                          + (v.calls() == 1 ? " time" : " times")
                          + " in "
                          + duration(v.window())
                          + ", across campaigns")
              .orElse("the same caller too often");
      case ANONYMOUS_CALLER_ID -> "caller id withheld (anonymous)";
      case INVALID_CALLER_ID -> "caller id that is not a valid number";
      case TOLL_FREE_CALLER_ID -> "caller id that is a toll-free number";
      case STIR_FAILED -> "SHAKEN/STIR verification failed";
      case STIR_UNATTESTED ->
          "no SHAKEN/STIR verification, or attestation below " + policy.minimumAttestation();
      case ROTATING_DIALER ->
          policy
              .rotation()
              .map(
                  r ->
                      "more than "
                          + r.numbers()
                          + " numbers sharing their first 8 digits from one publisher in "
                          + duration(r.window())
                          + " (a dialer rotating its last digits)")
              .orElse("numbers sharing a prefix from one publisher (a rotating dialer)");
      case GEO_MISMATCH ->
          "caller id's area code in another state than the zip known at the route node";
    };
  }

  static String action(FraudAction action, FraudPolicy policy) {
    return switch (action) {
      case REJECT -> "reject at the door (the call is not answered)";
      case MESSAGE_AND_HANG_UP -> "play \"" + policy.message() + "\" and hang up";
      case ROUTE_NOT_PAYABLE -> "route it, but the publisher is not paid for it";
      case FLAG_FOR_REVIEW -> "route and pay as usual, and flag it for review";
    };
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes % 60 == 0) {
      long hours = minutes / 60;
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
