package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Loopback buyers in each platform's shape (docs/rtb.md): the exact request each receives (method,
 * path and query, headers, body) and how its answers are read.
 */
class RtbShapesTest {

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
  private static final BidRequest ANONYMOUS =
      new BidRequest(
          "call-2",
          "camp-9",
          "pub-3",
          null,
          "TX",
          "78701",
          "Austin",
          "512",
          "US",
          Map.of("vertical", "insurance"),
          ARRIVED);

  private final ObjectMapper json = new ObjectMapper();
  private final List<LoopbackServer> servers = new ArrayList<>();
  private DefaultCamelContext camel;
  private CamelBidCollector collector;

  @BeforeEach
  void start() {
    camel = new DefaultCamelContext();
    collector =
        new CamelBidCollector(camel, new BidResponseParser(), PingRateLimiter.unlimited(), r -> {});
    camel.start();
  }

  @AfterEach
  void stop() {
    collector.close();
    camel.stop();
    servers.forEach(LoopbackServer::close);
  }

  private LoopbackServer buyer(String answer) {
    LoopbackServer s = LoopbackServer.always(Reply.json(answer));
    servers.add(s);
    return s;
  }

  private PingResult ping(BidRequest request, PingTarget target) {
    return collector.collect(request, List.of(target), Duration.ofSeconds(2)).get(0);
  }

  private static PingTarget target(
      String url, BidResponseFormat format, Map<String, String> mapping) {
    return new PingTarget("t", new Destination.RtbEndpoint(url, 1500, format, mapping));
  }

  @Test
  void ringbaIsPostedItsJsonWithTheCallerIdExposedAndConfiguredTagNames() throws Exception {
    LoopbackServer s =
        buyer(
            "{\"bidId\":\"RGB1\",\"bidAmount\":35.0,\"expireInSeconds\":30,"
                + "\"phoneNumber\":\"+18885550123\",\"phoneNumberNoPlus\":\"18885550123\"}");

    PingResult r =
        ping(
            SHARED,
            target(
                s.url("/v1/production/RTB123.json"),
                BidResponseFormat.RINGBA,
                Map.of("field.state", "State", "field.publisherId", "SubID")));

    LoopbackServer.Request req = s.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.uri()).isEqualTo("/v1/production/RTB123.json");
    assertThat(req.contentType()).startsWith("application/json");
    assertThat(json.readTree(req.body()))
        .isEqualTo(
            json.readTree(
                """
                {"CID":"15125550111","exposeCallerId":"yes","zipcode":"78701","State":"TX",
                 "SubID":"pub-3","ivr_age":"65","vertical":"insurance"}\
                """));
    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().bidId()).isEqualTo("RGB1");
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("35.00"));
    assertThat(r.bid().orElseThrow().destination())
        .isEqualTo(new Destination.PhoneNumber("+18885550123"));
  }

  @Test
  void ringbaWithoutASharedNumberGetsNoCallerIdAndItsRejectReasonIsTheDecline() throws Exception {
    LoopbackServer s =
        buyer("{\"bidId\":\"b7\",\"bidAmount\":0,\"rejectReason\":\"Missing required fields\"}");

    PingResult r =
        ping(ANONYMOUS, target(s.url("/v1/production/X.json"), BidResponseFormat.RINGBA, Map.of()));

    assertThat(json.readTree(s.requests().get(0).body()))
        .isEqualTo(json.readTree("{\"zipcode\":\"78701\",\"vertical\":\"insurance\"}"));
    assertThat(r.status()).isEqualTo(Status.DECLINED);
    assertThat(r.reason()).isEqualTo("declined: Missing required fields");
  }

  @Test
  void aRingbaBidThatExpiresOnArrivalIsNotABid() {
    LoopbackServer s =
        buyer(
            "{\"bidId\":\"b8\",\"bidAmount\":20,\"expireInSeconds\":0,\"phoneNumber\":\"+18885550123\"}");

    PingResult r = ping(SHARED, target(s.url("/r.json"), BidResponseFormat.RINGBA, Map.of()));

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).isEqualTo("bid expired on arrival (expires in 0 s)");
  }

  @Test
  void retreaverIsPostedTheCallInItsQueryAndItsReservationIsABidWithAConversionTimer() {
    LoopbackServer s =
        buyer(
            """
            {"uuid":"64ce5820","status":"reserved","retreaver_payout":330.0,
             "retreaver_seconds":120,"inbound_number":"+13105550199",
             "expires_at":"2099-05-05T06:26:06.534Z"}\
            """);

    PingResult r =
        ping(
            SHARED,
            target(s.url("/rtbs.json?key=f38240dd"), BidResponseFormat.RETREAVER, Map.of()));

    LoopbackServer.Request req = s.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.uri())
        .isEqualTo(
            "/rtbs.json?key=f38240dd&caller_number=%2B15125550111&ivr_age=65&vertical=insurance");
    assertThat(req.body()).isEmpty();
    assertThat(r.status()).as(r.reason()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("330.00"));
    assertThat(r.bid().orElseThrow().bidId()).isEqualTo("64ce5820");
    assertThat(r.bid().orElseThrow().conversionTimer()).isEqualTo(Duration.ofSeconds(120));
    assertThat(r.bid().orElseThrow().expiresAt())
        .isEqualTo(Instant.parse("2099-05-05T06:26:06.534Z"));
    assertThat(r.reason()).isEqualTo("bid 330.00 USD, billable after 120 s");
  }

  @Test
  void retreaverWithoutASharedNumberIsAskedWithoutCallerNumber() {
    LoopbackServer s = buyer("{\"status\":\"rejected\",\"message\":\"no buyers\"}");

    PingResult r =
        ping(ANONYMOUS, target(s.url("/rtbs.json?key=k"), BidResponseFormat.RETREAVER, Map.of()));

    assertThat(s.requests().get(0).uri()).isEqualTo("/rtbs.json?key=k&vertical=insurance");
    assertThat(r.status()).isEqualTo(Status.DECLINED);
    assertThat(r.reason()).isEqualTo("declined: rejected: no buyers");
  }

  @Test
  void callGridIsPostedItsJsonWithPstnAndEachCodeReadsAsItMeans() throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put(
        "{\"code\":1000,\"message\":\"Bid"
            + " accepted\",\"bidAmount\":22.5,\"phoneNumber\":\"+14045550111\"}",
        "ACCEPTED|bid 22.50 USD");
    answers.put(
        "{\"code\":2000,\"message\":\"Declined\"}", "DECLINED|declined (CallGrid 2000): Declined");
    answers.put("{\"code\":3000}", "DECLINED|no capacity (CallGrid 3000)");
    answers.put(
        "{\"code\":4001,\"message\":\"Disabled\"}",
        "ERROR|campaign disabled (CallGrid 4001): Disabled");
    answers.put("{\"code\":4002}", "DECLINED|campaign paused (CallGrid 4002)");
    answers.put("{\"code\":4003}", "ERROR|invalid caller ID (CallGrid 4003)");
    answers.put("{\"code\":4004}", "DECLINED|capacity check failed (CallGrid 4004)");
    answers.put("{\"code\":4005}", "DECLINED|duplicate caller (CallGrid 4005)");
    answers.put("{\"code\":4006}", "ERROR|no PSTN numbers available (CallGrid 4006)");

    for (Map.Entry<String, String> a : answers.entrySet()) {
      LoopbackServer s = buyer(a.getKey());
      PingResult r =
          ping(SHARED, target(s.url("/api/bid/cm97s8"), BidResponseFormat.CALLGRID, Map.of()));

      LoopbackServer.Request req = s.requests().get(0);
      assertThat(req.method()).isEqualTo("POST");
      assertThat(req.uri()).isEqualTo("/api/bid/cm97s8");
      assertThat(json.readTree(req.body()))
          .isEqualTo(
              json.readTree(
                  """
                  {"CallerId":"+15125550111","InboundStateCode":"TX","InboundZipCode":"78701",
                   "PublisherId":"pub-3","pstn":true,"ivr_age":"65","vertical":"insurance"}\
                  """));
      String[] expected = a.getValue().split("\\|");
      assertThat(r.status()).as(a.getKey()).isEqualTo(Status.valueOf(expected[0]));
      assertThat(r.reason()).as(a.getKey()).isEqualTo(expected[1]);
    }
  }

  @Test
  void aTemplateFillsUrlBodyAndHeadersEachEncodedForWhereItLands() throws Exception {
    LoopbackServer s = buyer("{\"price\":\"17.25\",\"did\":\"5125550100\",\"secs\":90,\"ttl\":30}");
    BidRequest request =
        new BidRequest(
            "call-3",
            "camp 9/x",
            "pub-3",
            "+15125550111",
            "TX",
            "78701",
            null,
            "512",
            "US",
            Map.of("note", "he said \"hi\"&x=1", "age", "65"),
            ARRIVED);
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("request.method", "POST");
    mapping.put(
        "request.body", "{\"zip\":\"{zip}\",\"note\":\"{tag:note}\",\"who\":\"{callerNumber}\"}");
    mapping.put("request.header.X-Api-Key", "s3cret");
    mapping.put("amount", "$.price");
    mapping.put("destination", "$.did");
    mapping.put("conversionSeconds", "$.secs");
    mapping.put("expiry", "$.ttl");

    PingResult r =
        ping(
            request,
            target(
                s.url("/ping/{campaignId}?cid={callerNumber}&age={tag:age}&n={tag:note}"),
                BidResponseFormat.TEMPLATE,
                mapping));

    LoopbackServer.Request req = s.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.uri())
        .isEqualTo("/ping/camp%209%2Fx?cid=%2B15125550111&age=65&n=he%20said%20%22hi%22%26x%3D1");
    assertThat(req.header("X-Api-Key")).isEqualTo("s3cret");
    assertThat(req.contentType()).startsWith("application/json");
    assertThat(json.readTree(req.body()).get("note").asText()).isEqualTo("he said \"hi\"&x=1");
    assertThat(json.readTree(req.body()).get("who").asText()).isEqualTo("+15125550111");
    assertThat(r.status()).as(r.reason()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("17.25"));
    assertThat(r.bid().orElseThrow().conversionTimer()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aFormTemplateIsFormEncodedAndAGetTemplateHasNoBody() {
    LoopbackServer form = buyer("{\"ok\":false,\"why\":\"closed\"}");
    LoopbackServer get = buyer("{\"ok\":false}");
    BidRequest request =
        new BidRequest(
            "call-4",
            "c",
            "p",
            null,
            "TX",
            "78701",
            null,
            null,
            "US",
            Map.of("note", "a&b=c d"),
            ARRIVED);
    Map<String, String> answer =
        Map.of("amount", "$.p", "destination", "$.d", "accepted", "$.ok", "reason", "$.why");
    Map<String, String> formMapping = new LinkedHashMap<>(answer);
    formMapping.put("request.body", "zip={zip}&note={tag:note}&cid={callerNumber}");
    formMapping.put("request.bodyType", "form");
    Map<String, String> getMapping = new LinkedHashMap<>(answer);
    getMapping.put("request.method", "GET");

    PingResult f = ping(request, target(form.url("/f"), BidResponseFormat.TEMPLATE, formMapping));
    PingResult g =
        ping(
            request,
            target(get.url("/g?st={state}&n={tag:note}"), BidResponseFormat.TEMPLATE, getMapping));

    LoopbackServer.Request fr = form.requests().get(0);
    assertThat(fr.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(fr.body()).isEqualTo("zip=78701&note=a%26b%3Dc+d&cid=");
    assertThat(f.status()).isEqualTo(Status.DECLINED);
    assertThat(f.reason()).isEqualTo("declined: closed");
    LoopbackServer.Request gr = get.requests().get(0);
    assertThat(gr.method()).isEqualTo("GET");
    assertThat(gr.uri()).isEqualTo("/g?st=TX&n=a%26b%3Dc%20d");
    assertThat(gr.body()).isEmpty();
    assertThat(g.status()).isEqualTo(Status.DECLINED);
  }
}
