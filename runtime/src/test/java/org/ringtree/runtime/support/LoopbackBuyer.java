package org.ringtree.runtime.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;

/**
 * An RTB buyer on loopback for tests of the running platform: each path answers with JSON computed
 * from the request (an answer may sleep to play a slow buyer), and every request is kept as it
 * arrived. {@link #standIn} makes it the demo network's {@code slowpoke-rtb} target, with the demo
 * flow published again so its route node sees the change; {@link #close} puts the target back.
 */
public final class LoopbackBuyer implements AutoCloseable {

  /** A request as the buyer received it. */
  public record Received(String method, String path, String query, String body) {}

  /** The demo target a loopback buyer stands in for. */
  public static final String DEMO_TARGET = "slowpoke-rtb";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private DirectoryStore directory;
  private FlowStore flows;
  private Target original;

  private LoopbackBuyer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.start();
  }

  public static LoopbackBuyer start() {
    try {
      return new LoopbackBuyer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests to {@code path} with the JSON {@code answer} returns, status 200. */
  public LoopbackBuyer answer(String path, Function<Received, String> answer) {
    server.createContext(
        path,
        ex -> {
          Received r =
              new Received(
                  ex.getRequestMethod(),
                  ex.getRequestURI().getPath(),
                  ex.getRequestURI().getRawQuery(),
                  new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          received.add(r);
          reply(ex, answer.apply(r));
        });
    return this;
  }

  /** The full URL of {@code path} on this buyer. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The requests received on {@code path}, in order. */
  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The bodies received on {@code path}, in order. */
  public List<String> bodies(String path) {
    return received(path).stream().map(Received::body).toList();
  }

  /** An accepted bid in Ringtree's answer shape. */
  public static String acceptedBid(String bidId, String amount) {
    return "{\"accepted\":true,\"bidId\":\""
        + bidId
        + "\",\"amount\":\""
        + amount
        + "\",\"destination\":\"+15125550133\"}";
  }

  /** Sleeps {@code millis} inside an answer, as a slow buyer would. */
  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Makes this buyer the demo's {@link #DEMO_TARGET}: {@code asTarget} builds the target to save
   * from the demo's own; the demo flow is published again; {@link #close} restores both.
   */
  public LoopbackBuyer standIn(
      DirectoryStore directory, FlowStore flows, Function<Target, Target> asTarget) {
    this.directory = directory;
    this.flows = flows;
    this.original = directory.snapshot(Set.of()).target(DEMO_TARGET).orElseThrow();
    directory.save(asTarget.apply(original));
    publishDemoFlow(directory, flows);
    return this;
  }

  /** The demo target {@code t} with this buyer's {@code path} as its RTB endpoint. */
  public static Target withEndpoint(Target t, Destination.RtbEndpoint endpoint, String name) {
    return new Target(
        t.id(),
        name == null ? t.name() : name,
        t.buyerId(),
        endpoint,
        null,
        1,
        1,
        null,
        null,
        List.of(),
        null,
        null,
        true);
  }

  /** The demo flow again, so that its route node sees the targets as saved now. */
  public static void publishDemoFlow(DirectoryStore directory, FlowStore flows) {
    try (var in = LoopbackBuyer.class.getResourceAsStream("/demo/legal-ring-tree.json")) {
      FlowDocument doc =
          FlowJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .document()
              .orElseThrow();
      FlowStore.StoredVersion v =
          flows.saveVersion(doc, directory.snapshot(Set.of("do-not-call")), "test");
      flows.makeLive(v.flowId(), v.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (original != null) {
      directory.save(original);
      publishDemoFlow(directory, flows);
      original = null;
    }
    server.stop(0);
    threads.shutdownNow();
  }

  private static void reply(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
