package org.ringtree.runtime.portal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ringtree.editor.portal.BuyerPortalPort;
import org.ringtree.editor.portal.PortalFigures;
import org.ringtree.editor.portal.PortalPeriods;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.routing.Usage;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.directory.LiveDirectory;
import org.ringtree.runtime.live.LiveCalls;
import org.ringtree.runtime.routing.CapacityStore;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * The buyer portal's port: the signed-in buyer's calls, spend, caps and targets only. Pausing and
 * resuming goes through the same live setting and audit as {@code PUT
 * /api/directory/targets/{id}/active}, after checking the target is the buyer's own; caps are
 * counted as routing counts them (CapacityStore), live legs as the Live view shows them.
 */
@Component
class ConsoleBuyerPortal implements BuyerPortalPort {

  static final List<String> CSV_HEADER =
      List.of(
          "call_sid",
          "started_at",
          "campaign",
          "caller",
          "caller_state",
          "target",
          "status",
          "talk_seconds",
          "billable",
          "cost",
          "currency",
          "recorded");

  private final PortalStore store;
  private final DirectoryStore directory;
  private final LiveDirectory live;
  private final CapacityStore capacity;
  private final LiveCalls liveCalls;
  private final Clock clock;

  ConsoleBuyerPortal(
      PortalStore store,
      DirectoryStore directory,
      LiveDirectory live,
      CapacityStore capacity,
      LiveCalls liveCalls,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.live = live;
    this.capacity = capacity;
    this.liveCalls = liveCalls;
    this.clock = clock;
  }

  @Override
  public Me me() {
    String id = PortalParty.buyerId();
    return new Me(id, store.partyName("BUYER", id).orElse(id));
  }

  @Override
  public List<PortalFigures> overview(List<PortalPeriods.Period> periods) {
    String id = PortalParty.buyerId();
    List<PortalFigures> out = new ArrayList<>();
    for (PortalPeriods.Period p : periods) {
      PortalStore.Figures f = store.figures("BUYER", id, p.from(), p.to());
      out.add(
          new PortalFigures(p.name(), f.calls(), f.billable(), ConsolePublisherPortal.amounts(f)));
    }
    return out;
  }

  @Override
  public List<Call> calls(int offset, int limit) {
    return store.portalCalls("BUYER", PortalParty.buyerId(), offset, limit).stream()
        .map(ConsoleBuyerPortal::call)
        .toList();
  }

  @Override
  public int callCount() {
    return store.portalCallCount("BUYER", PortalParty.buyerId());
  }

  @Override
  public void exportCalls(OutputStream out) throws IOException {
    String id = PortalParty.buyerId();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
    PortalCsv.line(w, CSV_HEADER);
    try {
      store.eachPortalCall(
          "BUYER",
          id,
          c ->
              PortalCsv.line(
                  w,
                  java.util.Arrays.asList(
                      c.callSid(),
                      c.startedAt(),
                      c.campaign(),
                      c.callerNumber(),
                      c.callerState(),
                      c.target(),
                      c.status(),
                      c.talkSeconds(),
                      c.billable(),
                      c.amount(),
                      c.currency(),
                      c.recorded())));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
  }

  @Override
  public List<SpendLine> spend(LocalDate first, LocalDate last, ZoneId zone) {
    PortalPeriods.Period days = PortalPeriods.days(first, last, zone);
    return store
        .spendLines(PortalParty.buyerId(), days.from(), days.to(), PortalParty.sqlZone(zone))
        .stream()
        .map(
            l ->
                new SpendLine(
                    l.day(), l.keyId(), l.keyName(), l.entries(), l.amount(), l.currency()))
        .toList();
  }

  @Override
  public List<Target> targets() {
    String id = PortalParty.buyerId();
    LiveSettings settings = live.current();
    Map<String, Integer> legs = new HashMap<>();
    for (CapacityStore.OpenLegs l : capacity.openLegs()) {
      if (id.equals(l.buyerId())) {
        legs.merge(l.targetId(), l.legs(), Integer::sum);
      }
    }
    return store.buyerTargets(id).stream()
        .map(t -> target(t, legs.getOrDefault(t.id(), 0), settings))
        .toList();
  }

  private static Target target(PortalStore.OwnTarget t, int legs, LiveSettings settings) {
    LiveSettings.Setting s = settings.targets().get(t.id());
    Integer cap = s == null ? null : s.caps().concurrency();
    return new Target(t.id(), t.name(), t.active(), legs, cap);
  }

  @Override
  public List<CapUse> caps() {
    String id = PortalParty.buyerId();
    LiveSettings settings = live.current();
    var now = clock.instant();
    List<org.ringtree.rules.directory.Target> own =
        directory.snapshot(Set.of()).targets().stream()
            .filter(t -> id.equals(t.buyerId()))
            .map(settings::apply)
            .toList();
    Caps buyerCaps =
        settings.buyers().containsKey(id) ? settings.buyers().get(id).caps() : Caps.NONE;
    String buyerName = store.partyName("BUYER", id).orElse(id);
    var usage =
        capacity.usage(own, Map.of(id, new Buyer(id, buyerName, buyerCaps, null)), null, now);
    List<CapUse> out = new ArrayList<>();
    add(out, "buyer", id, buyerName, buyerCaps, usage.buyer(id));
    for (var t : own) {
      add(out, "target", t.id(), t.name(), t.caps(), usage.target(t.id()));
    }
    return out;
  }

  private static void add(
      List<CapUse> out, String scope, String id, String name, Caps caps, Usage usage) {
    Usage.Counts n =
        caps.countOn() == Caps.CountOn.CONVERSIONS ? usage.conversions() : usage.connections();
    String counted = caps.countOn() == Caps.CountOn.CONVERSIONS ? " conversions" : " connections";
    if (caps.concurrency() != null) {
      out.add(new CapUse(scope, id, name, "at once", usage.concurrent(), caps.concurrency()));
    }
    period(out, scope, id, name, "hourly" + counted, n.hourly(), caps.hourly());
    period(out, scope, id, name, "daily" + counted, n.daily(), caps.daily());
    period(out, scope, id, name, "monthly" + counted, n.monthly(), caps.monthly());
    period(out, scope, id, name, "total" + counted, n.total(), caps.total());
  }

  private static void period(
      List<CapUse> out,
      String scope,
      String id,
      String name,
      String period,
      long used,
      Integer cap) {
    if (cap != null) {
      out.add(new CapUse(scope, id, name, period, used, cap));
    }
  }

  @Override
  public Outcome setActive(String targetId, boolean active) {
    String id = PortalParty.buyerId();
    // only the buyer's own target: another buyer's reads exactly like one that does not exist
    if (targetId == null || store.buyerTarget(id, targetId).isEmpty()) {
      return new Outcome.NotFound(targetId);
    }
    directory.setTargetActive(targetId, active);
    LiveSettings settings = live.current();
    return store
        .buyerTarget(id, targetId)
        .<Outcome>map(t -> new Outcome.Done(target(t, 0, settings)))
        .orElseGet(() -> new Outcome.NotFound(targetId));
  }

  @Override
  public Runnable watch(Runnable changed) {
    PortalParty.buyerId();
    // the push re-reads through this port on another thread: it carries the viewer's sign-in
    Runnable signedIn = new DelegatingSecurityContextRunnable(changed);
    Consumer<LiveCalls.Snapshot> listener = s -> signedIn.run();
    liveCalls.watch(listener);
    return () -> liveCalls.unwatch(listener);
  }

  private static Call call(PortalStore.PortalCall c) {
    return new Call(
        c.callSid(),
        c.startedAt(),
        c.campaign(),
        c.callerNumber(),
        c.callerState(),
        c.target(),
        c.status(),
        c.talkSeconds(),
        c.billable(),
        c.amount(),
        c.currency(),
        c.recorded());
  }
}
