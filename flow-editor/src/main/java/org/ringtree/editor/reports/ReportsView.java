package org.ringtree.editor.reports;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The reports screen: the reconciliation reports grouped by any dimension and split by hour, day,
 * week or month in any time zone, with filters, a totals row and sortable columns. The URL holds
 * the whole query, so a copied link opens the same view. The CSV is streamed from the database to
 * the browser while a progress line, pushed from the export's thread, counts the lines written.
 */
@Route(value = ReportsView.PATH, layout = ConsoleLayout.class)
@PageTitle("Reports · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class ReportsView extends VerticalLayout implements BeforeEnterObserver {

  public static final String PATH = "reports";

  private final ReportsPort port;
  private final Clock clock;
  private final Select<ReportsPort.GroupBy> by = new Select<>();
  private final Select<ReportsPort.Bucket> bucket = new Select<>();
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To (inclusive)");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final ComboBox<String> campaign = new ComboBox<>("Campaign");
  private final ComboBox<String> publisher = new ComboBox<>("Publisher");
  private final ComboBox<String> buyer = new ComboBox<>("Buyer");
  private final TextField vertical = new TextField("Vertical");
  private final TextField number = new TextField("Tracking number");
  private final ComboBox<String> target = new ComboBox<>("Target");
  private final ComboBox<String> tag = new ComboBox<>("Source tag");
  private final TextField tagValue = new TextField("Tag value");
  private final Grid<ReportsPort.Line> grid = new Grid<>();
  private final Span problem = new Span();
  private final Span shown = new Span();
  private final Anchor link = new Anchor();
  private final Span progress = new Span();
  private final Element progressBar = new Element("progress");
  private final Map<ReportsPort.Named, Map<String, String>> names =
      new java.util.EnumMap<>(ReportsPort.Named.class);
  // read by the CSV download, which runs outside the UI's lock
  private volatile ReportQuery query;
  private volatile long lines;
  private boolean filling;

  public ReportsView(ReportsPort port) {
    this(port, Clock.systemUTC());
  }

  ReportsView(ReportsPort port, Clock clock) {
    this.port = port;
    this.clock = clock;
    ZoneId network = port.networkZone();
    this.query = ReportQuery.defaults(network, LocalDate.now(clock.withZone(network)));
    setSizeFull();
    for (ReportsPort.Named n : ReportsPort.Named.values()) {
      names.put(n, port.names(n));
    }

    by.setLabel("Group by");
    by.setId("report-by");
    by.setItems(ReportsPort.GroupBy.values());
    by.setItemLabelGenerator(ReportsPort.GroupBy::label);
    bucket.setLabel("Split by");
    bucket.setId("report-period");
    bucket.setItems(ReportsPort.Bucket.values());
    bucket.setItemLabelGenerator(
        b -> b.name().charAt(0) + b.name().substring(1).toLowerCase(Locale.ROOT));
    from.setId("report-from");
    to.setId("report-to");
    zone.setId("report-tz");
    zone.setItems(
        ZoneId.getAvailableZoneIds().stream()
            .filter(z -> !z.startsWith("SystemV/"))
            .sorted()
            .toList());
    zone.setAllowCustomValue(false);
    directory(campaign, ReportsPort.Named.CAMPAIGN, "report-campaign");
    directory(publisher, ReportsPort.Named.PUBLISHER, "report-publisher");
    directory(buyer, ReportsPort.Named.BUYER, "report-buyer");
    directory(target, ReportsPort.Named.TARGET, "report-target");
    tag.setId("report-tag");
    tag.setItems(port.sourceTagKeys());
    tag.setClearButtonVisible(true);
    tag.setHelperText("Group by it, or filter on its value");
    tagValue.setId("report-tag-value");
    for (TextField f : List.of(vertical, number, tagValue)) {
      f.setClearButtonVisible(true);
      f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    }
    vertical.setId("report-vertical");
    number.setId("report-number");
    number.setPlaceholder("+18885550101");
    FlexLayout filters =
        new FlexLayout(
            by, bucket, from, to, zone, campaign, publisher, buyer, target, vertical, number, tag,
            tagValue);
    filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    filters.getStyle().set("gap", "0 var(--lumo-space-m)");
    filters.setId("report-filters");
    show(query);
    List.<AbstractField<?, ?>>of(
            by, bucket, from, to, zone, campaign, publisher, buyer, target, vertical, number, tag,
            tagValue)
        .forEach(f -> f.addValueChangeListener(e -> apply()));

    link.setId("report-link");
    link.setText("Link to this view");
    Button copy = new Button("Copy link");
    copy.setId("report-copy-link");
    copy.addClickListener(
        e ->
            copy.getElement()
                .executeJs(
                    "const u = new URL($0, document.baseURI).href;"
                        + " if (navigator.clipboard) { navigator.clipboard.writeText(u)"
                        + ".catch(() => {}); }"
                        + " this.setAttribute('data-copied', u);",
                    link.getHref()));
    Anchor csv = new Anchor(csvDownload(), "Download CSV");
    csv.setId("report-csv");
    csv.getElement().setAttribute("download", true);
    progress.setId("export-progress");
    progressBar.setAttribute("id", "export-progress-bar");
    progressBar.setAttribute("max", "1");
    progressBar.setAttribute("value", "0");
    progressBar.getStyle().set("visibility", "hidden");
    Div bar = new Div();
    bar.getElement().appendChild(progressBar);
    problem.setId("report-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    shown.setId("report-shown");
    shown.getStyle().set("color", "var(--lumo-secondary-text-color)");
    HorizontalLayout actions = new HorizontalLayout(copy, link, csv, bar, progress, problem);
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    grid.setId("report-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    grid.setMultiSort(true);
    add(new H2("Reports"), filters, actions, shown, grid);
    setFlexGrow(1, grid);
    run();
  }

  private void directory(ComboBox<String> box, ReportsPort.Named kind, String id) {
    Map<String, String> named = names.get(kind);
    box.setId(id);
    box.setItems(named.keySet().stream().sorted().toList());
    box.setItemLabelGenerator(k -> named.getOrDefault(k, k));
    box.setClearButtonVisible(true);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
    if (params.isEmpty()) {
      return;
    }
    show(ReportQuery.fromParameters(params, query));
    run();
  }

  /** Puts a query in the fields without running it once per field. */
  private void show(ReportQuery q) {
    filling = true;
    try {
      by.setValue(q.by());
      bucket.setValue(q.bucket());
      from.setValue(q.from());
      to.setValue(q.to());
      zone.setValue(q.zone().getId());
      campaign.setValue(known(campaign, q.campaign()));
      publisher.setValue(known(publisher, q.publisher()));
      buyer.setValue(known(buyer, q.buyer()));
      vertical.setValue(q.vertical() == null ? "" : q.vertical());
      number.setValue(q.number() == null ? "" : q.number());
      target.setValue(known(target, q.target()));
      tag.setValue(known(tag, q.tag()));
      tagValue.setValue(q.tagValue() == null ? "" : q.tagValue());
    } finally {
      filling = false;
    }
  }

  private static String known(ComboBox<String> box, String id) {
    return id != null && box.getListDataView().getItems().anyMatch(id::equals) ? id : null;
  }

  private void apply() {
    if (filling) {
      return;
    }
    problem.setText("");
    try {
      ZoneId z = ReportQuery.zone(zone.getValue(), query.zone());
      query =
          new ReportQuery(
              by.getValue() == null ? query.by() : by.getValue(),
              bucket.getValue() == null ? query.bucket() : bucket.getValue(),
              from.getValue() == null ? query.from() : from.getValue(),
              to.getValue() == null ? query.to() : to.getValue(),
              z,
              campaign.getValue(),
              publisher.getValue(),
              buyer.getValue(),
              blankToNull(vertical.getValue()),
              blankToNull(number.getValue()),
              target.getValue(),
              tag.getValue(),
              tag.getValue() == null ? null : blankToNull(tagValue.getValue()));
    } catch (IllegalArgumentException e) {
      problem.setText(e.getMessage());
      return;
    }
    run();
    getUI()
        .ifPresent(
            ui ->
                ui.getPage()
                    .getHistory()
                    .replaceState(
                        null, new Location(PATH, new QueryParameters(query.parameters()))));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Runs the query and shows it: columns for its grouping, rows, totals, the saved-view link. */
  private void run() {
    ReportQuery q = query;
    link.setHref(
        new Location(PATH, new QueryParameters(q.parameters())).getPathWithQueryParameters());
    ReportsPort.Result result;
    try {
      result = port.run(q);
    } catch (IllegalArgumentException e) {
      problem.setText(e.getMessage());
      grid.setItems(List.of());
      return;
    }
    lines = result.lines().size();
    ReportTable table = new ReportTable(q, namesFor(q.by()));
    grid.removeAllColumns();
    while (!grid.getFooterRows().isEmpty()) {
      grid.removeFooterRow(grid.getFooterRows().get(0));
    }
    FooterRow footer = grid.appendFooterRow();
    for (ReportTable.Column c : table.columns()) {
      if (c.id().equals("period") && q.bucket() == ReportsPort.Bucket.TOTAL) {
        continue;
      }
      Grid.Column<ReportsPort.Line> col =
          grid.addColumn(l -> c.cell().apply(l))
              .setHeader(c.header())
              .setKey(c.id())
              .setComparator(c.order())
              .setSortable(true)
              .setAutoWidth(true)
              .setResizable(true);
      if (!c.id().equals("key") && !c.id().equals("period")) {
        col.setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
      }
      Span total = new Span(table.total(c, result.totals()));
      total.setId("total-" + c.id());
      total.getStyle().set("font-weight", "600");
      footer.getCell(col).setComponent(total);
    }
    List<ReportsPort.Line> rows = result.lines();
    grid.setItems(
        rows.size() > ReportTable.MAX_SHOWN ? rows.subList(0, ReportTable.MAX_SHOWN) : rows);
    shown.setText(
        rows.size() > ReportTable.MAX_SHOWN
            ? String.format(
                Locale.ROOT,
                "Showing the first %,d of %,d lines; the totals and the CSV hold all of them.",
                ReportTable.MAX_SHOWN,
                rows.size())
            : String.format(Locale.ROOT, rows.size() == 1 ? "%,d line" : "%,d lines", rows.size()));
  }

  private Map<String, String> namesFor(ReportsPort.GroupBy g) {
    return switch (g) {
      case PUBLISHER -> names.get(ReportsPort.Named.PUBLISHER);
      case BUYER -> names.get(ReportsPort.Named.BUYER);
      case CAMPAIGN -> names.get(ReportsPort.Named.CAMPAIGN);
      case TARGET -> names.get(ReportsPort.Named.TARGET);
      default -> Map.of();
    };
  }

  /**
   * Streams the CSV on the download's own request; each progress step is pushed to this page
   * ({@code @Push} on the shell) while the file is still being written.
   */
  private DownloadHandler csvDownload() {
    return event -> {
      ReportQuery q = query;
      UI ui = event.getUI();
      ExportProgress tracker = new ExportProgress(lines, s -> ui.access(() -> showProgress(s)));
      event.setFileName(
          "ringtree-report-"
              + q.by().name().toLowerCase(Locale.ROOT).replace('_', '-')
              + "-"
              + q.bucket().name().toLowerCase(Locale.ROOT)
              + ".csv");
      event.setContentType("text/csv; charset=utf-8");
      tracker.started();
      long n = port.exportCsv(q, event.getOutputStream(), tracker::written);
      tracker.finished(n);
    };
  }

  private void showProgress(ExportProgress.State s) {
    progress.setText(s.label());
    progressBar.getStyle().set("visibility", "visible");
    progressBar.setAttribute("value", Double.toString(s.fraction()));
    progressBar.setAttribute("data-written", Long.toString(s.written()));
  }
}
