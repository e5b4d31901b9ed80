package org.ringtree.editor.reports;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
 * Reconciliation: per publisher or buyer over a period (by default last week), the calls, billable
 * calls, revenue or payout, adjustments, disputes and net from the ledger — what an operator sends
 * a party at the end of the week, as CSV or as a printable page.
 */
@Route(value = ReconciliationView.PATH, layout = ConsoleLayout.class)
@PageTitle("Reconciliation · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class ReconciliationView extends VerticalLayout implements BeforeEnterObserver {

  public static final String PATH = "reconciliation";

  private final ReportsPort port;
  private final Select<ReportsPort.Party> party = new Select<>();
  private final ComboBox<String> who = new ComboBox<>("Party");
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To (inclusive)");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final Grid<ReportsPort.Statement> grid = new Grid<>();
  private final Anchor print = new Anchor();
  private final Span problem = new Span();
  private volatile StatementQuery query;
  private boolean filling;

  public ReconciliationView(ReportsPort port) {
    this(port, Clock.systemUTC());
  }

  ReconciliationView(ReportsPort port, Clock clock) {
    this.port = port;
    ZoneId network = port.networkZone();
    this.query = StatementQuery.lastWeek(network, LocalDate.now(clock.withZone(network)));
    setSizeFull();
    party.setLabel("Statements for");
    party.setId("recon-party");
    party.setItems(ReportsPort.Party.values());
    party.setItemLabelGenerator(p -> p == ReportsPort.Party.BUYER ? "Buyers" : "Publishers");
    who.setId("recon-id");
    who.setClearButtonVisible(true);
    who.setPlaceholder("every one");
    from.setId("recon-from");
    to.setId("recon-to");
    zone.setId("recon-tz");
    zone.setItems(
        ZoneId.getAvailableZoneIds().stream()
            .filter(z -> !z.startsWith("SystemV/"))
            .sorted()
            .toList());
    FlexLayout filters = new FlexLayout(party, who, from, to, zone);
    filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    filters.getStyle().set("gap", "0 var(--lumo-space-m)");
    show(query);
    List.<AbstractField<?, ?>>of(party, who, from, to, zone)
        .forEach(f -> f.addValueChangeListener(e -> apply(f == party)));

    Anchor csv = new Anchor(csvDownload(), "Download CSV");
    csv.setId("recon-csv");
    csv.getElement().setAttribute("download", true);
    print.setId("recon-print");
    print.setText("Printable statement");
    print.setTarget(AnchorTarget.BLANK);
    problem.setId("recon-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    HorizontalLayout actions = new HorizontalLayout(csv, print, problem);
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    grid.setId("recon-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    add(new H2("Reconciliation"), filters, actions, grid);
    setFlexGrow(1, grid);
    run();
  }

  private Map<String, String> names(ReportsPort.Party p) {
    return port.names(
        p == ReportsPort.Party.BUYER ? ReportsPort.Named.BUYER : ReportsPort.Named.PUBLISHER);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
    if (params.isEmpty()) {
      return;
    }
    query = StatementQuery.fromParameters(params, query);
    show(query);
    run();
  }

  private void show(StatementQuery q) {
    filling = true;
    try {
      party.setValue(q.party());
      Map<String, String> named = names(q.party());
      who.setItems(named.keySet().stream().sorted().toList());
      who.setItemLabelGenerator(k -> named.getOrDefault(k, k));
      who.setValue(q.partyId() != null && named.containsKey(q.partyId()) ? q.partyId() : null);
      from.setValue(q.from());
      to.setValue(q.to());
      zone.setValue(q.zone().getId());
    } finally {
      filling = false;
    }
  }

  private void apply(boolean partyChanged) {
    if (filling) {
      return;
    }
    problem.setText("");
    try {
      query =
          new StatementQuery(
              party.getValue() == null ? query.party() : party.getValue(),
              partyChanged ? null : who.getValue(),
              from.getValue() == null ? query.from() : from.getValue(),
              to.getValue() == null ? query.to() : to.getValue(),
              ReportQuery.zone(zone.getValue(), query.zone()));
    } catch (IllegalArgumentException e) {
      problem.setText(e.getMessage());
      return;
    }
    if (partyChanged) {
      show(query);
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

  private void run() {
    StatementQuery q = query;
    print.setHref(
        new Location(ReconciliationPrintView.PATH, new QueryParameters(q.parameters()))
            .getPathWithQueryParameters());
    Statements statements = new Statements(q, names(q.party()));
    grid.removeAllColumns();
    for (Statements.Column c : statements.columns()) {
      Grid.Column<ReportsPort.Statement> col =
          grid.addColumn(s -> c.cell().apply(s))
              .setHeader(c.header())
              .setKey(c.id())
              .setAutoWidth(true);
      if (!c.id().equals("party")) {
        col.setTextAlign(ColumnTextAlign.END);
      }
    }
    grid.setItems(port.statements(q));
  }

  private DownloadHandler csvDownload() {
    return event -> {
      StatementQuery q = query;
      event.setFileName(
          "ringtree-statements-"
              + q.party().name().toLowerCase(Locale.ROOT)
              + "-"
              + q.from()
              + "-"
              + q.to()
              + ".csv");
      event.setContentType("text/csv; charset=utf-8");
      port.statementsCsv(q, event.getOutputStream());
    };
  }
}
