package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incoming webhook's single read ({@link CallArrivalStore#arrival}): replay answer, tracking
 * number, live flow and the caller's history come back together, the history exact to the cent,
 * newest first, within the window and capped at 50 calls. Runs against the demo network's
 * directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CallArrivalTest extends PostgresTest {

  private static final String DEMO_NUMBER = "+18885550101";

  @Autowired CallArrivalStore arrivals;
  @Autowired CallStore calls;
  @Autowired CallEventStore events;
  @Autowired JdbcClient jdbc;

  @Test
  void aFirstTimeCallerHasNoHistoryAndTheNumbersCampaignAndLiveFlow() {
    CallArrivalStore.Arrival a =
        arrivals.arrival("CAfresh", "incoming", DEMO_NUMBER, "+13105550000", Instant.EPOCH);

    assertThat(a.previousResponse()).isEmpty();
    assertThat(a.trackingNumber())
        .get()
        .satisfies(
            tn -> {
              assertThat(tn.campaignId()).isEqualTo("pi-accidents");
              assertThat(tn.publisherId()).isEqualTo("sunrise-media");
              assertThat(tn.sourceTags()).containsEntry("source", "google-ads");
            });
    assertThat(a.liveVersionId()).isPresent();
    assertThat(a.history()).isEmpty();
  }

  @Test
  void theCallersEarlierCallsComeBackExactNewestFirstWithinTheWindow() {
    String caller = "+13105550001";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID paid = call(caller, now.minus(Duration.ofHours(2)));
    jdbc.sql(
            "UPDATE calls SET target_id = 'acme-main', buyer_id = 'acme-law', connected_at = ?,"
                + " converted = true, payout = 199.99 WHERE id = ?")
        .params(Timestamp.from(now.minus(Duration.ofHours(2))), paid)
        .update();
    UUID unrouted = call(caller, now.minus(Duration.ofMinutes(5)));
    call(caller, now.minus(Duration.ofDays(40))); // outside the window asked for
    call("+13105559999", now.minus(Duration.ofMinutes(1))); // someone else

    CallArrivalStore.Arrival a =
        arrivals.arrival("CAnext", "incoming", DEMO_NUMBER, caller, now.minus(Duration.ofDays(30)));

    assertThat(a.history()).hasSize(2);
    PriorCall newest = a.history().get(0);
    assertThat(newest.callId()).isEqualTo(unrouted.toString());
    assertThat(newest.at()).isEqualTo(now.minus(Duration.ofMinutes(5)));
    assertThat(newest.targetId()).isNull();
    assertThat(newest.connected()).isFalse();
    assertThat(newest.payout()).isNull();
    PriorCall older = a.history().get(1);
    assertThat(older.callId()).isEqualTo(paid.toString());
    assertThat(older.campaignId()).isEqualTo("pi-accidents");
    assertThat(older.targetId()).isEqualTo("acme-main");
    assertThat(older.buyerId()).isEqualTo("acme-law");
    assertThat(older.connected()).isTrue();
    assertThat(older.converted()).isTrue();
    assertThat(older.payout()).isEqualTo(new Money(new BigDecimal("199.99"), "USD"));
  }

  @Test
  void historyIsCappedAtTheFiftyNewestCalls() {
    String caller = "+13105550002";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 60; i > 0; i--) {
      call(caller, now.minus(Duration.ofMinutes(i)));
    }

    CallArrivalStore.Arrival a =
        arrivals.arrival("CAmany", "incoming", DEMO_NUMBER, caller, now.minus(Duration.ofDays(1)));

    assertThat(a.history()).hasSize(50);
    assertThat(a.history().get(0).at()).isEqualTo(now.minus(Duration.ofMinutes(1)));
    assertThat(a.history().get(49).at()).isEqualTo(now.minus(Duration.ofMinutes(50)));
  }

  @Test
  void aReplayedWebhookGetsTheAnswerAlreadyGiven() {
    UUID id = call("+13105550003", Instant.now());
    String sid =
        jdbc.sql("SELECT call_sid FROM calls WHERE id = ?").param(id).query(String.class).single();
    events.recordEvent(sid, id, "incoming", "incoming", java.util.Map.of(), "<Response/>");

    CallArrivalStore.Arrival a =
        arrivals.arrival(sid, "incoming", "+19999999999", "+13105550003", Instant.EPOCH);

    assertThat(a.previousResponse()).contains("<Response/>");
    assertThat(a.trackingNumber()).isEmpty();
    assertThat(a.liveVersionId()).isEmpty();
  }

  private UUID call(String caller, Instant startedAt) {
    UUID id = UUID.randomUUID();
    boolean inserted =
        calls.insert(
            new NewCall(
                id,
                "CA" + id.toString().replace("-", ""),
                DEMO_NUMBER,
                "pi-accidents",
                "sunrise-media",
                null,
                caller,
                null,
                "CA",
                "90210",
                "US",
                CallPhase.FLOW_ENDED,
                null,
                startedAt,
                "USD"));
    assertThat(inserted).isTrue();
    return id;
  }
}
