package org.ringtree.rules.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the rules may look at about a call: who calls, which campaign and publisher it came
 * through, its tags and IVR answers so far, when it arrived, and the caller's earlier calls (the
 * runtime loads those within the longest window any rule needs). {@code score} is the call's
 * quality score once the runtime has scored it (null before, and in the simulator).
 */
public record CallFacts(
    String callId,
    String campaignId,
    String publisherId,
    String trackingNumber,
    Caller caller,
    Map<String, String> tags,
    Map<String, String> answers,
    Instant arrivedAt,
    List<PriorCall> history,
    @JsonInclude(JsonInclude.Include.NON_NULL) CallScore score) {

  /** A call not scored (yet). */
  public CallFacts(
      String callId,
      String campaignId,
      String publisherId,
      String trackingNumber,
      Caller caller,
      Map<String, String> tags,
      Map<String, String> answers,
      Instant arrivedAt,
      List<PriorCall> history) {
    this(
        callId,
        campaignId,
        publisherId,
        trackingNumber,
        caller,
        tags,
        answers,
        arrivedAt,
        history,
        null);
  }

  public CallFacts {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(arrivedAt, "arrivedAt");
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    answers =
        answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(answers));
    history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * A call arriving on a tracking number: its campaign, publisher and source tags come from the
   * number; no IVR answers yet.
   */
  public static CallFacts arriving(
      String callId,
      org.ringtree.rules.directory.TrackingNumber number,
      Caller caller,
      Instant arrivedAt,
      List<PriorCall> history) {
    return new CallFacts(
        callId,
        number.campaignId(),
        number.publisherId(),
        number.e164(),
        caller,
        number.sourceTags(),
        Map.of(),
        arrivedAt,
        history);
  }

  public CallFacts withCaller(Caller c) {
    return new CallFacts(
        callId,
        campaignId,
        publisherId,
        trackingNumber,
        c,
        tags,
        answers,
        arrivedAt,
        history,
        score);
  }

  public CallFacts withTagsAndAnswers(Map<String, String> t, Map<String, String> a) {
    return new CallFacts(
        callId, campaignId, publisherId, trackingNumber, caller, t, a, arrivedAt, history, score);
  }

  public CallFacts withScore(CallScore s) {
    return new CallFacts(
        callId,
        campaignId,
        publisherId,
        trackingNumber,
        caller,
        tags,
        answers,
        arrivedAt,
        history,
        s);
  }
}
