package org.ringtree.runtime.portal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringtree.editor.portal.PortalFigures;
import org.ringtree.editor.portal.PortalPeriods;
import org.ringtree.editor.portal.PublisherPortalPort;
import org.ringtree.runtime.directory.DirectoryStore;
import org.springframework.stereotype.Component;

/**
 * The publisher portal's port over {@link PortalStore}: the signed-in publisher's rows only, with
 * the caller's number masked and the buyer's name hidden unless its operator allows them — here, on
 * the server, so the browser never receives what the publisher may not see.
 */
@Component
class ConsolePublisherPortal implements PublisherPortalPort {

  static final List<String> CSV_HEADER =
      List.of(
          "call_sid",
          "started_at",
          "campaign",
          "tracking_number",
          "caller",
          "caller_state",
          "buyer",
          "status",
          "talk_seconds",
          "payable",
          "payout",
          "currency");

  private final PortalStore store;
  private final DirectoryStore directory;

  ConsolePublisherPortal(PortalStore store, DirectoryStore directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public Me me() {
    String id = PortalParty.publisherId();
    DirectoryStore.PortalPrivacy privacy = privacy(id);
    return new Me(
        id,
        store.partyName("PUBLISHER", id).orElse(id),
        privacy.showsCallerNumber(),
        privacy.showsBuyerNames());
  }

  @Override
  public List<PortalFigures> overview(List<PortalPeriods.Period> periods) {
    String id = PortalParty.publisherId();
    List<PortalFigures> out = new ArrayList<>();
    for (PortalPeriods.Period p : periods) {
      PortalStore.Figures f = store.figures("PUBLISHER", id, p.from(), p.to());
      out.add(new PortalFigures(p.name(), f.calls(), f.billable(), amounts(f)));
    }
    return out;
  }

  static List<PortalFigures.Amount> amounts(PortalStore.Figures f) {
    return f.money().entrySet().stream()
        .map(e -> new PortalFigures.Amount(e.getValue(), e.getKey().trim()))
        .toList();
  }

  @Override
  public List<OwnNumber> numbers() {
    return store.publisherNumbers(PortalParty.publisherId()).stream()
        .map(n -> new OwnNumber(n.number(), n.campaignId(), n.campaignName(), n.inService()))
        .toList();
  }

  @Override
  public List<Call> calls(int offset, int limit) {
    String id = PortalParty.publisherId();
    DirectoryStore.PortalPrivacy privacy = privacy(id);
    return store.portalCalls("PUBLISHER", id, offset, limit).stream()
        .map(c -> shown(c, privacy))
        .toList();
  }

  @Override
  public int callCount() {
    return store.portalCallCount("PUBLISHER", PortalParty.publisherId());
  }

  @Override
  public Optional<Call> call(String callSid) {
    String id = PortalParty.publisherId();
    DirectoryStore.PortalPrivacy privacy = privacy(id);
    return store.portalCall("PUBLISHER", id, callSid).map(c -> shown(c, privacy));
  }

  @Override
  public List<PayoutLine> payouts(LocalDate first, LocalDate last, ZoneId zone) {
    PortalPeriods.Period days = PortalPeriods.days(first, last, zone);
    return store
        .payoutLines(PortalParty.publisherId(), days.from(), days.to(), PortalParty.sqlZone(zone))
        .stream()
        .map(
            l ->
                new PayoutLine(
                    l.day(),
                    l.keyId(),
                    l.keyName(),
                    l.rule(),
                    l.entries(),
                    l.amount(),
                    l.currency()))
        .toList();
  }

  @Override
  public void exportCalls(OutputStream out) throws IOException {
    String id = PortalParty.publisherId();
    DirectoryStore.PortalPrivacy privacy = privacy(id);
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
    PortalCsv.line(w, CSV_HEADER);
    try {
      store.eachPortalCall(
          "PUBLISHER",
          id,
          c -> {
            Call s = shown(c, privacy);
            PortalCsv.line(
                w,
                java.util.Arrays.asList(
                    s.callSid(),
                    s.startedAt(),
                    s.campaign(),
                    s.trackingNumber(),
                    s.caller(),
                    s.callerState(),
                    s.buyer(),
                    s.status(),
                    s.talkSeconds(),
                    s.payable(),
                    s.payout(),
                    s.currency()));
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
  }

  private DirectoryStore.PortalPrivacy privacy(String publisherId) {
    return directory.portalPrivacy(publisherId).orElse(DirectoryStore.PortalPrivacy.HIDDEN);
  }

  /** The call with what the operator does not let the publisher see taken out. */
  static Call shown(PortalStore.PortalCall c, DirectoryStore.PortalPrivacy privacy) {
    return new Call(
        c.callSid(),
        c.startedAt(),
        c.campaign(),
        c.trackingNumber(),
        privacy.showsCallerNumber() ? c.callerNumber() : CallerMask.mask(c.callerNumber()),
        c.callerState(),
        c.buyer() == null ? "" : privacy.showsBuyerNames() ? c.buyer() : CallerMask.HIDDEN_BUYER,
        c.status(),
        c.talkSeconds(),
        c.billable(),
        c.amount(),
        c.currency());
  }
}
