package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.telnyx.TelnyxSignatures;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebhookSignatureFilterTest {

  @Test
  void aTelnyxSignedWebhookIsRefusedWhenNoTelnyxKeyIsConfiguredSayingWhy() throws Exception {
    WebhookSignatureFilter filter =
        new WebhookSignatureFilter(
            new TwilioSignatures("token", "https://calls.example.com"), null, Clock.systemUTC());
    MockHttpServletRequest request = new MockHttpServletRequest("POST", WebhookPaths.INCOMING);
    request.setContentType("application/x-www-form-urlencoded");
    request.setContent("CallSid=v3:abc".getBytes(StandardCharsets.UTF_8));
    request.addHeader(TelnyxSignatures.SIGNATURE_HEADER, "c2lnbmF0dXJl");
    request.addHeader(TelnyxSignatures.TIMESTAMP_HEADER, "1790000000");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getErrorMessage()).contains("ringtree.telnyx.public-key");
    assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
  }
}
