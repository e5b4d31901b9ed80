package org.ringtree.integrations.rtb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidPoster;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PostResult;
import org.ringtree.rules.routing.PostResult.Outcome;

/**
 * Posts a ping-post target's winning bid over HTTP (docs/rtb.md, "Ping-post") through the same
 * Camel route as the pings ({@value CamelBidCollector#PING_ROUTE_ID}), with the same guards: the
 * post URL is data (scheme, host and port make the endpoint; path and query travel as headers),
 * checked by {@code OutboundUrl} before sending, redirects not followed, the answer read up to 64
 * kB within the timeout. The caller waits at most the timeout; never throws for what a buyer does.
 */
public final class CamelBidPoster implements BidPoster, AutoCloseable {

  private final ProducerTemplate template;
  private final ExecutorService executor;

  public CamelBidPoster(CamelContext camel) {
    Objects.requireNonNull(camel, "camel");
    CamelBidCollector.addPingRoute(camel);
    this.template = camel.createProducerTemplate();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "rtb-post");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public PostResult post(BidRequest call, PingTarget target, Bid bid, Duration timeout) {
    String id = target.targetId();
    long millis = Math.max(1, timeout.toMillis());
    RtbHttpRequest request;
    CamelBidCollector.Endpoint uri;
    try {
      request = PostDialect.request(call, target.endpoint(), bid, Duration.ofMillis(millis));
      uri = CamelBidCollector.endpoint(request.url(), request.method(), millis);
    } catch (IllegalArgumentException e) {
      return new PostResult(
          id, Outcome.ERROR, null, null, Duration.ZERO, "not posted: " + e.getMessage());
    }
    long t0 = System.nanoTime();
    CompletableFuture<PostResult> future =
        CompletableFuture.supplyAsync(() -> send(target, uri, request, millis, t0), executor);
    try {
      return future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new PostResult(
          id,
          Outcome.TIMEOUT,
          null,
          null,
          Duration.ofNanos(System.nanoTime() - t0),
          "no answer to the post within " + millis + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PostResult(id, Outcome.ERROR, null, null, Duration.ZERO, "interrupted");
    } catch (ExecutionException e) {
      return new PostResult(
          id,
          Outcome.ERROR,
          null,
          null,
          Duration.ofNanos(System.nanoTime() - t0),
          "internal error: " + e.getCause());
    }
  }

  private PostResult send(
      PingTarget target,
      CamelBidCollector.Endpoint uri,
      RtbHttpRequest request,
      long timeoutMillis,
      long t0) {
    String id = target.targetId();
    try {
      Exchange exchange =
          template.send(
              CamelBidCollector.PING_ENDPOINT,
              ex -> {
                ex.setProperty(CamelBidCollector.URI_PROPERTY, uri.camelUri());
                ex.setProperty(CamelBidCollector.START_PROPERTY, t0);
                ex.setProperty(CamelBidCollector.TIMEOUT_PROPERTY, timeoutMillis);
                ex.getIn().setHeader(Exchange.HTTP_PATH, uri.rawPath());
                if (uri.rawQuery() != null) {
                  ex.getIn().setHeader(Exchange.HTTP_QUERY, uri.rawQuery());
                }
                request.headers().forEach(ex.getIn()::setHeader);
                ex.getIn().setHeader(Exchange.HTTP_METHOD, request.method());
                if (request.contentType() != null) {
                  ex.getIn().setHeader(Exchange.CONTENT_TYPE, request.contentType());
                }
                ex.getIn().setHeader("Accept", "application/json");
                ex.getIn().setBody(request.body());
              });
      Duration latency = Duration.ofNanos(System.nanoTime() - t0);
      Exception failure =
          exchange.getException() != null
              ? exchange.getException()
              : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
      if (failure != null) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        String kind = root.getClass().getSimpleName();
        boolean timedOut =
            root instanceof java.io.InterruptedIOException || kind.contains("Timeout");
        return new PostResult(
            id,
            timedOut ? Outcome.TIMEOUT : Outcome.ERROR,
            null,
            null,
            latency,
            timedOut
                ? "no answer to the post within " + timeoutMillis + " ms (" + kind + ")"
                : RtbFields.clip(
                    root.getMessage() == null ? kind : kind + ": " + root.getMessage()));
      }
      Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
      if (exchange.getProperty(CamelBidCollector.TOO_LARGE_PROPERTY, false, Boolean.class)) {
        return new PostResult(
            id, Outcome.INVALID, null, status, latency, "answer over 64 kB, not read further");
      }
      return judge(
          target,
          status == null ? 0 : status,
          exchange.getMessage().getBody(String.class),
          latency);
    } catch (RuntimeException e) {
      return new PostResult(
          id,
          Outcome.ERROR,
          null,
          null,
          Duration.ofNanos(System.nanoTime() - t0),
          RtbFields.clip(e.toString()));
    }
  }

  /** The buyer's answer to the post, checked as a bid's would be. */
  static PostResult judge(PingTarget target, int http, String body, Duration latency) {
    String id = target.targetId();
    if (http < 200 || http > 299) {
      return new PostResult(id, Outcome.ERROR, null, http, latency, "HTTP " + http);
    }
    if (body == null || body.isBlank()) {
      return new PostResult(id, Outcome.INVALID, null, http, latency, "empty body");
    }
    JsonNode json;
    try {
      json = RtbFields.MAPPER.readTree(body);
    } catch (Exception e) {
      return new PostResult(
          id, Outcome.INVALID, null, http, latency, "not JSON: " + RtbFields.clip(body));
    }
    if (json == null || !json.isObject()) {
      return new PostResult(
          id, Outcome.INVALID, null, http, latency, "not a JSON object: " + RtbFields.clip(body));
    }
    PostDialect.Answer a = PostDialect.read(json, target.endpoint());
    if (a.outcome() != Outcome.CONFIRMED) {
      return new PostResult(
          id,
          a.outcome(),
          null,
          http,
          latency,
          a.reason() == null ? null : RtbFields.clip(a.reason()));
    }
    Destination destination = null;
    if (a.destination() != null && !a.destination().isBlank()) {
      Optional<Destination> d = PostDialect.destination(a.destination());
      if (d.isEmpty()) {
        return new PostResult(
            id,
            Outcome.INVALID,
            null,
            http,
            latency,
            "confirmed with an unusable destination '" + RtbFields.clip(a.destination()) + "'");
      }
      destination = d.get();
    }
    return new PostResult(id, Outcome.CONFIRMED, destination, http, latency, a.reason());
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      template.stop();
    } catch (RuntimeException e) {
      // already stopped with the context
    }
  }
}
