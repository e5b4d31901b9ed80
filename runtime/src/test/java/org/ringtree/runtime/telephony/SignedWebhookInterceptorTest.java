package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** The handler-side lock holds even for a path the signature filter would not have recognised. */
class SignedWebhookInterceptorTest {

  private final SignedWebhookInterceptor interceptor = new SignedWebhookInterceptor();

  @Test
  void aVoiceHandlerReachedWithoutACheckedSignatureIsRefused() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/some/other/spelling");
    MockHttpServletResponse response = new MockHttpServletResponse();

    boolean goesOn = interceptor.preHandle(request, response, voiceHandler());

    assertThat(goesOn).isFalse();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).contains("was not checked");
  }

  @Test
  void aVoiceHandlerReachedAfterTheCheckGoesOn() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", WebhookPaths.INCOMING);
    request.setAttribute(WebhookSignatureFilter.VERIFIED, "twilio");

    assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), voiceHandler()))
        .isTrue();
  }

  @Test
  void otherHandlersAreNotItsBusiness() throws Exception {
    HandlerMethod other = new HandlerMethod(new Object(), Object.class.getMethod("toString"));

    assertThat(
            interceptor.preHandle(
                new MockHttpServletRequest("GET", "/api/calls"),
                new MockHttpServletResponse(),
                other))
        .isTrue();
  }

  @Test
  void pathsAreComparedAsTheyAreRouted() {
    assertThat(WebhookPaths.isUnderBase("/twilio/voice/incoming")).isTrue();
    assertThat(WebhookPaths.isUnderBase("//Twilio//VOICE/incoming")).isTrue();
    assertThat(WebhookPaths.isUnderBase("/twilio./voice./incoming.")).isTrue();
    assertThat(WebhookPaths.isUnderBase("/twilio/x/../voice/incoming")).isTrue();
    assertThat(WebhookPaths.isUnderBase("\\twilio\\voice\\status")).isTrue();
    assertThat(WebhookPaths.isUnderBase("/api/calls")).isFalse();
    assertThat(WebhookPaths.isUnderBase("/twilio")).isFalse();
  }

  private static HandlerMethod voiceHandler() throws NoSuchMethodException {
    VoiceWebhookController controller =
        new VoiceWebhookController(
            null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(3), null, null);
    return new HandlerMethod(
        controller,
        VoiceWebhookController.class.getDeclaredMethod("incoming", HttpServletRequest.class));
  }
}
