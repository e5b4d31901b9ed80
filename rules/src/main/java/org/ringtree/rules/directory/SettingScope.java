package org.ringtree.rules.directory;

import java.util.List;
import java.util.Optional;

/**
 * Which target and buyer settings act on the next call (LIVE: changed without review, audited) and
 * which reach calls only with the next reviewed flow version (VERSIONED). Forms show it beside each
 * field; docs/compliance.md gives the reasons at length.
 */
public final class SettingScope {

  /** When a change to a field reaches calls. */
  public enum Scope {
    /** The next call, on every node, without a new flow version; audited, not reviewed. */
    LIVE,
    /** Calls of the next published (and, when approval is on, reviewed) flow version. */
    VERSIONED
  }

  /** One field of a target or a buyer, with when it applies and why, in a sentence. */
  public record Field(String owner, String field, Scope scope, String why) {}

  private static final String VOLUME =
      "Only limits how many calls reach this party, never where a call goes or what it books,"
          + " and a buyer's stop request must act at once.";
  private static final String REVIEWED =
      "Decides where calls go or what they book, so a reviewer sees it in the flow version.";

  public static final List<Field> FIELDS =
      List.of(
          new Field("target", "active", Scope.LIVE, VOLUME),
          new Field("target", "caps", Scope.LIVE, VOLUME),
          new Field("target", "destination", Scope.VERSIONED, REVIEWED),
          new Field("target", "fixedPrice", Scope.VERSIONED, REVIEWED),
          new Field("target", "priority", Scope.VERSIONED, REVIEWED),
          new Field("target", "weight", Scope.VERSIONED, REVIEWED),
          new Field("target", "schedule", Scope.VERSIONED, REVIEWED),
          new Field("target", "geo", Scope.VERSIONED, REVIEWED),
          new Field("target", "tagFilters", Scope.VERSIONED, REVIEWED),
          new Field("target", "duplicateRule", Scope.VERSIONED, REVIEWED),
          new Field("target", "minScore", Scope.VERSIONED, REVIEWED),
          new Field("target", "name", Scope.VERSIONED, "Shown in traces of the version."),
          new Field("buyer", "active", Scope.LIVE, VOLUME),
          new Field("buyer", "caps", Scope.LIVE, VOLUME),
          new Field("buyer", "bidDestinations", Scope.VERSIONED, REVIEWED),
          new Field("buyer", "name", Scope.VERSIONED, "Shown in traces of the version."));

  private SettingScope() {}

  /**
   * What a form for a "target" or a "buyer" tells the operator about when a save reaches calls,
   * built from {@link #FIELDS} so the words cannot drift from what the runtime does.
   */
  public static String sentence(String owner) {
    List<String> live =
        FIELDS.stream()
            .filter(f -> f.owner().equals(owner) && f.scope() == Scope.LIVE)
            .map(Field::field)
            .map(f -> f.equals("active") ? "pausing" : f)
            .toList();
    return "Takes effect in two ways: "
        + String.join(" and ", live)
        + " act on the next call, on every node, without publishing a flow (audited); everything"
        + " else reaches calls with the next published flow version, which compliance reviews.";
  }

  /** The scope of one field of a "target" or a "buyer", if it is one of theirs. */
  public static Optional<Field> of(String owner, String field) {
    return FIELDS.stream()
        .filter(f -> f.owner().equals(owner) && f.field().equals(field))
        .findFirst();
  }
}
