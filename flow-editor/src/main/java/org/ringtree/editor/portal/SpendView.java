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
 * The buyer's spend from its own ledger rows (charges, less dispute credits), per day and target,
 * with totals per target and per day.
 */
@Route(value = "portal/spend", layout = ConsoleLayout.class)
@PageTitle("Your spend · Ringtree")
@RolesAllowed(Viewer.BUYER)
public class SpendView extends VerticalLayout {

  private final BuyerPortalPort port;
  private final DatePicker first = new DatePicker("From");
  private final DatePicker last = new DatePicker("To");
  private final Grid<BuyerPortalPort.SpendLine> lines = new Grid<>();
  private final Grid<Totals.Total> perTarget = new Grid<>();
  private final Grid<Totals.Total> perDay = new Grid<>();
  private ZoneId zone = Screens.UTC;

  public SpendView(BuyerPortalPort port) {
    this.port = port;
    setId("portal-spend");
    setWidthFull();
    LocalDate today = LocalDate.now(zone);
    first.setId("spend-from");
    first.setValue(today.minusDays(6));
    last.setId("spend-to");
    last.setValue(today);
    Button show = new Button("Show", e -> refresh());
    show.setId("spend-show");
    HorizontalLayout range = new HorizontalLayout(first, last, show);
    range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    lines.setId("spend-lines");
    lines.addThemeVariants(GridVariant.LUMO_COMPACT);
    lines.addColumn(l -> l.day().toString()).setHeader("Day");
    lines.addColumn(BuyerPortalPort.SpendLine::targetName).setHeader("Target");
    lines.addColumn(BuyerPortalPort.SpendLine::calls).setHeader("Entries");
    lines.addColumn(l -> PortalFigures.text(l.amount(), l.currency())).setHeader("Amount");
    lines.setAllRowsVisible(true);
    PayoutsView.totals(perTarget, "spend-per-target", "Target");
    PayoutsView.totals(perDay, "spend-per-day", "Day");

    add(
        Screens.note(
            "Days in your browser's time zone; credits from approved disputes are taken off."),
        range,
        new H3("Per target"),
        perTarget,
        new H3("Per day"),
        perDay,
        new H3("Per day and target"),
        lines);
    refresh();
    Screens.browserZone(
        z -> {
          zone = z;
          refresh();
        });
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
    List<BuyerPortalPort.SpendLine> rows = port.spend(first.getValue(), last.getValue(), zone);
    lines.setItems(rows);
    perTarget.setItems(
        Totals.by(
            rows,
            BuyerPortalPort.SpendLine::targetName,
            BuyerPortalPort.SpendLine::calls,
            BuyerPortalPort.SpendLine::amount,
            BuyerPortalPort.SpendLine::currency));
    perDay.setItems(
        Totals.by(
            rows,
            l -> l.day().toString(),
            BuyerPortalPort.SpendLine::calls,
            BuyerPortalPort.SpendLine::amount,
            BuyerPortalPort.SpendLine::currency));
  }
}
