package org.ringtree.editor.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ringtree.editor.dashboard.DashboardPort.Bucket;
import org.ringtree.editor.dashboard.DashboardPort.CapUse;
import org.ringtree.editor.dashboard.DashboardPort.Party;
import org.ringtree.editor.dashboard.DashboardPort.PartyMoney;
import org.ringtree.editor.dashboard.DashboardPort.Step;
import org.ringtree.editor.dashboard.DashboardPort.Totals;

/**
 * Reads a period's figures and charts from the port and turns them into what the dashboard shows:
 * formatted cards with their change, and chart data whose money stays exact decimal text. Plain
 * Java, so it is tested without a browser.
 */
public final class DashboardPresenter {

  static final int TOP = 10;
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

  /** One figure as shown, with the call log link that lists its calls. */
  public record Card(String id, String label, String value, String change, String link) {}

  /** A named row of chart values, each decimal text (never a float). */
  public record Series(String name, List<String> data) {}

  /** A chart's categories, its series and, per category, the call log link a click opens. */
  public record Chart(List<String> categories, List<Series> series, List<String> links) {}

  /** Everything the dashboard shows for one period in one currency. */
  public record Board(
      Periods.Window window,
      String currency,
      List<String> otherCurrencies,
      List<Card> cards,
      Chart money,
      Chart outcomes,
      Chart publishers,
      Chart buyers,
      Chart caps,
      Instant at) {}

  private final DashboardPort port;

  public DashboardPresenter(DashboardPort port) {
    this.port = port;
  }

  public Board load(Periods.Kind kind, ZoneId zone, Instant now) {
    Periods.Window w = Periods.of(kind, now, zone);
    List<Totals> current = port.totals(w.current().from(), w.current().until());
    List<Totals> previous = port.totals(w.previous().from(), w.previous().until());
    String currency = mainCurrency(current, previous);
    List<String> others = new ArrayList<>();
    current.stream().map(Totals::currency).filter(c -> !c.equals(currency)).forEach(others::add);
    Totals now0 = pick(current, currency);
    Totals before = pick(previous, currency);
    List<Card> cards = new ArrayList<>();
    for (Figures.Figure f : Figures.ALL) {
      BigDecimal v = f.value().apply(now0);
      BigDecimal p = f.value().apply(before);
      cards.add(
          new Card(
              f.id(),
              f.label(),
              Figures.format(f.kind(), v, currency),
              Figures.change(f.kind(), v, p, currency) + " vs " + kind.previousLabel(),
              link(w.current(), zone, f.filter())));
    }
    return new Board(
        w,
        currency,
        List.copyOf(others),
        List.copyOf(cards),
        money(w, currency),
        outcomes(w, now0),
        top(Party.PUBLISHER, w, currency),
        top(Party.BUYER, w, currency),
        caps(port.capUsage(now), w, zone),
        now);
  }

  /** The currency with the most calls now (then before); USD on a quiet network. */
  static String mainCurrency(List<Totals> current, List<Totals> previous) {
    for (List<Totals> list : List.of(current, previous)) {
      var best = list.stream().max(Comparator.comparingLong(Totals::calls));
      if (best.isPresent()) {
        return best.get().currency();
      }
    }
    return "USD";
  }

  private static Totals pick(List<Totals> list, String currency) {
    return list.stream()
        .filter(t -> t.currency().equals(currency))
        .findFirst()
        .orElse(Totals.zero(currency));
  }

  /**
   * Revenue, payout, margin, cost and profit per hour (a day's periods) or per day, every bucket
   * present. Profit = revenue − payout − cost, per bucket as in the figures.
   */
  Chart money(Periods.Window w, String currency) {
    Step step =
        w.kind() == Periods.Kind.TODAY || w.kind() == Periods.Kind.YESTERDAY ? Step.HOUR : Step.DAY;
    ZoneId zone = w.zone();
    Map<LocalDateTime, Bucket> byStart = new LinkedHashMap<>();
    for (Bucket b : port.series(w.current().from(), w.current().to(), zone, step)) {
      if (b.currency().equals(currency)) {
        byStart.put(b.start(), b);
      }
    }
    List<String> categories = new ArrayList<>();
    List<String> links = new ArrayList<>();
    List<String> revenue = new ArrayList<>();
    List<String> payout = new ArrayList<>();
    List<String> margin = new ArrayList<>();
    List<String> cost = new ArrayList<>();
    List<String> profit = new ArrayList<>();
    // walk local bucket starts; a DST day has 23 or 25 hours and the set keeps each once
    TreeSet<LocalDateTime> starts = new TreeSet<>();
    for (Instant t = w.current().from(); t.isBefore(w.current().to()); ) {
      LocalDateTime local = LocalDateTime.ofInstant(t, zone);
      starts.add(local.truncatedTo(step == Step.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS));
      t =
          step == Step.HOUR
              ? t.plus(1, ChronoUnit.HOURS)
              : local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
    starts.addAll(byStart.keySet());
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    for (LocalDateTime s : starts) {
      Bucket b = byStart.get(s);
      BigDecimal rev = b == null ? zero : b.revenue().setScale(2, RoundingMode.UNNECESSARY);
      BigDecimal pay = b == null ? zero : b.payout().setScale(2, RoundingMode.UNNECESSARY);
      BigDecimal cst = b == null ? zero : b.cost().setScale(2, RoundingMode.UNNECESSARY);
      categories.add((step == Step.HOUR ? HOUR : DAY).format(s));
      revenue.add(rev.toPlainString());
      payout.add(pay.toPlainString());
      margin.add(rev.subtract(pay).toPlainString());
      cost.add(cst.toPlainString());
      profit.add(rev.subtract(pay).subtract(cst).toPlainString());
      links.add(dayLink(s.toLocalDate(), s.toLocalDate(), zone, ""));
    }
    return new Chart(
        categories,
        List.of(
            new Series("Revenue (" + currency + ")", revenue),
            new Series("Payout (" + currency + ")", payout),
            new Series("Margin (" + currency + ")", margin),
            new Series("Cost (" + currency + ")", cost),
            new Series("Profit (" + currency + ")", profit)),
        links);
  }

  /** How the period's calls went, from all calls down to converted ones. */
  private static Chart outcomes(Periods.Window w, Totals t) {
    List<String> categories =
        List.of("Calls", "Qualified", "Connected", "Billable", "Duplicates", "Converted");
    List<Long> values =
        List.of(
            t.calls(), t.qualified(), t.connected(), t.billable(), t.duplicates(), t.converted());
    List<String> filters =
        List.of(
            "",
            "qualified=true",
            "connected=true",
            "billable=true",
            "duplicate=true",
            "converted=true");
    List<String> links = new ArrayList<>();
    for (String f : filters) {
      links.add(link(w.current(), w.zone(), f));
    }
    return new Chart(
        categories,
        List.of(new Series("Calls", values.stream().map(String::valueOf).toList())),
        links);
  }

  /** The publishers or buyers with the highest margin in the period, highest first. */
  private Chart top(Party party, Periods.Window w, String currency) {
    List<PartyMoney> ranked =
        port.parties(party, w.current().from(), w.current().until()).stream()
            .filter(p -> p.currency().equals(currency) && p.id() != null && !p.id().isBlank())
            .sorted(
                Comparator.comparing(PartyMoney::margin).reversed().thenComparing(PartyMoney::id))
            .limit(TOP)
            .toList();
    String param = party == Party.PUBLISHER ? "publisher=" : "buyer=";
    return new Chart(
        ranked.stream().map(p -> p.name() == null ? p.id() : p.name()).toList(),
        List.of(
            new Series(
                "Margin (" + currency + ")",
                ranked.stream()
                    .map(p -> p.margin().setScale(2, RoundingMode.UNNECESSARY).toPlainString())
                    .toList()),
            // beside margin, what is left after the telephony of the party's calls
            new Series(
                "Profit (" + currency + ")",
                ranked.stream()
                    .map(p -> p.profit().setScale(2, RoundingMode.UNNECESSARY).toPlainString())
                    .toList())),
        ranked.stream().map(p -> link(w.current(), w.zone(), param + encode(p.id()))).toList());
  }

  /** Each buyer cap's use now, in per cent of the cap, labelled "Buyer · daily 4/10". */
  private static Chart caps(List<CapUse> uses, Periods.Window w, ZoneId zone) {
    List<CapUse> sorted =
        uses.stream()
            .sorted(Comparator.comparing(CapUse::buyerName).thenComparing(CapUse::period))
            .toList();
    return new Chart(
        sorted.stream()
            .map(u -> u.buyerName() + " · " + u.period() + " " + u.used() + "/" + u.cap())
            .toList(),
        List.of(
            new Series(
                "Cap used (%)",
                sorted.stream()
                    .map(
                        u ->
                            u.cap() == 0
                                ? "100.0"
                                : Figures.percent(
                                        BigDecimal.valueOf(u.used()), BigDecimal.valueOf(u.cap()))
                                    .toPlainString())
                    .toList())),
        sorted.stream()
            .map(
                u -> {
                  var today = w.current().until().minusSeconds(1).atZone(zone).toLocalDate();
                  return dayLink(today, today, zone, "buyer=" + encode(u.buyerId()));
                })
            .toList());
  }

  /** The call log listing the period's calls (its whole days) with {@code filter}. */
  static String link(Periods.Range r, ZoneId zone, String filter) {
    return dayLink(r.firstDay(), r.lastDay(), zone, filter);
  }

  static String dayLink(
      java.time.LocalDate first, java.time.LocalDate last, ZoneId zone, String filter) {
    return "calls?from="
        + first
        + "&to="
        + last
        + "&tz="
        + encode(zone.getId())
        + (filter.isEmpty() ? "" : "&" + filter);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
