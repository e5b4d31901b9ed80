package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;

/** A target's declared maximum bid is its own field; the network setting is the fallback. */
class DeclaredMaximumBidTest {

  private static final AuctionCloseSettings SETTINGS =
      new AuctionCloseSettings(
          true,
          Duration.ofMillis(100),
          Duration.ofMillis(100),
          5,
          Duration.ofDays(7),
          Map.of("a", new BigDecimal("40"), "b", new BigDecimal("60")));

  private static Target rtb(String id, Money max) {
    Target t = Target.fixed(id, "buyer", "+15125550100", null);
    return new Target(
        id,
        id,
        "buyer",
        new Destination.RtbEndpoint(
                "https://buyer.example.com/bid", 500, BidResponseFormat.RINGTREE, Map.of())
            .withMaxBid(max),
        null,
        t.priority(),
        t.weight(),
        null,
        null,
        null,
        null,
        null,
        true);
  }

  @Test
  void theTargetsOwnMaximumWinsOverTheSetting() {
    assertThat(SETTINGS.declaredMaximum(rtb("a", Money.usd("25.00"))))
        .isEqualByComparingTo("25.00");
  }

  @Test
  void withoutItsOwnTheSettingApplies() {
    assertThat(SETTINGS.declaredMaximum(rtb("b", null))).isEqualByComparingTo("60");
  }

  @Test
  void withNeitherThereIsNone() {
    assertThat(SETTINGS.declaredMaximum(rtb("c", null))).isNull();
  }
}
