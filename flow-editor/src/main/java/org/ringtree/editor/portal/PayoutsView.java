package org.ringtree.editor.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The publisher's payouts from its own ledger rows, per day and campaign with the rule that booked
 * them (a payout rule, or a dispute's clawback), and their totals per campaign and per day.
 */
@Route(value = "portal/payouts", layout = ConsoleLayout.class)
@PageTitle("Your payouts · Ringtree")
@RolesAllowed(Viewer.PUBLISHER)
public class PayoutsView extends VerticalLayout {

  private final PublisherPortalPort port;
  private final DatePicker first = new DatePicker("From");
  private final DatePicker last = new DatePicker("To");
  private final Grid<PublisherPortalPort.PayoutLine> lines = new Grid<>();
  private final Grid<Totals.Total> perCampaign = new Grid<>();
  private final Grid<Totals.Total> perDay = new Grid<>();
  private ZoneId zone = Screens.UTC;

  public PayoutsView(PublisherPortalPort port) {
    this.port = port;
    setId("portal-payouts");
    setWidthFull();
    LocalDate today = LocalDate.now(zone);
    first.setId("payouts-from");
    first.setValue(today.minusDays(6));
    last.setId("payouts-to");
    last.setValue(today);
    Button show = new Button("Show", e -> refresh());
    show.setId("payouts-show");
    HorizontalLayout range = new HorizontalLayout(first, last, show);
    range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    lines.setId("payouts-lines");
    lines.addThemeVariants(GridVariant.LUMO_COMPACT);
    lines.addColumn(l -> l.day().toString()).setHeader("Day");
    lines.addColumn(PublisherPortalPort.PayoutLine::campaignName).setHeader("Campaign");
    lines.addColumn(PublisherPortalPort.PayoutLine::rule).setHeader("Rule that applied");
    lines.addColumn(PublisherPortalPort.PayoutLine::entries).setHeader("Entries");
    lines.addColumn(l -> PortalFigures.text(l.amount(), l.currency())).setHeader("Amount");
    lines.setAllRowsVisible(true);
    totals(perCampaign, "payouts-per-campaign", "Campaign");
    totals(perDay, "payouts-per-day", "Day");

    add(
        Screens.note(
            "Days in your browser's time zone. The rule is the one your network's billing applied"
                + " to each payout; adjustments and clawbacks show their own."),
        range,
        new H3("Per campaign"),
        perCampaign,
        new H3("Per day"),
        perDay,
        new H3("Per day, campaign and rule"),
        lines);
    refresh();
    Screens.browserZone(
        z -> {
          zone = z;
          refresh();
        });
  }

  static void totals(Grid<Totals.Total> grid, String id, String key) {
    grid.setId(id);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(Totals.Total::key).setHeader(key);
    grid.addColumn(Totals.Total::count).setHeader("Entries");
    grid.addColumn(Totals.Total::shown).setHeader("Total");
    grid.setAllRowsVisible(true);
  }

  private void refresh() {
    if (first.getValue() == null || last.getValue() == null) {
      return;
    }
    if (last.getValue().isBefore(first.getValue())) {
      last.setErrorMessage("The last day is before the first");
      last.setInvalid(true);
      return;
    }
    last.setInvalid(false);
    List<PublisherPortalPort.PayoutLine> rows =
        port.payouts(first.getValue(), last.getValue(), zone);
    lines.setItems(rows);
    perCampaign.setItems(
        Totals.by(
            rows,
            PublisherPortalPort.PayoutLine::campaignName,
            PublisherPortalPort.PayoutLine::entries,
            PublisherPortalPort.PayoutLine::amount,
            PublisherPortalPort.PayoutLine::currency));
    perDay.setItems(
        Totals.by(
            rows,
            l -> l.day().toString(),
            PublisherPortalPort.PayoutLine::entries,
            PublisherPortalPort.PayoutLine::amount,
            PublisherPortalPort.PayoutLine::currency));
  }
}
