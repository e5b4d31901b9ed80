package org.ringtree.integrations.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a loopback port: a buyer, a CRM or a postback receiver in tests. */
public final class LoopbackServer implements AutoCloseable {

  /** What one request gets back. */
  public record Reply(int status, String body, long delayMillis) {
    public static Reply json(String body) {
      return new Reply(200, body, 0);
    }

    public Reply after(long millis) {
      return new Reply(status, body, millis);
    }
  }

  /** What the server saw. */
  public record Request(
      String method, String uri, String body, String contentType, Map<String, String> headers) {
    public Request(String method, String uri, String body, String contentType) {
      this(method, uri, body, contentType, Map.of());
    }

    /** A request header by name, any case; null when absent. */
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Chooses the reply to the n-th request (0-based). */
  @FunctionalInterface
  public interface Script {
    Reply reply(int n, Request request);
  }

  static {
    // Like any production HTTP server, answer without Nagle's algorithm: otherwise the JDK server's
    // separate header and body writes meet the client's delayed ACK and every reply waits ~40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final List<Long> handlingNanos = new CopyOnWriteArrayList<>();

  private LoopbackServer(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/", exchange -> handle(exchange, script));
    server.setExecutor(pool);
    server.start();
  }

  public static LoopbackServer start(Script script) {
    try {
      return new LoopbackServer(script);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LoopbackServer always(Reply reply) {
    return start((n, r) -> reply);
  }

  private void handle(HttpExchange exchange, Script script) throws IOException {
    long t0 = System.nanoTime();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            body,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            firstValues(exchange));
    requests.add(request);
    Reply reply = script.reply(count.getAndIncrement(), request);
    try {
      if (reply.delayMillis() > 0) {
        Thread.sleep(reply.delayMillis());
      }
      byte[] bytes =
          reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      // Recorded before the reply goes out, so a client that has the reply also sees the time.
      handlingNanos.add(System.nanoTime() - t0);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (timeout): nothing to answer
    } finally {
      exchange.close();
    }
  }

  private static Map<String, String> firstValues(HttpExchange exchange) {
    Map<String, String> h = new java.util.TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0));
              }
            });
    return h;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Request> requests() {
    return requests;
  }

  /** Server-side time from receiving each request to starting its reply, in nanoseconds. */
  public List<Long> handlingNanos() {
    return handlingNanos;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
