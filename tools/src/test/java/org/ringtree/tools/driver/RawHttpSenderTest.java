package org.ringtree.tools.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's sender against a real HTTP server on loopback. */
class RawHttpSenderTest {

  private HttpServer server;
  private URI base;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> signatures = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // fixed length, chunked (length 0 asks the JDK server for chunks), an error status
    server.createContext("/fixed", ex -> answer(ex, 200, "<Response/>".getBytes(), false));
    server.createContext("/chunked", ex -> answer(ex, 200, "x".repeat(10_000).getBytes(), true));
    server.createContext("/missing", ex -> answer(ex, 404, "no".getBytes(), false));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(
      com.sun.net.httpserver.HttpExchange ex, int status, byte[] body, boolean chunk)
      throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    signatures.add(ex.getRequestHeaders().getFirst("X-Twilio-Signature"));
    ex.sendResponseHeaders(status, chunk ? 0 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void sendsWholeRequestsAndReadsEachResponseWhateverItsFraming() throws Exception {
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    int perPath = 50;
    CountDownLatch done = new CountDownLatch(3 * perPath);
    try (RawHttpSender sender = new RawHttpSender(base, 4)) {
      for (int i = 0; i < perPath; i++) {
        for (String path : List.of("/fixed", "/chunked", "/missing")) {
          byte[] request =
              RawHttpSender.formPost(
                  base, path, "CallSid=CA" + i + "&To=%2B1888", Map.of("X-Twilio-Signature", "s"));
          sender.send(
              request,
              (status, failure) -> {
                statuses.add(failure == null ? status : -1);
                done.countDown();
              });
        }
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }

    // connections are kept: responses must be read to their exact end or the next one breaks
    assertThat(statuses).hasSize(150).doesNotContain(-1);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(100);
    assertThat(statuses.stream().filter(s -> s == 404)).hasSize(50);
    assertThat(bodies).contains("CallSid=CA0&To=%2B1888", "CallSid=CA49&To=%2B1888");
    assertThat(signatures).containsOnly("s");
  }

  @Test
  void aRefusedConnectionIsReportedAsAFailureNotLost() throws Exception {
    server.stop(0);
    CountDownLatch done = new CountDownLatch(1);
    Exception[] failure = new Exception[1];
    try (RawHttpSender sender = new RawHttpSender(base, 1)) {
      sender.send(
          RawHttpSender.formPost(base, "/fixed", "a=b", Map.of()),
          (status, f) -> {
            failure[0] = f;
            done.countDown();
          });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(failure[0]).isInstanceOf(IOException.class);
  }
}
