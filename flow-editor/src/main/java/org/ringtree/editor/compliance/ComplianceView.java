package org.ringtree.editor.compliance;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.review.ComplianceReviews;
import org.ringtree.rules.review.ComplianceReviews.FlowEntry;
import org.ringtree.rules.review.ComplianceReviews.VersionEntry;

/**
 * The compliance start page: whether approval is required, every flow, and the selected flow's
 * versions with their review state; each version opens its review. Rolling a flow back to its
 * previous live version is here too, one confirmed action with a reason.
 */
@Route(value = ConsoleLayout.COMPLIANCE, layout = ConsoleLayout.class)
@PageTitle("Compliance · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE})
public class ComplianceView extends VerticalLayout {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final ComplianceReviews reviews;
  private final Viewer viewer = SignedIn.viewer();
  private final Grid<FlowEntry> flows = new Grid<>();
  private final Grid<VersionEntry> versions = new Grid<>();
  private final H3 versionsTitle = new H3("Versions");
  private final Button rollback = new Button("Roll back…");
  private final Span rollbackHint = new Span();

  public ComplianceView(ComplianceReviews reviews) {
    this.reviews = reviews;
    setWidthFull();
    add(
        new H2("Compliance review"),
        new Paragraph(
            "Every version of a flow is listed with its review state. Open one to read the decision"
                + " tables and rules it compiled to, compare it with the live version, and approve"
                + " or reject it."),
        approvalSetting(),
        billingLink());

    flows.setId("compliance-flows");
    flows.addThemeVariants(GridVariant.LUMO_COMPACT);
    flows.addColumn(FlowEntry::name).setHeader("Flow").setFlexGrow(2);
    flows.addColumn(FlowEntry::campaignId).setHeader("Campaign").setFlexGrow(1);
    flows
        .addColumn(f -> f.liveVersionId() == null ? "none" : liveLabel(f))
        .setHeader("Live")
        .setFlexGrow(1);
    flows.addColumn(FlowEntry::versions).setHeader("Versions").setAutoWidth(true).setFlexGrow(0);
    flows.setAllRowsVisible(true);
    flows.addSelectionListener(e -> showVersions(e.getFirstSelectedItem().orElse(null)));

    versions.setId("compliance-versions");
    versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    versions
        .addColumn(v -> "v" + v.version())
        .setHeader("Version")
        .setAutoWidth(true)
        .setFlexGrow(0);
    versions.addColumn(ReviewRules::state).setHeader("Review").setAutoWidth(true).setFlexGrow(0);
    versions
        .addColumn(v -> v.live() ? "live" : "")
        .setHeader("Live")
        .setAutoWidth(true)
        .setFlexGrow(0);
    versions.addColumn(VersionEntry::author).setHeader("Author").setAutoWidth(true);
    versions.addColumn(v -> time(v.createdAt())).setHeader("Stored").setAutoWidth(true);
    versions.addColumn(ComplianceView::lastComment).setHeader("Last decision").setFlexGrow(2);
    versions
        .addComponentColumn(
            v -> {
              Anchor open = new Anchor(VersionReviewView.path(v.id()), "Review");
              open.setId("review-v" + v.version());
              open.getElement().setAttribute("router-link", true);
              return open;
            })
        .setHeader("")
        .setAutoWidth(true)
        .setFlexGrow(0);
    versions.setAllRowsVisible(true);

    rollback.setId("rollback");
    rollback.addClickListener(e -> confirmRollback());
    rollbackHint.setId("rollback-hint");
    rollbackHint.getStyle().set("color", "var(--lumo-secondary-text-color)");
    HorizontalLayout versionsBar = new HorizontalLayout(versionsTitle, rollback, rollbackHint);
    versionsBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    add(new H3("Flows"), flows, versionsBar, versions);
    reloadFlows(null);
  }

  /** Billing tables are reviewed on their own page; the ledger books only on approved ones. */
  private static Anchor billingLink() {
    Anchor billing =
        new Anchor(
            BillingReviewView.PATH, "Billing tables: payout and override changes to review →");
    billing.setId("billing-review-link");
    billing.getElement().setAttribute("router-link", true);
    return billing;
  }

  private Checkbox approvalSetting() {
    Checkbox required = new Checkbox("Require approval before a version goes live");
    required.setId("require-approval");
    required.setValue(reviews.approvalRequired());
    ReviewRules.Offer may = ReviewRules.changeSetting(viewer);
    required.setReadOnly(!may.allowed());
    required.setTooltipText(
        may.allowed()
            ? "With this on, only versions approved by someone other than their author go live."
            : may.reason());
    required.addValueChangeListener(
        e -> {
          if (!e.isFromClient()) {
            return;
          }
          try {
            reviews.requireApproval(e.getValue());
            success(
                e.getValue()
                    ? "Approval is now required before a version goes live."
                    : "Approval is no longer required.");
          } catch (RuntimeException ex) {
            error(ReviewRules.refusal(ex));
            required.setValue(e.getOldValue());
          }
        });
    return required;
  }

  private void reloadFlows(String selectFlowId) {
    List<FlowEntry> all = reviews.flows();
    flows.setItems(all);
    all.stream()
        .filter(f -> selectFlowId == null || f.id().equals(selectFlowId))
        .findFirst()
        .ifPresentOrElse(flows::select, () -> showVersions(null));
  }

  private void showVersions(FlowEntry flow) {
    ReviewRules.Offer may = ReviewRules.rollback(viewer, flow);
    rollback.setEnabled(may.allowed());
    rollbackHint.setText(may.reason());
    if (flow == null) {
      versionsTitle.setText("Versions");
      versions.setItems(List.of());
      return;
    }
    versionsTitle.setText("Versions of " + flow.name());
    versions.setItems(reviews.versions(flow.id()));
  }

  private void confirmRollback() {
    FlowEntry flow = flows.asSingleSelect().getValue();
    if (flow == null) {
      return;
    }
    TextArea reason = new TextArea("Why? (kept in the audit log)");
    reason.setId("rollback-reason");
    reason.setWidthFull();
    reason.setValueChangeMode(ValueChangeMode.EAGER);
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("rollback-dialog");
    dialog.setHeader("Roll back " + flow.name() + "?");
    dialog.setText(
        new Div(
            new Text(
                "The version that was live before the current one goes live again for new calls."
                    + " Calls in progress finish on the version they started with."),
            reason));
    dialog.setCancelable(true);
    dialog.setConfirmText("Roll back");
    dialog.setConfirmButtonTheme("error primary");
    dialog.addConfirmListener(
        e -> {
          if (reason.getValue().isBlank()) {
            error("Not rolled back: a rollback needs a reason.");
            return;
          }
          try {
            VersionEntry live = reviews.rollback(flow.id(), reason.getValue());
            success("Rolled back: version " + live.version() + " of " + flow.name() + " is live.");
          } catch (RuntimeException ex) {
            error(ReviewRules.refusal(ex));
          }
          reloadFlows(flow.id());
        });
    dialog.open();
  }

  private String liveLabel(FlowEntry flow) {
    return reviews
        .version(flow.liveVersionId())
        .map(v -> "v" + v.version())
        .orElse("#" + flow.liveVersionId());
  }

  private static String lastComment(VersionEntry v) {
    if (v.decisions().isEmpty()) {
      return "";
    }
    ComplianceReviews.Decision d = v.decisions().get(v.decisions().size() - 1);
    return d.decision().toLowerCase() + " by " + d.reviewer() + ": " + d.comment();
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  static void success(String text) {
    Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  static void error(String text) {
    Notification n = Notification.show(text, 8000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    n.setId("refusal");
  }
}
