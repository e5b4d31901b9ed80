package org.ringtree.runtime.telephony;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The second lock on the voice webhooks: a request that reaches a handler of {@link
 * VoiceWebhookController} must carry the mark {@link WebhookSignatureFilter} sets after checking
 * its signature. The filter decides by path; this decides by the handler Spring MVC actually chose,
 * so a path spelling the filter did not recognise is refused here instead of being answered.
 */
class SignedWebhookInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (handler instanceof HandlerMethod method
        && VoiceWebhookController.class.isAssignableFrom(method.getBeanType())
        && request.getAttribute(WebhookSignatureFilter.VERIFIED) == null) {
      WebhookSignatureFilter.refuse(
          request,
          response,
          request.getRequestURI(),
          "the signature of this webhook was not checked (path spelled "
              + request.getRequestURI()
              + ")");
      return false;
    }
    return true;
  }
}
