package org.ringtree.editor.portal;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.portal.PublisherPortalPort.PayoutLine;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The publisher's payouts from its own ledger rows, per day and campaign with the rule that booked
 * them (a payout rule, or a dispute's clawback), and their totals per campaign and per day.
 */
@Route(value = "portal/payouts", layout = ConsoleLayout.class)
@PageTitle("Your payouts · Ringtree")
@RolesAllowed(Viewer.PUBLISHER)
public class PayoutsView extends LedgerLinesView<PayoutLine> {

  public PayoutsView(PublisherPortalPort port) {
    super(
        new Lines<>(
            "payouts",
            "Campaign",
            PayoutLine::campaignName,
            PayoutLine::day,
            PayoutLine::entries,
            PayoutLine::amount,
            PayoutLine::currency,
            port::payouts),
        "Days in your browser's time zone. The rule is the one your network's billing applied"
            + " to each payout; adjustments and clawbacks show their own.",
        "Per day, campaign and rule",
        grid -> {
          grid.addColumn(PayoutLine::campaignName).setHeader("Campaign");
          grid.addColumn(PayoutLine::rule).setHeader("Rule that applied");
          grid.addColumn(PayoutLine::entries).setHeader("Entries");
        });
  }
}
