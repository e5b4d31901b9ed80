package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

class BidResponseParserTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Duration LATENCY = Duration.ofMillis(42);
  private final BidResponseParser parser = new BidResponseParser();

  static PingTarget target(BidResponseFormat format) {
    return target(format, Map.of());
  }

  static PingTarget target(BidResponseFormat format, Map<String, String> mapping) {
    return new PingTarget(
        "buyer-1", new Destination.RtbEndpoint("http://127.0.0.1:1/bid", 500, format, mapping));
  }

  private PingResult parse(BidResponseFormat format, String body) {
    return parser.parse(target(format), 200, body, LATENCY, NOW);
  }

  @Test
  void parsesOurOwnShape() {
    PingResult r =
        parse(
            BidResponseFormat.RINGTREE,
            """
            {"bidId":"b-77","accepted":true,"amount":"42.50","currency":"USD",
             "destination":"+15125550100","expiresInSeconds":60}""");

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.latency()).isEqualTo(LATENCY);
    assertThat(r.bid())
        .hasValueSatisfying(
            b -> {
              assertThat(b.targetId()).isEqualTo("buyer-1");
              assertThat(b.bidId()).isEqualTo("b-77");
              assertThat(b.amount()).isEqualTo(Money.usd("42.50"));
              assertThat(b.destination()).isEqualTo(new Destination.PhoneNumber("+15125550100"));
              assertThat(b.expiresAt()).isEqualTo(NOW.plusSeconds(60));
            });
  }

  @Test
  void keepsAmountsExactWithoutDoubleRounding() {
    PingResult r =
        parse(
            BidResponseFormat.RINGTREE,
            "{\"accepted\":true,\"amount\":0.1,\"destination\":\"sip:q@buyer.example.com\"}");

    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("0.10"));
    assertThat(r.bid().orElseThrow().destination())
        .isEqualTo(new Destination.SipUri("sip:q@buyer.example.com", null, null));
    assertThat(r.bid().orElseThrow().expiresAt()).isNull();
  }

  @Test
  void ourShapeDeclinesWithItsReason() {
    PingResult r =
        parse(BidResponseFormat.RINGTREE, "{\"accepted\":false,\"reason\":\"hours closed\"}");

    assertThat(r.status()).isEqualTo(Status.DECLINED);
    assertThat(r.reason()).isEqualTo("declined: hours closed");
    assertThat(r.bid()).isEmpty();
  }

  @Test
  void parsesRingbaStyle() {
    PingResult r =
        parse(
            BidResponseFormat.RINGBA,
            """
            {"bidId":"RGB123","bidAmount":35.0,"expireInSeconds":30,
             "phoneNumber":"+18885550123","phoneNumberNoPlus":"18885550123","sipAddress":null}""");

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("35.00"));
    assertThat(r.bid().orElseThrow().bidId()).isEqualTo("RGB123");
    assertThat(r.bid().orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void ringbaFallsBackToNoPlusNumberThenSipAddress() {
    assertThat(
            parse(
                    BidResponseFormat.RINGBA,
                    "{\"bidAmount\":5,\"phoneNumberNoPlus\":\"18885550123\"}")
                .bid()
                .orElseThrow()
                .destination())
        .isEqualTo(new Destination.PhoneNumber("+18885550123"));
    assertThat(
            parse(
                    BidResponseFormat.RINGBA,
                    "{\"bidAmount\":5,\"sipAddress\":\"calls@pbx.example.com\"}")
                .bid()
                .orElseThrow()
                .destination())
        .isEqualTo(new Destination.SipUri("sip:calls@pbx.example.com", null, null));
  }

  @Test
  void ringbaRejectReasonIsADecline() {
    PingResult r =
        parse(
            BidResponseFormat.RINGBA,
            "{\"bidAmount\":0,\"rejectReason\":\"Caller state not allowed\"}");

    assertThat(r.status()).isEqualTo(Status.DECLINED);
    assertThat(r.reason()).isEqualTo("declined: Caller state not allowed");
  }

  @Test
  void aRetreaverReservationIsAnAcceptedBidWithItsConversionTimer() {
    // the shape Retreaver documents (learn.retreaver.com, RTB without caller_number, part 2)
    PingResult r =
        parse(
            BidResponseFormat.RETREAVER,
            """
            {"uuid":"64ce5820-a451-475b-be29-26a47ec338b1","status":"reserved",
             "retreaver_payout":330.0,"retreaver_seconds":120,"inbound_number":"+13105550199",
             "expires_at":"2026-11-25T09:02:00.534Z"}\
            """);

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    Bid bid = r.bid().orElseThrow();
    assertThat(bid.amount()).isEqualTo(Money.usd("330.00"));
    assertThat(bid.bidId()).isEqualTo("64ce5820-a451-475b-be29-26a47ec338b1");
    assertThat(bid.destination()).isEqualTo(new Destination.PhoneNumber("+13105550199"));
    assertThat(bid.expiresAt()).isEqualTo(Instant.parse("2026-11-25T09:02:00.534Z"));
    assertThat(bid.conversionTimer()).isEqualTo(Duration.ofSeconds(120));
    assertThat(r.reason()).isEqualTo("bid 330.00 USD, billable after 120 s");
  }

  @Test
  void aConfirmedRetreaverReservationUnderRtbWithOnlyASipAddressIsABid() {
    PingResult r =
        parse(
            BidResponseFormat.RETREAVER,
            """
            {"rtb":{"uuid":"0c4d","status":"confirmed","retreaver_payout":12.5,
             "retreaver_seconds":60,"sip_address":"0c4d@sip.rtb.retreaver.com",
             "expires_at":"2026-11-25T09:02:05Z"}}\
            """);

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().destination())
        .isEqualTo(new Destination.SipUri("sip:0c4d@sip.rtb.retreaver.com", null, null));
    assertThat(r.bid().orElseThrow().conversionTimer()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aRetreaverAnswerWithoutStatusIsInvalidNotABid() {
    PingResult r =
        parse(
            BidResponseFormat.RETREAVER,
            "{\"retreaver_payout\":5,\"inbound_number\":\"+13105550199\"}");

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).isEqualTo("no Retreaver reservation status");
  }

  @Test
  void retreaverRejectedStatusIsADecline() {
    PingResult r =
        parse(BidResponseFormat.RETREAVER, "{\"status\":\"rejected\",\"reason\":\"cap reached\"}");

    assertThat(r.status()).isEqualTo(Status.DECLINED);
    assertThat(r.reason()).isEqualTo("declined: rejected: cap reached");
  }

  @Test
  void retreaverBidThatAlreadyExpiredIsInvalid() {
    PingResult r =
        parse(
            BidResponseFormat.RETREAVER,
            "{\"status\":\"reserved\",\"retreaver_payout\":9,\"inbound_number\":\"+13105550199\","
                + "\"expires_at\":\"2026-11-25T08:59:59Z\"}");

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).startsWith("bid expired on arrival");
  }

  @Test
  void parsesCallGridAccepted() {
    PingResult r =
        parse(
            BidResponseFormat.CALLGRID,
            """
            {"code":1000,"message":"OK","bid":{"bidId":"cg-1","bidAmount":22.5,
             "phoneNumber":"+14045550111","expiresInSeconds":45}}""");

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("22.50"));
    assertThat(r.bid().orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(45));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"code\":2000,\"message\":\"not interested\"} | DECLINED | declined (CallGrid 2000): not interested",
        "{\"code\":3000} | DECLINED | no capacity (CallGrid 3000)",
        "{\"code\":4001,\"message\":\"Disabled\"} | ERROR | campaign disabled (CallGrid 4001):"
            + " Disabled",
        "{\"code\":4002,\"message\":\"Campaign is Paused\"} | DECLINED | campaign paused (CallGrid"
            + " 4002): Campaign is Paused",
        "{\"code\":4003} | ERROR | invalid caller ID (CallGrid 4003)",
        "{\"code\":4004} | DECLINED | capacity check failed (CallGrid 4004)",
        "{\"code\":4005} | DECLINED | duplicate caller (CallGrid 4005)",
        "{\"code\":4006} | ERROR | no PSTN numbers available (CallGrid 4006)",
        "{\"code\":\"4100\"} | ERROR | CallGrid error 4100",
        "{\"code\":1234} | INVALID | unknown CallGrid code 1234",
        "{\"message\":\"hi\"} | INVALID | missing CallGrid 'code'"
      })
  void callGridCodesOnHttp200(String body, Status status, String reason) {
    PingResult r = parse(BidResponseFormat.CALLGRID, body);

    assertThat(r.status()).isEqualTo(status);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.httpStatus()).isEqualTo(200);
  }

  @Test
  void mappingReadsJsonPathsAndPointers() {
    Map<String, String> mapping =
        Map.of(
            "amount", "$.offer.price.value",
            "destination", "/offer/route/did",
            "expiry", "$.offer.ttl",
            "accepted", "$.ok",
            "bidId", "$.offer.id");
    PingResult r =
        parser.parse(
            target(BidResponseFormat.MAPPING, mapping),
            200,
            """
            {"ok":"yes","offer":{"id":"m-9","price":{"value":"12.34"},"route":{"did":"5125550100"},"ttl":20}}""",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("12.34"));
    assertThat(r.bid().orElseThrow().destination())
        .isEqualTo(new Destination.PhoneNumber("+15125550100"));
    assertThat(r.bid().orElseThrow().bidId()).isEqualTo("m-9");
    assertThat(r.bid().orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(20));
  }

  @Test
  void mappingAcceptFlagFalseIsADecline() {
    Map<String, String> mapping =
        Map.of("amount", "$.p", "destination", "$.d", "accepted", "$.ok", "reason", "$.why");

    PingResult r =
        parser.parse(
            target(BidResponseFormat.MAPPING, mapping),
            200,
            "{\"ok\":false,\"why\":\"full\"}",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.DECLINED);
    assertThat(r.reason()).isEqualTo("declined: full");
  }

  @Test
  void aBrokenMappingPathIsInvalidNotAnException() {
    PingResult r =
        parser.parse(
            target(BidResponseFormat.MAPPING, Map.of("amount", "$.[[[", "destination", "$.d")),
            200,
            "{\"d\":\"+15125550100\"}",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).isEqualTo("bad JSON path for amount: $.[[[");
  }

  @Test
  void mappingWithoutAnAcceptFlagBidsWhenThereIsAnAmount() {
    PingResult r =
        parser.parse(
            target(BidResponseFormat.MAPPING, Map.of("amount", "$.p", "destination", "$.d")),
            200,
            "{\"p\":3,\"d\":\"sip:x@y.example\"}",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void mappingWithoutRequiredPathsIsInvalid() {
    PingResult r =
        parser.parse(
            target(BidResponseFormat.MAPPING, Map.of("amount", "$.p")),
            200,
            "{\"p\":1}",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).contains("'amount' and 'destination'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty | '' | INVALID | empty body",
        "blank | '   ' | INVALID | empty body",
        "garbage | <html>oops</html> | INVALID | not JSON: <html>oops</html>",
        "array | [1,2] | INVALID | not a JSON object: [1,2]",
        "zero | {\"accepted\":true,\"amount\":0,\"destination\":\"+15125550100\"} | DECLINED | zero bid",
        "negative | {\"accepted\":true,\"amount\":-5,\"destination\":\"+15125550100\"} | INVALID | negative bid amount -5",
        "absurd | {\"accepted\":true,\"amount\":10000.01,\"destination\":\"+15125550100\"} | INVALID | bid amount 10000.01 exceeds the maximum 10000",
        "no amount | {\"accepted\":true,\"destination\":\"+15125550100\"} | INVALID | no bid amount",
        "text amount | {\"accepted\":true,\"amount\":\"lots\",\"destination\":\"+15125550100\"} | INVALID | unparseable amount 'lots'",
        "no destination | {\"accepted\":true,\"amount\":10} | INVALID | accepted without a destination",
        "bad destination | {\"accepted\":true,\"amount\":10,\"destination\":\"call me\"} | INVALID | unusable destination 'call me'",
        "other currency | {\"accepted\":true,\"amount\":10,\"currency\":\"EUR\",\"destination\":\"+15125550100\"} | INVALID | bid in EUR, expected USD",
        "bad currency | {\"accepted\":true,\"amount\":10,\"currency\":\"dollars\",\"destination\":\"+15125550100\"} | INVALID | unknown currency 'DOLLARS'",
        "no accepted | {\"amount\":10} | INVALID | missing 'accepted'",
        "odd accepted | {\"accepted\":\"maybe\"} | INVALID | 'accepted' is not a boolean: \"maybe\"",
        "expired | {\"accepted\":true,\"amount\":10,\"destination\":\"+15125550100\",\"expiresInSeconds\":0} | INVALID | bid expired on arrival (expires in 0 s)"
      })
  void unusableAnswersAreNoBidWithAReason(String name, String body, Status status, String reason) {
    PingResult r = parse(BidResponseFormat.RINGTREE, body);

    assertThat(r.status()).isEqualTo(status);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.bid()).isEmpty();
  }

  @Test
  void httpErrorsAreErrorsWhateverTheBody() {
    PingResult r =
        parser.parse(
            target(BidResponseFormat.RINGTREE),
            503,
            "{\"accepted\":true,\"amount\":10,\"destination\":\"+15125550100\"}",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.httpStatus()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo("HTTP 503");
  }

  @Test
  void honoursAConfiguredMaximum() {
    BidResponseParser strict =
        new BidResponseParser(new RtbLimits(new java.math.BigDecimal("100"), "USD"));

    PingResult r =
        strict.parse(
            target(BidResponseFormat.RINGBA),
            200,
            "{\"bidAmount\":150,\"phoneNumber\":\"+15125550100\"}",
            LATENCY,
            NOW);

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).isEqualTo("bid amount 150 exceeds the maximum 100");
  }

  @Test
  void hugeGarbageIsClippedInTheReason() {
    PingResult r = parse(BidResponseFormat.RINGTREE, "x".repeat(100_000));

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason().length()).isLessThan(250);
  }
}
