package org.ringtree.editor.portal;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.portal.BuyerPortalPort.SpendLine;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The buyer's spend from its own ledger rows (charges, less dispute credits), per day and target,
 * with totals per target and per day.
 */
@Route(value = "portal/spend", layout = ConsoleLayout.class)
@PageTitle("Your spend · Ringtree")
@RolesAllowed(Viewer.BUYER)
public class SpendView extends LedgerLinesView<SpendLine> {

  public SpendView(BuyerPortalPort port) {
    super(
        new Lines<>(
            "spend",
            "Target",
            SpendLine::targetName,
            SpendLine::day,
            SpendLine::calls,
            SpendLine::amount,
            SpendLine::currency,
            port::spend),
        "Days in your browser's time zone; credits from approved disputes are taken off.",
        "Per day and target",
        grid -> {
          grid.addColumn(SpendLine::targetName).setHeader("Target");
          grid.addColumn(SpendLine::calls).setHeader("Entries");
        });
  }
}
