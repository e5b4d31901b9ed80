package org.ringtree.runtime.telephony;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ringtree.integrations.telnyx.TelnyxSignatures;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403 and before anything is read or written, every voice webhook whose signature is
 * missing or wrong: {@code X-Twilio-Signature} (Twilio, SignalWire), or Telnyx's Ed25519 {@code
 * telnyx-signature-ed25519} when the request carries that header and a Telnyx public key is
 * configured. The URL Twilio signed is rebuilt from the configured public base URL (see {@link
 * TwilioSignatures}), so the check holds behind a proxy. Telnyx signs the raw body, which is read
 * here, before anything parses it, and handed on to the rest of the chain.
 *
 * <p>Telnyx's signature covers the timestamp and the body, not the URL, so only what it covers is
 * trusted: the fields come from the body alone (the query contributes only Ringtree's own {@code
 * call} and {@code step}), and a signature is good for the one request it first came with ({@link
 * ReplayGuard}): sent again to another endpoint or with another query, it is refused.
 *
 * <p>Which requests are webhooks is decided on the path as Spring MVC will route it (decoded, path
 * parameters removed, slashes merged), compared without case, so {@code /twilio/%76oice/incoming}
 * or {@code /twilio//voice;x/incoming} are checked like the plain spelling. A request that passed
 * is marked ({@link #VERIFIED}); {@link SignedWebhookInterceptor} refuses any request that reaches
 * a voice handler without that mark, whatever its path looked like here.
 */
class WebhookSignatureFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(WebhookSignatureFilter.class);

  /** Tomcat's own limit for a form POST; a webhook is a few hundred bytes. */
  private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  /**
   * Request attribute set once a webhook's signature has been checked: the provider that signed.
   */
  static final String VERIFIED = WebhookSignatureFilter.class.getName() + ".VERIFIED";

  /** Remembers each signature with the request (method, path, query) it first came with. */
  interface ReplayGuard {
    /** Whether the signature is new, or was first used by this same request. */
    boolean admits(String signature, String request);
  }

  private final TwilioSignatures twilio;
  private final TelnyxSignatures telnyx; // null: no Telnyx account configured
  private final ReplayGuard replays;
  private final Clock clock;

  WebhookSignatureFilter(
      TwilioSignatures twilio, TelnyxSignatures telnyx, ReplayGuard replays, Clock clock) {
    this.twilio = twilio;
    this.telnyx = telnyx;
    this.replays = replays;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !WebhookPaths.isUnderBase(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String telnyxSignature = request.getHeader(TelnyxSignatures.SIGNATURE_HEADER);
    if (telnyxSignature != null) {
      checkTelnyx(request, response, chain, path, telnyxSignature);
      return;
    }
    String signature = request.getHeader(TwilioSignatures.HEADER);
    if (!twilio.isValid(path, request.getQueryString(), formParams(request), signature)) {
      refuse(
          request,
          response,
          path,
          (signature == null ? "missing" : "invalid") + " X-Twilio-Signature");
      return;
    }
    request.setAttribute(VERIFIED, "twilio");
    chain.doFilter(request, response);
  }

  private void checkTelnyx(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String path,
      String signature)
      throws IOException, ServletException {
    if (telnyx == null) {
      refuse(
          request,
          response,
          path,
          "a Telnyx signature, but no Telnyx public key is configured (ringtree.telnyx.public-key)");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "webhook body over 2 MB");
      return;
    }
    String timestamp = request.getHeader(TelnyxSignatures.TIMESTAMP_HEADER);
    if (!telnyx.isValid(body, timestamp, signature, clock.instant())) {
      refuse(
          request,
          response,
          path,
          "invalid or expired telnyx-signature-ed25519 (signed at " + timestamp + ")");
      return;
    }
    String query = request.getQueryString();
    String signedRequest = request.getMethod() + " " + path + (query == null ? "" : "?" + query);
    if (!replays.admits(signature, signedRequest)) {
      refuse(
          request,
          response,
          path,
          "this telnyx-signature-ed25519 was used before for another request (a replay)");
      return;
    }
    request.setAttribute(VERIFIED, "telnyx");
    chain.doFilter(CachedBodyRequest.bodyFieldsOnly(request, body), response);
  }

  static void refuse(
      HttpServletRequest request, HttpServletResponse response, String path, String why)
      throws IOException {
    log.warn("Refused {} {}: {}", request.getMethod(), path, why);
    // the reason in the body, for whoever tests the webhook by hand (an error page would drop it)
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("Refused: " + why + "\n");
  }

  /**
   * The POSTed form fields. The servlet API merges them with the query string's, which Twilio signs
   * as part of the URL instead, so names that come from the query are left out.
   */
  private static Map<String, String> formParams(HttpServletRequest request) {
    Set<String> queryNames = new HashSet<>();
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        queryNames.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!queryNames.contains(name) && values.length > 0) {
                form.put(name, values[0]);
              }
            });
    return form;
  }
}
