package org.ringtree.runtime.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.ringtree.integrations.outbound.OutboundAddresses;
import org.ringtree.runtime.config.RingtreeProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A call's recording, fetched from the provider and passed through to the signed-in staff member,
 * so the provider's URL (and, for Twilio, the account's credentials) never reach a browser. The
 * stored URL is data the provider sent: it is fetched over http(s) only, through the same outbound
 * guard as buyers' and postback URLs (no loopback, private or metadata address), and the account
 * credentials are offered only to Twilio's own API host, which enforces HTTP authentication on
 * recording media when the account asks for it.
 */
@Component
public class CallRecordings implements DisposableBean {

  /** Why a recording cannot be played. */
  public static final class Unavailable extends RuntimeException {
    private final boolean missing;

    Unavailable(boolean missing, String message) {
      super(message);
      this.missing = missing;
    }

    /** True when the call has no recording; false when it has one that could not be fetched. */
    public boolean missing() {
      return missing;
    }
  }

  /** An open recording: its type and length (-1 unknown); copy it, then close it. */
  public interface Audio extends AutoCloseable {
    String contentType();

    long length();

    void copyTo(OutputStream out) throws IOException;

    @Override
    void close() throws IOException;
  }

  private static final String TWILIO_API = "api.twilio.com";

  private final CallStore calls;
  private final CloseableHttpClient http;

  CallRecordings(CallStore calls, OutboundAddresses addresses, RingtreeProperties properties) {
    this.calls = calls;
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    RingtreeProperties.Twilio twilio = properties.twilio();
    if (!twilio.accountSid().isBlank() && !twilio.authToken().isBlank()) {
      credentials.setCredentials(
          new AuthScope("https", TWILIO_API, 443, null, null),
          new UsernamePasswordCredentials(twilio.accountSid(), twilio.authToken().toCharArray()));
    }
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(addresses)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(20))
                            .build())
                    .build())
            .setDefaultCredentialsProvider(credentials)
            // Twilio answers a media request with a redirect to short-lived storage; every hop is
            // resolved through the same guard
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(true)
                    .setMaxRedirects(3)
                    .setResponseTimeout(20, TimeUnit.SECONDS)
                    .build())
            .disableCookieManagement()
            .build();
  }

  /** Opens the call's recording; throws {@link Unavailable} saying why it cannot be played. */
  public Audio open(String callSid) {
    Optional<String> stored = calls.recordingUrl(callSid);
    if (stored.isEmpty()) {
      throw new Unavailable(true, "this call has no recording");
    }
    URI uri = mediaUri(stored.get());
    ClassicHttpResponse response;
    try {
      response = http.executeOpen(null, new HttpGet(uri), null); // streamed: closed by the caller
    } catch (IOException e) {
      throw new Unavailable(
          false,
          "the recording could not be fetched from " + uri.getHost() + ": " + e.getMessage());
    }
    int status = response.getCode();
    HttpEntity entity = response.getEntity();
    if (status != 200 || entity == null) {
      close(response);
      throw new Unavailable(
          false,
          "the provider answered "
              + status
              + " for the recording"
              + (status == 401 || status == 403
                  ? " (check ringtree.twilio.account-sid and the auth token)"
                  : status == 404 ? " (deleted at the provider?)" : ""));
    }
    return new Audio() {
      @Override
      public String contentType() {
        String type = entity.getContentType();
        return type == null || type.isBlank() ? "audio/mpeg" : type;
      }

      @Override
      public long length() {
        return entity.getContentLength();
      }

      @Override
      public void copyTo(OutputStream out) throws IOException {
        try (InputStream in = entity.getContent()) {
          in.transferTo(out);
        }
      }

      @Override
      public void close() throws IOException {
        response.close();
      }
    };
  }

  /**
   * The HTTP answer that plays the call's recording, streamed from the provider: the one way every
   * endpoint that serves a recording (the operator's call log, a buyer's portal) answers. The
   * caller has already checked that the signed-in user may hear this call; {@link Unavailable} maps
   * to {@link #refusal}.
   */
  public ResponseEntity<StreamingResponseBody> serve(String callSid) {
    Audio audio = open(callSid);
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(audio.contentType()))
            // a recording is personal data: not kept by shared caches or the browser's disk cache
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    if (audio.length() >= 0) {
      ok.contentLength(audio.length());
    }
    return ok.body(
        out -> {
          try (audio) {
            audio.copyTo(out);
          }
        });
  }

  /** Why a recording cannot be played, as JSON: 404 when there is none, 502 when unreachable. */
  public static ResponseEntity<Map<String, String>> refusal(Unavailable e) {
    return ResponseEntity.status(e.missing() ? 404 : 502)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage()));
  }

  /**
   * The URL to fetch: http(s) only; Twilio's recording URL without an extension serves WAV, with
   * {@code .mp3} a file a tenth the size that every browser plays.
   */
  static URI mediaUri(String stored) {
    URI uri;
    try {
      uri = URI.create(stored.strip());
    } catch (IllegalArgumentException e) {
      throw new Unavailable(false, "the stored recording address is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new Unavailable(false, "the stored recording address is not an http(s) URL");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (uri.getHost().toLowerCase(Locale.ROOT).equals(TWILIO_API)
        && !path.substring(path.lastIndexOf('/') + 1).contains(".")) {
      return URI.create(stored.strip() + ".mp3");
    }
    return uri;
  }

  private static void close(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // the refusal is what matters to the caller
    }
  }

  @Override
  public void destroy() throws IOException {
    http.close();
  }
}
