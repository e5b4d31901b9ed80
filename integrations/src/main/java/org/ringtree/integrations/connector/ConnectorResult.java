package org.ringtree.integrations.connector;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a connector call gave: the tags to set, or why there are none. A failure is data for the
 * flow's error port and the call trace, never an exception.
 */
public record ConnectorResult(
    String connector,
    boolean succeeded,
    Map<String, String> tags,
    String failure,
    Duration latency) {

  public ConnectorResult {
    Objects.requireNonNull(connector, "connector");
    tags =
        tags == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    if (succeeded == (failure != null)) {
      throw new IllegalArgumentException("a result either succeeds or has a failure reason");
    }
  }

  public static ConnectorResult ok(String connector, Map<String, String> tags, Duration latency) {
    return new ConnectorResult(connector, true, tags, null, latency);
  }

  public static ConnectorResult failed(String connector, String failure, Duration latency) {
    return new ConnectorResult(connector, false, Map.of(), failure, latency);
  }
}
