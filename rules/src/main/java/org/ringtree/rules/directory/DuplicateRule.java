package org.ringtree.rules.directory;

/**
 * When an earlier call from the same caller makes this one a duplicate: per campaign (across all
 * targets), per target, or per buyer (an earlier call to any of the buyer's targets, in any
 * campaign), counting any earlier call, only connected ones or only converted ones, within a window
 * of at most {@link #MAX_WINDOW_SECONDS}.
 */
public record DuplicateRule(Scope scope, Basis basis, long windowSeconds) {

  public static final DuplicateRule NONE = new DuplicateRule(Scope.NONE, Basis.ANY_CALL, 0);

  /**
   * The longest window the runtime looks back over (it loads the caller's calls of the last 90
   * days); a longer one is refused when saved rather than silently shrunk.
   */
  public static final long MAX_WINDOW_SECONDS = 90L * 86_400L;

  /** Which earlier calls are compared. */
  public enum Scope {
    NONE,
    CAMPAIGN,
    TARGET,
    BUYER
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

  /** Why the runtime cannot honour this rule as saved (a window over 90 days), if it cannot. */
  public java.util.Optional<String> problem() {
    if (scope != Scope.NONE && windowSeconds > MAX_WINDOW_SECONDS) {
      return java.util.Optional.of(
          "duplicate window "
              + describeWindow()
              + " is longer than the 90 days of caller history the runtime keeps in view");
    }
    return java.util.Optional.empty();
  }

  public static DuplicateRule perBuyer(Basis basis, long days) {
    return new DuplicateRule(Scope.BUYER, basis, days * 86_400L);
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
