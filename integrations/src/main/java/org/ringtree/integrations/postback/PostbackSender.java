package org.ringtree.integrations.postback;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends postbacks through Camel: route {@value #ROUTE_ID} retries route {@value #ATTEMPT_ROUTE_ID}
 * (one HTTP GET) with exponential backoff and hands an exhausted postback to {@value
 * #DEAD_LETTER_ROUTE_ID}. Any 2xx is delivered; anything else (other status, refused, timeout) is a
 * failed attempt. Retries wait without holding a thread.
 */
public final class PostbackSender implements AutoCloseable {

  public static final String ROUTE_ID = "postback";
  public static final String ATTEMPT_ROUTE_ID = "postback-attempt";
  public static final String DEAD_LETTER_ROUTE_ID = "postback-dead-letter";
  static final String ENDPOINT = "direct:postback";

  private static final String ID = "ringtreePostbackId";
  private static final String URL = "ringtreePostbackUrl";
  private static final String TARGET = "ringtreePostbackTarget";
  private static final String ATTEMPTS = "ringtreePostbackAttempts";
  private static final String DELIVERED = "ringtreePostbackDelivered";
  private static final String LAST_ERROR = "ringtreePostbackLastError";
  private static final Logger log = LoggerFactory.getLogger(PostbackSender.class);

  private final CamelContext camel;
  private final PostbackRetryPolicy policy;
  private final PostbackListener listener;
  private final ProducerTemplate template;

  public PostbackSender(CamelContext camel, PostbackRetryPolicy policy, PostbackListener listener) {
    this.camel = Objects.requireNonNull(camel, "camel");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (camel.getRoute(ROUTE_ID) != null) {
      throw new IllegalStateException(
          "a PostbackSender is already installed in this Camel context");
    }
    try {
      camel.addRoutes(new Routes());
    } catch (Exception e) {
      throw new IllegalStateException("cannot add the postback routes", e);
    }
    this.template = camel.createProducerTemplate();
  }

  /**
   * Starts delivering; the future completes when the postback is delivered or dead-lettered (it
   * never completes exceptionally). A malformed URL, or a postback Camel cannot take right now, is
   * dead-lettered at once.
   */
  public CompletableFuture<PostbackOutcome> send(Postback postback) {
    String target;
    try {
      target = endpointFor(postback.url());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(refuse(postback, e.getMessage()));
    }
    try {
      return template
          .asyncSend(
              ENDPOINT,
              ex -> {
                ex.setProperty(ID, postback.postbackId());
                ex.setProperty(URL, postback.url());
                ex.setProperty(TARGET, target);
                ex.setProperty(ATTEMPTS, 0);
              })
          .thenApply(
              ex ->
                  new PostbackOutcome(
                      postback.postbackId(),
                      ex.getProperty(DELIVERED, false, Boolean.class),
                      ex.getProperty(ATTEMPTS, 0, Integer.class),
                      ex.getProperty(LAST_ERROR, String.class)));
    } catch (RuntimeException e) {
      // E.g. the sending pool's queue is full or Camel is stopping: keep it for a later retry.
      return CompletableFuture.completedFuture(
          refuse(postback, "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  /** Reports a postback that cannot be attempted as one failed attempt and a dead letter. */
  private PostbackOutcome refuse(Postback postback, String reason) {
    Instant now = Instant.now();
    notify(
        () ->
            listener.attempted(
                new PostbackAttempt(
                    postback.postbackId(),
                    postback.url(),
                    1,
                    now,
                    null,
                    Duration.ZERO,
                    false,
                    reason,
                    null)));
    notify(
        () ->
            listener.deadLettered(
                new PostbackDeadLetter(postback.postbackId(), postback.url(), 1, reason, now)));
    return new PostbackOutcome(postback.postbackId(), false, 1, reason);
  }

  /** Scheme, host and port become the endpoint; the raw path and query travel as headers. */
  static String endpointFor(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (Exception e) {
      throw new IllegalArgumentException("malformed postback URL: " + url);
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) postback URL: " + url);
    }
    return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private final class Routes extends RouteBuilder {
    @Override
    public void configure() {
      String t = Long.toString(policy.timeout().toMillis());
      from(ENDPOINT)
          .routeId(ROUTE_ID)
          .errorHandler(
              deadLetterChannel("direct:" + DEAD_LETTER_ROUTE_ID)
                  .maximumRedeliveries(policy.maxAttempts() - 1)
                  .redeliveryDelay(policy.initialDelay().toMillis())
                  .useExponentialBackOff()
                  .backOffMultiplier(policy.multiplier())
                  .maximumRedeliveryDelay(policy.maxDelay().toMillis())
                  .asyncDelayedRedelivery()
                  .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                  .logExhausted(false)
                  .logStackTrace(false))
          .to("direct:" + ATTEMPT_ROUTE_ID);

      from("direct:" + ATTEMPT_ROUTE_ID)
          .routeId(ATTEMPT_ROUTE_ID)
          .errorHandler(noErrorHandler())
          .process(PostbackSender.this::prepareAttempt)
          .doTry()
          .toD(
              "${exchangeProperty."
                  + TARGET
                  + "}?throwExceptionOnFailure=false&followRedirects=false"
                  + "&connectTimeout="
                  + t
                  + "&connectionRequestTimeout="
                  + t
                  + "&responseTimeout="
                  + t)
          .doCatch(Exception.class)
          .setProperty(LAST_ERROR, simple("${exception.message}"))
          .end()
          .process(PostbackSender.this::reportAttempt);

      from("direct:" + DEAD_LETTER_ROUTE_ID)
          .routeId(DEAD_LETTER_ROUTE_ID)
          .process(PostbackSender.this::reportDeadLetter);
    }
  }

  private void prepareAttempt(Exchange ex) {
    ex.setProperty(ATTEMPTS, ex.getProperty(ATTEMPTS, 0, Integer.class) + 1);
    ex.setProperty("ringtreePostbackStart", System.nanoTime());
    ex.removeProperty(LAST_ERROR);
    ex.removeProperty(Exchange.EXCEPTION_CAUGHT);
    URI uri = URI.create(ex.getProperty(URL, String.class));
    // Drop the last answer's headers, but keep the ones Camel counts redeliveries with.
    ex.getIn()
        .removeHeaders(
            "*",
            Exchange.REDELIVERY_COUNTER,
            Exchange.REDELIVERED,
            Exchange.REDELIVERY_MAX_COUNTER);
    ex.getIn().setBody(null);
    ex.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
    ex.getIn().setHeader(Exchange.HTTP_PATH, uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      ex.getIn().setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
    }
  }

  private void reportAttempt(Exchange ex) {
    Duration latency =
        Duration.ofNanos(System.nanoTime() - ex.getProperty("ringtreePostbackStart", Long.class));
    String error = ex.getProperty(LAST_ERROR, String.class);
    Integer status =
        error == null
            ? ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)
            : null;
    boolean delivered = error == null && status != null && status >= 200 && status <= 299;
    if (!delivered && error == null) {
      error = "HTTP " + status;
      ex.setProperty(LAST_ERROR, error);
    }
    ex.setProperty(DELIVERED, delivered);
    PostbackAttempt attempt =
        new PostbackAttempt(
            ex.getProperty(ID, String.class),
            ex.getProperty(URL, String.class),
            ex.getProperty(ATTEMPTS, Integer.class),
            Instant.now(),
            status,
            latency,
            delivered,
            error,
            status == null ? null : responseStart(ex));
    notify(() -> listener.attempted(attempt));
    if (!delivered) {
      throw new PostbackFailed(error);
    }
  }

  /**
   * The first {@link PostbackAttempt#RESPONSE_LIMIT} characters of the answer, read no further: a
   * publisher's server could answer with anything, of any size.
   */
  static String responseStart(Exchange ex) {
    Object body = ex.getMessage().getBody();
    if (body == null) {
      return "";
    }
    try {
      byte[] bytes;
      if (body instanceof java.io.InputStream in) {
        bytes = in.readNBytes(PostbackAttempt.RESPONSE_LIMIT * 4);
      } else {
        byte[] all = ex.getMessage().getBody(byte[].class);
        bytes = all == null ? new byte[0] : all;
      }
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      return text.length() > PostbackAttempt.RESPONSE_LIMIT
          ? text.substring(0, PostbackAttempt.RESPONSE_LIMIT)
          : text;
    } catch (java.io.IOException | RuntimeException e) {
      return "(response not readable: " + e.getMessage() + ")";
    }
  }

  private void reportDeadLetter(Exchange ex) {
    PostbackDeadLetter dead =
        new PostbackDeadLetter(
            ex.getProperty(ID, String.class),
            ex.getProperty(URL, String.class),
            ex.getProperty(ATTEMPTS, 0, Integer.class),
            ex.getProperty(LAST_ERROR, String.class),
            Instant.now());
    log.warn(
        "postback {} dead-lettered after {} attempts: {}",
        dead.postbackId(),
        dead.attempts(),
        dead.lastError());
    notify(() -> listener.deadLettered(dead));
  }

  /** A listener failure must not turn a delivered postback into a retry. */
  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.error("postback listener failed", e);
    }
  }

  /** A failed attempt; triggers the next retry. */
  static final class PostbackFailed extends RuntimeException {
    PostbackFailed(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public void close() {
    try {
      template.stop();
    } catch (RuntimeException e) {
      log.debug("stopping the postback producer template", e);
    }
  }
}
