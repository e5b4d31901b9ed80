package org.ringtree.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A path counts against its limit however it is spelled. */
class LimitedPathsTest {

  @Test
  void everySpellingOfAnApiPathCountsAsTheApi() {
    for (String uri :
        new String[] {
          "/api/portal/calls",
          "/api/%70ortal/calls",
          "/API/portal",
          "//api//portal",
          "/api;x=1/portal",
          "/demo/../api/portal",
          "/api./portal"
        }) {
      assertThat(LimitedPaths.kind(request("GET", uri))).as(uri).isEqualTo(LimitedPaths.Kind.API);
    }
  }

  @Test
  void conversionsWebhooksAndTheSignInFormHaveTheirOwnLimits() {
    assertThat(LimitedPaths.kind(request("POST", "/api/postbacks/%63onversions/bidder-one")))
        .isEqualTo(LimitedPaths.Kind.CONVERSION);
    assertThat(LimitedPaths.kind(request("POST", "/twilio/voice/incoming")))
        .isEqualTo(LimitedPaths.Kind.WEBHOOK);
    assertThat(LimitedPaths.kind(request("POST", "/twilio/%76oice/incoming")))
        .isEqualTo(LimitedPaths.Kind.WEBHOOK);
    assertThat(LimitedPaths.kind(request("POST", "/login")))
        .isEqualTo(LimitedPaths.Kind.SIGN_IN_FORM);
    assertThat(LimitedPaths.kind(request("GET", "/login"))).isEqualTo(LimitedPaths.Kind.OTHER);
    assertThat(LimitedPaths.kind(request("GET", "/flows"))).isEqualTo(LimitedPaths.Kind.OTHER);
  }

  @Test
  void onlyAFlowSubmissionGetsTheFlowSizedBody() {
    assertThat(LimitedPaths.isFlowSubmission("/api/compliance/flows/demo/versions", "POST"))
        .isTrue();
    assertThat(LimitedPaths.isFlowSubmission("/api/compliance/flows/demo/versions", "GET"))
        .isFalse();
    assertThat(LimitedPaths.isFlowSubmission("/api/users", "POST")).isFalse();
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1"))
        .isEqualTo(ClientAddress.key("2001:db8:1:2::ffff"));
    assertThat(ClientAddress.key("2001:db8:1:3::1"))
        .isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
    assertThat(ClientAddress.key("192.0.2.1")).isEqualTo("192.0.2.1");
  }

  private static MockHttpServletRequest request(String method, String uri) {
    MockHttpServletRequest r = new MockHttpServletRequest(method, uri);
    r.setRequestURI(uri);
    return r;
  }
}
