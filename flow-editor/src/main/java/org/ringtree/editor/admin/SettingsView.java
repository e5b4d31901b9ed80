package org.ringtree.editor.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.review.ComplianceReviews;

/** The platform settings that exist today; each change is audited with the admin's name. */
@Route(value = "settings", layout = ConsoleLayout.class)
@PageTitle("Settings · Ringtree")
@RolesAllowed(Viewer.ADMIN)
public class SettingsView extends VerticalLayout {

  public SettingsView(ComplianceReviews compliance, TelephonyRatesPort rates) {
    setId("settings-view");
    Checkbox approval = new Checkbox("Approval required before a flow version goes live");
    approval.setId("settings-require-approval");
    approval.setValue(compliance.approvalRequired());
    approval.addValueChangeListener(
        e -> {
          if (!e.isFromClient()) {
            return;
          }
          // the REST API's own service: admin-only there too, audited with the signed-in admin
          compliance.requireApproval(e.getValue());
          Notification.show(
                  e.getValue()
                      ? "Approval is now required: a version goes live only after someone other"
                          + " than its author approves it."
                      : "Approval is now off: operators publish their own versions.",
                  5000,
                  Notification.Position.BOTTOM_START)
              .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
    add(
        new H3("Compliance"),
        approval,
        new Paragraph(
            "When on, a flow version goes live only after a compliance officer or admin other than"
                + " its author approves it, and money changes (adjustments, billing overrides,"
                + " disputes) need a second person too. The change is recorded in the audit log"
                + " and applies on every runtime node at once."));
    addRates(rates);
  }

  /** The network's telephony rates: what each call's cost rows in the ledger are priced at. */
  private void addRates(TelephonyRatesPort rates) {
    BigDecimalField inbound = field("Inbound leg, per minute", "rates-inbound");
    BigDecimalField dialled = field("Each dialled (buyer) leg, per minute", "rates-dialled");
    BigDecimalField recording = field("Recording, per minute", "rates-recording");
    BigDecimalField rent = field("Tracking number rent, per month", "rates-rent");
    Paragraph state = new Paragraph();
    state.setId("rates-state");
    Runnable show =
        () -> {
          rates
              .live()
              .ifPresent(
                  r -> {
                    inbound.setValue(r.inboundPerMinute());
                    dialled.setValue(r.dialledPerMinute());
                    recording.setValue(r.recordingPerMinute());
                    rent.setValue(r.numberRentPerMonth());
                  });
          List<String> pending = rates.pending();
          state.setText(
              (rates.live().isPresent() ? "Live rates shown (USD)." : "No rates set yet.")
                  + (pending.isEmpty()
                      ? ""
                      : " Waiting for approval: " + String.join("; ", pending)));
        };
    show.run();
    Button save =
        new Button(
            "Save rates",
            e -> {
              try {
                String done =
                    rates.change(
                        new TelephonyRatesPort.Rates(
                            "USD",
                            inbound.getValue(),
                            dialled.getValue(),
                            recording.getValue(),
                            rent.getValue()));
                show.run();
                Notification.show(done, 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
              } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
              }
            });
    save.setId("rates-save");
    add(
        new H3("Telephony rates"),
        new Paragraph(
            "What the network pays its provider. Each call books its cost from the rates live"
                + " when it started (every started minute counts, as Twilio bills); reports show"
                + " cost and profit = revenue − payout − cost. A change is a new version: with"
                + " approval required, someone else approves it before it applies."),
        new FormLayout(inbound, dialled, recording, rent),
        save,
        state);
  }

  private static BigDecimalField field(String label, String id) {
    BigDecimalField f = new BigDecimalField(label);
    f.setId(id);
    f.setPrefixComponent(new com.vaadin.flow.component.html.Span("$"));
    return f;
  }
}
