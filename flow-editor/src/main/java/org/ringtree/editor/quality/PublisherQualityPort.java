package org.ringtree.editor.quality;

import java.time.Instant;
import java.util.List;

/**
 * Publisher quality as /api/quality serves it. Refusals are thrown as {@link
 * PublisherQualityProblem} in the API's words; changes are made in the signed-in user's name.
 */
public interface PublisherQualityPort {

  /** The score bands' names, in the order of {@link Bands#counts()}. */
  List<String> BANDS = List.of("0-19", "20-39", "40-59", "60-79", "80-100");

  /**
   * An open or acknowledged flag: which publisher, source and test, the evidence sentence and its
   * figures (hits of calls against the rest of the network's), the one-sided p-value.
   */
  record Flag(
      long id,
      String publisherId,
      String source,
      String kind,
      String state,
      String evidence,
      int hits,
      int calls,
      int baselineHits,
      int baselineCalls,
      double baselineRate,
      double pValue,
      Instant raisedAt,
      String decidedBy,
      String reason) {}

  /** A publisher's scored calls in the run's window by band, and the median score. */
  record Bands(String publisherId, int calls, List<Integer> counts, int median) {

    public Bands {
      counts = List.copyOf(counts);
    }
  }

  /** The newest run: its window, what started it, and its counts. */
  record Run(
      long id,
      Instant startedAt,
      Instant windowFrom,
      Instant windowTo,
      String requestedBy,
      int calls,
      int flags,
      int newFlags,
      List<Bands> bands) {

    public Run {
      bands = List.copyOf(bands);
    }
  }

  /** A pause in force: the numbers it took out of service. */
  record Pause(String publisherId, int numbers, String pausedBy, Instant pausedAt) {}

  /** The newest run, or null before the first. */
  Run latestRun();

  List<Flag> openFlags();

  List<Pause> pauses();

  /** Runs the tests now over the default window. */
  Run runNow();

  Flag acknowledge(long flagId, String reason);

  Flag dismiss(long flagId, String reason);

  /** How many of the publisher's numbers are in service: what a pause would take out. */
  int numbersInService(String publisherId);

  /** Pauses the publisher's numbers in service; how many were paused. */
  int pause(String publisherId);

  /** Puts back the numbers the pause took; how many. */
  int resume(String publisherId);

  String alertUrl();

  /** Saves the alert URL (blank: none); refused with the guard's words. */
  String saveAlertUrl(String url);
}
