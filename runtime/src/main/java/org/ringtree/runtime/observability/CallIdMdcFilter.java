package org.ringtree.runtime.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the provider's call id (Twilio's CallSid) into the log context of every request. Runs after
 * telephony.WebhookSignatureFilter: reading a parameter consumes a form body, whose raw bytes a
 * Telnyx signature covers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class CallIdMdcFilter extends OncePerRequestFilter {

  public static final String MDC_KEY = "callId";
  private static final int MAX_LENGTH = 128;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String callSid = request.getParameter("CallSid");
    if (callSid != null && !callSid.isBlank()) {
      // the value is only logged; cap its length and strip anything that is not an id character
      String safe = callSid.replaceAll("[^A-Za-z0-9_:-]", "");
      MDC.put(MDC_KEY, safe.substring(0, Math.min(safe.length(), MAX_LENGTH)));
    }
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
