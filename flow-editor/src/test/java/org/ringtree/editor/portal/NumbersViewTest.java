package org.ringtree.editor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersViewTest {

  @Test
  void eachCampaignIsListedOnceWithHowManyOfThePublishersNumbersFeedIt() {
    var campaigns =
        NumbersView.campaigns(
            List.of(
                new PublisherPortalPort.OwnNumber("+18885550101", "pi", "Accidents", true),
                new PublisherPortalPort.OwnNumber("+18885550102", "pi", "Accidents", false),
                new PublisherPortalPort.OwnNumber("+18885550103", "solar", "Solar", true)));

    assertThat(campaigns)
        .containsExactly(
            new NumbersView.CampaignRow("pi", "Accidents", 2),
            new NumbersView.CampaignRow("solar", "Solar", 1));
  }
}
