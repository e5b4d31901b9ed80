package org.ringtree.editor.admin;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.review.ComplianceReviews;

/** The platform settings that exist today; each change is audited with the admin's name. */
@Route(value = "settings", layout = ConsoleLayout.class)
@PageTitle("Settings · Ringtree")
@RolesAllowed(Viewer.ADMIN)
public class SettingsView extends VerticalLayout {

  public SettingsView(ComplianceReviews compliance) {
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
  }
}
