package org.ringtree.runtime.call;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

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

  private static final Logger log = LoggerFactory.getLogger(CallRecordings.class);

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

  /** What the provider said of the recording it sends: its type and length (-1 unknown). */
  interface Audio {
    String contentType();

    long length();
  }

  private static final String TWILIO_API = "api.twilio.com";

  private final CallStore calls;
  private final CloseableHttpClient http;
  private final long maxBuffered;

  CallRecordings(
      CallStore calls,
      OutboundAddresses addresses,
      RingtreeProperties properties,
      @Value("${ringtree.recordings.max-buffered:64MB}") DataSize maxBuffered) {
    this.calls = calls;
    this.maxBuffered = maxBuffered.toBytes();
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

  /**
   * The HTTP answer for the call's recording, seekable: {@code range} is the browser's {@code
   * Range} header (null: none). A range is passed through to the provider; if the provider sends
   * the part (206) it is relayed as it came. If it sends the whole recording instead, the recording
   * is kept in memory (at most {@code ringtree.recordings.max-buffered}) as a {@link Resource} and
   * Spring MVC serves the ranges of it (206 with Content-Range, 416 for a range outside it, {@link
   * HttpRange}'s rules), as it would for a file. A recording larger than that is sent whole (200),
   * which HTTP allows in answer to a range. Throws {@link Unavailable} saying why it cannot be
   * played.
   */
  public ResponseEntity<Resource> respond(String callSid, String range) {
    String passed = range == null || !singleRange(range) ? null : range;
    Fetched f = fetch(callSid, passed);
    if (range == null) {
      return whole(f);
    }
    if (f.status() == 206 || f.status() == 416) {
      return relayed(f);
    }
    // the provider sent it all: Spring serves the part (or the 416) from memory
    Audio audio = f.audio();
    byte[] bytes;
    try {
      bytes = f.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBuffered + 1));
    } catch (IOException e) {
      close(f.response());
      throw new Unavailable(false, "the recording could not be read: " + e.getMessage());
    }
    if (bytes.length > maxBuffered) {
      log.info(
          "Recording of call {} is over {} bytes: sent whole, not seekable", callSid, maxBuffered);
      return whole(f, bytes);
    }
    close(f.response());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(audio.contentType()))
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
        .body(new ByteArrayResource(bytes));
  }

  /** One byte range Spring can read: the only kind passed to the provider. */
  private static boolean singleRange(String range) {
    try {
      return HttpRange.parseRanges(range).size() == 1;
    } catch (IllegalArgumentException e) {
      return false; // Spring answers it 416 from the whole recording, with its length
    }
  }

  /** A recording is personal data: not kept by shared caches or the browser's disk cache. */
  private static final String PRIVATE = "private, no-store";

  private static ResponseEntity<Resource> whole(Fetched f) {
    return whole(f, new byte[0]);
  }

  /**
   * The whole recording, streamed ({@code head}, bytes already read from it, first): an {@link
   * InputStreamResource}, which Spring MVC copies as it comes and closes, never cutting ranges.
   */
  private static ResponseEntity<Resource> whole(Fetched f, byte[] head) {
    Audio audio = f.audio();
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(audio.contentType()))
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .header(HttpHeaders.CACHE_CONTROL, PRIVATE);
    if (audio.length() >= 0) {
      ok.contentLength(audio.length());
    }
    return ok.body(
        new InputStreamResource(new SequenceInputStream(new ByteArrayInputStream(head), f.body())));
  }

  /** The provider's own answer to the range: its status, Content-Range and bytes. */
  private static ResponseEntity<Resource> relayed(Fetched f) {
    Audio audio = f.audio();
    ResponseEntity.BodyBuilder part =
        ResponseEntity.status(f.status())
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .header(HttpHeaders.CACHE_CONTROL, PRIVATE);
    if (f.contentRange() != null) {
      part.header(HttpHeaders.CONTENT_RANGE, f.contentRange());
    }
    if (f.status() == 416) {
      close(f.response());
      return part.build();
    }
    part.contentType(MediaType.parseMediaType(audio.contentType()));
    if (audio.length() >= 0) {
      part.contentLength(audio.length());
    }
    return part.body(new InputStreamResource(f.body()));
  }

  /** The provider's answer: 200 (whole), 206 (the range) or 416 (a range outside it). */
  private record Fetched(
      ClassicHttpResponse response,
      int status,
      String contentRange,
      InputStream body,
      Audio audio) {}

  private Fetched fetch(String callSid, String range) {
    Optional<String> stored = calls.recordingUrl(callSid);
    if (stored.isEmpty()) {
      throw new Unavailable(true, "this call has no recording");
    }
    URI uri = mediaUri(stored.get());
    HttpGet get = new HttpGet(uri);
    if (range != null) {
      get.setHeader(HttpHeaders.RANGE, range);
    }
    ClassicHttpResponse response;
    try {
      response = http.executeOpen(null, get, null); // streamed: closed by the caller
    } catch (IOException e) {
      throw new Unavailable(
          false,
          "the recording could not be fetched from " + uri.getHost() + ": " + e.getMessage());
    }
    int status = response.getCode();
    HttpEntity entity = response.getEntity();
    boolean partial = range != null && (status == 206 || status == 416);
    if (!partial && (status != 200 || entity == null) || status == 206 && entity == null) {
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
    org.apache.hc.core5.http.Header contentRange =
        response.getFirstHeader(HttpHeaders.CONTENT_RANGE);
    InputStream body;
    try {
      body = entity == null ? InputStream.nullInputStream() : entity.getContent();
    } catch (IOException e) {
      close(response);
      throw new Unavailable(false, "the recording could not be read: " + e.getMessage());
    }
    Audio audio =
        new Audio() {
          @Override
          public String contentType() {
            String type = entity == null ? null : entity.getContentType();
            return type == null || type.isBlank() ? "audio/mpeg" : type;
          }

          @Override
          public long length() {
            return entity == null ? -1 : entity.getContentLength();
          }
        };
    return new Fetched(
        response, status, contentRange == null ? null : contentRange.getValue(), body, audio);
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
