package org.ringtree.editor.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A portal party's own ledger lines over a range of days in the browser's time zone: the lines, and
 * their totals per key (a publisher's campaign, a buyer's target) and per day. The publisher's
 * payouts and the buyer's spend differ only in what a line holds.
 */
abstract class LedgerLinesView<L> extends VerticalLayout {

  /** What the screen reads from a line, and where its lines come from. */
  record Lines<L>(
      String ids,
      String keyHeader,
      Function<L, String> key,
      Function<L, LocalDate> day,
      ToLongFunction<L> count,
      Function<L, BigDecimal> amount,
      Function<L, String> currency,
      Loader<L> load) {}

  /** The party's lines from the first to the last day, both in {@code zone}. */
  interface Loader<L> {
    List<L> lines(LocalDate first, LocalDate last, ZoneId zone);
  }

  private final Lines<L> read;
  private final DatePicker first = new DatePicker("From");
  private final DatePicker last = new DatePicker("To");
  private final Grid<L> lines = new Grid<>();
  private final Grid<Totals.Total> perKey = new Grid<>();
  private final Grid<Totals.Total> perDay = new Grid<>();
  private ZoneId zone = Screens.UTC;

  /**
   * {@code columns} adds the line grid's columns between its day and its amount; {@code linesTitle}
   * heads that grid.
   */
  LedgerLinesView(Lines<L> read, String note, String linesTitle, Consumer<Grid<L>> columns) {
    this.read = read;
    String ids = read.ids();
    setId("portal-" + ids);
    setWidthFull();
    LocalDate today = LocalDate.now(zone);
    first.setId(ids + "-from");
    first.setValue(today.minusDays(6));
    last.setId(ids + "-to");
    last.setValue(today);
    Button show = new Button("Show", e -> refresh());
    show.setId(ids + "-show");
    HorizontalLayout range = new HorizontalLayout(first, last, show);
    range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    lines.setId(ids + "-lines");
    lines.addThemeVariants(GridVariant.LUMO_COMPACT);
    lines.addColumn(l -> read.day().apply(l).toString()).setHeader("Day");
    columns.accept(lines);
    lines
        .addColumn(l -> PortalFigures.text(read.amount().apply(l), read.currency().apply(l)))
        .setHeader("Amount");
    lines.setAllRowsVisible(true);
    String keyId = read.keyHeader().toLowerCase(java.util.Locale.ROOT);
    totals(perKey, ids + "-per-" + keyId, read.keyHeader());
    totals(perDay, ids + "-per-day", "Day");

    add(
        Screens.note(note),
        range,
        new H3("Per " + keyId),
        perKey,
        new H3("Per day"),
        perDay,
        new H3(linesTitle),
        lines);
    refresh();
    Screens.browserZone(
        z -> {
          zone = z;
          refresh();
        });
  }

  private static void totals(Grid<Totals.Total> grid, String id, String key) {
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
    List<L> rows = read.load().lines(first.getValue(), last.getValue(), zone);
    lines.setItems(rows);
    perKey.setItems(Totals.by(rows, read.key(), read.count(), read.amount(), read.currency()));
    perDay.setItems(
        Totals.by(
            rows,
            l -> read.day().apply(l).toString(),
            read.count(),
            read.amount(),
            read.currency()));
  }
}
