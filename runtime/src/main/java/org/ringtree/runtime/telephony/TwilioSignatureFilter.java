package org.ringtree.runtime.telephony;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403 and before anything is read or written, every voice webhook whose {@code
 * X-Twilio-Signature} is missing or wrong. The signed URL is rebuilt from the configured public
 * base URL (see {@link TwilioSignatures}), so the check holds behind a proxy.
 */
class TwilioSignatureFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(TwilioSignatureFilter.class);

  private final TwilioSignatures signatures;

  TwilioSignatureFilter(TwilioSignatures signatures) {
    this.signatures = signatures;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(WebhookPaths.BASE + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String signature = request.getHeader(TwilioSignatures.HEADER);
    if (!signatures.isValid(path, request.getQueryString(), formParams(request), signature)) {
      log.warn(
          "Refused {} {}: {} X-Twilio-Signature",
          request.getMethod(),
          path,
          signature == null ? "missing" : "invalid");
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "invalid or missing X-Twilio-Signature");
      return;
    }
    chain.doFilter(request, response);
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
