package org.ringtree.rules.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.VersionKey;

/**
 * Where a call is in its flow, between webhooks. Plain data: the runtime stores it as JSON ({@link
 * org.ringtree.rules.json.RingtreeJson}) and hands it back with the next input. {@code facts}
 * carries the tags and IVR answers gathered so far; {@code attempts} counts retries per
 * menu/collect node and loops per go-to node. The version key keeps its JSON name {@code versionId}
 * so the states of calls already stored still read.
 */
public record CallState(
    @JsonProperty("versionId") VersionKey versionKey,
    String nodeId,
    Waiting waiting,
    CallFacts facts,
    Map<String, Integer> attempts,
    int steps) {

  /** What the call waits for at {@code nodeId}. */
  public enum Waiting {
    /** Digits or speech for a menu or collect node. */
    INPUT,
    /** The outcome of routing (connected, or all candidates failed). */
    ROUTE,
    /** The reply of a connector. */
    CONNECTOR,
    /** The end of a voicemail recording. */
    RECORDING,
    /** Nothing: the call is over. */
    DONE
  }

  public CallState {
    Objects.requireNonNull(versionKey, "versionKey");
    Objects.requireNonNull(waiting, "waiting");
    Objects.requireNonNull(facts, "facts");
    attempts =
        attempts == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(attempts));
  }
}
