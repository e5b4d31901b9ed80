package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo publisher user is linked to Sunrise Media and the demo buyer user to Bidder One: each
 * sees only its own calls and its own side of the money.
 */
class PortalTest extends SecuredAppTest {

  @Autowired JdbcClient jdbc;
  @Autowired PortalStore store;

  private String ours;
  private String sunriseToBidderTwo;
  private String billboardToBidderOne;

  @BeforeEach
  void threeCalls() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ours = call("CA-ours-" + run, "sunrise-media", "bidder-one", "310.00", "200.00");
    sunriseToBidderTwo = call("CA-s2-" + run, "sunrise-media", "bidder-two", "275.00", "200.00");
    billboardToBidderOne = call("CA-b1-" + run, "blue-billboard", "bidder-one", "300.00", "180.00");
  }

  @Test
  void aPublisherSeesOnlyItsOwnCallsAndWhatItEarnedNotWhatBuyersPaid() {
    JsonNode calls = as(PUBLISHER).get("/api/portal/calls").json();

    assertThat(sids(calls)).contains(ours, sunriseToBidderTwo).doesNotContain(billboardToBidderOne);
    assertThat(publishers(calls)).containsOnly("sunrise-media");
    assertThat(calls.toString())
        .doesNotContain("revenue")
        .doesNotContain("spend")
        .doesNotContain("310.00");
    assertThat(as(PUBLISHER).get("/api/portal/calls/" + billboardToBidderOne).status())
        .isEqualTo(404);
    assertThat(as(PUBLISHER).get("/api/portal/calls/" + ours).json().get("payout").decimalValue())
        .isEqualByComparingTo("200.00");
  }

  @Test
  void aBuyerSeesOnlyItsOwnCallsAndWhatItSpentNotWhatPublishersEarned() {
    JsonNode calls = as(BUYER).get("/api/portal/calls").json();

    assertThat(sids(calls)).contains(ours, billboardToBidderOne).doesNotContain(sunriseToBidderTwo);
    assertThat(calls.toString()).doesNotContain("payout").doesNotContain("sunrise-media");
    assertThat(as(BUYER).get("/api/portal/calls/" + sunriseToBidderTwo).status()).isEqualTo(404);
  }

  @Test
  void payoutsAndSpendAreEachPartysOwnLedgerWithTotals() {
    JsonNode payouts = as(PUBLISHER).get("/api/portal/payouts").json();
    JsonNode spend = as(BUYER).get("/api/portal/spend").json();

    assertThat(payouts.get("partyId").asText()).isEqualTo("sunrise-media");
    // its payouts, and the clawbacks of approved disputes on them (portal.PortalDisputesTest)
    assertThat(descriptions(payouts))
        .allMatch(
            d -> d.startsWith("payout sunrise-media") || d.endsWith("clawback from publisher"));
    assertThat(spend.get("partyId").asText()).isEqualTo("bidder-one");
    assertThat(descriptions(spend))
        .allMatch(d -> d.startsWith("revenue bidder-one") || d.endsWith("credit to buyer"));
    BigDecimal sum =
        jdbc.sql(
                "SELECT sum(amount) FROM ledger_entries WHERE party_type = 'BUYER' AND party_id ="
                    + " 'bidder-one'")
            .query(BigDecimal.class)
            .single();
    assertThat(spend.at("/totals/USD").decimalValue()).isEqualByComparingTo(sum);
    assertThat(as(PUBLISHER).get("/api/portal/spend").status()).isEqualTo(403);
    assertThat(as(BUYER).get("/api/portal/payouts").status()).isEqualTo(403);
  }

  @Test
  void oneCallIsLookedUpByItsIdWithinTheSignedInPartysOwnCallsOnly() {
    JsonNode mine = as(BUYER).get("/api/portal/calls/" + billboardToBidderOne).json();
    assertThat(mine.get("callSid").asText()).isEqualTo(billboardToBidderOne);
    assertThat(mine.get("spend").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(mine.has("payout")).isFalse();
    assertThat(as(PUBLISHER).get("/api/portal/calls/" + sunriseToBidderTwo).status())
        .isEqualTo(200);
    assertThat(as(BUYER).get("/api/portal/calls/CA-no-such-call").status()).isEqualTo(404);

    // the store asks for the one call, scoped by the party, in the query itself
    assertThat(store.buyerCall("bidder-one", ours)).isPresent();
    assertThat(store.buyerCall("bidder-two", ours)).isEmpty();
    assertThat(store.publisherCall("sunrise-media", ours)).isPresent();
    assertThat(store.publisherCall("blue-billboard", ours)).isEmpty();
  }

  @Test
  void staffRolesDoNotUseThePortal() {
    Api operator = as(OPERATOR);
    assertThat(operator.get("/api/portal/calls").status()).isEqualTo(403);
    assertThat(as(ADMIN).get("/api/portal/payouts").status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).get("/api/portal/spend").status()).isEqualTo(403);
  }

  private String call(String sid, String publisher, String buyer, String revenue, String payout) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, caller_state, phase, provider_status, started_at, buyer_id,"
                + " revenue, payout,"
                + " talk_seconds, billable_to_buyer, payable_to_publisher)"
                + " VALUES (?, ?, '+18885550101', 'pi-accidents', ?, '+13105550000', 'CA',"
                + " 'ENDED', 'completed', ?, ?, ?, ?, 120, true, true)")
        .params(
            id,
            sid,
            publisher,
            Timestamp.from(Instant.now()),
            buyer,
            new BigDecimal(revenue),
            new BigDecimal(payout))
        .update();
    ledger(id, "REVENUE", "BUYER", buyer, revenue);
    ledger(id, "PAYOUT", "PUBLISHER", publisher, payout);
    return sid;
  }

  private void ledger(UUID call, String kind, String party, String partyId, String amount) {
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id, amount,"
                + " currency, rule_ref, description) VALUES (?, ?, ?, ?, 'pi-accidents', ?, 'USD',"
                + " 'test', ?)")
        .params(
            call,
            kind,
            party,
            partyId,
            new BigDecimal(amount),
            kind.toLowerCase() + " " + partyId + " " + amount)
        .update();
  }

  private static List<String> sids(JsonNode calls) {
    List<String> out = new ArrayList<>();
    calls.forEach(c -> out.add(c.get("callSid").asText()));
    return out;
  }

  private List<String> publishers(JsonNode calls) {
    List<String> out = new ArrayList<>();
    calls.forEach(
        c ->
            out.add(
                jdbc.sql("SELECT publisher_id FROM calls WHERE call_sid = ?")
                    .param(c.get("callSid").asText())
                    .query(String.class)
                    .single()));
    return out;
  }

  private static List<String> descriptions(JsonNode money) {
    List<String> out = new ArrayList<>();
    money.get("entries").forEach(e -> out.add(e.get("description").asText()));
    return out;
  }
}
