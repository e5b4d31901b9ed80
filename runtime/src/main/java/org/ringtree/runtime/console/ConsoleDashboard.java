package org.ringtree.runtime.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringtree.editor.dashboard.DashboardPort;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.routing.Usage;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.billing.ReportRow;
import org.ringtree.runtime.billing.Reports;
import org.ringtree.runtime.call.QualifiedCallStore;
import org.ringtree.runtime.database.PgNotifications;
import org.ringtree.runtime.directory.DirectoryNames;
import org.ringtree.runtime.directory.LiveDirectory;
import org.ringtree.runtime.routing.CapacityStore;
import org.springframework.stereotype.Component;

/**
 * The dashboard's port: figures from the reconciliation reports ({@link Reports}, the same numbers
 * as {@code /api/reports}), buyers' cap use from the cap counters, and the settled-call NOTIFY that
 * {@link Reports} sends, heard on this node from every node.
 */
@Component
class ConsoleDashboard implements DashboardPort {

  private static final int MAX_NAMES = 10_000;

  private final Reports reports;
  private final BillingProperties billing;
  private final DirectoryNames names;
  private final LiveDirectory directory;
  private final CapacityStore capacity;
  private final QualifiedCallStore qualifiedCalls;
  private final List<Runnable> watchers = new CopyOnWriteArrayList<>();

  ConsoleDashboard(
      Reports reports,
      BillingProperties billing,
      DirectoryNames names,
      LiveDirectory directory,
      CapacityStore capacity,
      QualifiedCallStore qualifiedCalls,
      PgNotifications notifications) {
    this.qualifiedCalls = qualifiedCalls;
    this.reports = reports;
    this.billing = billing;
    this.names = names;
    this.directory = directory;
    this.capacity = capacity;
    // a null payload (the listener reconnected) may hide missed calls: re-read then too
    notifications.subscribe(Reports.SETTLED_CHANNEL, payload -> watchers.forEach(Runnable::run));
  }

  @Override
  public ZoneId networkZone() {
    return billing.timezone();
  }

  /**
   * Folds the roll-up queue, then reads (qualified calls straight from {@code calls}, by their
   * partial index): a dashboard asks for the totals first, and its other reports of the same load
   * read the roll-up as this fold left it (one fold per load, not seven).
   */
  @Override
  public List<Totals> totals(Instant from, Instant to) {
    reports.foldQueuedChanges();
    // qualified: reached a route node (calls.routed_at), not only the calls a buyer took
    Map<String, Long> qualified = qualifiedCalls.countByCurrency(from, to);
    List<Totals> out = new ArrayList<>();
    for (ReportRow t : totalsOf(from, to)) {
      out.add(
          new Totals(
              t.currency(),
              t.calls(),
              qualified.getOrDefault(t.currency(), 0L),
              t.connected(),
              t.billable(),
              t.duplicates(),
              t.converted(),
              t.revenue(),
              t.payout(),
              t.cost()));
    }
    return out;
  }

  private List<ReportRow> totalsOf(Instant from, Instant to) {
    return reports
        .read(
            new Reports.Query(
                Reports.Dimension.NONE,
                Reports.Period.TOTAL,
                from,
                to,
                ZoneOffset.UTC,
                null,
                null,
                null,
                null,
                null))
        .totals();
  }

  @Override
  public List<Bucket> series(Instant from, Instant to, ZoneId zone, Step step) {
    Reports.Period period = step == Step.HOUR ? Reports.Period.HOUR : Reports.Period.DAY;
    return run(Reports.Dimension.NONE, period, from, to, zone).stream()
        .map(r -> new Bucket(r.period(), r.currency(), r.revenue(), r.payout(), r.cost()))
        .toList();
  }

  @Override
  public List<PartyMoney> parties(Party party, Instant from, Instant to) {
    Reports.Dimension by =
        party == Party.PUBLISHER ? Reports.Dimension.PUBLISHER : Reports.Dimension.BUYER;
    Map<String, String> named = new HashMap<>();
    names
        .search(
            party == Party.PUBLISHER ? DirectoryNames.Kind.PUBLISHER : DirectoryNames.Kind.BUYER,
            "",
            0,
            MAX_NAMES)
        .forEach(n -> named.put(n.id(), n.name()));
    return run(by, Reports.Period.TOTAL, from, to, null).stream()
        .filter(r -> r.key() != null && !r.key().isBlank())
        .map(
            r ->
                new PartyMoney(
                    r.key(),
                    named.getOrDefault(r.key(), r.key()),
                    r.currency(),
                    r.calls(),
                    r.revenue(),
                    r.payout(),
                    r.cost()))
        .toList();
  }

  @Override
  public List<CapUse> capUsage(Instant now) {
    LiveSettings live = directory.current();
    Map<String, String> named = new HashMap<>();
    names
        .search(DirectoryNames.Kind.BUYER, "", 0, MAX_NAMES)
        .forEach(n -> named.put(n.id(), n.name()));
    Map<String, Buyer> capped = new LinkedHashMap<>();
    live.buyers()
        .forEach(
            (id, s) -> {
              Caps c = s.caps();
              if (c.hourly() != null
                  || c.daily() != null
                  || c.monthly() != null
                  || c.total() != null) {
                capped.put(id, new Buyer(id, named.getOrDefault(id, id), c, null));
              }
            });
    if (capped.isEmpty()) {
      return List.of();
    }
    var usage = capacity.usage(List.of(), capped, null, now);
    List<CapUse> out = new ArrayList<>();
    capped.forEach(
        (id, b) -> {
          Caps c = b.caps();
          Usage u = usage.buyer(id);
          Usage.Counts n =
              c.countOn() == Caps.CountOn.CONVERSIONS ? u.conversions() : u.connections();
          add(out, b, "hourly", n.hourly(), c.hourly());
          add(out, b, "daily", n.daily(), c.daily());
          add(out, b, "monthly", n.monthly(), c.monthly());
          add(out, b, "total", n.total(), c.total());
        });
    return out;
  }

  private static void add(List<CapUse> out, Buyer b, String period, long used, Integer cap) {
    if (cap != null) {
      out.add(new CapUse(b.id(), b.name(), period, used, cap));
    }
  }

  @Override
  public Runnable watch(Runnable changed) {
    watchers.add(changed);
    return () -> watchers.remove(changed);
  }

  private List<ReportRow> run(
      Reports.Dimension by, Reports.Period period, Instant from, Instant to, ZoneId zone) {
    return reports
        .read(
            new Reports.Query(
                by,
                period,
                from,
                to,
                zone == null ? ZoneOffset.UTC : zone,
                null,
                null,
                null,
                null,
                null))
        .rows();
  }
}
