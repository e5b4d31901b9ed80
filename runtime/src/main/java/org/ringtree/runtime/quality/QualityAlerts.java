package org.ringtree.runtime.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.ringtree.integrations.outbound.OutboundAddresses;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.audit.AuditLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The optional alert webhook: an operator-set URL (a network setting, stored as data) that receives
 * one JSON POST per new flag. The URL is checked at save through {@link OutboundAddresses}
 * (loopback, private and metadata addresses refused unless allowed), and every connection resolves
 * through the same guard. Deliveries run on their own threads, so a slow or dead receiver never
 * holds up a run; each attempt is logged with its status and a failed one is retried with a
 * doubling delay, {@code ringtree.quality.alert.attempts} times in all.
 */
@Service
public class QualityAlerts {

  private static final Logger log = LoggerFactory.getLogger(QualityAlerts.class);
  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final QualityAlertStore store;
  private final OutboundAddresses guard;
  private final AuditLogStore audit;
  private final Clock clock;
  private final int attempts;
  private final Duration firstDelay;
  private final CloseableHttpClient http;
  private final ScheduledExecutorService senders;

  QualityAlerts(
      QualityAlertStore store,
      OutboundAddresses guard,
      AuditLogStore audit,
      Clock clock,
      @Value("${ringtree.quality.alert.attempts:4}") int attempts,
      @Value("${ringtree.quality.alert.retry-delay:PT5S}") Duration firstDelay) {
    this.store = store;
    this.guard = guard;
    this.audit = audit;
    this.clock = clock;
    this.attempts = Math.max(1, attempts);
    this.firstDelay = firstDelay;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(guard)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(10))
                            .build())
                    .build())
            // a redirect would be a second URL nobody checked at save
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(10, TimeUnit.SECONDS)
                    .build())
            .disableCookieManagement()
            .disableAutomaticRetries()
            .build();
    this.senders =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "quality-alerts");
              t.setDaemon(true);
              return t;
            });
  }

  /** The URL alerts are posted to; empty when alerts are off. */
  public String url() {
    return store.url();
  }

  /**
   * Saves the URL (blank turns alerts off) after checking it: http or https, a host, and an address
   * the guard lets the platform reach. Audited as {@code actor}.
   */
  public String saveUrl(String url, String actor) {
    String cleaned = url == null ? "" : url.strip();
    if (!cleaned.isEmpty()) {
      check(cleaned);
    }
    String before = store.url();
    store.saveUrl(cleaned, actor, clock.instant());
    audit.record(
        actor,
        "quality.alert-url.update",
        "quality-alert",
        "network",
        Map.of("url", before),
        Map.of("url", cleaned));
    return cleaned;
  }

  private void check(String url) {
    if (url.length() > 2000) {
      throw QualityRefused.badRequest("the alert URL is longer than 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw QualityRefused.badRequest("the alert URL is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw QualityRefused.badRequest(
          "the alert URL needs http:// or https:// and a host, e.g. https://alerts.example.com/x");
    }
    try {
      guard.resolve(uri.getHost());
    } catch (UnknownHostException e) {
      throw QualityRefused.badRequest("the alert URL is refused: " + e.getMessage());
    }
  }

  /** Posts each new flag, if a URL is set, without waiting for the receiver. */
  @EventListener
  void flagged(PublisherQualityFlagged event) {
    String url = store.url();
    if (url.isEmpty()) {
      return;
    }
    String body = RingtreeJson.write(payload(event));
    senders.execute(() -> attempt(event, url, body, 1));
  }

  /** The JSON an alert carries (docs/fraud.md shows an example). */
  static Map<String, Object> payload(PublisherQualityFlagged event) {
    StoredFlag f = event.flag();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("hits", f.hits());
    figures.put("calls", f.calls());
    figures.put("rate", f.rate());
    figures.put("baselineHits", f.baselineHits());
    figures.put("baselineCalls", f.baselineCalls());
    figures.put("baselineRate", f.baselineRate());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("event", "publisher.quality.flagged");
    p.put("runId", event.runId());
    p.put("flagId", f.id());
    p.put("publisher", f.publisherId());
    p.put("source", f.source());
    p.put("kind", f.kind().name());
    p.put("evidence", f.evidence());
    p.put("figures", figures);
    p.put("pValue", f.pValue());
    p.put("raisedAt", f.raisedAt().toString());
    return p;
  }

  private void attempt(PublisherQualityFlagged event, String url, String body, int n) {
    Integer status = null;
    String error = null;
    try {
      HttpPost post = new HttpPost(url);
      post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
      status = http.execute(post, response -> response.getCode());
      if (status < 200 || status > 299) {
        error = "HTTP " + status;
      }
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    boolean delivered = error == null;
    try {
      store.log(
          new QualityAlertStore.Delivery(
              event.flag().id(), event.runId(), url, n, clock.instant(), status, delivered, error));
    } catch (RuntimeException e) {
      log.warn("Quality alert attempt of flag {} not logged: {}", event.flag().id(), e.toString());
    }
    if (delivered) {
      return;
    }
    if (n >= attempts) {
      log.warn(
          "Quality alert of flag {} not delivered after {} attempts: {}",
          event.flag().id(),
          n,
          error);
      return;
    }
    long delay = firstDelay.toMillis() << Math.min(n - 1, 10);
    senders.schedule(() -> attempt(event, url, body, n + 1), delay, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void close() throws IOException {
    senders.shutdownNow();
    http.close();
  }
}
