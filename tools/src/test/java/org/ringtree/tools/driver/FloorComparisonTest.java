package org.ringtree.tools.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The load generator's comparison of the incoming webhook with the platform's benchmark floor. */
class FloorComparisonTest {

  @Test
  void reportsTheWebhookAsMultiplesOfTheFloor() {
    LoadGenerator.Result webhook =
        new LoadGenerator.Result(
            300, 4, 4, 0, 300, new long[] {2_000_000, 2_000_000, 3_000_000, 9_000_000});
    LoadGenerator.Result bare =
        new LoadGenerator.Result(
            300, 4, 4, 0, 300, new long[] {1_000_000, 1_000_000, 1_000_000, 3_000_000});
    Map<Double, Double> webhookServer = new TreeMap<>(Map.of(0.002, 50.0, 0.008, 100.0));
    Map<Double, Double> floorServer = new TreeMap<>(Map.of(0.001, 60.0, 0.002, 100.0));

    String line = LoadGenerator.ratios(webhook, bare, webhookServer, floorServer);

    assertThat(line)
        .contains("client p50 2.00×, p99 3.00×")
        .contains("server-side p50 2.00×, p99 4.00×");
  }
}
