package org.ringtree.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Destination.PingMode;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;

/** A ping-post target's settings are checked when it is saved, before any call is posted. */
class PingPostTest {

  private static RtbEndpoint pingPost(
      BidResponseFormat format, String postUrl, Map<String, String> mapping) {
    return new RtbEndpoint(
        "https://buyer.example.com/ping",
        500,
        format,
        mapping,
        PingMode.PING_POST,
        postUrl,
        null,
        null);
  }

  @Test
  void aPlatformWithoutAPostStepCannotBePingPost() {
    assertThatThrownBy(
            () -> pingPost(BidResponseFormat.RINGBA, "https://buyer.example.com/post", Map.of()))
        .hasMessage(
            "ping-post needs the RINGTREE, MAPPING or TEMPLATE format: RINGBA documents no"
                + " post step");
  }

  @Test
  void pingPostNeedsAPostUrlAndSaneTimeoutsAndMaximum() {
    assertThatThrownBy(() -> pingPost(BidResponseFormat.RINGTREE, " ", Map.of()))
        .hasMessage("a ping-post target needs a post URL");
    assertThatThrownBy(
            () ->
                new RtbEndpoint(
                    "https://b.example.com/p",
                    500,
                    BidResponseFormat.RINGTREE,
                    null,
                    PingMode.PING_POST,
                    "https://b.example.com/post",
                    20,
                    null))
        .hasMessageContaining("post timeout must be at least 50 ms");
    assertThatThrownBy(
            () ->
                new RtbEndpoint("https://b.example.com/p", 500, BidResponseFormat.RINGTREE, null)
                    .withMaxBid(Money.usd("0")))
        .hasMessageContaining("a declared maximum bid is above zero");
  }

  @Test
  void thePostUrlIsCheckedAsAPingUrlIs() {
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(
                    BidResponseFormat.RINGTREE,
                    "https://user:secret@buyer.example.com/post",
                    Map.of())))
        .get()
        .asString()
        .startsWith("the post: ");
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(
                    BidResponseFormat.RINGTREE,
                    "https://buyer.example.com/post?followRedirects=true",
                    Map.of())))
        .isPresent();
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(BidResponseFormat.RINGTREE, "https://buyer.example.com/post", Map.of())))
        .isEmpty();
  }

  @Test
  void aTemplateOrMappingPostNeedsItsAcceptPathAndAValidTemplate() {
    Map<String, String> paths = Map.of("amount", "$.bid", "destination", "$.number");
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(BidResponseFormat.MAPPING, "https://buyer.example.com/post", paths)))
        .contains(
            "the post: a MAPPING target needs the path of the post answer's accept field"
                + " (post.accepted)");
    Map<String, String> badBody = new java.util.HashMap<>(paths);
    badBody.put("post.accepted", "$.status");
    badBody.put("post.body", "{\"ping_id\": {bidId}}");
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(BidResponseFormat.TEMPLATE, "https://buyer.example.com/post", badBody)))
        .get()
        .asString()
        .startsWith("the post: the body template is not valid JSON once filled in");
    Map<String, String> badHeader = new java.util.HashMap<>(paths);
    badHeader.put("post.accepted", "$.status");
    badHeader.put("post.header.CamelHttpUri", "http://elsewhere");
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(BidResponseFormat.TEMPLATE, "https://buyer.example.com/post", badHeader)))
        .contains("the post: the header CamelHttpUri is set by Ringtree, not by a target");
    Map<String, String> unknown = new java.util.HashMap<>(paths);
    unknown.put("post.accepted", "$.status");
    assertThat(
            RtbRequestTemplate.problem(
                pingPost(
                    BidResponseFormat.TEMPLATE, "https://buyer.example.com/post/{nope}", unknown)))
        .get()
        .asString()
        .startsWith("the post: the URL has an unknown placeholder {nope}");
  }

  @Test
  void thePostTemplateTakesThePingsHeadersUnlessItNamesItsOwn() {
    RtbEndpoint e =
        pingPost(
            BidResponseFormat.TEMPLATE,
            "https://buyer.example.com/post",
            Map.of(
                "request.header.X-Api-Key", "ping-key",
                "request.header.X-Source", "rt",
                "request.body", "{\"zip\": \"{zip}\"}",
                "post.header.X-Api-Key", "post-key",
                "post.body", "{\"id\": \"{bidId}\"}",
                "post.accepted", "$.ok"));

    RtbEndpoint post = PingPost.postEndpoint(e);

    assertThat(post.url()).isEqualTo("https://buyer.example.com/post");
    assertThat(post.pingPost()).isFalse();
    assertThat(RtbRequestTemplate.headers(post.mapping()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("X-Api-Key", "post-key", "X-Source", "rt"));
    assertThat(post.mapping()).containsEntry(RtbRequestTemplate.BODY, "{\"id\": \"{bidId}\"}");
  }

  @Test
  void aPingPostTargetIsPingedWithoutTheNumberAndAPingOnlyOneWithIt() {
    BidRequest shared =
        new BidRequest(
            "c",
            "camp",
            "pub",
            "+15125550111",
            "TX",
            "78701",
            null,
            "512",
            "US",
            Map.of(),
            Instant.EPOCH);

    assertThat(
            shared
                .forPing(pingPost(BidResponseFormat.RINGTREE, "https://b.example.com/post", null))
                .callerNumber())
        .isNull();
    assertThat(
            shared
                .forPing(
                    new RtbEndpoint(
                        "https://b.example.com/p", 500, BidResponseFormat.RINGTREE, null))
                .callerNumber())
        .isEqualTo("+15125550111");
  }

  @Test
  void aTargetStoredBeforePingPostReadsAsPingOnly() throws Exception {
    RtbEndpoint old =
        (RtbEndpoint)
            RingtreeJson.mapper()
                .readValue(
                    "{\"type\":\"rtb\",\"url\":\"https://b.example.com/p\",\"timeoutMillis\":500,"
                        + "\"format\":\"RINGTREE\",\"mapping\":{}}",
                    Destination.class);

    assertThat(old.mode()).isEqualTo(PingMode.RTB);
    assertThat(old.maxBid()).isNull();
    RtbEndpoint roundTrip =
        (RtbEndpoint)
            RingtreeJson.mapper()
                .readValue(
                    RingtreeJson.write(
                        pingPost(BidResponseFormat.RINGTREE, "https://b.example.com/post", null)
                            .withMaxBid(Money.usd("80"))),
                    Destination.class);
    assertThat(roundTrip.pingPost()).isTrue();
    assertThat(roundTrip.postUrl()).isEqualTo("https://b.example.com/post");
    assertThat(roundTrip.maxBid()).isEqualTo(Money.usd("80"));
  }

  @Test
  void aPingOnlyEndpointIsWrittenAsBeforePingPostSoStoredVersionsKeepTheirHashes() {
    assertThat(
            RingtreeJson.write(
                new RtbEndpoint("https://b.example.com/p", 500, BidResponseFormat.RINGTREE, null)))
        .isEqualTo(
            "{\"type\":\"rtb\",\"format\":\"RINGTREE\",\"mapping\":{},"
                + "\"timeoutMillis\":500,\"url\":\"https://b.example.com/p\"}");
  }
}
