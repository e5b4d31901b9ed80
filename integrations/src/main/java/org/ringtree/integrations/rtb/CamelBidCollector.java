package org.ringtree.integrations.rtb;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.ringtree.rules.directory.OutboundUrl;
import org.ringtree.rules.routing.AuctionCloser;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every RTB target in parallel over HTTP through the Camel route {@value #PING_ROUTE_ID},
 * each with its own timeout inside one overall deadline, and returns one {@link PingResult} per
 * target in the order given.
 *
 * <p>Why not a multicast: the targets differ per call, and the trace needs one result per target,
 * in order, with its latency and the reason for a missing bid — including the targets a multicast
 * timeout would silently drop. Each ping is an independent exchange sent to {@value #PING_ENDPOINT}
 * on a cached thread pool owned by the Camel context; the caller waits for each future only until
 * that target's own cut-off, so the auction ends as soon as the slowest in-time reply is in.
 *
 * <p>The buyer's URL is data, never Camel configuration: the endpoint is built from its scheme,
 * host and port alone (with Ringtree's own options), and its path and query travel as the {@code
 * CamelHttpPath}/{@code CamelHttpQuery} headers, which Camel sends and never interprets. A URL that
 * fails {@link OutboundUrl} (saved before that check existed) is not pinged at all.
 *
 * <p>A ping that misses its cut-off is reported as TIMEOUT with the time waited; its HTTP call is
 * bounded by the same timeout (connect and response) and, if a late answer still arrives, it is
 * handed to the late-result listener for the trace.
 */
public final class CamelBidCollector implements BidCollector, AutoCloseable {

  public static final String PING_ROUTE_ID = "rtb-ping";
  public static final String PING_ENDPOINT = "direct:rtb-ping";

  static final String URI_PROPERTY = "ringtreeRtbUri";

  /** A bid is a few hundred bytes; an answer past this is not read further (INVALID). */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** Pings in flight at once on this node; past it a ping is not sent (ERROR, in the trace). */
  static final int MAX_PINGS_IN_FLIGHT = 256;

  private static final Logger log = LoggerFactory.getLogger(CamelBidCollector.class);

  private final CamelContext camel;
  private final BidResponseParser parser;
  private final PingRateLimiter rateLimiter;
  private final Consumer<PingResult> lateResults;
  private final ProducerTemplate template;
  private final ExecutorService executor;

  /** Cuts off answers still arriving at their ping's timeout (one timer thread for the JVM). */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(daemonThreads("rtb-ping-watchdog-"));

  static final String START_PROPERTY = "ringtreeRtbStartNanos";
  static final String TIMEOUT_PROPERTY = "ringtreeRtbTimeoutMillis";
  static final String TOO_LARGE_PROPERTY = "ringtreeRtbTooLarge";

  public CamelBidCollector(CamelContext camel) {
    this(camel, new BidResponseParser(), PingRateLimiter.unlimited(), r -> {});
  }

  /**
   * @param camel the application's Camel context (started or not); the ping route is added to it
   * @param lateResults told, from a pool thread, how each cut-off ping finally ended: usually the
   *     HTTP client's own timeout a moment later, or a bid that arrived after the cut-off (carried
   *     on the TIMEOUT result for the trace)
   */
  public CamelBidCollector(
      CamelContext camel,
      BidResponseParser parser,
      PingRateLimiter rateLimiter,
      Consumer<PingResult> lateResults) {
    this.camel = Objects.requireNonNull(camel, "camel");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.lateResults = Objects.requireNonNull(lateResults, "lateResults");
    addPingRoute(camel);
    this.template = camel.createProducerTemplate();
    // bounded: a buyer that holds its connections open cannot make the node start threads without
    // end; a ping that finds no free thread is reported, never queued behind the slow ones
    this.executor =
        new ThreadPoolExecutor(
            0,
            MAX_PINGS_IN_FLIGHT,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("rtb-ping-"));
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  static void addPingRoute(CamelContext camel) {
    if (camel.getRoute(PING_ROUTE_ID) != null) {
      return;
    }
    try {
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from(PING_ENDPOINT)
                  .routeId(PING_ROUTE_ID)
                  // the answer stays the connection's stream, read by boundedAnswer: caching it
                  // would read all of it, however large or slow
                  .streamCache("false")
                  // A buyer's failure is a result, not an error: no error-handler noise, no retry.
                  .doTry()
                  .toD("${exchangeProperty." + URI_PROPERTY + "}")
                  // read while the exchange holds the connection: Camel closes it when done
                  .process(CamelBidCollector::readAnswer)
                  .doCatch(Exception.class)
                  .log(org.apache.camel.LoggingLevel.DEBUG, "rtb ping failed: ${exception.message}")
                  .end();
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException("cannot add the " + PING_ROUTE_ID + " route", e);
    }
  }

  @Override
  public List<PingResult> collect(
      BidRequest request, List<PingTarget> targets, Duration overallDeadline) {
    return collect(request, targets, overallDeadline, AuctionCloser.waitForAll(), r -> {});
  }

  /**
   * Pings every target and waits until the closer says the auction is over: every target answered
   * or passed its cut-off, or no pending target can change the winner (those get a NOT_WAITED
   * result). The closer is asked again on every answer and at the time it names.
   */
  @Override
  public List<PingResult> collect(
      BidRequest request,
      List<PingTarget> targets,
      Duration overallDeadline,
      AuctionCloser closer,
      Consumer<PingResult> lateAnswers) {
    long start = System.nanoTime();
    long deadlineMillis = Math.max(1, overallDeadline.toMillis());
    // indices of the pings whose future completed, in the order they completed
    BlockingQueue<Integer> answeredQueue = new LinkedBlockingQueue<>();
    List<Pending> pending = new ArrayList<>(targets.size());
    for (PingTarget target : targets) {
      long timeout = Math.min(target.endpoint().timeoutMillis(), deadlineMillis);
      if (!rateLimiter.tryAcquire(target.targetId())) {
        pending.add(new Pending(target, timeout, null, rateLimited(target)));
        continue;
      }
      Endpoint uri;
      RtbHttpRequest ping;
      try {
        // each target is asked in its own platform's shape (docs/rtb.md); a ping-post target
        // without the caller's number (the post tells it to the winner)
        ping =
            RtbDialect.of(target.endpoint().format())
                .request(
                    request.forPing(target.endpoint()),
                    target.endpoint(),
                    Duration.ofMillis(timeout));
        uri = endpoint(ping.url(), ping.method(), timeout);
      } catch (IllegalArgumentException e) {
        pending.add(
            new Pending(
                target,
                timeout,
                null,
                new PingResult(
                    target.targetId(),
                    Status.ERROR,
                    Optional.empty(),
                    null,
                    Duration.ZERO,
                    e.getMessage())));
        continue;
      }
      CompletableFuture<PingResult> future;
      try {
        future = CompletableFuture.supplyAsync(() -> ping(target, uri, ping, timeout), executor);
      } catch (RejectedExecutionException full) {
        pending.add(
            new Pending(
                target,
                timeout,
                null,
                new PingResult(
                    target.targetId(),
                    Status.ERROR,
                    Optional.empty(),
                    null,
                    Duration.ZERO,
                    "not pinged: "
                        + MAX_PINGS_IN_FLIGHT
                        + " pings already in flight on this node")));
        continue;
      }
      int index = pending.size();
      future.whenComplete((r, e) -> answeredQueue.offer(index));
      pending.add(new Pending(target, timeout, future, null));
    }

    PingResult[] results = new PingResult[pending.size()];
    List<PingResult> answered = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i).done != null) {
        results[i] = pending.get(i).done;
        answered.add(results[i]);
      }
    }
    while (true) {
      long now = System.nanoTime();
      // every ping past its cut-off is a TIMEOUT, as without early close
      List<String> waitingFor = new ArrayList<>();
      long nextCutOff = Long.MAX_VALUE;
      for (int i = 0; i < pending.size(); i++) {
        if (results[i] != null) {
          continue;
        }
        Pending p = pending.get(i);
        long cutOff = start + TimeUnit.MILLISECONDS.toNanos(p.timeoutMillis);
        if (p.future.isDone()) {
          results[i] = await(p, cutOff, start, p.timeoutMillis < deadlineMillis, lateAnswers);
          answered.add(results[i]);
        } else if (now >= cutOff) {
          results[i] = await(p, cutOff, start, p.timeoutMillis < deadlineMillis, lateAnswers);
          answered.add(results[i]);
        } else {
          waitingFor.add(p.target.targetId());
          nextCutOff = Math.min(nextCutOff, cutOff);
        }
      }
      AuctionCloser.Verdict verdict =
          closer.verdict(Duration.ofNanos(now - start), answered, waitingFor);
      if (verdict instanceof AuctionCloser.Verdict.Close close) {
        giveUp(pending, results, close, start, lateAnswers);
        break;
      }
      Duration recheck = ((AuctionCloser.Verdict.Wait) verdict).recheckAt();
      long wakeAt = recheck == null ? nextCutOff : Math.min(nextCutOff, start + recheck.toNanos());
      try {
        answeredQueue.poll(Math.max(0, wakeAt - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        for (int i = 0; i < results.length; i++) {
          if (results[i] == null) {
            results[i] =
                new PingResult(
                    pending.get(i).target.targetId(),
                    Status.ERROR,
                    Optional.empty(),
                    null,
                    Duration.ZERO,
                    "interrupted");
          }
        }
        break;
      }
    }
    return List.of(results);
  }

  /**
   * The pending pings the closer gave up: NOT_WAITED with the closer's reason; their answers, when
   * they come, go to the late-answer listener.
   */
  private void giveUp(
      List<Pending> pending,
      PingResult[] results,
      AuctionCloser.Verdict.Close close,
      long startNanos,
      Consumer<PingResult> lateAnswers) {
    java.util.Map<String, String> why = new java.util.HashMap<>();
    close.notWaitedFor().forEach(p -> why.put(p.targetId(), p.why()));
    Duration waited = Duration.ofNanos(System.nanoTime() - startNanos);
    for (int i = 0; i < results.length; i++) {
      if (results[i] != null) {
        continue;
      }
      Pending p = pending.get(i);
      String targetId = p.target.targetId();
      results[i] =
          new PingResult(
              targetId,
              Status.NOT_WAITED,
              Optional.empty(),
              null,
              waited,
              why.getOrDefault(targetId, "not waited for: " + close.why()));
      p.future.whenComplete(
          (late, error) -> {
            if (late != null) {
              lateAnswers.accept(late);
              lateResults.accept(late);
            }
          });
    }
  }

  private record Pending(
      PingTarget target,
      long timeoutMillis,
      CompletableFuture<PingResult> future,
      PingResult done) {}

  private PingResult await(
      Pending p,
      long cutOffNanos,
      long startNanos,
      boolean ownTimeout,
      Consumer<PingResult> lateAnswers) {
    try {
      long wait = Math.max(0, cutOffNanos - System.nanoTime());
      return p.future.get(wait, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      Duration waited = Duration.ofNanos(System.nanoTime() - startNanos);
      p.future.whenComplete(
          (late, error) -> {
            if (late != null) {
              lateAnswers.accept(late);
              lateResults.accept(
                  new PingResult(
                      late.targetId(),
                      Status.TIMEOUT,
                      late.bid(),
                      late.httpStatus(),
                      late.latency(),
                      "late: "
                          + late.status()
                          + " ("
                          + late.reason()
                          + ") after "
                          + late.latency().toMillis()
                          + " ms"));
            }
          });
      return new PingResult(
          p.target.targetId(),
          Status.TIMEOUT,
          Optional.empty(),
          null,
          waited,
          "no answer within "
              + p.timeoutMillis
              + " ms ("
              + (ownTimeout ? "target timeout" : "auction deadline")
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PingResult(
          p.target.targetId(), Status.ERROR, Optional.empty(), null, Duration.ZERO, "interrupted");
    } catch (ExecutionException e) {
      // ping() catches everything; this is a bug, still not the caller's problem.
      log.error("rtb ping to {} failed unexpectedly", p.target.targetId(), e.getCause());
      return new PingResult(
          p.target.targetId(),
          Status.ERROR,
          Optional.empty(),
          null,
          Duration.ofNanos(System.nanoTime() - startNanos),
          "internal error: " + e.getCause());
    }
  }

  /** One HTTP ping through the route; never throws. */
  private PingResult ping(
      PingTarget target, Endpoint uri, RtbHttpRequest request, long timeoutMillis) {
    long t0 = System.nanoTime();
    try {
      Exchange exchange =
          template.send(
              PING_ENDPOINT,
              ex -> {
                ex.setProperty(URI_PROPERTY, uri.camelUri());
                ex.setProperty(START_PROPERTY, t0);
                ex.setProperty(TIMEOUT_PROPERTY, timeoutMillis);
                ex.getIn().setHeader(Exchange.HTTP_PATH, uri.rawPath());
                if (uri.rawQuery() != null) {
                  ex.getIn().setHeader(Exchange.HTTP_QUERY, uri.rawQuery());
                }
                // the template's own headers first: Ringtree's below cannot be replaced (and
                // names Camel would read as instructions are refused when the target is saved)
                request.headers().forEach(ex.getIn()::setHeader);
                ex.getIn().setHeader(Exchange.HTTP_METHOD, request.method());
                if (request.contentType() != null) {
                  ex.getIn().setHeader(Exchange.CONTENT_TYPE, request.contentType());
                }
                ex.getIn().setHeader("Accept", "application/json");
                ex.getIn().setBody(request.body());
              });
      Exception failure =
          exchange.getException() != null
              ? exchange.getException()
              : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
      Duration latency = Duration.ofNanos(System.nanoTime() - t0);
      if (failure != null) {
        return failed(target, failure, latency, timeoutMillis);
      }
      Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
      String response = exchange.getMessage().getBody(String.class);
      if (exchange.getProperty(TOO_LARGE_PROPERTY, false, Boolean.class)) {
        return new PingResult(
            target.targetId(),
            Status.INVALID,
            Optional.empty(),
            status,
            Duration.ofNanos(System.nanoTime() - t0),
            "answer over " + MAX_ANSWER_BYTES / 1024 + " kB, not read further");
      }
      latency = Duration.ofNanos(System.nanoTime() - t0);
      if (latency.toMillis() > timeoutMillis) {
        PingResult parsed =
            parser.parse(target, status == null ? 0 : status, response, latency, Instant.now());
        return new PingResult(
            target.targetId(),
            Status.TIMEOUT,
            parsed.bid(),
            status,
            latency,
            "answered after "
                + latency.toMillis()
                + " ms, past the "
                + timeoutMillis
                + " ms timeout");
      }
      return parser.parse(target, status == null ? 0 : status, response, latency, Instant.now());
    } catch (RuntimeException e) {
      return failed(target, e, Duration.ofNanos(System.nanoTime() - t0), timeoutMillis);
    }
  }

  /** The answer past {@link #MAX_ANSWER_BYTES}. */
  private static final class AnswerTooLarge extends Exception {
    AnswerTooLarge() {
      super(null, null, false, false);
    }
  }

  /**
   * The answer as text: at most {@link #MAX_ANSWER_BYTES}, and read within the ping's timeout in
   * total (a buyer that dribbles bytes is cut off then, not only when it pauses between reads). The
   * endpoint does not cache streams, so the body arrives as the connection's own stream: reading
   * stops at the limit, and the connection is aborted rather than drained.
   */
  private static void readAnswer(Exchange ex) throws java.io.IOException {
    try {
      ex.getMessage()
          .setBody(
              boundedAnswer(
                  ex.getMessage().getBody(),
                  ex.getProperty(START_PROPERTY, Long.class),
                  ex.getProperty(TIMEOUT_PROPERTY, Long.class)));
    } catch (AnswerTooLarge e) {
      ex.setProperty(TOO_LARGE_PROPERTY, true);
      ex.getMessage().setBody(null);
    }
  }

  private static String boundedAnswer(Object body, long startNanos, long timeoutMillis)
      throws AnswerTooLarge, java.io.IOException {
    if (body instanceof byte[] bytes) {
      if (bytes.length > MAX_ANSWER_BYTES) {
        throw new AnswerTooLarge();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (!(body instanceof InputStream in)) {
      return body == null ? null : body.toString();
    }
    long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
    ScheduledFuture<?> cutOff =
        WATCHDOG.schedule(
            () -> {
              cut.set(true);
              abort(in);
            },
            Math.max(1, left),
            TimeUnit.MILLISECONDS);
    try {
      byte[] bytes;
      try {
        bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
      } catch (java.io.IOException e) {
        if (cut.get()) {
          throw new java.net.SocketTimeoutException(
              "answer not complete within " + timeoutMillis + " ms");
        }
        throw e;
      }
      if (bytes.length > MAX_ANSWER_BYTES) {
        abort(in);
        throw new AnswerTooLarge();
      }
      in.close();
      return new String(bytes, StandardCharsets.UTF_8);
    } finally {
      cutOff.cancel(false);
    }
  }

  /** Drops the connection under the stream without reading the rest of the answer. */
  private static void abort(InputStream in) {
    try {
      if (in instanceof EofSensorInputStream sensor) {
        sensor.abort();
      } else {
        in.close();
      }
    } catch (java.io.IOException | RuntimeException e) {
      log.debug("aborting an rtb answer", e);
    }
  }

  private static PingResult failed(
      PingTarget target, Throwable failure, Duration latency, long timeoutMillis) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String kind = root.getClass().getSimpleName();
    boolean timedOut =
        root instanceof java.net.SocketTimeoutException
            || root instanceof java.io.InterruptedIOException
            || kind.contains("Timeout");
    if (timedOut) {
      return new PingResult(
          target.targetId(),
          Status.TIMEOUT,
          Optional.empty(),
          null,
          latency,
          "no answer within " + timeoutMillis + " ms (" + kind + ")");
    }
    String message = root.getMessage() == null ? kind : kind + ": " + root.getMessage();
    return new PingResult(
        target.targetId(),
        Status.ERROR,
        Optional.empty(),
        null,
        latency,
        BidResponseParser.clip(message));
  }

  private static PingResult rateLimited(PingTarget target) {
    return new PingResult(
        target.targetId(),
        Status.RATE_LIMITED,
        Optional.empty(),
        null,
        Duration.ZERO,
        "ping rate limit reached");
  }

  /**
   * Where one ping goes: the Camel endpoint (scheme, host and port of the buyer's URL, with
   * Ringtree's options) and the URL's raw path and query, sent as headers.
   */
  record Endpoint(String camelUri, String rawPath, String rawQuery) {}

  /**
   * The endpoint for a buyer URL with its timeouts. Only what {@link OutboundUrl} accepts is
   * pinged; nothing of the URL but its scheme, host and port reaches the endpoint URI, so no query
   * key can become an endpoint option and no value a bean or class reference.
   *
   * @throws IllegalArgumentException saying why the URL is not pinged
   */
  static Endpoint endpoint(String url, long timeoutMillis) {
    return endpoint(url, "POST", timeoutMillis);
  }

  /** As {@link #endpoint(String, long)}, for GET or POST. */
  static Endpoint endpoint(String url, String method, long timeoutMillis) {
    if (!"GET".equals(method) && !"POST".equals(method)) {
      throw new IllegalArgumentException("RTB request method refused, not pinged: " + method);
    }
    OutboundUrl.problem(url)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  "RTB URL refused, not pinged: " + p + " (" + BidResponseParser.clip(url) + ")");
            });
    URI uri = URI.create(url.strip());
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String t = Long.toString(timeoutMillis);
    String camelUri =
        scheme
            + "://"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + "?httpMethod="
            + method
            + "&throwExceptionOnFailure=false&followRedirects=false"
            + "&disableStreamCache=true"
            // no cookie jar between pings: clearing its expired cookies write-locked it on every
            // ping, one lock for all the node's pings in flight (docs/benchmarks.md, supply side)
            + "&clearExpiredCookies=false"
            + "&connectTimeout="
            + t
            + "&connectionRequestTimeout="
            + t
            + "&responseTimeout="
            + t
            + "&soTimeout="
            + t;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new Endpoint(camelUri, path, uri.getRawQuery());
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      template.stop();
    } catch (RuntimeException e) {
      log.debug("stopping the rtb producer template", e);
    }
  }
}
