package org.ringtree.rules.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;

/** A duplicate window the runtime cannot look back over is named, so saving it can refuse it. */
class DuplicateRuleTest {

  @Test
  void aWindowOfUpToNinetyDaysIsFine() {
    assertThat(DuplicateRule.perBuyer(DuplicateRule.Basis.ANY_CALL, 90).problem()).isEmpty();
    assertThat(DuplicateRule.NONE.problem()).isEmpty();
  }

  @Test
  void aWindowOverNinetyDaysIsNamedAsAProblem() {
    assertThat(DuplicateRule.perTarget(DuplicateRule.Basis.CONNECTED, 91).problem())
        .contains(
            "duplicate window 91 days is longer than the 90 days of caller history the runtime"
                + " keeps in view");
  }

  @Test
  void aCampaignWithTooLongADuplicateOrPayoutWindowSaysSo() {
    Campaign tooLong =
        new Campaign(
            "c",
            "C",
            "v",
            Money.USD,
            PayoutPolicy.fixed(90, 60, Money.usd("10"), 30),
            DuplicateRule.perCampaign(DuplicateRule.Basis.ANY_CALL, 120),
            BigDecimal.ZERO,
            Money.usd("0"));
    assertThat(tooLong.duplicateWindowProblem().orElseThrow())
        .startsWith("campaign c: duplicate window 120 days");
    Campaign payoutTooLong =
        new Campaign(
            "c",
            "C",
            "v",
            Money.USD,
            PayoutPolicy.fixed(90, 60, Money.usd("10"), 365),
            DuplicateRule.NONE,
            BigDecimal.ZERO,
            Money.usd("0"));
    assertThat(payoutTooLong.duplicateWindowProblem().orElseThrow())
        .startsWith("campaign c: payout duplicate window 365 days");
    assertThat(payoutTooLong.shareCallerNumber()).isFalse();
  }
}
