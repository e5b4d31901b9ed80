package org.ringtree.rules.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;

/**
 * A target built by naming its settings is the one the canonical constructor makes, and a changed
 * copy keeps every setting it was not asked to change.
 */
class TargetBuilderTest {

  private static final Destination PHONE = new Destination.PhoneNumber("+15125550100");

  @Test
  void aBuiltTargetStartsInTheFirstTierWithWeightOneAndActive() {
    Target built = Target.builder("acme-main", "acme", PHONE).build();

    assertThat(built)
        .isEqualTo(
            new Target(
                "acme-main",
                "acme-main",
                "acme",
                PHONE,
                null,
                1,
                1,
                null,
                null,
                null,
                null,
                null,
                true));
    assertThat(built.schedule()).isEqualTo(Schedule.ALWAYS);
    assertThat(built.minScore()).isNull();
  }

  @Test
  void aChangedCopyKeepsEveryOtherSetting() {
    Target original =
        Target.builder("acme-main", "acme", PHONE)
            .name("Acme intake")
            .fixedPrice(Money.usd("250.00"))
            .priorityAndWeight(2, 3)
            .geo(GeoFilter.states("TX"))
            .tagFilters(List.of())
            .caps(Caps.daily(40))
            .duplicateRule(DuplicateRule.perTarget(DuplicateRule.Basis.CONNECTED, 30))
            .active(false)
            .minScore(55)
            .build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
    Target capped = original.withCaps(Caps.daily(10));
    assertThat(capped.caps()).isEqualTo(Caps.daily(10));
    assertThat(capped.withCaps(original.caps())).isEqualTo(original);
    assertThat(original.withMinScore(null).minScore()).isNull();
    assertThat(original.withMinScore(null).withMinScore(55)).isEqualTo(original);
  }

  @Test
  void theBuilderKeepsTheRecordsChecks() {
    assertThatThrownBy(() -> Target.builder("t", "b", PHONE).minScore(101).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..100");
  }
}
