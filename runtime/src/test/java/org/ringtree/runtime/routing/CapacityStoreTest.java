package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.demo.seed=false")
class CapacityStoreTest extends PostgresTest {

  @Autowired CapacityStore capacity;
  private final Instant now = Instant.parse("2026-11-25T15:00:00Z");

  private static Target target(String id, Caps caps) {
    return new Target(
        id,
        id,
        "buyer-" + id,
        new Destination.PhoneNumber("+15125550100"),
        Money.usd("50"),
        1,
        1,
        null,
        null,
        List.of(),
        caps,
        null,
        true);
  }

  private CapacityStore.Hold hold(Target t, Buyer b, CapacityStore.PublisherQuota q) {
    return capacity.tryHold(UUID.randomUUID(), t, b, q, now, Duration.ofMinutes(1), "test");
  }

  @Test
  void aFullDailyCapNamesItselfAndTakesNothingFromTheOtherCounters() {
    Target t = target("daily", new Caps(Caps.CountOn.CONNECTIONS, 10, null, 1, null, null));
    assertThat(hold(t, null, null)).isInstanceOf(CapacityStore.Hold.Held.class);
    CapacityStore.Hold second = hold(t, null, null);
    assertThat(second).isEqualTo(new CapacityStore.Hold.Full("daily cap 1/1"));
    assertThat(capacity.usage(List.of(t), Map.of(), null, now).target("daily").concurrent())
        .as("the failed hold's concurrency slot was rolled back")
        .isEqualTo(1);
  }

  @Test
  void aPublisherCapInTheCampaignLimitsItsCallsAcrossAllTargets() {
    var quota = new CapacityStore.PublisherQuota("camp", "pub", Caps.daily(2));
    assertThat(hold(target("p1", Caps.NONE), null, quota))
        .isInstanceOf(CapacityStore.Hold.Held.class);
    assertThat(hold(target("p2", Caps.NONE), null, quota))
        .isInstanceOf(CapacityStore.Hold.Held.class);
    assertThat(hold(target("p3", Caps.NONE), null, quota))
        .isEqualTo(new CapacityStore.Hold.Full("publisher daily cap 2/2"));
    assertThat(
            capacity.usage(List.of(), Map.of(), quota, now).publisher("pub").connections().daily())
        .isEqualTo(2);
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void conversionCountedCapsSeeTheConversionsOfTheCurrentDay() {
    Target t = target("conv", new Caps(Caps.CountOn.CONVERSIONS, null, null, 3, null, null));
    jdbc.sql("INSERT INTO buyers (id, name) VALUES ('buyer-conv', 'B') ON CONFLICT DO NOTHING")
        .update();
    jdbc.sql(
            "INSERT INTO targets (id, buyer_id, name, kind, destination) VALUES ('conv',"
                + " 'buyer-conv', 'conv', 'NUMBER', '+15125550100') ON CONFLICT DO NOTHING")
        .update();
    for (int i = 0; i < 2; i++) {
      jdbc.sql(
              "INSERT INTO calls (id, call_sid, tracking_number, caller_number, phase,"
                  + " provider_status, started_at, target_id, converted, converted_at) VALUES (?,"
                  + " ?, '+18885550101', '+13105550100', 'ENDED', 'completed', ?, 'conv', true, ?)")
          .params(
              UUID.randomUUID(),
              "CAconv" + i,
              java.sql.Timestamp.from(now.minusSeconds(600)),
              java.sql.Timestamp.from(now.minusSeconds(60)))
          .update();
    }
    var usage = capacity.usage(List.of(t), Map.of(), null, now).target("conv");
    assertThat(usage.conversions().daily()).isEqualTo(2);
    assertThat(usage.conversions().total()).isEqualTo(2);
    assertThat(usage.connections().daily()).isZero();
  }

  @Test
  void releasingGivesEverySlotBackButAConnectedCallKeepsItsDailySlot() {
    Target t = target("rel", new Caps(Caps.CountOn.CONNECTIONS, 1, null, 5, null, null));
    Buyer b = new Buyer("buyer-rel", "B", Caps.daily(5));
    var first = (CapacityStore.Hold.Held) hold(t, b, null);
    capacity.release(first.reservationId());
    var usage = capacity.usage(List.of(t), Map.of(b.id(), b), null, now);
    assertThat(usage.target("rel").concurrent()).isZero();
    assertThat(usage.target("rel").connections().daily()).isZero();
    assertThat(usage.buyer("buyer-rel").connections().daily()).isZero();

    UUID call = UUID.randomUUID();
    var held =
        (CapacityStore.Hold.Held)
            capacity.tryHold(call, t, b, null, now, Duration.ofMinutes(1), "test");
    assertThat(capacity.connect(held.reservationId())).isTrue();
    capacity.callEnded(call);
    usage = capacity.usage(List.of(t), Map.of(b.id(), b), null, now);
    assertThat(usage.target("rel").concurrent()).isZero();
    assertThat(usage.target("rel").connections().daily()).isEqualTo(1);
    assertThat(usage.buyer("buyer-rel").connections().daily()).isEqualTo(1);
  }

  @Test
  void usageOfManyTargetsBuyersAndAPublisherKeepsEachScopesOwnCounts() {
    Caps daily = new Caps(Caps.CountOn.CONNECTIONS, 5, null, 5, null, null);
    Target taken = target("many-a", daily);
    Target idle = target("many-b", daily);
    Buyer buyer = new Buyer("buyer-many-a", "A", Caps.daily(5));
    Buyer other = new Buyer("buyer-many-b", "B", Caps.daily(5));
    var quota = new CapacityStore.PublisherQuota("camp-many", "pub-many", Caps.daily(5));
    hold(taken, buyer, quota);
    hold(taken, buyer, quota);

    var usage =
        capacity.usage(
            List.of(taken, idle), Map.of(buyer.id(), buyer, other.id(), other), quota, now);

    assertThat(usage.target("many-a").concurrent()).isEqualTo(2);
    assertThat(usage.target("many-a").connections().daily()).isEqualTo(2);
    assertThat(usage.target("many-b").concurrent()).isZero();
    assertThat(usage.target("many-b").connections().daily()).isZero();
    assertThat(usage.buyer("buyer-many-a").connections().daily()).isEqualTo(2);
    assertThat(usage.buyer("buyer-many-b").connections().daily()).isZero();
    assertThat(usage.publisher("pub-many").connections().daily()).isEqualTo(2);
  }
}
