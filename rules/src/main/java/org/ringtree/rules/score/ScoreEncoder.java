package org.ringtree.rules.score;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringtree.rules.fraud.StirVerstat;

/**
 * Turns a call's features into the one-hot keys the linear model weighs ({@code group=value}), and
 * says in words what a group was for a call. Counts and seconds fall into buckets, so the model can
 * learn that a third call in a day is worse than a second without assuming a straight line. Long
 * numeric IVR answers (zips, dates of birth) are identifiers, not categories, and are left out.
 * {@link #VERSION} changes whenever a key changes: a model trained on other keys is refused.
 */
public final class ScoreEncoder {

  public static final int VERSION = 1;

  static final String PUBLISHER = "publisher";
  static final String CAMPAIGN = "campaign";
  static final String TAG = "tag:";
  static final String DAY = "day";
  static final String HOUR = "hour";
  static final String CALLS_24H = "calls24h";
  static final String CALLS_30D = "calls30d";
  static final String CONVERSIONS_24H = "conversions24h";
  static final String CONVERSIONS_30D = "conversions30d";
  static final String GEO = "geo";
  static final String STIR = "stir";
  static final String CALLER_ID = "callerId";
  static final String IVR = "ivr:";
  static final String IVR_SECONDS = "ivrSeconds";
  static final String PREFIX = "prefixNeighbours";

  private static final int[] CALLS_24H_EDGES = {0, 1, 2, 3, 4, 6};
  private static final int[] CALLS_30D_EDGES = {0, 1, 2, 4, 10};
  private static final int[] CONVERSION_EDGES = {0, 1};
  private static final int[] IVR_SECONDS_EDGES = {0, 1, 5, 10, 20, 40, 80};
  private static final int[] PREFIX_EDGES = {0, 1, 2, 5};

  private ScoreEncoder() {}

  /** The model's keys for this call, each worth 1. */
  public static List<String> encode(ScoreFeatures f) {
    List<String> keys = new ArrayList<>(16 + f.sourceTags().size() + f.ivrAnswers().size());
    keys.add(PUBLISHER + "=" + f.publisherId());
    keys.add(CAMPAIGN + "=" + f.campaignId());
    for (Map.Entry<String, String> t : f.sourceTags().entrySet()) {
      keys.add(TAG + clean(t.getKey()) + "=" + t.getValue());
    }
    keys.add(DAY + "=" + f.dayOfWeek().getValue());
    keys.add(HOUR + "=" + f.hourOfDay() / 3);
    keys.add(CALLS_24H + "=" + bucket(f.calls24h(), CALLS_24H_EDGES));
    keys.add(CALLS_30D + "=" + bucket(f.calls30d(), CALLS_30D_EDGES));
    keys.add(CONVERSIONS_24H + "=" + bucket(f.conversions24h(), CONVERSION_EDGES));
    keys.add(CONVERSIONS_30D + "=" + bucket(f.conversions30d(), CONVERSION_EDGES));
    keys.add(GEO + "=" + f.geo());
    keys.add(STIR + "=" + f.stir());
    keys.add(CALLER_ID + "=" + f.callerId());
    for (Map.Entry<String, String> a : f.ivrAnswers().entrySet()) {
      if (categorical(a.getValue())) {
        keys.add(IVR + clean(a.getKey()) + "=" + a.getValue().strip().toLowerCase(Locale.ROOT));
      }
    }
    keys.add(IVR_SECONDS + "=" + bucket(f.ivrSeconds(), IVR_SECONDS_EDGES));
    keys.add(PREFIX + "=" + bucket(f.prefixNeighbours(), PREFIX_EDGES));
    return keys;
  }

  /** The group of a key: what comes before its first {@code =}. */
  public static String group(String key) {
    int eq = key.indexOf('=');
    return eq < 0 ? key : key.substring(0, eq);
  }

  /** What a group was for this call, in the words the trace shows. */
  public static String describe(String group, ScoreFeatures f) {
    if (group.startsWith(TAG)) {
      String k = group.substring(TAG.length());
      String v = valueOf(f.sourceTags(), k);
      return v == null ? "no source tag " + k : "source tag " + k + " = " + v;
    }
    if (group.startsWith(IVR)) {
      String k = group.substring(IVR.length());
      String v = valueOf(f.ivrAnswers(), k);
      return v == null || !categorical(v) ? "no IVR answer to " + k : "IVR answer " + k + " = " + v;
    }
    return switch (group) {
      case PUBLISHER -> "publisher " + f.publisherId();
      case CAMPAIGN -> "campaign " + f.campaignId();
      case DAY ->
          "called on a "
              + f.dayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
              + " (caller's time)";
      case HOUR ->
          "called at " + String.format(Locale.ROOT, "%02d:00", f.hourOfDay()) + " caller's time";
      case CALLS_24H -> times("caller called", f.calls24h(), "in 24 h");
      case CALLS_30D -> times("caller called", f.calls30d(), "in 30 days");
      case CONVERSIONS_24H -> times("caller converted", f.conversions24h(), "in 24 h");
      case CONVERSIONS_30D -> times("caller converted", f.conversions30d(), "in 30 days");
      case GEO -> geo(f);
      case STIR ->
          f.stir() == StirVerstat.ABSENT
              ? "no SHAKEN/STIR verification came with the call"
              : "SHAKEN/STIR " + f.stir().wire();
      case CALLER_ID -> "caller id is " + f.callerId().shown();
      case IVR_SECONDS -> f.ivrSeconds() + " s in the IVR";
      case PREFIX ->
          f.prefixNeighbours()
              + " other numbers with the caller's prefix from this publisher in the last hour";
      default -> group;
    };
  }

  static String geo(ScoreFeatures f) {
    return switch (f.geo()) {
      case MATCH ->
          "area code " + f.areaCode() + " and zip " + f.zip() + " both in " + f.zipState();
      case MISMATCH ->
          "area code "
              + f.areaCode()
              + " is in "
              + f.areaCodeState()
              + " but zip "
              + f.zip()
              + " is in "
              + f.zipState();
      case NO_ZIP -> "no zip to check the area code against";
      case NO_AREA_STATE -> "the caller id places the caller in no US state";
    };
  }

  private static String times(String who, int n, String when) {
    if (n == 0) {
      return (who.endsWith("called") ? "no earlier call" : "no conversion")
          + " from this caller "
          + when;
    }
    return who + " " + (n == 0 ? "no" : String.valueOf(n)) + (n == 1 ? " time " : " times ") + when;
  }

  /** The lower edge of the bucket {@code n} falls in, shown as e.g. {@code 4+} for the last one. */
  static String bucket(int n, int[] edges) {
    for (int i = edges.length - 1; i >= 0; i--) {
      if (n >= edges[i]) {
        return i == edges.length - 1 ? edges[i] + "+" : String.valueOf(edges[i]);
      }
    }
    return String.valueOf(edges[0]);
  }

  static boolean categorical(String answer) {
    if (answer == null || answer.isBlank()) {
      return false;
    }
    String a = answer.strip();
    boolean digits = a.chars().allMatch(Character::isDigit);
    return digits ? a.length() <= 3 : a.length() <= 24;
  }

  private static String valueOf(Map<String, String> m, String cleanedKey) {
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (clean(e.getKey()).equals(cleanedKey)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String clean(String key) {
    return key.replace('=', '_');
  }
}
