package org.ringtree.integrations.twilio;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}, and signs requests the
 * way Twilio does (for the test driver and the load generator).
 *
 * <p>Twilio signs the URL <em>it</em> called. Behind a proxy or load balancer the scheme, host and
 * port the application sees differ from that URL, so the URL is rebuilt from the configured public
 * base URL plus the request's path and query string, never from the incoming Host header.
 */
public final class TwilioSignatures {

  /** The HTTP header Twilio puts the signature in. */
  public static final String HEADER = "X-Twilio-Signature";

  private final String authToken;
  private final String publicBaseUrl;
  private final RequestValidator validator;

  /**
   * @param authToken the account's auth token (the HMAC key)
   * @param publicBaseUrl the scheme, host and optional port and path prefix Twilio calls, e.g.
   *     {@code https://calls.example.com} or {@code https://example.com/ringtree}; a trailing slash
   *     is ignored
   */
  public TwilioSignatures(String authToken, String publicBaseUrl) {
    if (authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("a Twilio auth token is required");
    }
    URI base = URI.create(Objects.requireNonNull(publicBaseUrl, "publicBaseUrl"));
    if (base.getScheme() == null
        || base.getHost() == null
        || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
        || base.getQuery() != null) {
      throw new IllegalArgumentException(
          "the public base URL must be an absolute http(s) URL without a query: " + publicBaseUrl);
    }
    this.authToken = authToken;
    this.publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    this.validator = new RequestValidator(authToken);
  }

  /**
   * The URL Twilio called: the public base URL + {@code path} (as received, starting with "/") +
   * {@code "?" + rawQuery} when there is one.
   */
  public String publicUrl(String path, String rawQuery) {
    String p = path == null || path.isEmpty() ? "/" : path;
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return publicBaseUrl + p + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  /**
   * True when {@code signature} is Twilio's signature of this request. A missing signature, a
   * changed parameter, path or query all give false.
   *
   * @param formParams the POSTed form fields (not the query-string ones, which are in the URL)
   */
  public boolean isValid(
      String path, String rawQuery, Map<String, String> formParams, String signature) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    return validator.validate(
        publicUrl(path, rawQuery), formParams == null ? Map.of() : formParams, signature);
  }

  /**
   * Twilio's signature of a form POST to {@code url}: Base64(HMAC-SHA1(token, url + k1v1k2v2…)).
   */
  public String sign(String url, Map<String, String> formParams) {
    return sign(authToken, url, formParams);
  }

  /** As {@link #sign(String, Map)}, for a driver that has no validator configured. */
  public static String sign(String authToken, String url, Map<String, String> formParams) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(formParams == null ? Map.<String, String>of() : formParams)
        .forEach((k, v) -> data.append(k).append(v == null ? "" : v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }
}
