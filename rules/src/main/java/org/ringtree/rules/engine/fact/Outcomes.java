package org.ringtree.rules.engine.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where generated rules report: which clause rules fired, and which targets were skipped by which
 * rule and why. One instance per evaluation (a global of the session).
 */
public final class Outcomes {

  /** A target skipped by an eligibility rule. */
  public record Skip(String ruleId, String targetId, String reason) {}

  private final List<String> hits = new ArrayList<>();
  private final List<Skip> skips = new ArrayList<>();
  private final Map<String, String> callerAttrs;

  public Outcomes(Map<String, String> callerAttrs) {
    this.callerAttrs = callerAttrs;
  }

  public void hit(String ruleId) {
    hits.add(ruleId);
  }

  public void skip(String ruleId, String targetId, String reason) {
    skips.add(new Skip(ruleId, targetId, reason));
  }

  public void skipGeo(String ruleId, TargetFact t, String field, java.util.Set<String> allowed) {
    String actual = callerAttrs.get("caller." + field);
    String list = allowed.stream().limit(10).collect(Collectors.joining(", "));
    skip(
        ruleId,
        t.targetId(),
        "caller "
            + label(field)
            + " "
            + (actual == null ? "unknown" : actual)
            + " not in "
            + list
            + (allowed.size() > 10 ? ", …" : ""));
  }

  public void skipHours(String ruleId, TargetFact t, java.time.Instant at) {
    skip(ruleId, t.targetId(), t.schedule().describeClosed(at));
  }

  public void skipTag(String ruleId, TargetFact t, Param p) {
    String key = p.key().startsWith("tag.") ? p.key().substring(4) : p.key();
    String want =
        switch (p.op()) {
          case EQUALS -> "must equal " + clip(p.value());
          case NOT_EQUALS -> "must not equal " + clip(p.value());
          case IN ->
              "must be one of " + clip(String.join(", ", new java.util.TreeSet<>(p.values())));
          case NOT_IN ->
              "must not be one of " + clip(String.join(", ", new java.util.TreeSet<>(p.values())));
          case REGEX -> "must match " + clip(p.value());
          case GT -> "must be > " + p.number();
          case GTE -> "must be >= " + p.number();
          case LT -> "must be < " + p.number();
          case LTE -> "must be <= " + p.number();
          case EXISTS -> "must be set";
        };
    skip(ruleId, t.targetId(), "tag " + clip(key) + " " + want);
  }

  public void skipCap(
      String ruleId, TargetFact t, String scope, String period, long count, long limit) {
    String what = "concurrency".equals(period) ? "concurrency" : period;
    skip(
        ruleId,
        t.targetId(),
        ("target".equals(scope) ? "" : scope + " ") + what + " cap " + count + "/" + limit);
  }

  public void skipDuplicate(String ruleId, TargetFact t, String scope, long windowSeconds) {
    skip(
        ruleId,
        t.targetId(),
        "duplicate caller within "
            + new org.ringtree.rules.directory.DuplicateRule(
                    org.ringtree.rules.directory.DuplicateRule.Scope.TARGET,
                    org.ringtree.rules.directory.DuplicateRule.Basis.ANY_CALL,
                    windowSeconds)
                .describeWindow()
            + switch (scope) {
              case "campaign" -> " (campaign)";
              case "buyer" -> " (buyer)";
              default -> "";
            });
  }

  public List<String> hits() {
    return hits;
  }

  public List<Skip> skips() {
    return skips;
  }

  private static String label(String field) {
    return switch (field) {
      case "areaCode" -> "area code";
      default -> field;
    };
  }

  private static String clip(String s) {
    if (s == null) {
      return "(none)";
    }
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }
}
