package org.ringtree.rules.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quality tests over a window of calls. Each publisher's source is compared with the rest of
 * the network (every other publisher's calls, so a bad publisher does not raise its own baseline):
 *
 * <ul>
 *   <li><b>threshold clustering</b>: the share of its calls (with a billable threshold) whose
 *       duration falls in [threshold, threshold + Δ), against the same share elsewhere; one-sided
 *       exact binomial test, H0: its share is the network's, flagged when P(X ≥ hits) &lt; α;
 *   <li><b>repeat callers</b>: the share of its calls whose caller called the network within the
 *       repeat window before; same test;
 *   <li><b>low conversion</b>: its conversions against the rate its campaigns convert at elsewhere
 *       (weighted by its calls per campaign); one-sided exact binomial test of the lower tail,
 *       flagged when P(X ≤ conversions) &lt; α.
 * </ul>
 *
 * A source with fewer than the minimum calls is not judged.
 */
public final class PublisherQuality {

  private PublisherQuality() {}

  private static final class Counts {
    int calls;
    int timed;
    int cluster;
    int repeats;
    int conversions;
    final Map<String, int[]> byCampaign = new HashMap<>(); // campaign -> {calls, conversions}

    void add(QualityCall c, boolean inCluster, boolean repeat) {
      calls++;
      if (c.billableSeconds() > 0) {
        timed++;
        cluster += inCluster ? 1 : 0;
      }
      repeats += repeat ? 1 : 0;
      conversions += c.converted() ? 1 : 0;
      int[] cc = byCampaign.computeIfAbsent(c.campaignId(), k -> new int[2]);
      cc[0]++;
      cc[1] += c.converted() ? 1 : 0;
    }
  }

  /** The flags the tests raise over these calls, by publisher, source and test. */
  public static List<QualityFlag> assess(List<QualityCall> calls, QualitySettings s) {
    List<QualityCall> ordered = new ArrayList<>(calls);
    ordered.sort(Comparator.comparing(QualityCall::at));
    Counts network = new Counts();
    Map<String, Counts> byPublisher = new HashMap<>();
    Map<List<String>, Counts> bySource = new TreeMap<>(PublisherQuality::compareKeys);
    Map<String, Instant> lastCall = new HashMap<>();
    for (QualityCall c : ordered) {
      Instant before = c.caller() == null ? null : lastCall.put(c.caller(), c.at());
      boolean repeat = before != null && !before.isBefore(c.at().minus(s.repeatWindow()));
      int t = c.billableSeconds();
      boolean inCluster =
          t > 0 && c.durationSeconds() >= t && c.durationSeconds() < t + s.clusterSeconds();
      network.add(c, inCluster, repeat);
      byPublisher.computeIfAbsent(c.publisherId(), k -> new Counts()).add(c, inCluster, repeat);
      bySource
          .computeIfAbsent(List.of(c.publisherId(), c.source()), k -> new Counts())
          .add(c, inCluster, repeat);
    }
    List<QualityFlag> flags = new ArrayList<>();
    for (Map.Entry<List<String>, Counts> e : bySource.entrySet()) {
      String publisher = e.getKey().get(0);
      String source = e.getKey().get(1);
      Counts g = e.getValue();
      if (g.calls < s.minimumCalls()) {
        continue;
      }
      Counts pub = byPublisher.get(publisher);
      int restTimed = network.timed - pub.timed;
      int restCluster = network.cluster - pub.cluster;
      if (g.timed >= s.minimumCalls() && restTimed > 0) {
        double p0 = (double) restCluster / restTimed;
        double pv = Binomial.upperTail(g.cluster, g.timed, p0);
        if (pv < s.alpha() && g.cluster > p0 * g.timed) {
          flags.add(
              new QualityFlag(
                  publisher,
                  source,
                  QualityFlag.Kind.THRESHOLD_CLUSTERING,
                  g.cluster,
                  g.timed,
                  restCluster,
                  restTimed,
                  p0,
                  pv,
                  String.format(
                      Locale.ROOT,
                      "%d of %d calls (%.1f %%) ended within %d s past the billable threshold;"
                          + " the rest of the network: %d of %d (%.1f %%); one-sided binomial"
                          + " p %s",
                      g.cluster,
                      g.timed,
                      100.0 * g.cluster / g.timed,
                      s.clusterSeconds(),
                      restCluster,
                      restTimed,
                      100 * p0,
                      shown(pv))));
        }
      }
      int restCalls = network.calls - pub.calls;
      int restRepeats = network.repeats - pub.repeats;
      if (restCalls > 0) {
        double p0 = (double) restRepeats / restCalls;
        double pv = Binomial.upperTail(g.repeats, g.calls, p0);
        if (pv < s.alpha() && g.repeats > p0 * g.calls) {
          flags.add(
              new QualityFlag(
                  publisher,
                  source,
                  QualityFlag.Kind.REPEAT_CALLERS,
                  g.repeats,
                  g.calls,
                  restRepeats,
                  restCalls,
                  p0,
                  pv,
                  String.format(
                      Locale.ROOT,
                      "%d of %d calls (%.1f %%) came from a caller who had called within %s;"
                          + " the rest of the network: %d of %d (%.1f %%); one-sided binomial"
                          + " p %s",
                      g.repeats,
                      g.calls,
                      100.0 * g.repeats / g.calls,
                      s.repeatWindow().toHours() + " h",
                      restRepeats,
                      restCalls,
                      100 * p0,
                      shown(pv))));
        }
      }
      // expected conversions: each campaign's rate among the other publishers' calls
      double expected = 0;
      int judged = 0;
      int judgedConversions = 0;
      for (Map.Entry<String, int[]> c : g.byCampaign.entrySet()) {
        int[] all = network.byCampaign.get(c.getKey());
        int[] own = pub.byCampaign.get(c.getKey());
        int restN = all[0] - own[0];
        if (restN == 0) {
          continue;
        }
        double rate = (double) (all[1] - own[1]) / restN;
        expected += rate * c.getValue()[0];
        judged += c.getValue()[0];
        judgedConversions += c.getValue()[1];
      }
      if (judged >= s.minimumCalls()) {
        double p0 = expected / judged;
        double pv = Binomial.lowerTail(judgedConversions, judged, p0);
        if (pv < s.alpha() && judgedConversions < expected) {
          flags.add(
              new QualityFlag(
                  publisher,
                  source,
                  QualityFlag.Kind.LOW_CONVERSION,
                  judgedConversions,
                  judged,
                  0,
                  0,
                  p0,
                  pv,
                  String.format(
                      Locale.ROOT,
                      "%d of %d calls converted (%.1f %%); its campaigns convert %.1f %% of the"
                          + " other publishers' calls (%.1f expected); one-sided binomial p %s",
                      judgedConversions,
                      judged,
                      100.0 * judgedConversions / judged,
                      100 * p0,
                      expected,
                      shown(pv))));
        }
      }
    }
    return flags;
  }

  /** A p-value as the evidence shows it; below what a double holds it is "< 1e-300". */
  static String shown(double p) {
    return p < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "= %.2g", p);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }
}
