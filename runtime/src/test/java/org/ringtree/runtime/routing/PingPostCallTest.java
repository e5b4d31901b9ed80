package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Destination.PingMode;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.support.LoopbackBuyer;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * True ping-post through signed webhooks (docs/rtb.md, "Ping-post"): the demo's Slowpoke becomes a
 * ping-post buyer on a loopback server that bids 400.00, above Bidder One's 310.00. Its ping
 * carries no caller number (the campaign shares it with ping-only buyers); its post carries the
 * number, the IVR answers and its bid id; only a confirmed post is dialled, at the number the
 * confirmation names; a refused or late post goes to the next bid; nobody left is the fallback.
 */
@TestPropertySource(properties = "ringtree.test.context=ping-post")
class PingPostCallTest extends RunningPlatformTest {

  private static final String CALLER = "+13105550142";

  @Autowired FlowStore flows;
  @Autowired DirectoryStore directory;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> pings = new CopyOnWriteArrayList<>();
  private final List<String> posts = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> postAnswer = new AtomicReference<>();
  private final AtomicReference<Long> postDelay = new AtomicReference<>(0L);
  private LoopbackBuyer buyer;

  @BeforeEach
  void aPingPostBuyer() {
    buyer =
        LoopbackBuyer.start()
            .answer(
                "/ping",
                r -> {
                  pings.add(r.body());
                  return LoopbackBuyer.acceptedBid("pp-1", "400.00");
                })
            .answer(
                "/post",
                r -> {
                  posts.add(r.body());
                  LoopbackBuyer.pause(postDelay.get());
                  return postAnswer.get();
                });
    buyer.standIn(
        directory,
        flows,
        t ->
            LoopbackBuyer.withEndpoint(
                t,
                new Destination.RtbEndpoint(
                    buyer.url("/ping"),
                    800,
                    BidResponseFormat.RINGTREE,
                    Map.of(),
                    PingMode.PING_POST,
                    buyer.url("/post"),
                    300,
                    null),
                null));
  }

  @AfterEach
  void restore() {
    buyer.close();
    for (String id : List.of("bidder-one-rtb", "bidder-two-rtb", "acme-main")) {
      directory.setTargetActive(id, true);
    }
  }

  private CallTranscript place() {
    return driver().place(CallScript.demo());
  }

  @Test
  void theWinnerIsPingedAnonymouslyPostedTheCallerAndDialledWhereItsConfirmationSays()
      throws Exception {
    postAnswer.set("{\"accepted\":true,\"destination\":\"+15125550144\"}");

    CallTranscript call = place();

    JsonNode ping = json.readTree(pings.get(0));
    assertThat(ping.at("/caller").has("number")).isFalse();
    assertThat(pings.get(0)).doesNotContain("3105550142");
    assertThat(ping.at("/caller/zip").asText()).isEqualTo("90210");
    JsonNode post = json.readTree(posts.get(0));
    assertThat(post.at("/type").asText()).isEqualTo("post");
    assertThat(post.at("/bidId").asText()).isEqualTo("pp-1");
    assertThat(post.at("/amount").asText()).isEqualTo("400.00");
    assertThat(post.at("/caller/number").asText()).isEqualTo(CALLER);
    assertThat(post.at("/tags").size()).as("the IVR answers").isPositive();
    assertThat(lines(call, "post"))
        .containsExactly(
            "STEP post sent to Slowpoke ping-post for bid pp-1 (400.00 USD), with the caller's"
                + " number, answer within 300 ms",
            "ACCEPTED Slowpoke ping-post confirmed the post: dialling +15125550144 from its"
                + " answer");
    assertThat(dialled(call)).isEqualTo("+15125550144");
    assertThat(ledger(call)).contains("REVENUE BUYER slowpoke 400.00 USD");
  }

  @Test
  void aRefusedPostGoesToTheNextBid() {
    postAnswer.set("{\"accepted\":false,\"reason\":\"duplicate caller\"}");

    CallTranscript call = place();

    assertThat(posts).hasSize(1);
    assertThat(lines(call, "post"))
        .last()
        .isEqualTo("DECLINED Slowpoke ping-post skipped: post refused: duplicate caller");
    assertThat(dialled(call)).as("Bidder One's 310.00 bid").isEqualTo("+15125550111");
    assertThat(ledger(call)).contains("REVENUE BUYER bidder-one 310.00 USD");
  }

  @Test
  void aPostNotAnsweredInItsTimeoutGoesToTheNextBid() {
    postAnswer.set("{\"accepted\":true}");
    postDelay.set(1500L);

    CallTranscript call = place();

    assertThat(lines(call, "post").get(1))
        .startsWith(
            "TIMEOUT Slowpoke ping-post skipped: post not confirmed: no answer to the post");
    assertThat(dialled(call)).isEqualTo("+15125550111");
  }

  @Test
  void whenEveryPingPostBuyerRefusesAndNobodyElseIsLeftTheRouteTakesItsFallback() {
    postAnswer.set("{\"accepted\":false,\"reason\":\"closed\"}");
    for (String id : List.of("bidder-one-rtb", "bidder-two-rtb", "acme-main")) {
      directory.setTargetActive(id, false);
    }

    CallTranscript call = place();

    assertThat(lines(call, "post")).last().asString().startsWith("DECLINED");
    assertThat(lines(call, "route"))
        .contains("EXHAUSTED no buyer left to dial: taking the fallback");
    assertThat(lines(call, "dial")).noneMatch(l -> l.startsWith("DIALLING"));
  }

  /** The number of the first buyer leg dialled. */
  private static String dialled(CallTranscript call) {
    return call.twiml().stream()
        .filter(t -> t.contains("<Dial"))
        .findFirst()
        .map(t -> t.replaceAll("(?s).*<Number[^>]*>([^<]+)</Number>.*", "$1"))
        .orElse("none");
  }

  private List<String> lines(CallTranscript call, String kind) {
    return jdbc.sql(
            "SELECT t.outcome || ' ' || t.reason FROM routing_trace t JOIN calls c"
                + " ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = ? ORDER BY t.seq")
        .params(call.callSid(), kind)
        .query(String.class)
        .list();
  }

  private List<String> ledger(CallTranscript call) {
    return jdbc.sql(
            "SELECT l.kind || ' ' || l.party_type || ' ' || l.party_id || ' ' || l.amount || ' '"
                + " || l.currency FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                + " WHERE c.call_sid = ? ORDER BY l.id")
        .param(call.callSid())
        .query(String.class)
        .list();
  }
}
