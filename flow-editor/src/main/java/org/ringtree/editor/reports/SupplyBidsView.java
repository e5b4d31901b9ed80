package org.ringtree.editor.reports;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The supply side's screen: per publisher, how often its pings to Ringtree's bid endpoint got a bid
 * (bid rate), how many bids a call then joined (win rate) and how many joined calls reached a buyer
 * (fill rate), over days in the network's time zone (docs/rtb.md, "Reports").
 */
@Route(value = SupplyBidsView.PATH, layout = ConsoleLayout.class)
@PageTitle("RTB supply · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class SupplyBidsView extends VerticalLayout {

  public static final String PATH = "rtb-supply";

  private final SupplyReportPort port;
  private final ZoneId zone;
  private final Map<String, String> names;
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To (inclusive)");
  private final Grid<SupplyReportPort.Line> grid = new Grid<>();
  private final Span shown = new Span();
  private final Span problem = new Span();

  public SupplyBidsView(SupplyReportPort port) {
    this(port, Clock.systemUTC());
  }

  SupplyBidsView(SupplyReportPort port, Clock clock) {
    this.port = port;
    this.zone = port.networkZone();
    this.names = port.publisherNames();
    setSizeFull();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    from.setId("supply-from");
    to.setId("supply-to");
    from.setValue(today.minusDays(6));
    to.setValue(today);
    List.<AbstractField<?, ?>>of(from, to).forEach(f -> f.addValueChangeListener(e -> run()));
    shown.setId("supply-shown");
    shown.getStyle().set("color", "var(--lumo-secondary-text-color)");
    problem.setId("supply-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");

    grid.setId("supply-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    grid.addColumn(l -> names.getOrDefault(l.publisherId(), l.publisherId()))
        .setHeader("Publisher")
        .setSortable(true)
        .setComparator(Comparator.comparing(l -> names.getOrDefault(l.publisherId(), "")))
        .setAutoWidth(true);
    count("Pings", SupplyReportPort.Line::pings);
    count("Bids", SupplyReportPort.Line::bids);
    rate("Bid rate", SupplyReportPort.Line::bidRate);
    count("Joined", SupplyReportPort.Line::joined);
    rate("Win rate", SupplyReportPort.Line::winRate);
    count("Filled", SupplyReportPort.Line::filled);
    rate("Fill rate", SupplyReportPort.Line::fillRate);
    grid.addColumn(l -> l.paidAsBid() == null ? "" : l.paidAsBid().toPlainString())
        .setHeader("Paid as bid")
        .setTextAlign(ColumnTextAlign.END)
        .setSortable(true)
        .setComparator(Comparator.comparing(SupplyReportPort.Line::paidAsBid));

    Span about =
        new Span(
            "Pings publishers sent to the bid endpoint (POST /rtb/v1/bid/…): bid rate = bids ÷"
                + " pings, win rate = bids a call joined ÷ bids, fill rate = joined calls that"
                + " reached a buyer ÷ joined. Days in "
                + zone.getId()
                + ".");
    about.getStyle().set("color", "var(--lumo-secondary-text-color)");
    HorizontalLayout dates = new HorizontalLayout(from, to, problem);
    dates.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    add(new H2("RTB supply"), about, dates, shown, grid);
    setFlexGrow(1, grid);
    run();
  }

  private void count(String header, ToLongFunction<SupplyReportPort.Line> value) {
    grid.addColumn(l -> value.applyAsLong(l))
        .setHeader(header)
        .setTextAlign(ColumnTextAlign.END)
        .setSortable(true)
        .setComparator(Comparator.comparingLong(value));
  }

  private void rate(String header, Function<SupplyReportPort.Line, BigDecimal> value) {
    grid.addColumn(l -> percent(value.apply(l)))
        .setHeader(header)
        .setTextAlign(ColumnTextAlign.END)
        .setSortable(true)
        .setComparator(
            Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  /** 0.6667 → "66.67 %"; nothing to divide by → "–". */
  static String percent(BigDecimal rate) {
    return rate == null
        ? "–"
        : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  private void run() {
    problem.setText("");
    LocalDate first = from.getValue();
    LocalDate last = to.getValue();
    if (first == null || last == null || last.isBefore(first)) {
      problem.setText("Choose a first day on or before the last day.");
      return;
    }
    List<SupplyReportPort.Line> lines =
        port.lines(
            first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    grid.setItems(lines);
    shown.setText(
        lines.isEmpty()
            ? "No pings from publishers in these days."
            : lines.size() + (lines.size() == 1 ? " publisher" : " publishers"));
  }
}
