package org.ringtree.editor.calls;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.editor.calls.CallLogPort.Option;
import org.ringtree.editor.calls.CallLogPort.OptionKind;
import org.ringtree.editor.calls.CallLogPort.Query;
import org.ringtree.editor.calls.CallLogPort.Row;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The call log: every call newest first, filtered by time range in a chosen time zone, directory
 * entries, numbers, status and flags; a row opens the call's detail. The grid loads lazily through
 * the keyset API ({@link KeysetPager}); the CSV download streams the filtered set. The filters can
 * come in the URL with the REST API's parameter names ({@code calls?from=2026-12-01&to=2026-12-06
 * &tz=America/New_York&billable=true}), which is how the dashboard opens the calls behind a figure.
 */
@Route(value = "calls", layout = ConsoleLayout.class)
@PageTitle("Call log · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class CallLogView extends VerticalLayout implements BeforeEnterObserver {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The statuses calls take: the platform's own, then the provider's final ones. */
  static final List<String> STATUSES =
      List.of(
          "in-ivr",
          "ringing-buyer",
          "connected",
          "flow-ended",
          "completed",
          "busy",
          "no-answer",
          "failed",
          "canceled");

  private final CallLogPort calls;
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To (inclusive)");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final ComboBox<Option> campaign = new ComboBox<>("Campaign");
  private final ComboBox<Option> publisher = new ComboBox<>("Publisher");
  private final ComboBox<Option> buyer = new ComboBox<>("Buyer");
  private final ComboBox<Option> target = new ComboBox<>("Target");
  private final TextField number = new TextField("Tracking number");
  private final TextField caller = new TextField("Caller");
  private final MultiSelectComboBox<String> status = new MultiSelectComboBox<>("Status");
  private final Select<String> billable = flag("Billable");
  private final Select<String> duplicate = flag("Duplicate");
  private final Select<String> recording = flag("Recording");
  // as the dashboard counts them: reached a route node; reached a buyer; converted by postback
  private final Select<String> qualified = flag("Qualified");
  private final Select<String> connected = flag("Connected to a buyer");
  private final Select<String> converted = flag("Converted");
  private final Grid<Row> grid = new Grid<>();
  private final Span problem = new Span();
  // read by the CSV download, which runs outside the UI's lock
  private volatile Query query = Query.NONE;
  private KeysetPager pager;
  // true while the URL's filters are put in the fields, so the query runs once at the end
  private boolean filling;

  public CallLogView(CallLogPort calls) {
    this.calls = calls;
    setSizeFull();
    add(new H2("Call log"));

    zone.setItems(
        ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList());
    zone.setValue("UTC");
    zone.setId("filter-tz");
    from.setId("filter-from");
    to.setId("filter-to");
    directory(campaign, OptionKind.CAMPAIGN, "filter-campaign");
    directory(publisher, OptionKind.PUBLISHER, "filter-publisher");
    directory(buyer, OptionKind.BUYER, "filter-buyer");
    directory(target, OptionKind.TARGET, "filter-target");
    for (TextField f : List.of(number, caller)) {
      f.setPlaceholder("+18885550101");
      f.setClearButtonVisible(true);
      f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    }
    number.setId("filter-number");
    caller.setId("filter-caller");
    status.setItems(STATUSES);
    status.setId("filter-status");
    billable.setId("filter-billable");
    duplicate.setId("filter-duplicate");
    recording.setId("filter-recording");
    qualified.setId("filter-qualified");
    connected.setId("filter-connected");
    converted.setId("filter-converted");

    FlexLayout filters =
        new FlexLayout(
            from, to, zone, campaign, publisher, buyer, target, number, caller, status, billable,
            duplicate, recording, qualified, connected, converted);
    filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    filters.getStyle().set("gap", "0 var(--lumo-space-m)");
    filters.setId("call-filters");
    List.<AbstractField<?, ?>>of(
            from, to, zone, campaign, publisher, buyer, target, number, caller, status, billable,
            duplicate, recording, qualified, connected, converted)
        .forEach(f -> f.addValueChangeListener(e -> applyFilters()));

    Anchor csv = new Anchor(csvDownload(), "Download CSV");
    csv.setId("csv-download");
    csv.getElement().setAttribute("download", true);
    problem.setId("filter-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    HorizontalLayout actions = new HorizontalLayout(csv, problem);
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    grid.setId("call-log");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(r -> TIME.format(r.startedAt().atZone(zone())))
        .setHeader("Started")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(Row::callerNumber).setHeader("Caller").setAutoWidth(true);
    grid.addColumn(Row::callerState).setHeader("State").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Row::trackingNumber).setHeader("Number").setAutoWidth(true);
    grid.addColumn(Row::campaign).setHeader("Campaign");
    grid.addColumn(Row::publisher).setHeader("Publisher");
    grid.addColumn(Row::buyer).setHeader("Buyer");
    grid.addColumn(Row::target).setHeader("Target");
    grid.addColumn(Row::status).setHeader("Status").setAutoWidth(true);
    grid.addColumn(r -> r.totalSeconds() == null ? "" : r.totalSeconds() + " s")
        .setHeader("Duration")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(r -> money(r.revenue(), r.currency())).setHeader("Revenue").setAutoWidth(true);
    grid.addColumn(r -> money(r.payout(), r.currency())).setHeader("Payout").setAutoWidth(true);
    grid.addColumn(r -> flags(r)).setHeader("Flags").setAutoWidth(true);
    grid.setPageSize(100);
    grid.addItemClickListener(
        e -> grid.getUI().ifPresent(ui -> ui.navigate("calls/" + e.getItem().callSid())));
    grid.setSizeFull();
    pager = new KeysetPager((cursor, limit) -> calls.page(Query.NONE, cursor, limit));
    grid.setItems(q -> pager.rows(q.getOffset(), q.getLimit()).stream());

    add(filters, actions, grid);
    setFlexGrow(1, grid);
  }

  private DownloadHandler csvDownload() {
    return event -> {
      event.setFileName("ringtree-calls.csv");
      event.setContentType("text/csv; charset=utf-8");
      calls.exportCsv(query, event.getOutputStream());
    };
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
    if (params.isEmpty()) {
      return;
    }
    filling = true;
    try {
      String tz = first(params, "tz");
      if (tz != null) {
        zone.setValue(tz);
      }
      from.setValue(date(first(params, "from")));
      to.setValue(date(first(params, "to")));
      choose(campaign, OptionKind.CAMPAIGN, first(params, "campaign"));
      choose(publisher, OptionKind.PUBLISHER, first(params, "publisher"));
      choose(buyer, OptionKind.BUYER, first(params, "buyer"));
      choose(target, OptionKind.TARGET, first(params, "target"));
      number.setValue(orEmpty(first(params, "number")));
      caller.setValue(orEmpty(first(params, "caller")));
      String st = first(params, "status");
      if (st != null) {
        status.setValue(new java.util.LinkedHashSet<>(List.of(st.split(","))));
      }
      flagFrom(billable, first(params, "billable"));
      flagFrom(duplicate, first(params, "duplicate"));
      flagFrom(recording, first(params, "recording"));
      flagFrom(qualified, first(params, "qualified"));
      flagFrom(connected, first(params, "connected"));
      flagFrom(converted, first(params, "converted"));
    } finally {
      filling = false;
    }
    applyFilters();
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static LocalDate date(String s) {
    try {
      return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** Picks the directory entry with exactly this id, if there is one. */
  private void choose(ComboBox<Option> box, OptionKind kind, String id) {
    if (id == null) {
      return;
    }
    calls.options(kind, id, 0, 50).stream()
        .filter(o -> o.id().equals(id))
        .findFirst()
        .ifPresent(box::setValue);
  }

  private static void flagFrom(Select<String> s, String value) {
    if (value != null) {
      s.setValue(
          switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true" -> "Yes";
            case "no", "false" -> "No";
            default -> "Any";
          });
    }
  }

  /** Reads the filters, has the platform check them, and reloads the grid from the top. */
  private void applyFilters() {
    if (filling) {
      return;
    }
    Query q = read();
    fields().values().forEach(f -> f.setInvalid(false));
    problem.setText("");
    try {
      calls.page(q, null, 1);
    } catch (CallLogPort.BadFilter e) {
      HasValidation field = fields().get(e.parameter());
      if (field != null) {
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
      }
      problem.setText(e.getMessage());
      return;
    }
    query = q;
    pager = new KeysetPager((cursor, limit) -> calls.page(q, cursor, limit));
    grid.getDataProvider().refreshAll();
  }

  Query read() {
    LocalDate f = from.getValue();
    LocalDate t = to.getValue();
    return new Query(
        f == null ? null : f.toString(),
        t == null ? null : t.toString(),
        zone.getValue(),
        id(campaign),
        id(publisher),
        id(buyer),
        id(target),
        number.getValue(),
        caller.getValue(),
        status.getValue().isEmpty() ? null : String.join(",", status.getValue()),
        flag(billable),
        flag(duplicate),
        flag(recording),
        flag(qualified),
        flag(connected),
        flag(converted));
  }

  /** The field behind each API parameter, to mark the one the platform refused. */
  private Map<String, HasValidation> fields() {
    Map<String, HasValidation> m = new LinkedHashMap<>();
    m.put("from", from);
    m.put("to", to);
    m.put("tz", zone);
    m.put("campaign", campaign);
    m.put("publisher", publisher);
    m.put("buyer", buyer);
    m.put("target", target);
    m.put("number", number);
    m.put("caller", caller);
    m.put("status", status);
    return m;
  }

  private ZoneId zone() {
    return ZoneId.of(zone.getValue() == null ? "UTC" : zone.getValue());
  }

  private void directory(ComboBox<Option> box, OptionKind kind, String id) {
    box.setId(id);
    box.setClearButtonVisible(true);
    box.setItemLabelGenerator(Option::label);
    box.setItems(
        q -> calls.options(kind, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
  }

  private static String id(ComboBox<Option> box) {
    return box.getValue() == null ? null : box.getValue().id();
  }

  private static Select<String> flag(String label) {
    Select<String> s = new Select<>();
    s.setLabel(label);
    s.setItems("Any", "Yes", "No");
    s.setValue("Any");
    s.setWidth("8em");
    return s;
  }

  private static Boolean flag(Select<String> s) {
    return switch (s.getValue() == null ? "Any" : s.getValue()) {
      case "Yes" -> Boolean.TRUE;
      case "No" -> Boolean.FALSE;
      default -> null;
    };
  }

  static String money(BigDecimal amount, String currency) {
    return amount == null ? "" : amount.toPlainString() + " " + currency;
  }

  private static String flags(Row r) {
    StringBuilder b = new StringBuilder();
    if (Boolean.TRUE.equals(r.billable())) {
      b.append("billable ");
    }
    if (r.duplicate()) {
      b.append("duplicate ");
    }
    if (r.hasRecording()) {
      b.append("recorded");
    }
    return b.toString().strip();
  }
}
