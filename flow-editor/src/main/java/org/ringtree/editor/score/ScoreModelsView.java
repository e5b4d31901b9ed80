package org.ringtree.editor.score;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;

/**
 * The score models (docs/score.md): every trained version with its figures, training on demand, and
 * the promotion, approval and roll back. What each person is offered mirrors the API's roles: an
 * admin trains, promotes and rolls back; an admin or a compliance officer other than who asked
 * approves or rejects a pending promotion. Every refusal is shown in the API's words.
 */
@Route(value = "score-models", layout = ConsoleLayout.class)
@PageTitle("Score models · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.COMPLIANCE})
public class ScoreModelsView extends VerticalLayout {

  static final int DEFAULT_DAYS = 30;
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final ScoreModelsPort port;
  private final Viewer viewer;
  private final Span approval = new Span();
  private final TextField reason = new TextField("Reason or note");
  private final ComboBox<String> label = new ComboBox<>("Label");
  private final IntegerField days = new IntegerField("Days of calls");
  private final Checkbox weighted = new Checkbox("Weight by revenue");
  private final Span trainResult = new Span();
  private final Span result = new Span();
  private final Grid<ScoreModelsPort.Version> versions = new Grid<>();
  private final Grid<ScoreModelsPort.Promotion> promotions = new Grid<>();

  public ScoreModelsView(ScoreModelsPort port) {
    this(port, SignedIn.viewer());
  }

  ScoreModelsView(ScoreModelsPort port, Viewer viewer) {
    this.port = port;
    this.viewer = viewer;
    setId("score-models-view");
    setSizeFull();
    approval.setId("score-approval");
    reason.setId("score-reason");
    reason.setWidth("32em");
    reason.setPlaceholder("kept with the promotion, roll back or decision");
    result.setId("score-result");
    add(new H3("Score models"), approval);
    if (mayChange()) {
      add(trainForm());
    }
    add(actionBar(), result, versionsGrid(), new H3("Promotions"), promotionsGrid());
    refresh();
  }

  private boolean mayChange() {
    return viewer.hasAnyRole(Viewer.ADMIN);
  }

  private HorizontalLayout trainForm() {
    label.setId("score-train-label");
    label.setItems(ScoreModelsPort.LABELS);
    label.setValue(ScoreModelsPort.LABELS.get(0));
    days.setId("score-train-days");
    days.setMin(1);
    days.setValue(DEFAULT_DAYS);
    weighted.setId("score-train-weighted");
    trainResult.setId("score-train-result");
    Button train = new Button("Train now", e -> train());
    train.setId("score-train");
    train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout form = new HorizontalLayout(label, days, weighted, train, trainResult);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return form;
  }

  private HorizontalLayout actionBar() {
    HorizontalLayout bar = new HorizontalLayout(reason);
    if (mayChange()) {
      Button rollback = new Button("Roll back to the previous model", e -> rollback());
      rollback.setId("score-rollback");
      rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
      bar.add(rollback);
    }
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  /**
   * Trains on the last days of scored calls; the refusal (too few calls, say) stays in the form.
   */
  void train() {
    Integer d = days.getValue();
    if (d == null || d < 1) {
      trainResult.setText("Days: a whole number of at least 1.");
      return;
    }
    try {
      ScoreModelsPort.Version v =
          port.train(
              label.getValue() == null ? ScoreModelsPort.LABELS.get(0) : label.getValue(),
              d,
              weighted.getValue());
      trainResult.setText("Trained " + v.name() + ": " + verdict(v));
      refresh();
    } catch (ScoreModelsProblem p) {
      trainResult.setText(p.getMessage());
    }
  }

  /** Promotes the version, or asks for it while approval is required. */
  void promote(ScoreModelsPort.Version v) {
    try {
      ScoreModelsPort.Outcome o = port.promote(v.id(), reason.getValue());
      result.setText(
          o.promoted() != null
              ? o.promoted().name() + " is promoted: it scores the calls now."
              : "Promotion "
                  + o.request().id()
                  + " of "
                  + o.request().modelName()
                  + " is asked for: it waits for someone other than "
                  + o.request().requestedBy()
                  + " to approve or reject it.");
      reason.clear();
      refresh();
    } catch (ScoreModelsProblem p) {
      result.setText(p.getMessage());
    }
  }

  void rollback() {
    try {
      ScoreModelsPort.Outcome o = port.rollback(reason.getValue());
      result.setText("Rolled back: " + o.promoted().name() + " is promoted again.");
      reason.clear();
      refresh();
    } catch (ScoreModelsProblem p) {
      result.setText(p.getMessage());
    }
  }

  void approve(ScoreModelsPort.Promotion p) {
    try {
      ScoreModelsPort.Outcome o = port.approve(p.id(), reason.getValue());
      result.setText("Promotion " + p.id() + " approved: " + o.promoted().name() + " is promoted.");
      reason.clear();
      refresh();
    } catch (ScoreModelsProblem e) {
      result.setText(e.getMessage());
    }
  }

  void reject(ScoreModelsPort.Promotion p) {
    try {
      port.reject(p.id(), reason.getValue());
      result.setText("Promotion " + p.id() + " of " + p.modelName() + " rejected.");
      reason.clear();
      refresh();
    } catch (ScoreModelsProblem e) {
      result.setText(e.getMessage());
    }
  }

  /** Why this version cannot be promoted, or empty when it can. */
  static Optional<String> whyNotPromotable(ScoreModelsPort.Version v) {
    if ("PROMOTED".equals(v.state())) {
      return Optional.of(v.name() + " is already the promoted model");
    }
    if (!v.promotable()) {
      return Optional.of(v.name() + " may not be promoted: " + String.join("; ", v.verdict()));
    }
    return Optional.empty();
  }

  /** Why this viewer cannot approve or reject the request, or empty when they can. */
  Optional<String> whyNotDecide(ScoreModelsPort.Promotion p) {
    if (!"PENDING".equals(p.state())) {
      return Optional.of("promotion " + p.id() + " is already decided");
    }
    if (p.requestedBy().equals(viewer.username())) {
      return Optional.of(
          "promotion "
              + p.id()
              + " was asked for by "
              + p.requestedBy()
              + "; someone else approves or rejects it");
    }
    return Optional.empty();
  }

  static String verdict(ScoreModelsPort.Version v) {
    return (v.promotable() ? "promotable — " : "not promotable — ")
        + String.join("; ", v.verdict());
  }

  private Grid<ScoreModelsPort.Version> versionsGrid() {
    versions.setId("score-versions");
    versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    versions.addColumn(ScoreModelsPort.Version::name).setHeader("Model").setAutoWidth(true);
    versions.addColumn(ScoreModelsPort.Version::state).setHeader("State").setAutoWidth(true);
    versions
        .addColumn(v -> v.label() + (v.weightedByRevenue() ? " (by revenue)" : ""))
        .setHeader("Label")
        .setAutoWidth(true);
    versions
        .addColumn(v -> day(v.dataFrom()) + " – " + day(v.dataTo()))
        .setHeader("Calls from – to (UTC)")
        .setAutoWidth(true);
    versions.addColumn(ScoreModelsPort.Version::labelledRows).setHeader("Calls").setAutoWidth(true);
    versions
        .addColumn(
            v -> String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", v.auc(), v.aucLow(), v.aucHigh()))
        .setHeader("AUC (95 % CI)")
        .setAutoWidth(true);
    versions
        .addColumn(v -> String.format(Locale.ROOT, "%.3f", v.calibrationError()))
        .setHeader("Calibration error")
        .setAutoWidth(true);
    versions.addColumn(ScoreModelsView::verdict).setHeader("Verdict").setFlexGrow(3);
    versions
        .addColumn(v -> v.trainedBy() + " " + at(v.trainedAt()))
        .setHeader("Trained by, at (UTC)")
        .setAutoWidth(true);
    versions
        .addColumn(v -> v.promotedBy() == null ? "" : v.promotedBy() + " " + at(v.promotedAt()))
        .setHeader("Promoted by, at (UTC)")
        .setAutoWidth(true);
    if (mayChange()) {
      versions
          .addComponentColumn(
              v -> {
                Button promote = new Button("Promote", click -> promote(v));
                promote.addThemeVariants(ButtonVariant.LUMO_SMALL);
                whyNotPromotable(v)
                    .ifPresent(
                        why -> {
                          promote.setEnabled(false);
                          promote.setTooltipText(why);
                        });
                return promote;
              })
          .setAutoWidth(true);
    }
    versions.setHeight("22em");
    return versions;
  }

  private Grid<ScoreModelsPort.Promotion> promotionsGrid() {
    promotions.setId("score-promotions");
    promotions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    promotions.addColumn(ScoreModelsPort.Promotion::id).setHeader("#").setAutoWidth(true);
    promotions
        .addColumn(p -> p.modelName() + (p.rollback() ? " (roll back)" : ""))
        .setHeader("Model")
        .setAutoWidth(true);
    promotions.addColumn(ScoreModelsPort.Promotion::state).setHeader("State").setAutoWidth(true);
    promotions
        .addColumn(p -> p.requestedBy() + " " + at(p.requestedAt()))
        .setHeader("Asked by, at (UTC)")
        .setAutoWidth(true);
    promotions.addColumn(ScoreModelsPort.Promotion::reason).setHeader("Reason").setFlexGrow(2);
    promotions
        .addColumn(
            p ->
                p.decidedBy() == null
                    ? ""
                    : p.decidedBy()
                        + " "
                        + at(p.decidedAt())
                        + (p.note() == null || p.note().isEmpty() ? "" : ": " + p.note()))
        .setHeader("Decided by, at (UTC)")
        .setFlexGrow(2);
    if (viewer.mayDecide()) {
      promotions
          .addComponentColumn(
              p -> {
                HorizontalLayout buttons = new HorizontalLayout();
                if ("PENDING".equals(p.state())) {
                  Button approve = new Button("Approve", click -> approve(p));
                  approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
                  Button reject = new Button("Reject", click -> reject(p));
                  reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                  whyNotDecide(p)
                      .ifPresent(
                          why -> {
                            approve.setEnabled(false);
                            approve.setTooltipText(why);
                            reject.setEnabled(false);
                            reject.setTooltipText(why);
                          });
                  buttons.add(approve, reject);
                }
                return buttons;
              })
          .setAutoWidth(true);
    }
    promotions.setHeight("16em");
    return promotions;
  }

  private void refresh() {
    approval.setText(
        port.approvalRequired()
            ? "Approval is required: a promotion waits for someone other than who asked for it."
            : "Approval is off: a promotion applies at once.");
    versions.setItems(port.versions());
    promotions.setItems(port.promotions());
  }

  /** The rows shown, for tests. */
  List<ScoreModelsPort.Version> shownVersions() {
    return versions.getGenericDataView().getItems().toList();
  }

  List<ScoreModelsPort.Promotion> shownPromotions() {
    return promotions.getGenericDataView().getItems().toList();
  }

  private static String at(Instant t) {
    return t == null ? "" : AT.format(t);
  }

  private static String day(Instant t) {
    return t == null ? "" : DAY.format(t);
  }
}
