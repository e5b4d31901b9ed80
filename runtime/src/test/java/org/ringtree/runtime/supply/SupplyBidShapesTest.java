package org.ringtree.runtime.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The margin arithmetic and both request and answer shapes, without a platform. */
class SupplyBidShapesTest {

  private static SupplyBidStore.CampaignSettings margin(String percent, String fixed) {
    return new SupplyBidStore.CampaignSettings(
        "c", true, new BigDecimal(percent), new BigDecimal(fixed), new BigDecimal("0.01"), 60);
  }

  @Test
  void thePayoutIsThePriceLessThePercentAndFixedMarginRoundedDownToTheCent() {
    assertThat(SupplyBids.payout(new BigDecimal("310.00"), margin("20", "0")))
        .isEqualByComparingTo("248.00");
    assertThat(SupplyBids.payout(new BigDecimal("33.33"), margin("15", "1.00")))
        .isEqualByComparingTo("27.33"); // 33.33 - 4.9995 - 1.00 = 27.3305
    assertThat(SupplyBids.payout(new BigDecimal("5.00"), margin("0", "6.00"))).isZero();
    assertThat(SupplyBids.payout(null, margin("10", "0"))).isZero();
  }

  @Test
  void callerIdsAreReadInRingbasSpellingsAndAnythingElseIsRefused() {
    assertThat(SupplyBidController.e164("15557779999")).isEqualTo("+15557779999");
    assertThat(SupplyBidController.e164("5557779999")).isEqualTo("+15557779999");
    assertThat(SupplyBidController.e164("+1 (555) 777-9999")).isEqualTo("+15557779999");
    assertThat(SupplyBidController.e164("+442071234567")).isEqualTo("+442071234567");
    assertThat(SupplyBidController.e164("call me")).isNull();
    assertThat(SupplyBidController.e164("12")).isNull();
  }

  @Test
  void aBidsSipAddressIsReadFromTwiliosToWhateverItsCaseParametersOrPortAndNothingElseIs() {
    String token = "0123456789abcdef0123456789abcdef";
    String domain = "ringtree.sip.twilio.com";
    assertThat(SipAddresses.sipToken("sip:bid-" + token + "@ringtree.sip.twilio.com", domain))
        .contains(token);
    assertThat(SipAddresses.sipToken("SIP:bid-" + token + "@RingTree.sip.twilio.com:5060", domain))
        .contains(token);
    assertThat(SipAddresses.sipToken("sips:bid-" + token + "@ringtree.sip.twilio.com;x=y", domain))
        .contains(token);
    assertThat(SipAddresses.sipToken("sip:bid-" + token + "@other.sip.twilio.com", domain))
        .isEmpty();
    assertThat(SipAddresses.sipToken("sip:bid-" + token + "x@ringtree.sip.twilio.com", domain))
        .isEmpty();
    assertThat(SipAddresses.sipToken("sip:alice@ringtree.sip.twilio.com", domain)).isEmpty();
    assertThat(SipAddresses.sipToken("+18885550102", domain)).isEmpty();
    assertThat(SipAddresses.sipToken(null, domain)).isEmpty();
  }

  @Test
  void theCallersNumberIsTheUserPartOfTheSipFrom() {
    assertThat(SipAddresses.sipCaller("sip:+13105550201@192.0.2.10")).isEqualTo("+13105550201");
    assertThat(SipAddresses.sipCaller("sip:13105550201@192.0.2.10;tag=1"))
        .isEqualTo("+13105550201");
    assertThat(SipAddresses.sipCaller("sip:3105550201@carrier.example")).isEqualTo("+13105550201");
    assertThat(SipAddresses.sipCaller("+13105550201")).isEqualTo("+13105550201");
    assertThat(SipAddresses.sipCaller("sip:alice@192.0.2.10")).isEqualTo("sip:alice@192.0.2.10");
  }

  @Test
  void aRingbaPingsOtherValuesBecomeTagsAndItsStateTagTheCallersState() {
    SupplyBids.Ping ping =
        SupplyBidController.ping(
            BidShape.RINGBA,
            "pub",
            "camp",
            "{\"CID\": \"13105550111\", \"exposeCallerId\": \"yes\", \"zipcode\": \"90210\","
                + " \"State\": \"ca\", \"SubID\": \"aff-7\"}",
            "700");

    assertThat(ping.callerNumber()).isEqualTo("+13105550111");
    assertThat(ping.zip()).isEqualTo("90210");
    assertThat(ping.state()).isEqualTo("CA");
    assertThat(ping.tags()).containsEntry("SubID", "aff-7").doesNotContainKey("CID");
    assertThat(ping.deadline().toMillis()).isEqualTo(700);
  }

  @Test
  void badPingsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> SupplyBidController.ping(BidShape.RINGTREE, "p", "c", "[1]", null))
        .hasMessageContaining("JSON object");
    assertThatThrownBy(
            () ->
                SupplyBidController.ping(
                    BidShape.RINGTREE,
                    "p",
                    "c",
                    "{\"callerNumber\": \"+13105550111\"," + " \"zip\": \"9021\"}",
                    null))
        .hasMessageContaining("five digits");
    assertThatThrownBy(
            () ->
                SupplyBidController.ping(
                    BidShape.RINGTREE,
                    "p",
                    "c",
                    "{\"callerNumber\": \"+13105550111\", \"deadlineMillis\": 60000}",
                    null))
        .hasMessageContaining("between 50 and 5000");
  }

  @Test
  void answersAreWrittenInTheShapePinged() {
    UUID id = UUID.randomUUID();
    var bid =
        new SupplyBids.Answer.Bid(
            id, new BigDecimal("248.00"), "USD", "+18885550102", 60, false, null);
    Map<String, Object> ringba = BidAnswers.body(BidShape.RINGBA, bid);
    assertThat(ringba)
        .containsEntry("bidAmount", new BigDecimal("248.00"))
        .containsEntry("expireInSeconds", 60L)
        .containsEntry("phoneNumber", "+18885550102")
        .containsEntry("phoneNumberNoPlus", "18885550102");
    assertThat(BidAnswers.body(BidShape.RINGTREE, bid))
        .containsEntry("accepted", true)
        .containsEntry("amount", "248.00")
        .containsEntry("destination", "+18885550102");
    var none =
        new SupplyBids.Answer.NoBid(id, SupplyBids.NoBidCode.NO_CAPACITY, "every buyer declined");
    assertThat(BidAnswers.body(BidShape.RINGBA, none).get("rejectReason"))
        .isEqualTo("1003 - No capacity: every buyer declined");
    assertThat(BidAnswers.body(BidShape.RINGTREE, none))
        .containsEntry("accepted", false)
        .containsEntry("code", "no_capacity");
    assertThat(BidAnswers.shapeOf("/rtb/v1/bid/x/ringba")).isEqualTo(BidShape.RINGBA);
  }
}
