package org.ringtree.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call waits for a starting platform's readiness probe, as Spring Boot answers it. */
class PlatformReadinessTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void waitsWhileThePlatformIsOutOfServiceAndGoesOnWhenItIsUp() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    String url =
        serve(
            () ->
                asked.incrementAndGet() < 3
                    ? new Answer(503, "{\"status\":\"OUT_OF_SERVICE\"}")
                    : new Answer(200, "{\"status\":\"UP\"}"));
    List<String> told = new ArrayList<>();

    PlatformReadiness.State state =
        new PlatformReadiness(url, Duration.ofMillis(10)).await(Duration.ofSeconds(30), told::add);

    assertThat(state.ready()).isTrue();
    assertThat(asked).hasValue(3);
    assertThat(told)
        .containsExactly(
            "Waiting for the platform at " + url + " to be ready (readiness OUT_OF_SERVICE)...");
  }

  @Test
  void aReadyPlatformIsCalledAtOnceWithoutAWord() throws Exception {
    String url = serve(() -> new Answer(200, "{\"status\":\"UP\"}"));
    List<String> told = new ArrayList<>();

    assertThat(new PlatformReadiness(url, Duration.ofMillis(10)).await(Duration.ZERO, told::add))
        .isEqualTo(new PlatformReadiness.State(true, "ready"));
    assertThat(told).isEmpty();
  }

  @Test
  void givesUpAfterItsPatienceSayingWhatTheProbeLastSaid() throws Exception {
    String url = serve(() -> new Answer(503, "{\"status\":\"OUT_OF_SERVICE\"}"));

    PlatformReadiness.State state =
        new PlatformReadiness(url, Duration.ofMillis(10)).await(Duration.ofMillis(50), s -> {});

    assertThat(state).isEqualTo(new PlatformReadiness.State(false, "readiness OUT_OF_SERVICE"));
  }

  @Test
  void aPlatformNotListeningYetIsNotReady() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    PlatformReadiness.State state =
        new PlatformReadiness("http://127.0.0.1:" + port, Duration.ofMillis(10)).ask();

    assertThat(state).isEqualTo(new PlatformReadiness.State(false, "not answering yet"));
  }

  @Test
  void aPlatformWithoutTheProbeIsTakenAsReady() throws Exception {
    String url = serve(() -> new Answer(404, "{\"error\":\"Not Found\"}"));

    assertThat(new PlatformReadiness(url, Duration.ofMillis(10)).ask().ready()).isTrue();
  }

  private record Answer(int status, String body) {}

  private interface Answers {
    Answer next();
  }

  private String serve(Answers answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        PlatformReadiness.PROBE,
        ex -> {
          Answer a = answers.next();
          byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(a.status(), bytes.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
