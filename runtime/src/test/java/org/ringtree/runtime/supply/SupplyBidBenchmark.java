package org.ringtree.runtime.supply;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bid endpoint under an open-loop load of 200 pings a second (docs/benchmarks.md, "Bid
 * endpoint"): each ping runs the campaign's route node with 10 RTB buyers answering over loopback
 * HTTP, holds capacity, lends a pool number and stores the bid. Latency is measured at the
 * publisher's client, from sending the ping to having the whole answer. Run with
 * -Dsupply.bench=true (-Dsupply.bench.rate, -Dsupply.bench.seconds).
 */
@EnabledIfSystemProperty(named = "supply.bench", matches = "true")
class SupplyBidBenchmark extends RunningPlatformTest {

  static {
    // the buyers' server answers without Nagle's algorithm, as production servers do; otherwise
    // every reply waits ~40 ms for the client's delayed ACK (docs/benchmarks.md, "RTB auction")
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int BUYERS = 10;

  @Autowired FlowEditingPort editing;
  @Autowired DirectoryStore directory;
  @Autowired SupplyBidStore store;

  @DynamicPropertySource
  static void ownPlatform(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
    registry.add("ringtree.rtb.supply.pings-per-second", () -> "100000");
    registry.add("ringtree.rtb.supply.ping-burst", () -> "100000");
  }

  @Test
  void bidEndpointLatencyAt200PingsASecond() throws Exception {
    int rate = Integer.getInteger("supply.bench.rate", 200);
    int seconds = Integer.getInteger("supply.bench.seconds", 20);
    int warmup = Integer.getInteger("supply.bench.warmup", 5);
    HttpServer buyers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    buyers.setExecutor(Executors.newFixedThreadPool(32));
    for (int i = 0; i < BUYERS; i++) {
      byte[] answer =
          ("{\"accepted\": true, \"amount\": \""
                  + (240 + i) // above the demo campaign's floor (220.00: its payout 200.00 plus
                  // margin)
                  + ".00\", \"destination\": \"+1512555030"
                  + i
                  + "\", \"expiresInSeconds\": 60}")
              .getBytes(StandardCharsets.UTF_8);
      buyers.createContext(
          "/b" + i,
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
          });
    }
    buyers.start();
    String base = "http://127.0.0.1:" + buyers.getAddress().getPort();
    List<String> targetIds = new ArrayList<>();
    for (int i = 0; i < BUYERS; i++) {
      directory.save(new Buyer("bench-b" + i, "Bench buyer " + i, Caps.NONE));
      directory.save(
          new Target(
              "bench-t" + i,
              "Bench target " + i,
              "bench-b" + i,
              new Destination.RtbEndpoint(
                  base + "/b" + i, 1000, BidResponseFormat.RINGTREE, Map.of()),
              null,
              1,
              1,
              null,
              null,
              List.of(),
              null,
              null,
              true));
      targetIds.add("bench-t" + i);
    }
    // enough pool numbers for every bid alive at once: rate x bid life (5 s), with room
    int pool = rate * 5 * 2;
    for (int i = 0; i < pool; i++) {
      String number = String.format(Locale.ROOT, "+1888700%04d", i);
      directory.save(new TrackingNumber(number, "pi-accidents", "sunrise-media", Map.of()));
      store.addPoolNumber(number);
    }
    String flowId =
        editing.flows().stream()
            .filter(f -> f.campaignId().equals("pi-accidents"))
            .findFirst()
            .orElseThrow()
            .flowId();
    FlowDocument flow =
        new FlowDocument(
            1,
            flowId,
            "Bench",
            "pi-accidents",
            List.of(
                new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()),
                new FlowNode(
                    "ring",
                    NodeKind.ROUTE,
                    new Position(0, 130),
                    Map.of(
                        "targets", targetIds,
                        "method", "ringTree",
                        "pingDeadlineMillis", 1000,
                        "dialTimeoutSeconds", 20,
                        "maxAttempts", 3)),
                new FlowNode("bye", NodeKind.HANGUP, new Position(0, 260), Map.of())),
            List.of(
                new FlowEdge("start", "next", "ring"), new FlowEdge("ring", "fallback", "bye")));
    if (!editing.publish(flow, "bench").published()) {
      throw new IllegalStateException("bench flow not published");
    }
    Api operator = Api.signedIn(baseUrl, "operator", "ringtree-operator-demo");
    operator.put(
        "/api/directory/rtb-supply/campaigns/pi-accidents",
        Map.of("marginPercent", 10, "bidTtlSeconds", 5));
    String key =
        Api.signedIn(baseUrl, "publisher", "ringtree-publisher-demo")
            .post("/api/users/me/api-keys", Map.of("name", "bench"))
            .json()
            .get("key")
            .asText();

    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
    ConcurrentLinkedQueue<long[]> results = new ConcurrentLinkedQueue<>(); // {nanos, status, bid}
    AtomicInteger seq = new AtomicInteger();
    List<CompletableFuture<?>> sent = new ArrayList<>();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    java.util.concurrent.atomic.AtomicReference<String> firstRefusal =
        new java.util.concurrent.atomic.AtomicReference<>();
    int total = rate * (warmup + seconds);
    for (int n = 0; n < total; n++) {
      long due = start + n * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      boolean counted = n >= rate * warmup;
      String caller = String.format(Locale.ROOT, "+1310%07d", seq.incrementAndGet());
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(baseUrl + "/rtb/v1/bid/pi-accidents"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"callerNumber\": \"" + caller + "\", \"state\": \"CA\"}"))
              .build();
      long t0 = System.nanoTime();
      sent.add(
          client
              .sendAsync(ping, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (r, e) -> {
                    if (r != null && !r.body().contains("\"accepted\":true")) {
                      firstRefusal.compareAndSet(null, r.statusCode() + " " + r.body());
                    }
                    if (counted) {
                      results.add(
                          new long[] {
                            System.nanoTime() - t0,
                            r == null ? -1 : r.statusCode(),
                            r != null && r.body().contains("\"accepted\":true") ? 1 : 0
                          });
                    }
                  }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    buyers.stop(0);
    long[] nanos = results.stream().mapToLong(r -> r[0]).sorted().toArray();
    long bids = results.stream().filter(r -> r[2] == 1).count();
    long errors = results.stream().filter(r -> r[1] != 200).count();
    String load = Files.readString(Path.of("/proc/loadavg")).strip();
    System.out.printf(
        Locale.ROOT,
        "SUPPLY %d pings/s for %d s (+%d s warm-up, %.1f s in all), %d buyers on loopback: %d"
            + " measured, %d bids, %d non-200; latency p50 %.1f ms p90 %.1f ms p99 %.1f ms max"
            + " %.1f ms; loadavg %s%n",
        rate,
        seconds,
        warmup,
        elapsed,
        BUYERS,
        nanos.length,
        bids,
        errors,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.90)] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        load);
    if (firstRefusal.get() != null) {
      System.out.println("SUPPLY first answer without a bid: " + firstRefusal.get());
    }
  }
}
