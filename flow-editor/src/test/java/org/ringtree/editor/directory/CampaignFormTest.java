package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.DirectoryAdminPort.Stored;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.money.Money;

class CampaignFormTest {

  private final CampaignForm form = new CampaignForm(new FakeDirectory()::page);

  @Test
  void everyFieldOfAStoredCampaignReadsBackUnchanged() {
    Campaign stored =
        new Campaign(
            "pi",
            "PI accidents",
            "legal",
            "USD",
            new PayoutPolicy(
                90,
                60,
                PayoutPolicy.Mode.TIERED,
                null,
                null,
                null,
                null,
                List.of(
                    new PayoutPolicy.Tier(60, 120, Money.usd("10")),
                    new PayoutPolicy.Tier(120, null, Money.usd("25"))),
                7),
            DuplicateRule.perCampaign(DuplicateRule.Basis.ANY_CALL, 30),
            new BigDecimal("10"),
            Money.usd("2.50"),
            Map.of("night-owl", new Caps(Caps.CountOn.CONVERSIONS, 3, null, 20, null, null)),
            Map.of("vip", PayoutPolicy.fixed(90, 30, Money.usd("50"), 0)),
            Map.of("acme", 120),
            true);
    form.edit(new Stored(stored, 5, "America/Chicago", true));

    Stored draft = form.read().orElseThrow();

    assertThat(draft.entry()).isEqualTo(stored);
    assertThat(draft.timezone()).isEqualTo("America/Chicago");
    assertThat(draft.version()).isEqualTo(5);
  }

  @Test
  void aPayoutWindowOverNinetyDaysAndABadCapLineAreRefusedOnTheirFields() {
    form.edit(null);
    form.id.setValue("c");
    form.name.setValue("C");
    form.vertical.setValue("legal");
    form.fixedPayout.setValue("25");
    form.payoutDuplicateDays.setValue("120");
    form.publisherCaps.setValue("night-owl daily=ten");

    assertThat(form.read()).isEmpty();

    assertThat(form.problemOf("publisherCaps")).hasValueSatisfying(m -> m.contains("0 or more"));
    form.publisherCaps.setValue("night-owl daily=10");
    assertThat(form.read()).isEmpty();
    assertThat(form.problemOf("payoutDuplicateWindow"))
        .hasValueSatisfying(m -> m.contains("longer than the 90 days"));
  }
}
