package org.ringtree.rules.directory;

/**
 * When an earlier call from the same caller makes this one a duplicate: per campaign (across all
 * targets) or per target, counting any earlier call, only connected ones or only converted ones,
 * within a window.
 */
public record DuplicateRule(Scope scope, Basis basis, long windowSeconds) {

  public static final DuplicateRule NONE = new DuplicateRule(Scope.NONE, Basis.ANY_CALL, 0);

  /** Which earlier calls are compared. */
  public enum Scope {
    NONE,
    CAMPAIGN,
    TARGET
  }

  /** Which earlier calls count. */
  public enum Basis {
    ANY_CALL,
    CONNECTED,
    CONVERTED
  }

  public DuplicateRule {
    scope = scope == null ? Scope.NONE : scope;
    basis = basis == null ? Basis.ANY_CALL : basis;
    if (windowSeconds < 0) {
      throw new IllegalArgumentException("window must not be negative");
    }
  }

  public static DuplicateRule perTarget(Basis basis, long days) {
    return new DuplicateRule(Scope.TARGET, basis, days * 86_400L);
  }

  public static DuplicateRule perCampaign(Basis basis, long days) {
    return new DuplicateRule(Scope.CAMPAIGN, basis, days * 86_400L);
  }

  /** "30 days", "2 hours", "45 seconds". */
  public String describeWindow() {
    if (windowSeconds % 86_400 == 0 && windowSeconds > 0) {
      return plural(windowSeconds / 86_400, "day");
    }
    if (windowSeconds % 3_600 == 0 && windowSeconds > 0) {
      return plural(windowSeconds / 3_600, "hour");
    }
    return plural(windowSeconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
