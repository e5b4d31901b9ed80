package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Destination.PingMode;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PostResult;
import org.ringtree.rules.routing.PostResult.Outcome;

/**
 * Ping-post (docs/rtb.md, "Ping-post") against loopback buyers: the exact ping (no caller number,
 * even when the campaign shares it) and the exact post (the number, the IVR answers, the ping's bid
 * id) each buyer receives, and how a post's answer is read.
 */
class PingPostTest {

  // generous post timeouts: the first HTTP call of a fresh Camel context starts its client
  private static final Instant ARRIVED = Instant.parse("2026-11-25T09:00:00Z");
  private static final BidRequest SHARED =
      new BidRequest(
          "call-1",
          "camp-9",
          "pub-3",
          "+15125550111",
          "TX",
          "78701",
          "Austin",
          "512",
          "US",
          Map.of("vertical", "insurance", "ivr_age", "65"),
          ARRIVED);

  private final ObjectMapper json = new ObjectMapper();
  private final List<LoopbackServer> servers = new ArrayList<>();
  private DefaultCamelContext camel;
  private CamelBidCollector collector;
  private CamelBidPoster poster;

  @BeforeEach
  void start() {
    camel = new DefaultCamelContext();
    collector =
        new CamelBidCollector(camel, new BidResponseParser(), PingRateLimiter.unlimited(), r -> {});
    poster = new CamelBidPoster(camel);
    camel.start();
  }

  @AfterEach
  void stop() {
    poster.close();
    collector.close();
    camel.stop();
    servers.forEach(LoopbackServer::close);
  }

  private LoopbackServer buyer(Reply reply) {
    LoopbackServer s = LoopbackServer.always(reply);
    servers.add(s);
    return s;
  }

  private static PingTarget pingPost(
      String id, String pingUrl, String postUrl, BidResponseFormat f, Map<String, String> m) {
    return new PingTarget(
        id,
        new Destination.RtbEndpoint(pingUrl, 1500, f, m, PingMode.PING_POST, postUrl, 400, null));
  }

  private static Bid bid(String targetId, String bidId) {
    return new Bid(
        targetId, bidId, Money.usd("42.50"), new Destination.PhoneNumber("+15125550100"), null);
  }

  @Test
  void aPingPostTargetIsPingedWithoutTheCallersNumberWhileAPingOnlyTargetGetsIt() throws Exception {
    String answer =
        "{\"accepted\":true,\"bidId\":\"b-77\",\"amount\":\"42.50\",\"destination\":\"+15125550100\"}";
    LoopbackServer anonymous = buyer(Reply.json(answer));
    LoopbackServer plain = buyer(Reply.json(answer));
    PingTarget pp =
        pingPost(
            "pp",
            anonymous.url("/ping"),
            anonymous.url("/post"),
            BidResponseFormat.RINGTREE,
            Map.of());
    PingTarget rtb =
        new PingTarget(
            "rtb",
            new Destination.RtbEndpoint(
                plain.url("/ping"), 1500, BidResponseFormat.RINGTREE, null));

    List<PingResult> results = collector.collect(SHARED, List.of(pp, rtb), Duration.ofSeconds(2));

    assertThat(results).extracting(PingResult::status).containsOnly(PingResult.Status.ACCEPTED);
    assertThat(json.readTree(anonymous.requests().get(0).body()))
        .isEqualTo(
            json.readTree(
                """
                {"version":1,"callId":"call-1","campaignId":"camp-9","publisherId":"pub-3",
                 "caller":{"state":"TX","zip":"78701","city":"Austin","areaCode":"512","country":"US"},
                 "tags":{"ivr_age":"65","vertical":"insurance"},
                 "arrivedAt":"2026-11-25T09:00:00Z","timeoutMillis":1500}\
                """));
    assertThat(anonymous.requests().get(0).body()).doesNotContain("5125550111");
    assertThat(json.readTree(plain.requests().get(0).body()).at("/caller/number").asText())
        .isEqualTo("+15125550111");
  }

  @Test
  void theWinnerIsPostedTheCallersNumberAnswersAndBidIdAndItsConfirmationMayNameANewNumber()
      throws Exception {
    LoopbackServer s =
        buyer(Reply.json("{\"accepted\":true,\"destination\":\"+1 (404) 555-0199\"}"));
    PingTarget pp =
        pingPost(
            "pp",
            s.url("/ping"),
            s.url("/post?src=rt"),
            BidResponseFormat.RINGTREE,
            Map.of("request.header.X-Api-Key", "k-1"));

    PostResult r = poster.post(SHARED, pp, bid("pp", "b-77"), Duration.ofMillis(2000));

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIRMED);
    assertThat(r.destination()).isEqualTo(new Destination.PhoneNumber("+14045550199"));
    LoopbackServer.Request req = s.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.uri()).isEqualTo("/post?src=rt");
    assertThat(req.header("X-Api-Key")).isEqualTo("k-1");
    assertThat(json.readTree(req.body()))
        .isEqualTo(
            json.readTree(
                """
                {"version":1,"type":"post","bidId":"b-77","amount":"42.50","currency":"USD",
                 "callId":"call-1","campaignId":"camp-9","publisherId":"pub-3",
                 "caller":{"number":"+15125550111","state":"TX","zip":"78701","city":"Austin",
                           "areaCode":"512","country":"US"},
                 "tags":{"ivr_age":"65","vertical":"insurance"},
                 "arrivedAt":"2026-11-25T09:00:00Z","timeoutMillis":2000}\
                """));
  }

  @Test
  void theCallerNumberIsPostedEvenWhenTheCampaignDidNotShareItWithThePings() throws Exception {
    LoopbackServer s = buyer(Reply.json("{\"accepted\":true}"));
    PingTarget pp =
        pingPost("pp", s.url("/ping"), s.url("/post"), BidResponseFormat.MAPPING, mappingPaths());

    PostResult r = poster.post(SHARED, pp, bid("pp", null), Duration.ofMillis(2000));

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIRMED);
    assertThat(r.destination()).as("no new number: the bid's is dialled").isNull();
    assertThat(json.readTree(s.requests().get(0).body()).at("/caller/number").asText())
        .isEqualTo("+15125550111");
    assertThat(json.readTree(s.requests().get(0).body()).has("bidId")).isFalse();
  }

  private static Map<String, String> mappingPaths() {
    return Map.of(
        "amount", "$.amount", "destination", "$.destination", "post.accepted", "$.accepted");
  }

  @Test
  void aRefusalIsReadWithItsReason() {
    LoopbackServer s = buyer(Reply.json("{\"accepted\":false,\"reason\":\"duplicate caller\"}"));
    PingTarget pp =
        pingPost("pp", s.url("/ping"), s.url("/post"), BidResponseFormat.RINGTREE, Map.of());

    PostResult r = poster.post(SHARED, pp, bid("pp", "b-1"), Duration.ofMillis(2000));

    assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(r.reason()).isEqualTo("duplicate caller");
  }

  @Test
  void aPostNotAnsweredWithinItsTimeoutIsATimeoutAndTheCallerDoesNotWaitLonger() {
    LoopbackServer s = buyer(Reply.json("{\"accepted\":true}").after(1500));
    PingTarget pp =
        pingPost("pp", s.url("/ping"), s.url("/post"), BidResponseFormat.RINGTREE, Map.of());

    long t0 = System.nanoTime();
    PostResult r = poster.post(SHARED, pp, bid("pp", "b-1"), Duration.ofMillis(150));
    long waited = Duration.ofNanos(System.nanoTime() - t0).toMillis();

    assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(waited).isLessThan(1000);
  }

  @Test
  void anHttpErrorOrGarbageIsNotAConfirmation() {
    LoopbackServer error = buyer(new Reply(500, "oops", 0));
    LoopbackServer garbage = buyer(Reply.json("<html>"));
    LoopbackServer noFlag = buyer(Reply.json("{\"ok\":1}"));

    assertThat(
            poster
                .post(
                    SHARED,
                    pingPost(
                        "a", error.url("/p"), error.url("/p"), BidResponseFormat.RINGTREE, null),
                    bid("a", null),
                    Duration.ofMillis(2000))
                .outcome())
        .isEqualTo(Outcome.ERROR);
    assertThat(
            poster
                .post(
                    SHARED,
                    pingPost(
                        "b",
                        garbage.url("/p"),
                        garbage.url("/p"),
                        BidResponseFormat.RINGTREE,
                        null),
                    bid("b", null),
                    Duration.ofMillis(2000))
                .outcome())
        .isEqualTo(Outcome.INVALID);
    PostResult missing =
        poster.post(
            SHARED,
            pingPost("c", noFlag.url("/p"), noFlag.url("/p"), BidResponseFormat.RINGTREE, null),
            bid("c", null),
            Duration.ofMillis(2000));
    assertThat(missing.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(missing.reason()).isEqualTo("missing 'accepted'");
  }

  @Test
  void aTemplatePostInTrackDrivesShapeCarriesThePingIdAndIsReadThroughItsAcceptField()
      throws Exception {
    LoopbackServer s = buyer(Reply.json("{\"status\":\"success\",\"number\":\"+14045550111\"}"));
    Map<String, String> m =
        Map.of(
            "amount", "$.buyers[0].bid",
            "destination", "$.buyers[0].number",
            "post.body",
                "{\"ping_id\": \"{bidId}\", \"caller_id\": \"{callerNumberNoPlus}\","
                    + " \"age\": \"{tag:ivr_age}\"}",
            "post.header.X-Api-Key", "td-key",
            "post.accepted", "$.status",
            "post.acceptedValue", "success",
            "post.destination", "$.number");
    PingTarget pp =
        pingPost(
            "td",
            s.url("/api/v1/inbound_webhooks/ping/acme"),
            s.url("/api/v1/inbound_webhooks/post/acme?traffic_source_id={publisherId}"),
            BidResponseFormat.TEMPLATE,
            m);

    PostResult r = poster.post(SHARED, pp, bid("td", "abc123"), Duration.ofMillis(2000));

    assertThat(r.outcome()).isEqualTo(Outcome.CONFIRMED);
    assertThat(r.destination()).isEqualTo(new Destination.PhoneNumber("+14045550111"));
    LoopbackServer.Request req = s.requests().get(0);
    assertThat(req.uri()).isEqualTo("/api/v1/inbound_webhooks/post/acme?traffic_source_id=pub-3");
    assertThat(req.header("X-Api-Key")).isEqualTo("td-key");
    assertThat(json.readTree(req.body()))
        .isEqualTo(
            json.readTree("{\"ping_id\":\"abc123\",\"caller_id\":\"15125550111\",\"age\":\"65\"}"));
  }

  @Test
  void aTemplateAnswerWhoseAcceptFieldHasAnotherValueIsARefusal() {
    LoopbackServer s = buyer(Reply.json("{\"status\":\"failed\",\"error\":\"caps reached\"}"));
    Map<String, String> m =
        Map.of(
            "amount", "$.bid",
            "destination", "$.number",
            "post.accepted", "$.status",
            "post.acceptedValue", "success",
            "post.reason", "$.error");
    PingTarget pp = pingPost("td", s.url("/ping"), s.url("/post"), BidResponseFormat.TEMPLATE, m);

    PostResult r = poster.post(SHARED, pp, bid("td", "x"), Duration.ofMillis(2000));

    assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(r.reason()).isEqualTo("caps reached");
  }

  @Test
  void theDocumentedPingPostExamplesAreWhatWeSendAndRead() throws Exception {
    BidRequest example =
        new BidRequest(
            "c-01JD4W6Q2M",
            "medicare-tx",
            "pub-42",
            "+15125550111",
            "TX",
            "78701",
            "Austin",
            "512",
            "US",
            Map.of("vertical", "insurance", "ivr_age", "67"),
            Instant.parse("2026-11-25T09:00:00Z"));
    Destination.RtbEndpoint endpoint =
        new Destination.RtbEndpoint(
            "https://b.example.com/ping",
            2000,
            BidResponseFormat.RINGTREE,
            Map.of(),
            PingMode.PING_POST,
            "https://b.example.com/post",
            300,
            null);
    String md = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "rtb.md"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<!-- ((?:ping-post-ping|post|post-answer) [^>]*?) -->\\n```json\\n(.*?)```",
                java.util.regex.Pattern.DOTALL)
            .matcher(md);
    int checked = 0;
    while (m.find()) {
      String[] words = m.group(1).trim().split("\\s+");
      String block = m.group(2);
      switch (words[0]) {
        case "ping-post-ping" ->
            assertThat(
                    json.readTree(
                        RtbDialect.of(BidResponseFormat.RINGTREE)
                            .request(example.forPing(endpoint), endpoint, Duration.ofMillis(2000))
                            .body()))
                .isEqualTo(json.readTree(block));
        case "post" ->
            assertThat(
                    json.readTree(
                        PostDialect.request(
                                example,
                                endpoint,
                                new Bid(
                                    "t",
                                    "b-77",
                                    Money.usd("42.50"),
                                    new Destination.PhoneNumber("+15125550100"),
                                    null),
                                Duration.ofMillis(300))
                            .body()))
                .isEqualTo(json.readTree(block));
        default ->
            assertThat(
                    CamelBidPoster.judge(
                            new PingTarget("t", endpoint), 200, block, Duration.ofMillis(5))
                        .outcome())
                .isEqualTo(Outcome.valueOf(words[2]));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(4);
  }
}
