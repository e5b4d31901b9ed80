package org.ringtree.editor.calls;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ringtree.editor.calls.CallLogPort.Detail;
import org.ringtree.editor.calls.CallLogPort.Summary;
import org.ringtree.editor.calls.CallLogPort.Trace;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * One call: caller and source, the timeline of its webhooks and IVR answers, the auction (every
 * target pinged), every skip with its reason, the dial attempts, the whole routing trace, the
 * ledger rows with the rules that wrote them, disputes, and the recording played through Ringtree.
 */
@Route(value = "calls/:callSid", layout = ConsoleLayout.class)
@PageTitle("Call · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class CallDetailView extends VerticalLayout implements BeforeEnterObserver {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  private final CallLogPort calls;

  public CallDetailView(CallLogPort calls) {
    this.calls = calls;
    setWidthFull();
    setId("call-detail");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String sid = event.getRouteParameters().get("callSid").orElse("");
    Anchor back = new Anchor("calls", "← Call log");
    back.getElement().setAttribute("router-link", true);
    back.setId("back-to-log");
    add(back);
    calls.detail(sid).ifPresentOrElse(this::show, () -> add(new H2("No call " + sid)));
  }

  private void show(Detail d) {
    Summary c = d.call();
    add(new H2("Call " + c.callSid()));
    add(
        facts(
            "Caller", c.callerNumber(),
            "State / zip", join(c.callerState(), c.callerZip()),
            "Tracking number", c.trackingNumber(),
            "Publisher", c.publisher(),
            "Campaign", c.campaign(),
            "Source tags",
                d.sourceTags().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")),
            "Started", time(c.startedAt()),
            "Ended", time(c.endedAt()),
            "Status", c.status(),
            "Durations",
                "total "
                    + secs(c.totalSeconds())
                    + ", IVR "
                    + secs(c.ivrSeconds())
                    + ", talk "
                    + secs(c.talkSeconds()),
            "Target / buyer", join(c.target(), c.buyer()),
            "Revenue / payout",
                CallLogView.money(c.revenue(), c.currency())
                    + " / "
                    + CallLogView.money(c.payout(), c.currency()),
            "Billable / payable", c.billable() + " / " + c.payable(),
            "Duplicate", String.valueOf(c.duplicate())));
    add(recording(c));

    add(new H3("Timeline"));
    Grid<CallLogPort.Event> events = grid("call-timeline");
    events.addColumn(e -> time(e.at())).setHeader("At").setAutoWidth(true).setFlexGrow(0);
    events.addColumn(CallLogPort.Event::kind).setHeader("Webhook").setAutoWidth(true);
    events.addColumn(CallLogPort.Event::stepKey).setHeader("Step");
    events
        .addColumn(
            e ->
                e.answers().entrySet().stream()
                    .map(a -> a.getKey() + "=" + a.getValue())
                    .collect(Collectors.joining(", ")))
        .setHeader("Answer / result")
        .setFlexGrow(2);
    events.setItems(d.events());
    add(events);

    if (d.trace().stream().anyMatch(t -> t.kind().equals("fraud"))) {
      // what the fraud defences found at the door (docs/fraud.md), and the action each asked for
      section("Fraud defences", "call-fraud", d.trace(), t -> t.kind().equals("fraud"), false);
    }
    score(d.score());
    // a ping-post buyer's post and its answer belong with the pings
    section(
        "Auction",
        "call-auction",
        d.trace(),
        t -> t.kind().equals("ping") || t.kind().equals("post"),
        true);
    section(
        "Skipped",
        "call-skips",
        d.trace(),
        t -> t.kind().equals("decision") && t.outcome().equals("SKIPPED"),
        false);
    section("Dial attempts", "call-dials", d.trace(), t -> t.kind().equals("dial"), false);
    section("Routing trace", "call-trace", d.trace(), t -> true, true);

    add(new H3("Ledger"));
    Grid<CallLogPort.Ledger> ledger = grid("call-ledger");
    ledger.addColumn(l -> time(l.at())).setHeader("At").setAutoWidth(true).setFlexGrow(0);
    ledger.addColumn(CallLogPort.Ledger::kind).setHeader("Kind").setAutoWidth(true);
    ledger.addColumn(l -> l.partyType() + " " + l.partyId()).setHeader("Party");
    ledger.addColumn(l -> CallLogView.money(l.amount(), l.currency())).setHeader("Amount");
    ledger.addColumn(CallLogPort.Ledger::ruleRef).setHeader("Rule").setFlexGrow(2);
    ledger.addColumn(CallLogPort.Ledger::description).setHeader("Description").setFlexGrow(2);
    ledger
        .addColumn(l -> l.correctsId() == null ? "" : "corrects #" + l.correctsId())
        .setHeader("Corrects");
    ledger.setItems(d.ledger());
    add(ledger);

    add(new H3("Disputes"));
    if (d.disputes().isEmpty()) {
      add(new Paragraph("No disputes."));
    } else {
      Grid<CallLogPort.Dispute> disputes = grid("call-disputes");
      disputes.addColumn(CallLogPort.Dispute::id).setHeader("#").setAutoWidth(true);
      disputes.addColumn(CallLogPort.Dispute::state).setHeader("State").setAutoWidth(true);
      disputes.addColumn(CallLogPort.Dispute::buyerId).setHeader("Buyer");
      disputes.addColumn(CallLogPort.Dispute::reason).setHeader("Reason").setFlexGrow(2);
      disputes.addColumn(x -> x.openedBy() + ", " + time(x.openedAt())).setHeader("Opened");
      disputes
          .addColumn(x -> x.decidedBy() == null ? "" : x.decidedBy() + ": " + x.note())
          .setHeader("Decision");
      disputes.setItems(d.disputes());
      add(disputes);
    }
  }

  /**
   * The player streams through Ringtree and seeks with range requests; a fetch that fails at the
   * provider is said in words.
   */
  private Div recording(Summary c) {
    Div box = new Div();
    box.setId("call-recording");
    if (!c.hasRecording()) {
      box.add(new Span("No recording for this call."));
      return box;
    }
    Element audio = new Element("audio");
    audio.setAttribute("controls", true);
    audio.setAttribute("preload", "none");
    audio.setAttribute("id", "recording-audio");
    // a plain address the platform serves with range requests, so the player can seek
    audio.setAttribute("src", CallLogPort.recordingAddress(c.callSid()));
    Span failed = new Span();
    failed.setId("recording-problem");
    failed.getStyle().set("color", "var(--lumo-error-text-color)");
    audio.addEventListener(
        "error",
        e ->
            failed.setText(
                "The recording could not be fetched from the provider (it may have been deleted,"
                    + " or the provider's credentials are not configured)."));
    box.getElement().appendChild(audio);
    box.add(
        new Span(
            " Recording"
                + (c.recordingSeconds() == null ? "" : ", " + c.recordingSeconds() + " s")
                + ", played through Ringtree. "),
        failed);
    return box;
  }

  /** The call's quality score before it was routed (docs/score.md), with its reasons. */
  private void score(CallLogPort.Score s) {
    add(new H3("Quality score"));
    if (s == null) {
      Paragraph none = new Paragraph("Not scored.");
      none.setId("call-score-none");
      add(none);
      return;
    }
    Paragraph value = new Paragraph("Score " + s.value() + " of 100, by " + s.model());
    value.setId("call-score");
    add(value);
    if (!s.note().isEmpty()) {
      Paragraph note = new Paragraph(s.note());
      note.setId("call-score-note");
      add(note);
    }
    Grid<String> reasons = grid("call-score-reasons");
    reasons.addColumn(r -> r).setHeader("Top reasons (points)");
    reasons.setItems(s.reasons());
    reasons.setAllRowsVisible(true);
    add(reasons);
  }

  private void section(
      String title, String id, List<Trace> all, Predicate<Trace> which, boolean bids) {
    List<Trace> rows = all.stream().filter(which).toList();
    add(new H3(title));
    if (rows.isEmpty()) {
      Paragraph none = new Paragraph("None.");
      none.setId(id + "-none");
      add(none);
      return;
    }
    Grid<Trace> g = grid(id);
    g.addColumn(Trace::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    g.addColumn(Trace::nodeId).setHeader("Node").setAutoWidth(true);
    g.addColumn(Trace::targetId).setHeader("Target").setAutoWidth(true);
    g.addColumn(Trace::kind).setHeader("Kind").setAutoWidth(true);
    g.addColumn(Trace::outcome).setHeader("Outcome").setAutoWidth(true);
    if (bids) {
      g.addColumn(t -> t.bid() == null ? "" : t.bid().toPlainString()).setHeader("Bid");
      g.addColumn(t -> t.latencyMs() == null ? "" : t.latencyMs() + " ms").setHeader("Latency");
      g.addColumn(t -> t.httpStatus() == null ? "" : String.valueOf(t.httpStatus()))
          .setHeader("HTTP");
    }
    g.addColumn(Trace::reason).setHeader("Reason").setFlexGrow(3);
    g.addColumn(t -> t.rule() == null ? "" : t.rule()).setHeader("Rule");
    g.setItems(rows);
    add(g);
  }

  private static <T> Grid<T> grid(String id) {
    Grid<T> g = new Grid<>();
    g.setId(id);
    g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    g.setAllRowsVisible(true);
    g.setWidthFull();
    return g;
  }

  private static Div facts(String... pairs) {
    Div grid = new Div();
    grid.setId("call-facts");
    grid.getStyle()
        .set("display", "grid")
        .set("grid-template-columns", "max-content 1fr max-content 1fr")
        .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
    for (int i = 0; i < pairs.length; i += 2) {
      Span label = new Span(pairs[i]);
      label.getStyle().set("color", "var(--lumo-secondary-text-color)");
      Span value = new Span(pairs[i + 1] == null ? "" : pairs[i + 1]);
      value.getElement().setAttribute("data-fact", pairs[i]);
      grid.add(label, value);
    }
    return grid;
  }

  private static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  private static String secs(Integer s) {
    return s == null ? "–" : s + " s";
  }

  private static String join(String a, String b) {
    return (a == null ? "–" : a) + " / " + (b == null ? "–" : b);
  }
}
