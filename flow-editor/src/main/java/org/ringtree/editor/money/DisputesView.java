package org.ringtree.editor.money;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.editor.calls.CallLogPort;
import org.ringtree.editor.money.DisputeQueuePort.Entry;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The operator's dispute queue: open disputes first, each with its call, buyer, publisher, amount,
 * reason and age. Opening one shows the call's facts and plays its recording through Ringtree;
 * approving credits the buyer and claws back the publisher's payout, rejecting needs a reason.
 * {@code ?dispute=N} opens dispute N.
 */
@Route(value = "disputes", layout = ConsoleLayout.class)
@PageTitle("Disputes · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class DisputesView extends VerticalLayout implements BeforeEnterObserver {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final DisputeQueuePort disputes;
  private final CallLogPort calls;
  private final Clock clock = Clock.systemUTC();
  private final Grid<Entry> grid = new Grid<>();
  private final Div detail = new Div();

  public DisputesView(DisputeQueuePort disputes, CallLogPort calls) {
    this.disputes = disputes;
    this.calls = calls;
    setId("disputes");
    setWidthFull();
    Paragraph rule = new Paragraph();
    rule.setId("disputes-rule");
    rule.setText(
        disputes.approvalRequired()
            ? "Approval is on: a dispute is decided by someone other than who opened it."
            : "Approving credits the buyer what it was charged for the call and claws back the"
                + " publisher's payout; rejecting moves no money.");
    grid.setId("disputes-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(Entry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Entry::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Entry::callSid).setHeader("Call").setAutoWidth(true);
    grid.addColumn(Entry::buyer).setHeader("Buyer").setAutoWidth(true);
    grid.addColumn(e -> e.publisher() == null ? "" : e.publisher())
        .setHeader("Publisher")
        .setAutoWidth(true);
    grid.addColumn(DisputesView::amount).setHeader("Amount").setAutoWidth(true);
    grid.addColumn(Entry::reason).setHeader("Reason").setFlexGrow(2);
    grid.addColumn(e -> e.open() ? MoneyText.age(e.openedAt(), clock.instant()) : "")
        .setHeader("Age")
        .setAutoWidth(true);
    grid.addColumn(e -> e.decidedBy() == null ? "" : e.decidedBy() + ": " + nz(e.note()))
        .setHeader("Decision")
        .setFlexGrow(2);
    grid.setAllRowsVisible(true);
    grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
    detail.setId("dispute-detail");
    detail.setWidthFull();
    add(new H2("Disputes"), rule, grid, detail);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<Entry> queue = refresh();
    Optional<String> wanted =
        event.getLocation().getQueryParameters().getSingleParameter("dispute");
    wanted
        .flatMap(w -> queue.stream().filter(e -> String.valueOf(e.id()).equals(w)).findFirst())
        .ifPresent(grid::select);
  }

  private List<Entry> refresh() {
    List<Entry> queue = disputes.queue();
    grid.setItems(queue);
    return queue;
  }

  /** What a dispute is about: the requested revenue, or the buyer's charge for the call. */
  static String amount(Entry e) {
    return e.requestedRevenue() != null
        ? "set revenue to " + MoneyText.money(e.requestedRevenue(), e.currency())
        : MoneyText.money(e.buyerTotal(), e.currency());
  }

  private void open(Entry e) {
    detail.removeAll();
    getUI()
        .ifPresent(
            ui ->
                ui.getPage()
                    .getHistory()
                    .replaceState(
                        null,
                        "disputes?"
                            + QueryParameters.simple(Map.of("dispute", String.valueOf(e.id())))
                                .getQueryString()));
    H3 title = new H3("Dispute #" + e.id() + " · " + e.state());
    title.setId("dispute-title");
    Anchor call = new Anchor("calls/" + e.callSid(), "Open call " + e.callSid() + " in the log");
    call.setId("dispute-call-link");
    detail.add(title, facts(e), call);
    Optional<CallLogPort.Detail> facts = calls.detail(e.callSid());
    facts.ifPresent(d -> detail.add(callFacts(d.call())));
    detail.add(recording(e.callSid(), facts.map(d -> d.call().hasRecording()).orElse(false)));
    if (e.open()) {
      detail.add(decide(e));
    }
  }

  private static Div facts(Entry e) {
    return grid(
        "dispute-facts",
        "Buyer",
        e.buyer(),
        "Publisher",
        nz(e.publisher()),
        "Buyer charged",
        MoneyText.money(e.buyerTotal(), e.currency()),
        "Publisher paid",
        MoneyText.money(e.publisherTotal(), e.currency()),
        "Clawback rule",
        e.clawbackPercent().stripTrailingZeros().toPlainString() + " % of the payout",
        "Reason",
        e.reason(),
        "Opened",
        e.openedBy() + ", " + TIME.format(e.openedAt()),
        "Decided",
        e.decidedBy() == null
            ? ""
            : e.decidedBy() + ", " + TIME.format(e.decidedAt()) + ": " + nz(e.note()));
  }

  private static Div callFacts(CallLogPort.Summary c) {
    return grid(
        "dispute-call-facts",
        "Caller",
        nz(c.callerNumber()),
        "Campaign",
        nz(c.campaign()),
        "Started",
        c.startedAt() == null ? "" : TIME.format(c.startedAt()),
        "Status",
        nz(c.status()),
        "Talk",
        c.talkSeconds() == null ? "–" : c.talkSeconds() + " s",
        "Target",
        nz(c.target()));
  }

  /** The player fetches through Ringtree's own endpoint (seekable), never the provider's URL. */
  private static Div recording(String callSid, boolean has) {
    Div box = new Div();
    box.setId("dispute-recording");
    if (!has) {
      box.add(new Span("No recording for this call."));
      return box;
    }
    Element audio = new Element("audio");
    audio.setAttribute("controls", true);
    audio.setAttribute("preload", "metadata");
    audio.setAttribute("id", "dispute-audio");
    audio.setAttribute("src", CallLogPort.recordingAddress(callSid));
    box.getElement().appendChild(audio);
    return box;
  }

  private VerticalLayout decide(Entry e) {
    TextArea note = new TextArea("Note or reason (a rejection needs one; both are kept)");
    note.setId("dispute-note");
    note.setWidth("40em");
    Span effect = new Span();
    effect.setId("dispute-effect");
    effect.setText(
        e.requestedRevenue() != null
            ? "Approving sets the buyer's revenue for this call to "
                + MoneyText.money(e.requestedRevenue(), e.currency())
                + "."
            : "Approving credits "
                + e.buyer()
                + " "
                + MoneyText.money(e.buyerTotal(), e.currency())
                + " and claws back "
                + MoneyText.money(e.publisherClawback(), e.currency())
                + (e.publisher() == null ? "" : " from " + e.publisher())
                + (e.clawbackPercent().compareTo(new java.math.BigDecimal(100)) == 0
                    ? ""
                    : " ("
                        + e.clawbackPercent().stripTrailingZeros().toPlainString()
                        + " % of its payout, the campaign's clawback rule)")
                + ".");
    Paragraph refusal = new Paragraph();
    refusal.setId("dispute-refusal");
    refusal.getStyle().set("color", "var(--lumo-error-text-color)");
    refusal.setVisible(false);
    Button approve = new Button("Approve");
    approve.setId("dispute-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button reject = new Button("Reject");
    reject.setId("dispute-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    approve.addClickListener(
        c ->
            run(
                refusal,
                () -> {
                  DisputeQueuePort.Approved a = disputes.approve(e.id(), blankToNull(note));
                  return "Dispute #"
                      + e.id()
                      + " approved: buyer "
                      + MoneyText.change(a.buyerChange(), e.currency())
                      + ", publisher "
                      + MoneyText.change(a.publisherChange(), e.currency())
                      + ".";
                }));
    reject.addClickListener(
        c -> {
          String reason = blankToNull(note);
          if (reason == null) {
            refusal.setText("A rejection needs a reason: the buyer sees it.");
            refusal.setVisible(true);
            note.setInvalid(true);
            return;
          }
          run(
              refusal,
              () -> {
                disputes.reject(e.id(), reason);
                return "Dispute #" + e.id() + " rejected.";
              });
        });
    VerticalLayout box = new VerticalLayout(note, effect, new HorizontalLayout(approve, reject));
    box.add(refusal);
    box.setPadding(false);
    box.setId("dispute-actions");
    return box;
  }

  private void run(Paragraph refusal, java.util.function.Supplier<String> action) {
    try {
      String done = action.get();
      Notification n = Notification.show(done, 5000, Notification.Position.TOP_CENTER);
      n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      List<Entry> queue = refresh();
      long id = grid.getSelectedItems().stream().findFirst().map(Entry::id).orElse(-1L);
      queue.stream().filter(x -> x.id() == id).findFirst().ifPresent(this::open);
      Span status = new Span(done);
      status.setId("dispute-done");
      detail.addComponentAsFirst(status);
    } catch (DisputeQueuePort.Refused ex) {
      refusal.setText(ex.getMessage());
      refusal.setVisible(true);
    }
  }

  private static Div grid(String id, String... pairs) {
    Div g = new Div();
    g.setId(id);
    g.getStyle()
        .set("display", "grid")
        .set("grid-template-columns", "max-content 1fr max-content 1fr")
        .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)")
        .set("margin", "var(--lumo-space-s) 0");
    for (int i = 0; i < pairs.length; i += 2) {
      Span label = new Span(pairs[i]);
      label.getStyle().set("color", "var(--lumo-secondary-text-color)");
      Span value = new Span(pairs[i + 1] == null ? "" : pairs[i + 1]);
      value.getElement().setAttribute("data-fact", pairs[i]);
      g.add(label, value);
    }
    return g;
  }

  private static String blankToNull(TextArea t) {
    String v = t.getValue();
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
