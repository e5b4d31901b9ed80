package org.ringtree.editor.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.ringtree.editor.money.MoneyText;
import org.ringtree.editor.portal.DisputePort.Call;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * A buyer disputes one of its own calls: pick the call (from the list or by its SID), listen to the
 * recording first, give a reason. A refusal (not yours, past the window, already disputed, not
 * billable) is shown in the platform's words; the buyer's disputes are listed with their state and
 * the credit an approval brought.
 */
@Route(value = "portal/disputes", layout = ConsoleLayout.class)
@PageTitle("Disputes · Ringtree")
@RolesAllowed({Viewer.BUYER})
public class DisputeDeskView extends VerticalLayout {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final DisputePort port;
  private final TextField callSid = new TextField("Call SID");
  private final TextArea reason = new TextArea("Reason");
  private final Div player = new Div();
  private final Paragraph refusal = new Paragraph();
  private final Grid<DisputePort.Dispute> mine = new Grid<>();

  public DisputeDeskView(DisputePort port) {
    this.port = port;
    setId("portal-disputes");
    setWidthFull();
    Grid<Call> calls = new Grid<>();
    calls.setId("portal-dispute-calls");
    calls.addThemeVariants(GridVariant.LUMO_COMPACT);
    calls.addColumn(c -> TIME.format(c.startedAt())).setHeader("Started").setAutoWidth(true);
    calls.addColumn(Call::callSid).setHeader("Call").setAutoWidth(true);
    calls.addColumn(Call::campaign).setHeader("Campaign").setAutoWidth(true);
    calls.addColumn(c -> c.talkSeconds() == null ? "–" : c.talkSeconds() + " s").setHeader("Talk");
    calls
        .addColumn(c -> Boolean.TRUE.equals(c.billable()) ? "billable" : "not billable")
        .setHeader("Billable");
    calls.addColumn(c -> MoneyText.money(c.spend(), c.currency())).setHeader("Charged");
    calls.setItems(port.calls(200));
    calls.setHeight("18em");
    calls.addSelectionListener(
        e -> e.getFirstSelectedItem().ifPresent(c -> callSid.setValue(c.callSid())));

    callSid.setId("portal-dispute-sid");
    callSid.setWidth("30em");
    callSid.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
    callSid.addValueChangeListener(e -> listen(e.getValue()));
    player.setId("portal-dispute-player");
    reason.setId("portal-dispute-reason");
    reason.setWidth("40em");
    reason.setMaxLength(2000);
    Button raise = new Button("Dispute this call", e -> raise());
    raise.setId("portal-dispute-raise");
    raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    refusal.setId("portal-dispute-refusal");
    refusal.getStyle().set("color", "var(--lumo-error-text-color)");
    refusal.setVisible(false);

    mine.setId("portal-disputes-grid");
    mine.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    mine.addColumn(DisputePort.Dispute::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    mine.addColumn(DisputePort.Dispute::callSid).setHeader("Call").setAutoWidth(true);
    mine.addColumn(DisputePort.Dispute::state).setHeader("State").setAutoWidth(true);
    mine.addColumn(DisputePort.Dispute::reason).setHeader("Reason").setFlexGrow(2);
    mine.addColumn(d -> d.note() == null ? "" : d.note()).setHeader("Network's note");
    mine.addColumn(d -> MoneyText.money(d.credit(), d.currency())).setHeader("Credit");
    mine.setAllRowsVisible(true);
    mine.setItems(port.disputes());

    add(
        new H2("Dispute a call"),
        new Paragraph(
            "Choose one of your calls, listen to its recording, and say why it should not be"
                + " charged. The network decides; an approval credits you the charge."),
        calls,
        callSid,
        player,
        reason,
        raise,
        refusal,
        new H3("Your disputes"),
        mine);
  }

  /** The recording of the chosen call, played through Ringtree before the buyer disputes it. */
  private void listen(String sid) {
    player.removeAll();
    if (sid == null || sid.isBlank()) {
      return;
    }
    Element audio = new Element("audio");
    audio.setAttribute("controls", true);
    audio.setAttribute("preload", "metadata");
    audio.setAttribute("id", "portal-dispute-audio");
    audio.setAttribute("src", DisputePort.recordingAddress(sid.strip()));
    Span failed = new Span();
    failed.setId("portal-dispute-audio-problem");
    audio.addEventListener(
        "error", e -> failed.setText(" No recording could be played for this call."));
    player.getElement().appendChild(audio);
    player.add(failed);
  }

  private void raise() {
    try {
      DisputePort.Dispute d = port.raise(callSid.getValue().strip(), reason.getValue());
      refusal.setVisible(false);
      reason.clear();
      mine.setItems(port.disputes());
      Span done = new Span("Dispute #" + d.id() + " opened for " + d.callSid() + ".");
      done.setId("portal-dispute-done");
      addComponentAtIndex(indexOf(refusal), done);
    } catch (DisputePort.Refused ex) {
      refusal.setText(ex.getMessage());
      refusal.setVisible(true);
    }
  }
}
