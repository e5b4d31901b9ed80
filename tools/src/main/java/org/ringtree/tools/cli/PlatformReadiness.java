package org.ringtree.tools.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Waits until the platform says it takes calls. A platform just started answers HTTP before its
 * start-up work (the demo network's seeding, the flow's first compile) is done, and a call placed
 * in that window hears "not in service"; Spring Boot's readiness probe turns UP only after that
 * work, so the call waits for it.
 */
final class PlatformReadiness {

  static final String PROBE = "/actuator/health/readiness";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String baseUrl;
  private final Duration pollEvery;

  PlatformReadiness(String baseUrl, Duration pollEvery) {
    this.baseUrl = baseUrl;
    this.pollEvery = pollEvery;
  }

  /** What the probe last said; {@code ready} also when the platform has no probe to ask. */
  record State(boolean ready, String said) {}

  /**
   * Polls until ready or {@code patience} has passed. {@code waiting} hears once, on the first
   * answer that is not ready, so a ready platform prints nothing.
   */
  State await(Duration patience, Consumer<String> waiting) throws InterruptedException {
    Instant giveUp = Instant.now().plus(patience);
    boolean told = false;
    while (true) {
      State state = ask();
      if (state.ready() || !Instant.now().isBefore(giveUp)) {
        return state;
      }
      if (!told) {
        waiting.accept(
            "Waiting for the platform at " + baseUrl + " to be ready (" + state.said() + ")...");
        told = true;
      }
      Thread.sleep(pollEvery.toMillis());
    }
  }

  State ask() throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + PROBE))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        // a platform without the probe (actuator off): nothing to wait for
        return new State(true, "no readiness probe");
      }
      boolean up = response.statusCode() == 200 && response.body().contains("\"UP\"");
      return new State(up, up ? "ready" : "readiness " + status(response));
    } catch (IOException e) {
      return new State(false, "not answering yet");
    }
  }

  private static String status(HttpResponse<String> response) {
    String body = response.body();
    int at = body.indexOf("\"status\":\"");
    if (at < 0) {
      return "HTTP " + response.statusCode();
    }
    int from = at + "\"status\":\"".length();
    int to = body.indexOf('"', from);
    return to < 0 ? "HTTP " + response.statusCode() : body.substring(from, to);
  }
}
