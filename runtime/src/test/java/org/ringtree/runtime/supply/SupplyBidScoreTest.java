package org.ringtree.runtime.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.LoopbackBuyer;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The call-quality score in a supply-side bid (docs/rtb.md, "The score in a bid"): a publisher's
 * ping is scored as the webhook scores a call; the score is in the ping each buyer receives, in the
 * bid's answer and stored with it, and a target whose minimum score is above it is skipped — not
 * pinged at all. The buyer is a real loopback server standing in for the demo's Slowpoke.
 */
@TestPropertySource(properties = "ringtree.test.context=supply-score")
class SupplyBidScoreTest extends RunningPlatformTest {

  private static final String PING = "/rtb/v1/bid/pi-accidents";
  private static final List<String> POOL = List.of("+18885550102", "+18885559101");

  @Autowired FlowEditingPort editing;
  @Autowired DirectoryStore directory;
  @Autowired FlowStore flows;
  @Autowired JdbcClient jdbc;

  private LoopbackBuyer buyer;
  private String publisherKey;

  @BeforeEach
  void aScoringBuyerOnARouteFirstCampaign() {
    buyer =
        LoopbackBuyer.start().answer("/bid", r -> LoopbackBuyer.acceptedBid("scored-1", "400.00"));
    buyer.standIn(
        directory,
        flows,
        t ->
            LoopbackBuyer.withEndpoint(
                t,
                new Destination.RtbEndpoint(
                    buyer.url("/bid"), 800, BidResponseFormat.RINGTREE, Map.of()),
                "Scorer"));
    publishRouteFirstFlow();
    Api operator = Api.signedIn(baseUrl, "operator", "ringtree-operator-demo");
    assertThat(
            operator
                .put(
                    "/api/directory/rtb-supply/campaigns/pi-accidents",
                    Map.of("marginPercent", 20, "bidTtlSeconds", 60))
                .status())
        .isEqualTo(200);
    for (String number : POOL) {
      directory.save(new TrackingNumber(number, "pi-accidents", "sunrise-media", Map.of()));
      assertThat(
              operator.put("/api/directory/rtb-supply/pool-numbers/" + number, Map.of()).status())
          .isEqualTo(200);
    }
    Api.Reply created =
        Api.signedIn(baseUrl, "publisher", "ringtree-publisher-demo")
            .post("/api/users/me/api-keys", Map.of("name", "rtb"));
    assertThat(created.status()).isEqualTo(201);
    publisherKey = created.json().get("key").asText();
  }

  @AfterEach
  void restore() {
    buyer.close();
  }

  @Test
  void thePingedCallersScoreReachesTheBuyerTheAnswerAndTheStoredBidAndAFloorSkipsATarget()
      throws Exception {
    JsonNode bid = ping("+13105550601");

    assertThat(bid.get("accepted").asBoolean()).isTrue();
    // Scorer's 400.00 beats Bidder One's 310.00; 20% margin leaves 320.00
    assertThat(bid.get("amount").asText()).isEqualTo("320.00");
    int score = bid.get("score").asInt();
    assertThat(score).isBetween(0, 100);
    List<String> received = buyer.bodies("/bid");
    assertThat(received).hasSize(1);
    assertThat(RingtreeJson.mapper().readTree(received.get(0)).get("score").asInt())
        .isEqualTo(score);
    String bidId = bid.get("bidId").asText();
    assertThat(stored(bidId, "score::text")).isEqualTo(String.valueOf(score));
    assertThat(stored(bidId, "trace::text")).contains("SCORED");

    // a floor just above the caller's score: the target is skipped before any ping
    int floor = score + 1;
    assertThat(floor).isLessThanOrEqualTo(100);
    Target scorer = directory.snapshot(Set.of()).target(LoopbackBuyer.DEMO_TARGET).orElseThrow();
    directory.save(scorer.withMinScore(floor));
    publishRouteFirstFlow();

    JsonNode floored = ping("+13105550602");

    assertThat(floored.get("score").asInt()).isEqualTo(score);
    assertThat(buyer.bodies("/bid")).hasSize(1);
    // Bidder One's 310.00 wins instead: 248.00 to the publisher
    assertThat(floored.get("amount").asText()).isEqualTo("248.00");
    assertThat(stored(floored.get("bidId").asText(), "trace::text"))
        .contains(
            "Scorer skipped: the call's score "
                + score
                + " is below the target's minimum "
                + floor);
  }

  /** The campaign's flow reaches its route node at once, so a ping can be priced. */
  private void publishRouteFirstFlow() {
    String flowId =
        editing.flows().stream()
            .filter(f -> f.campaignId().equals("pi-accidents"))
            .findFirst()
            .orElseThrow()
            .flowId();
    FlowDocument routeFirst =
        new FlowDocument(
            1,
            flowId,
            "RTB supply",
            "pi-accidents",
            List.of(
                new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()),
                new FlowNode(
                    "ring",
                    NodeKind.ROUTE,
                    new Position(0, 130),
                    Map.of(
                        "groups", List.of("legal-ring-tree"),
                        "method", "ringTree",
                        "floor", 100,
                        "pingDeadlineMillis", 2000,
                        "dialTimeoutSeconds", 20,
                        "maxAttempts", 3)),
                new FlowNode("bye", NodeKind.HANGUP, new Position(0, 260), Map.of())),
            List.of(
                new FlowEdge("start", "next", "ring"), new FlowEdge("ring", "fallback", "bye")));
    assertThat(editing.publish(routeFirst, "test").published()).isTrue();
  }

  private JsonNode ping(String caller) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + PING))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + publisherKey)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            RingtreeJson.write(
                                Map.of("callerNumber", caller, "state", "CA", "zip", "90210"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RingtreeJson.mapper().readTree(response.body());
  }

  private String stored(String bidId, String column) {
    return jdbc.sql("SELECT " + column + " FROM rtb_supply_bids WHERE id = ?::uuid")
        .param(bidId)
        .query(String.class)
        .single();
  }
}
