package org.ringtree.editor.compliance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.editor.compliance.BillingReviewPort.TableReview;
import org.ringtree.editor.compliance.BillingReviewPort.TableVersion;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.review.DecisionTable;
import org.ringtree.rules.review.VersionDiff;

/**
 * The review of billing tables: at {@code compliance/billing} every table version an override
 * change or a new flow version proposed, pending first; at {@code compliance/billing/<id>} one
 * version's rows, its row-by-row diff against the table it replaces, and approve / reject, offered
 * by the same four-eyes rule the platform enforces.
 */
@Route(value = BillingReviewView.PATH, layout = ConsoleLayout.class)
@PageTitle("Billing tables · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE})
public class BillingReviewView extends VerticalLayout implements HasUrlParameter<Long> {

  static final String PATH = ConsoleLayout.COMPLIANCE + "/billing";

  private final BillingReviewPort billing;
  private final Viewer viewer = SignedIn.viewer();

  public BillingReviewView(BillingReviewPort billing) {
    this.billing = billing;
    setWidthFull();
  }

  static String path(long id) {
    return PATH + "/" + id;
  }

  @Override
  public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
    removeAll();
    if (id == null) {
      showList();
      return;
    }
    Optional<TableReview> found = billing.review(id);
    if (found.isEmpty()) {
      add(new H2("No such billing table"), link(PATH, "Back to billing tables"));
      return;
    }
    showDetail(found.get());
  }

  private void showList() {
    add(
        link(ConsoleLayout.COMPLIANCE, "← Flows and versions"),
        new H2("Billing tables"),
        new Paragraph(
            "Each change to a payout policy or override, and each new flow version, computes the"
                + " billing table a campaign books money on. The table goes live only as shown"
                + " here: with approval required, someone other than who asked approves it. Every"
                + " ledger row names the table it was booked on."));
    Grid<TableVersion> grid = new Grid<>();
    grid.setId("billing-tables");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(v -> "#" + v.id()).setHeader("Table").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(TableVersion::campaignId).setHeader("Campaign").setAutoWidth(true);
    grid.addColumn(BillingReviewRules::scope).setHeader("Scope").setFlexGrow(2);
    grid.addColumn(BillingReviewRules::state).setHeader("State").setAutoWidth(true);
    grid.addColumn(BillingReviewRules::cause).setHeader("Because of").setAutoWidth(true);
    grid.addColumn(TableVersion::requestedBy).setHeader("Asked by").setAutoWidth(true);
    grid.addColumn(v -> ComplianceView.time(v.requestedAt())).setHeader("When").setAutoWidth(true);
    grid.addColumn(v -> v.decidedBy() == null ? "" : v.decidedBy())
        .setHeader("Decided by")
        .setAutoWidth(true);
    grid.addComponentColumn(
            v -> {
              Anchor open = link(path(v.id()), "Review");
              open.setId("billing-open-" + v.id());
              return open;
            })
        .setHeader("")
        .setAutoWidth(true)
        .setFlexGrow(0);
    List<TableVersion> versions = BillingReviewRules.ordered(billing.versions());
    grid.setItems(versions);
    grid.setAllRowsVisible(true);
    long pending = versions.stream().filter(v -> "PENDING".equals(v.state())).count();
    Paragraph count =
        new Paragraph(
            pending == 0
                ? "No billing table is waiting for review."
                : pending + (pending == 1 ? " table is" : " tables are") + " waiting for review.");
    count.setId("billing-pending-count");
    add(count, grid);
  }

  private void showDetail(TableReview review) {
    TableVersion v = review.version();
    H2 title = new H2("Billing table #" + v.id() + " · " + v.campaignId());
    title.setId("billing-title");
    Paragraph state =
        new Paragraph(
            BillingReviewRules.state(v)
                + " · "
                + BillingReviewRules.scope(v)
                + " · "
                + BillingReviewRules.cause(v)
                + " · asked by "
                + v.requestedBy()
                + " on "
                + ComplianceView.time(v.requestedAt())
                + (v.decidedBy() == null
                    ? ""
                    : " · decided by "
                        + v.decidedBy()
                        + " on "
                        + ComplianceView.time(v.decidedAt())));
    state.setId("billing-state");
    Paragraph ref = new Paragraph("Table " + v.tableRef());
    ref.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-s)");

    add(link(PATH, "← All billing tables"), title, state, ref, actions(v));

    add(new H3("The table"));
    VerticalLayout tables = new VerticalLayout();
    tables.setId("billing-table-rows");
    tables.setPadding(false);
    review.table().tables().forEach(t -> tables.add(new DecisionTableGrid(t, Map.of())));
    add(tables);

    add(
        new H3(
            v.previousRef() == null
                ? "Changes: the scope had no table before, so every row is new"
                : "Changes against the table it replaces"));
    List<String> summary = new ArrayList<>();
    review.diff().forEach(d -> summary.addAll(d.summary()));
    // a billing table's change belongs to no flow version, so the diff names none
    VersionDiff diff =
        new VersionDiff(null, null, List.of(), List.of(), review.diff(), List.of(), summary);
    add(new ChangesPanel(diff, name -> table(review, name)));
  }

  private static Optional<DecisionTable> table(TableReview review, String name) {
    return review.table().tables().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private VerticalLayout actions(TableVersion v) {
    TextArea note = new TextArea("Note (optional, kept with the decision)");
    note.setId("billing-note");
    note.setWidth("40em");
    Button approve = new Button("Approve");
    approve.setId("billing-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button reject = new Button("Reject");
    reject.setId("billing-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    Span hint = new Span();
    hint.setId("billing-decide-hint");
    hint.getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    Paragraph refusal = new Paragraph();
    refusal.setId("billing-refusal");
    refusal.getStyle().set("color", "var(--lumo-error-text-color)");
    refusal.setVisible(false);

    ReviewRules.Offer may = BillingReviewRules.decide(viewer, v);
    approve.setEnabled(may.allowed());
    reject.setEnabled(may.allowed());
    hint.setText(
        may.allowed()
            ? (v.changeId() != null
                ? "Deciding decides every table of override change #" + v.changeId() + "."
                : "Deciding decides every table the flow version proposed for "
                    + v.campaignId()
                    + ".")
            : may.reason());
    approve.addClickListener(e -> decide(v, true, note.getValue(), refusal));
    reject.addClickListener(e -> decide(v, false, note.getValue(), refusal));

    HorizontalLayout buttons = new HorizontalLayout(approve, reject, hint);
    buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    VerticalLayout box = new VerticalLayout();
    box.setId("billing-actions");
    box.setPadding(false);
    box.setSpacing(false);
    if (may.allowed()) {
      box.add(note);
    }
    box.add(buttons, refusal);
    return box;
  }

  private void decide(TableVersion v, boolean approve, String note, Paragraph refusal) {
    String text = note == null || note.isBlank() ? null : note.strip();
    try {
      List<TableVersion> decided =
          approve ? billing.approve(v.id(), text) : billing.reject(v.id(), text);
      ComplianceView.success(
          (approve ? "Approved: " : "Rejected: ")
              + decided.size()
              + (decided.size() == 1 ? " billing table " : " billing tables ")
              + (approve ? "now live." : "will not go live."));
      setParameter(null, v.id());
    } catch (RuntimeException ex) {
      String sentence = ReviewRules.refusal(ex);
      refusal.setText(sentence);
      refusal.setVisible(true);
      ComplianceView.error(sentence);
    }
  }

  private static Anchor link(String path, String text) {
    Anchor a = new Anchor(path, text);
    a.getElement().setAttribute("router-link", true);
    return a;
  }
}
