package org.ringtree.tools.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServerLatencyTest {

  @Test
  void percentilesComeFromTheBucketsFilledBetweenTwoSnapshots() {
    // cumulative counts per upper bound (seconds); 100 requests before the step
    Map<Double, Double> before = new TreeMap<>(Map.of(0.002, 50.0, 0.005, 90.0, 0.05, 100.0));
    // during the step: 100 more, 60 under 2 ms, 36 between 2 and 5 ms, 4 between 5 and 50 ms
    Map<Double, Double> after = new TreeMap<>(Map.of(0.002, 110.0, 0.005, 186.0, 0.05, 200.0));

    String line = ServerLatency.percentiles(before, after);

    assertThat(line)
        .contains("p50 ≤ 2.00 ms")
        .contains("p95 ≤ 5.00 ms")
        .contains("p99 ≤ 50.00 ms")
        .contains("(100 requests)");
  }

  @Test
  void saysSoWhenThePlatformPublishesNoHistogram() {
    assertThat(ServerLatency.percentiles(Map.of(), Map.of())).contains("no http.server.requests");
  }
}
