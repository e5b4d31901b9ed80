package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal APIs take the console's session sign-in (CSRF token on unsafe requests) as well as
 * HTTP Basic and API keys, with the same role rule and the same per-party scoping however the path
 * is spelled.
 */
class PortalSignInTest extends SecuredAppTest {

  @Autowired JdbcClient jdbc;

  private String bidderOnes;
  private String sunrises;
  private String billboards;

  @BeforeEach
  void calls() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    PortalCalls calls = new PortalCalls(jdbc);
    Instant now = Instant.now();
    bidderOnes = "CA-si-b1-" + run;
    calls.call(bidderOnes, "blue-billboard", "bidder-one", "300.00", "180.00", now, true);
    sunrises = "CA-si-s-" + run;
    calls.call(sunrises, "sunrise-media", "bidder-two", "275.00", "200.00", now, true);
    billboards = "CA-si-bb-" + run;
    calls.call(billboards, "blue-billboard", "bidder-two", "250.00", "150.00", now, true);
  }

  private BrowserSession session(String user) {
    // the documented demo passwords (security.DemoUsers)
    return BrowserSession.signIn("http://127.0.0.1:" + port, user, "ringtree-" + user + "-demo");
  }

  @Test
  void aBuyerSignedInWithTheConsoleSessionReadsItsPortal() {
    BrowserSession buyer = session(BUYER);

    BrowserSession.Reply calls = buyer.get("/api/portal/calls");
    assertThat(calls.status()).as(calls.body()).isEqualTo(200);
    List<String> sids = new ArrayList<>();
    calls.json().forEach(c -> sids.add(c.get("callSid").asText()));
    assertThat(sids).contains(bidderOnes).doesNotContain(sunrises, billboards);
    assertThat(buyer.get("/api/portal/me").json().get("buyerId").asText()).isEqualTo("bidder-one");
    // the session opens the portal only: the rest of the API still wants its own credentials
    assertThat(buyer.get("/api/calls").status()).isEqualTo(401);
  }

  @Test
  void anUnsafeRequestOnTheSessionNeedsTheCsrfToken() {
    BrowserSession buyer = session(BUYER);
    Map<String, String> dispute = Map.of("callSid", bidderOnes, "reason", "caller hung up at once");

    BrowserSession.Reply forged = buyer.post("/api/portal/disputes", dispute);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(disputesOf(bidderOnes)).isZero();

    BrowserSession.Reply withToken = buyer.postWithCsrf("/api/portal/disputes", dispute);
    assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);
    assertThat(disputesOf(bidderOnes)).isOne();
  }

  @Test
  void basicAndApiKeysStillWorkWithoutASessionOrCsrf() {
    assertThat(as(BUYER).get("/api/portal/calls").status()).isEqualTo(200);
    assertThat(as(BUYER).get("/api/portal/calls").header("Set-Cookie")).isNull();
    assertThat(as(BUYER).get("/api/portal/calls").header("Set-Cookie")).isNull();
    var reply =
        as(BUYER)
            .post(
                "/api/portal/disputes",
                Map.of("callSid", bidderOnes, "reason", "the caller was a robot"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(as(BUYER, "wrong-password").get("/api/portal/calls").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/portal/calls").status()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsRefusedEvenWithAValidSessionCookie() {
    BrowserSession buyer = session(BUYER);
    String wrong =
        "Basic " + Base64.getEncoder().encodeToString("buyer:not-the-password".getBytes());

    assertThat(buyer.getWithHeader("/api/portal/calls", "Authorization", wrong).status())
        .isEqualTo(401);
    assertThat(buyer.getWithHeader("/api/portal/calls", "X-Api-Key", "rt_no_such_key").status())
        .isEqualTo(401);
  }

  @Test
  void aPublisherNeverSeesAnotherPublishersCallHoweverThePathIsSpelled() {
    BrowserSession publisher = session(PUBLISHER);

    assertThat(publisher.get("/api/portal/calls/" + sunrises).status()).isEqualTo(200);
    BrowserSession.Reply list = publisher.get("/api/portal/calls");
    assertThat(list.body()).contains(sunrises).doesNotContain(billboards, bidderOnes);
    for (String spelling :
        List.of(
            "/api/portal/calls/",
            "/api/%70ortal/calls/",
            "/api/portal/%63alls/",
            "/api//portal/calls/",
            "/api/portal/./calls/",
            "/api/x/../portal/calls/",
            "/API/portal/calls/",
            "/api/portal/calls;x=1/",
            "/api/portal/calls/%2F")) {
      BrowserSession.Reply r = publisher.get(spelling + billboards);
      assertThat(r.body())
          .as(spelling)
          .doesNotContain("blue-billboard")
          .doesNotContain("150.00")
          .doesNotContain("callSid");
      // an upper-case /API is no API path at all: the console answers it with its own page
      assertThat(r.status() != 200 || r.contentType().startsWith("text/html"))
          .as(spelling + " " + r.status() + " " + r.contentType())
          .isTrue();
    }
    assertThat(publisher.get("/api/portal/calls/" + billboards).status()).isEqualTo(404);
    assertThat(publisher.get("/api/%70ortal/calls/" + billboards).status()).isIn(400, 404);
  }

  @Test
  void staffSignedInToTheConsoleDoNotUseThePortal() {
    BrowserSession operator = session(OPERATOR);
    assertThat(operator.get("/api/portal/calls").status()).isEqualTo(403);
    assertThat(operator.get("/api/%70ortal/calls").status()).isIn(400, 403);
    assertThat(operator.get("/api/portal/calls").body()).doesNotContain(bidderOnes);
  }

  private long disputesOf(String sid) {
    return jdbc.sql(
            "SELECT count(*) FROM disputes d JOIN calls c ON c.id = d.call_id WHERE c.call_sid = ?")
        .param(sid)
        .query(Long.class)
        .single();
  }
}
