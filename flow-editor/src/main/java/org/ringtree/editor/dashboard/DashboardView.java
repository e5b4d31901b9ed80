package org.ringtree.editor.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P&L dashboard, operators' and admins' landing page: a period's calls and money in a chosen
 * time zone with the change against the period before, and charts of money over time, calls by
 * outcome, the top publishers and buyers by margin and the buyers' cap use. Each figure and bar
 * opens the call log on its calls. As calls are settled on any node the page re-reads its figures
 * by server push, at most once a second.
 */
@Route(value = DashboardView.PATH, layout = ConsoleLayout.class)
@PageTitle("Dashboard · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class DashboardView extends VerticalLayout {

  public static final String PATH = "dashboard";

  /** The least time between two re-reads for one open dashboard. */
  static final long REFRESH_MILLIS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(DashboardView.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  // shared by every open dashboard on this node: re-reads are short and spaced by the debouncer
  private static final ScheduledExecutorService REFRESHER =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "dashboard-refresh");
            t.setDaemon(true);
            return t;
          });

  private final DashboardPort port;
  private final DashboardPresenter presenter;
  private final Clock clock;
  private final Select<Periods.Kind> period = new Select<>();
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final FlexLayout cards = new FlexLayout();
  private final Span currencies = new Span();
  private final Span updated = new Span();
  private final EChart money = new EChart("chart-money");
  private final EChart outcomes = new EChart("chart-outcomes");
  private final EChart publishers = new EChart("chart-publishers");
  private final EChart buyers = new EChart("chart-buyers");
  private final EChart caps = new EChart("chart-caps");
  private volatile Periods.Kind kind = Periods.Kind.TODAY;
  private volatile ZoneId zoneId;
  private volatile DashboardPresenter.Board board;
  private Runnable unwatch;

  public DashboardView(DashboardPort port) {
    this(port, Clock.systemUTC());
  }

  DashboardView(DashboardPort port, Clock clock) {
    this.port = port;
    this.presenter = new DashboardPresenter(port);
    this.clock = clock;
    this.zoneId = port.networkZone();
    setWidthFull();

    period.setLabel("Period");
    period.setId("dashboard-period");
    period.setItems(Periods.Kind.values());
    period.setItemLabelGenerator(Periods.Kind::label);
    period.setValue(kind);
    zone.setId("dashboard-tz");
    zone.setItems(
        ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList());
    zone.setValue(zoneId.getId());
    zone.setAllowCustomValue(false);
    period.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            kind = e.getValue();
            reload();
          }
        });
    zone.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            zoneId = ZoneId.of(e.getValue());
            reload();
          }
        });
    updated.setId("dashboard-updated");
    updated.getStyle().set("color", "var(--lumo-secondary-text-color)");
    currencies.setId("dashboard-currencies");
    HorizontalLayout controls = new HorizontalLayout(period, zone, updated);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    cards.setId("dashboard-figures");
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.getStyle().set("gap", "var(--lumo-space-s)");
    cards.setWidthFull();

    money.onClick(i -> open(board.money().links(), i));
    outcomes.onClick(i -> open(board.outcomes().links(), i));
    publishers.onClick(i -> open(board.publishers().links(), i));
    buyers.onClick(i -> open(board.buyers().links(), i));
    caps.onClick(i -> open(board.caps().links(), i));

    add(
        new H2("Dashboard"),
        controls,
        currencies,
        cards,
        new H3("Revenue, payout, margin, cost and profit"),
        money,
        pair("Calls by outcome", outcomes, "Buyers' cap use now", caps),
        pair("Top publishers by margin", publishers, "Top buyers by margin", buyers));
    reload();
  }

  private static HorizontalLayout pair(String a, EChart left, String b, EChart right) {
    VerticalLayout l = new VerticalLayout(new H3(a), left);
    VerticalLayout r = new VerticalLayout(new H3(b), right);
    for (VerticalLayout v : List.of(l, r)) {
      v.setPadding(false);
      v.setWidth("50%");
    }
    HorizontalLayout row = new HorizontalLayout(l, r);
    row.setWidthFull();
    return row;
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    Debouncer refresh =
        new Debouncer(
            REFRESHER,
            () -> clock.millis(),
            REFRESH_MILLIS,
            () -> {
              try {
                DashboardPresenter.Board b = read();
                ui.access(() -> show(b));
              } catch (RuntimeException e) {
                log.warn("Could not refresh the dashboard: {}", e.getMessage());
              }
            });
    unwatch = port.watch(refresh::signal);
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (unwatch != null) {
      unwatch.run();
      unwatch = null;
    }
  }

  private DashboardPresenter.Board read() {
    return presenter.load(kind, zoneId, clock.instant());
  }

  private void reload() {
    show(read());
  }

  void show(DashboardPresenter.Board b) {
    board = b;
    cards.removeAll();
    for (DashboardPresenter.Card c : b.cards()) {
      cards.add(card(c));
    }
    currencies.setText(
        b.otherCurrencies().isEmpty()
            ? ""
            : "Figures in "
                + b.currency()
                + "; calls in "
                + String.join(", ", b.otherCurrencies())
                + " are in the reports.");
    money.show(b.money(), EChart.Shape.COLUMNS);
    outcomes.show(b.outcomes(), EChart.Shape.COLUMNS);
    publishers.show(b.publishers(), EChart.Shape.BARS);
    buyers.show(b.buyers(), EChart.Shape.BARS);
    caps.show(b.caps(), EChart.Shape.BARS);
    updated.setText(
        "Updated " + TIME.format(b.at().atZone(zoneId)) + " " + zoneId.getId() + " (live)");
  }

  private static Anchor card(DashboardPresenter.Card c) {
    Span label = new Span(c.label());
    label.getStyle().set("color", "var(--lumo-secondary-text-color)");
    label.getStyle().set("font-size", "var(--lumo-font-size-s)");
    Span value = new Span(c.value());
    value.setId("figure-" + c.id() + "-value");
    value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
    Span change = new Span(c.change());
    change.setId("figure-" + c.id() + "-change");
    change.getStyle().set("font-size", "var(--lumo-font-size-xs)");
    Div box = new Div(label, value, change);
    box.getStyle().set("display", "flex").set("flex-direction", "column");
    Anchor a = new Anchor(c.link(), box);
    a.setId("figure-" + c.id());
    a.getElement().setAttribute("router-link", true);
    a.getStyle()
        .set("min-width", "11em")
        .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
        .set("border", "1px solid var(--lumo-contrast-10pct)")
        .set("border-radius", "var(--lumo-border-radius-m)")
        .set("color", "inherit")
        .set("text-decoration", "none");
    return a;
  }

  private void open(List<String> links, int index) {
    if (index < 0 || index >= links.size()) {
      return;
    }
    String link = links.get(index);
    int q = link.indexOf('?');
    getUI()
        .ifPresent(
            ui ->
                ui.navigate(
                    link.substring(0, q), QueryParameters.fromString(link.substring(q + 1))));
  }
}
