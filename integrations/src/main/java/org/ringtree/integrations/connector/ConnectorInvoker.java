package org.ringtree.integrations.connector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.ringtree.rules.json.RingtreeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a connector route with the call's tags and answers and returns the tags it produced, within
 * a timeout. Whatever the route does — throws, hangs, returns something odd, or does not exist —
 * the caller gets a {@link ConnectorResult}, never an exception. Thread-safe.
 */
public final class ConnectorInvoker implements AutoCloseable {

  /** Header carrying the connector name into the route, for logging. */
  public static final String CONNECTOR_HEADER = "RingtreeConnector";

  private static final Logger log = LoggerFactory.getLogger(ConnectorInvoker.class);
  private static final int MAX_VALUE_CHARS = 4096;

  private final CamelContext camel;
  private final ProducerTemplate template;

  /** Connector calls running at once on this node; past it a call fails without running. */
  static final int MAX_CALLS_IN_FLIGHT = 128;

  private static final java.util.concurrent.atomic.AtomicInteger THREADS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final ExecutorService executor;
  private final ObjectMapper mapper = RingtreeJson.mapper();

  public ConnectorInvoker(CamelContext camel) {
    this.camel = Objects.requireNonNull(camel, "camel");
    this.template = camel.createProducerTemplate();
    // bounded: connectors that hang cannot make the node start threads without end; a call that
    // finds every thread busy fails at once (the caller's flow takes its failure branch)
    this.executor =
        new java.util.concurrent.ThreadPoolExecutor(
            0,
            MAX_CALLS_IN_FLIGHT,
            60,
            TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "connector-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs connector {@code name} (or its route id {@code connector-<name>}) with {@code input} as
   * the message body (a mutable {@code Map}).
   *
   * @param timeout how long the call may wait; a route still running after it is left to finish in
   *     the background, so connectors should bound their own outbound calls too
   */
  public ConnectorResult invoke(String name, Map<String, String> input, Duration timeout) {
    if (!Connectors.isValidName(name)) {
      return ConnectorResult.failed(
          String.valueOf(name), "invalid connector name '" + name + "'", Duration.ZERO);
    }
    String routeId = Connectors.routeId(name);
    if (camel.getRoute(routeId) == null
        && name.startsWith("connector-")
        && camel.getRoute(name) != null) {
      // The flow's connector node may hold the route id itself ("connector-<name>").
      routeId = name;
    }
    if (camel.getRoute(routeId) == null) {
      return ConnectorResult.failed(
          name,
          "no connector named '" + name + "' is loaded (route " + routeId + ")",
          Duration.ZERO);
    }
    return call(name, "direct:" + routeId, input, timeout);
  }

  /**
   * As {@link #invoke}, for a {@code direct:} endpoint such as the per-node route the flow compiler
   * generates in front of a connector (it sets the node's settings and calls {@code
   * direct:connector-<name>}). The result is named after the endpoint.
   */
  public ConnectorResult invokeEndpoint(
      String directEndpointUri, Map<String, String> input, Duration timeout) {
    String name = String.valueOf(directEndpointUri);
    if (directEndpointUri == null || !directEndpointUri.startsWith("direct:")) {
      return ConnectorResult.failed(name, "not a direct: endpoint: " + name, Duration.ZERO);
    }
    String key = directKey(directEndpointUri);
    boolean consumed =
        camel.getRoutes().stream()
            .anyMatch(r -> directKey(r.getEndpoint().getEndpointUri()).equals(key));
    if (!consumed) {
      return ConnectorResult.failed(name, "no route consumes from " + name, Duration.ZERO);
    }
    return call(name, directEndpointUri, input, timeout);
  }

  /** "direct:x", "direct://x" and "direct:x?options" all name the endpoint "x". */
  private static String directKey(String uri) {
    String k = uri.startsWith("direct://") ? uri.substring(9) : uri.replaceFirst("^direct:", "");
    int q = k.indexOf('?');
    return q < 0 ? k : k.substring(0, q);
  }

  private ConnectorResult call(
      String name, String endpoint, Map<String, String> input, Duration timeout) {
    long t0 = System.nanoTime();
    Map<String, Object> body = new LinkedHashMap<>(input == null ? Map.of() : input);
    CompletableFuture<Exchange> future;
    try {
      future =
          CompletableFuture.supplyAsync(
              () ->
                  template.send(
                      endpoint,
                      ex -> {
                        ex.getIn().setHeader(CONNECTOR_HEADER, name);
                        ex.getIn().setBody(body);
                      }),
              executor);
    } catch (java.util.concurrent.RejectedExecutionException full) {
      return ConnectorResult.failed(
          name,
          "connector not called: " + MAX_CALLS_IN_FLIGHT + " connector calls already running",
          Duration.ZERO);
    }
    try {
      Exchange exchange = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      Duration latency = Duration.ofNanos(System.nanoTime() - t0);
      if (exchange.getException() != null) {
        Throwable e = exchange.getException();
        log.info("connector {} failed: {}", name, e.toString());
        return ConnectorResult.failed(name, "connector failed: " + describe(e), latency);
      }
      return output(name, exchange.getMessage().getBody(), latency);
    } catch (TimeoutException e) {
      return ConnectorResult.failed(
          name,
          "connector timed out after " + timeout.toMillis() + " ms",
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectorResult.failed(name, "interrupted", Duration.ofNanos(System.nanoTime() - t0));
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      return ConnectorResult.failed(
          name, "connector failed: " + describe(cause), Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /** A Map body, a JSON object (String or bytes), or nothing are accepted as output. */
  private ConnectorResult output(String name, Object body, Duration latency) {
    Map<?, ?> map;
    if (body == null) {
      map = Map.of();
    } else if (body instanceof Map<?, ?> m) {
      map = m;
    } else if (body instanceof String || body instanceof byte[]) {
      String text =
          body instanceof byte[] b
              ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
              : (String) body;
      if (text.isBlank()) {
        map = Map.of();
      } else {
        try {
          map = mapper.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (Exception e) {
          return ConnectorResult.failed(
              name, "connector returned text that is not a JSON object: " + clip(text), latency);
        }
      }
    } else {
      return ConnectorResult.failed(
          name,
          "connector returned a " + body.getClass().getName() + ", expected a map of tags",
          latency);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        continue;
      }
      Object v = e.getValue();
      String value;
      if (v instanceof Map<?, ?> || v instanceof Iterable<?>) {
        try {
          value = RingtreeJson.write(v);
        } catch (IllegalArgumentException ex) {
          value = String.valueOf(v);
        }
      } else {
        value = String.valueOf(v);
      }
      tags.put(
          String.valueOf(e.getKey()),
          value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value);
    }
    return ConnectorResult.ok(name, tags, latency);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return clip(m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m);
  }

  private static String clip(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      template.stop();
    } catch (RuntimeException e) {
      log.debug("stopping the connector producer template", e);
    }
  }
}
