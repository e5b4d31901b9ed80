package org.ringtree.editor.money;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.ringtree.editor.money.AdjustmentsPort.Mode;
import org.ringtree.editor.money.AdjustmentsPort.Party;
import org.ringtree.editor.money.AdjustmentsPort.PartyLine;
import org.ringtree.editor.money.AdjustmentsPort.Pending;
import org.ringtree.editor.money.AdjustmentsPort.Preview;
import org.ringtree.editor.money.AdjustmentsPort.Request;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * Bulk adjustments: choose calls (date range and campaign / publisher / buyer, or pasted call
 * SIDs), the change and a reason; preview each party's statement before, change and after (a
 * statement that would go below zero is highlighted); then apply, or ask a second person when
 * approval is on. Requests waiting for someone else are listed below to apply or reject.
 */
@Route(value = "adjustments", layout = ConsoleLayout.class)
@PageTitle("Adjustments · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class AdjustmentsView extends VerticalLayout {

  private final AdjustmentsPort port;
  private final DatePicker from = new DatePicker("From (day)");
  private final DatePicker to = new DatePicker("To (day, included)");
  private final TextField campaign = new TextField("Campaign id");
  private final TextField publisher = new TextField("Publisher id");
  private final TextField buyer = new TextField("Buyer id");
  private final TextArea sids = new TextArea("Or paste call SIDs");
  private final Select<Party> party = new Select<>();
  private final Select<Mode> mode = new Select<>();
  private final TextField amount = new TextField("Amount");
  private final TextField reason = new TextField("Reason (on both statements)");
  private final Div previewBox = new Div();
  private final Paragraph problems = new Paragraph();
  private final Grid<Pending> requests = new Grid<>();

  public AdjustmentsView(AdjustmentsPort port) {
    this.port = port;
    setId("adjustments");
    setWidthFull();
    from.setId("adj-from");
    to.setId("adj-to");
    campaign.setId("adj-campaign");
    publisher.setId("adj-publisher");
    buyer.setId("adj-buyer");
    sids.setId("adj-sids");
    sids.setWidth("40em");
    sids.setHelperText("Spaces, commas or one per line; the range may then be left empty.");
    party.setLabel("Whose money");
    party.setId("adj-party");
    party.setItems(Party.values());
    party.setItemLabelGenerator(
        p -> p == Party.BUYER ? "Buyer's revenue (charge)" : "Publisher's payout");
    party.setValue(Party.PUBLISHER);
    mode.setLabel("Change");
    mode.setId("adj-mode");
    mode.setItems(Mode.values());
    mode.setItemLabelGenerator(
        m ->
            switch (m) {
              case SET -> "Set each call to";
              case ADD -> "Add to each call";
              case PERCENT -> "Change each call by %";
            });
    mode.setValue(Mode.ADD);
    amount.setId("adj-amount");
    amount.setHelperText("Money in cents (e.g. -12.50) or a percentage (e.g. -10)");
    reason.setId("adj-reason");
    reason.setWidth("30em");
    problems.setId("adj-problems");
    problems.getStyle().set("color", "var(--lumo-error-text-color)");
    problems.setVisible(false);
    previewBox.setId("adj-preview");
    previewBox.setWidthFull();

    Button preview = new Button("Preview", e -> preview());
    preview.setId("adj-preview-button");
    preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph rule =
        new Paragraph(
            port.approvalRequired()
                ? "Approval is on: applying asks for the batch; someone else applies it below."
                : "Apply writes one adjustment per changed call, on both parties' statements.");
    rule.setId("adj-rule");
    HorizontalLayout calls = new HorizontalLayout(from, to, campaign, publisher, buyer);
    calls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    calls.getStyle().set("flex-wrap", "wrap");
    HorizontalLayout change = new HorizontalLayout(party, mode, amount, reason, preview);
    change.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    change.getStyle().set("flex-wrap", "wrap");

    requests.setId("adj-requests");
    requests.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    requests.addColumn(Pending::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    requests.addColumn(Pending::state).setHeader("State").setAutoWidth(true);
    requests.addColumn(p -> p.request().action().reason()).setHeader("Reason").setFlexGrow(2);
    requests
        .addColumn(
            p ->
                p.preview().changedCalls()
                    + " calls; margin "
                    + MoneyText.money(p.preview().marginBefore(), null)
                    + " → "
                    + MoneyText.money(p.preview().marginAfter(), null))
        .setHeader("Preview")
        .setFlexGrow(2);
    requests.addColumn(Pending::requestedBy).setHeader("Asked by").setAutoWidth(true);
    requests
        .addComponentColumn(p -> p.state().equals("PENDING") ? decide(p) : new Span(nz(p.note())))
        .setHeader("Decide")
        .setFlexGrow(2);
    requests.setAllRowsVisible(true);

    add(
        new H2("Bulk adjustments"),
        rule,
        new H3("Which calls"),
        calls,
        sids,
        new H3("What changes"),
        change,
        problems,
        previewBox,
        new H3("Requests"),
        requests);
    refreshRequests();
  }

  private AdjustmentDraft draft() {
    return new AdjustmentDraft(
        from.getValue(),
        to.getValue(),
        port.zone(),
        campaign.getValue(),
        publisher.getValue(),
        buyer.getValue(),
        sids.getValue(),
        party.getValue(),
        mode.getValue(),
        amount.getValue(),
        reason.getValue());
  }

  private void preview() {
    previewBox.removeAll();
    AdjustmentDraft.Checked checked = draft().check();
    if (!checked.ok()) {
      problem(String.join(" ", checked.problems()));
      return;
    }
    try {
      Preview p = port.preview(checked.request());
      problems.setVisible(false);
      show(checked.request(), p);
    } catch (AdjustmentsPort.Refused ex) {
      problem(ex.getMessage());
    }
  }

  private void show(Request request, Preview p) {
    Paragraph totals =
        new Paragraph(
            p.calls()
                + " calls match, "
                + p.changedCalls()
                + " change. Revenue "
                + MoneyText.money(p.revenueBefore(), null)
                + " → "
                + MoneyText.money(p.revenueAfter(), null)
                + ", payout "
                + MoneyText.money(p.payoutBefore(), null)
                + " → "
                + MoneyText.money(p.payoutAfter(), null)
                + ", margin "
                + MoneyText.money(p.marginBefore(), null)
                + " → "
                + MoneyText.money(p.marginAfter(), null)
                + ".");
    totals.setId("adj-totals");
    Grid<PartyLine> lines = new Grid<>();
    lines.setId("adj-parties");
    lines.addThemeVariants(GridVariant.LUMO_COMPACT);
    lines.addColumn(l -> l.party().name().toLowerCase()).setHeader("Party").setAutoWidth(true);
    lines.addColumn(PartyLine::partyId).setHeader("Who").setAutoWidth(true);
    lines.addColumn(l -> MoneyText.money(l.before(), l.currency())).setHeader("Before");
    lines.addColumn(l -> MoneyText.change(l.change(), l.currency())).setHeader("Change");
    // a statement the batch would take below zero is marked before anyone applies it
    lines.addComponentColumn(AdjustmentsView::after).setHeader("After");
    lines.setItems(p.parties());
    lines.setAllRowsVisible(true);
    previewBox.add(totals, lines);
    if (p.anyNegative()) {
      Paragraph warn =
          new Paragraph(
              "Warning: "
                  + p.parties().stream().filter(PartyLine::negative).count()
                  + " statement(s) would go below zero: "
                  + String.join(
                      ", ",
                      p.parties().stream()
                          .filter(PartyLine::negative)
                          .map(l -> l.partyId() + " " + MoneyText.money(l.after(), l.currency()))
                          .toList())
                  + ".");
      warn.setId("adj-negative");
      warn.getStyle()
          .set("color", "var(--lumo-error-text-color)")
          .set("background", "var(--lumo-error-color-10pct)")
          .set("padding", "var(--lumo-space-s)")
          .set("font-weight", "600");
      previewBox.add(warn);
    }
    Button apply =
        new Button(port.approvalRequired() ? "Ask for approval" : "Apply", e -> apply(request, p));
    apply.setId("adj-apply");
    apply.addThemeVariants(
        p.anyNegative() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS,
        ButtonVariant.LUMO_PRIMARY);
    apply.setEnabled(p.changedCalls() > 0);
    previewBox.add(apply);
  }

  private static Span after(PartyLine l) {
    Span s =
        new Span(MoneyText.money(l.after(), l.currency()) + (l.negative() ? " — below zero" : ""));
    if (l.negative()) {
      s.getElement().setAttribute("data-negative", l.partyId());
      s.getStyle()
          .set("color", "var(--lumo-error-text-color)")
          .set("background", "var(--lumo-error-color-10pct)")
          .set("font-weight", "600");
    }
    return s;
  }

  private void apply(Request request, Preview p) {
    try {
      AdjustmentsPort.Outcome o = port.apply(request, p.token());
      previewBox.removeAll();
      Span done =
          new Span(
              o.batchId() != null
                  ? "Applied: batch " + o.batchId() + ", " + p.changedCalls() + " calls adjusted."
                  : "Asked for approval: request #" + o.requestId() + " waits for someone else.");
      done.setId("adj-done");
      previewBox.add(done);
      refreshRequests();
    } catch (AdjustmentsPort.Refused ex) {
      problem(ex.getMessage());
    }
  }

  private HorizontalLayout decide(Pending p) {
    Button ok =
        new Button(
            "Apply",
            e -> {
              try {
                port.applyRequest(p.id(), null);
                refreshRequests();
              } catch (AdjustmentsPort.Refused ex) {
                problem(ex.getMessage());
              }
            });
    ok.setId("adj-request-apply-" + p.id());
    Button no =
        new Button(
            "Reject",
            e -> {
              try {
                port.rejectRequest(p.id(), null);
                refreshRequests();
              } catch (AdjustmentsPort.Refused ex) {
                problem(ex.getMessage());
              }
            });
    no.setId("adj-request-reject-" + p.id());
    no.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(ok, no);
  }

  private void refreshRequests() {
    List<Pending> all = port.requests();
    requests.setItems(all);
    requests.setVisible(!all.isEmpty());
  }

  private void problem(String text) {
    problems.setText(text);
    problems.setVisible(true);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
