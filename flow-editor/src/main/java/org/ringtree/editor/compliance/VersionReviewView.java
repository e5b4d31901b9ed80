package org.ringtree.editor.compliance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.review.ComplianceReviews;
import org.ringtree.rules.review.ComplianceReviews.Artifact;
import org.ringtree.rules.review.ComplianceReviews.VersionEntry;
import org.ringtree.rules.review.DecisionTable;
import org.ringtree.rules.review.Safeguards;
import org.ringtree.rules.review.VersionDiff;
import org.ringtree.rules.review.VersionReview;
import org.ringtree.rules.review.VersionReview.GeneratedRule;

/**
 * One version under review: its state and decisions, downloads of what it compiled to, approve /
 * reject with a comment, publish, and three tabs — the decision tables as grids, the generated
 * rules, and the changes against the live version (or any other version).
 */
@Route(value = ConsoleLayout.COMPLIANCE + "/version", layout = ConsoleLayout.class)
@PageTitle("Review · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE})
public class VersionReviewView extends VerticalLayout implements HasUrlParameter<Long> {

  private final ComplianceReviews reviews;
  private final Viewer viewer = SignedIn.viewer();
  private final H2 title = new H2();
  private final Span state = new Span();
  private final UnorderedList decisions = new UnorderedList();
  private final TextArea comment = new TextArea("Comment (required)");
  private final Button approve = new Button("Approve");
  private final Button reject = new Button("Reject");
  private final Span decideHint = new Span();
  private final Button publish = new Button("Publish");
  private final Span publishHint = new Span();
  private final Div changes = new Div();
  private final ComboBox<VersionEntry> against = new ComboBox<>("Compare with");
  private VersionEntry version;
  private VersionReview review;

  public VersionReviewView(ComplianceReviews reviews) {
    this.reviews = reviews;
    setWidthFull();
  }

  /** The path of a version's review page. */
  static String path(long versionId) {
    return ConsoleLayout.COMPLIANCE + "/version/" + versionId;
  }

  @Override
  public void setParameter(BeforeEvent event, Long versionId) {
    removeAll();
    Optional<VersionEntry> found =
        versionId == null ? Optional.empty() : reviews.version(versionId);
    if (found.isEmpty()) {
      add(new H2("No such version"), new Anchor(ConsoleLayout.COMPLIANCE, "Back to Compliance"));
      return;
    }
    version = found.get();
    review = reviews.review(version.id());
    build();
  }

  private void build() {
    Anchor back = new Anchor(ConsoleLayout.COMPLIANCE, "← All flows and versions");
    back.getElement().setAttribute("router-link", true);
    title.setId("review-title");
    state.setId("review-state");
    decisions.setId("decisions");

    TabSheet tabs = new TabSheet();
    tabs.setId("review-tabs");
    tabs.setWidthFull();
    tabs.add("Decision tables", tablesTab());
    tabs.add("Generated rules", rulesTab());
    tabs.add("Changes", changesTab());

    add(back, title, state, downloads(), actions(), decisions, tabs);
    showStatus();
  }

  private Component downloads() {
    String prefix = version.flowId() + "-v" + version.version() + "-";
    HorizontalLayout bar =
        new HorizontalLayout(
            new Span("Download:"),
            download(
                "download-routing",
                "Routing policy (.dmn)",
                Artifact.ROUTING_DMN,
                prefix + "routing.dmn",
                "application/xml"),
            download(
                "download-billing",
                "Revenue and payout (.dmn)",
                Artifact.BILLING_DMN,
                prefix + "billing.dmn",
                "application/xml"),
            download(
                "download-flow",
                "Flow (.json)",
                Artifact.FLOW_JSON,
                prefix + "flow.json",
                "application/json"),
            download(
                "download-drl", "Rules (.drl)", Artifact.DRL, prefix + "rules.drl", "text/plain"),
            download(
                "download-routes",
                "Connector routes (.yaml)",
                Artifact.CAMEL_YAML,
                prefix + "routes.yaml",
                "text/plain"));
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  /** The file is read through the port when clicked, so it is checked against the user then. */
  private Anchor download(String id, String text, Artifact artifact, String file, String type) {
    long versionId = version.id();
    Anchor a =
        new Anchor(
            DownloadHandler.fromInputStream(
                e -> {
                  byte[] bytes =
                      reviews.download(versionId, artifact).getBytes(StandardCharsets.UTF_8);
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes), file, type, bytes.length);
                }),
            AttachmentType.DOWNLOAD,
            text);
    a.setId(id);
    return a;
  }

  private Component actions() {
    comment.setId("review-comment");
    comment.setWidth("40em");
    comment.setPlaceholder("What you checked, or what must change");
    approve.setId("approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    approve.addClickListener(e -> decide(true));
    reject.setId("reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    reject.addClickListener(e -> decide(false));
    decideHint.setId("decide-hint");
    publish.setId("publish-version");
    publish.addClickListener(e -> publish());
    publishHint.setId("publish-hint");
    for (Span hint : List.of(decideHint, publishHint)) {
      hint.getStyle()
          .set("color", "var(--lumo-secondary-text-color)")
          .set("font-size", "var(--lumo-font-size-s)");
    }
    HorizontalLayout decide = new HorizontalLayout(approve, reject, decideHint);
    decide.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    HorizontalLayout golive = new HorizontalLayout(publish, publishHint);
    golive.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    VerticalLayout box = new VerticalLayout(comment, decide, golive);
    box.setId("review-actions");
    box.setPadding(false);
    box.setSpacing(false);
    return box;
  }

  private void decide(boolean approved) {
    String text = comment.getValue();
    if (text == null || text.isBlank()) {
      comment.setInvalid(true);
      comment.setErrorMessage("A comment is required: say what you checked or what must change.");
      return;
    }
    comment.setInvalid(false);
    try {
      version = approved ? reviews.approve(version.id(), text) : reviews.reject(version.id(), text);
      comment.clear();
      ComplianceView.success(
          "Version " + version.version() + (approved ? " approved." : " rejected."));
    } catch (RuntimeException e) {
      ComplianceView.error(ReviewRules.refusal(e));
    }
    showStatus();
  }

  private void publish() {
    try {
      version = reviews.publish(version.id());
      ComplianceView.success("Version " + version.version() + " is live for new calls.");
    } catch (RuntimeException e) {
      ComplianceView.error(ReviewRules.refusal(e));
    }
    showStatus();
  }

  /** Header, decisions and which actions are offered, from the version as stored now. */
  private void showStatus() {
    version = reviews.version(version.id()).orElse(version);
    title.setText(review.flowName() + " — version " + version.version());
    state.setText(
        ReviewRules.state(version)
            + (version.live() ? " · live" : " · not live")
            + " · by "
            + version.author()
            + " · stored "
            + ComplianceView.time(version.createdAt()));
    decisions.removeAll();
    for (ComplianceReviews.Decision d : version.decisions()) {
      decisions.add(
          new ListItem(
              ComplianceView.time(d.at())
                  + " — "
                  + d.decision().toLowerCase()
                  + " by "
                  + d.reviewer()
                  + ": "
                  + d.comment()));
    }
    ReviewRules.Offer mayDecide = ReviewRules.decide(viewer, version);
    approve.setEnabled(mayDecide.allowed());
    reject.setEnabled(mayDecide.allowed());
    comment.setEnabled(mayDecide.allowed());
    decideHint.setText(mayDecide.reason());
    ReviewRules.Offer mayPublish = ReviewRules.publish(viewer, version, reviews.approvalRequired());
    publish.setEnabled(mayPublish.allowed());
    publishHint.setText(mayPublish.reason());
  }

  private Component tablesTab() {
    Map<String, String> kinds = new HashMap<>();
    review.rules().stream()
        .filter(r -> r.nodeId() != null && r.nodeKind() != null)
        .forEach(r -> kinds.put(r.nodeId(), r.nodeKind()));
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setId("review-tables");
    box.add(new H3("Routing policy"));
    review.routing().tables().forEach(t -> box.add(new DecisionTableGrid(t, kinds)));
    box.add(new H3("Buyer revenue and publisher payout"));
    review.billing().tables().forEach(t -> box.add(new DecisionTableGrid(t, kinds)));
    box.add(safeguards());
    return box;
  }

  /**
   * Read-only: the fraud policies on the flow's campaigns and the promoted score model. They change
   * live (audited), not with a version, so they are shown as they are now.
   */
  private Component safeguards() {
    Safeguards now = reviews.safeguards(version.id());
    Div box = new Div();
    box.setId("review-safeguards");
    box.add(new H3("Fraud policies and the call score (live settings, shown as they are now)"));
    for (Safeguards.Policy p : now.policies()) {
      Paragraph title =
          new Paragraph(
              (p.campaignId() == null ? "Every campaign" : "Campaign " + p.campaignId())
                  + ": "
                  + p.source());
      UnorderedList lines = new UnorderedList();
      lines.addClassName("safeguard-policy");
      p.lines().forEach(l -> lines.add(new ListItem(l)));
      box.add(title, lines);
    }
    Paragraph model = new Paragraph(now.modelInWords());
    model.setId("review-score-model");
    box.add(model);
    return box;
  }

  private Component rulesTab() {
    Grid<GeneratedRule> grid = new Grid<>();
    grid.setId("review-rules");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(GeneratedRule::ruleId).setHeader("Rule").setAutoWidth(true);
    grid.addColumn(GeneratedRule::artifact).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(
            r ->
                r.nodeId() == null
                    ? "campaign"
                    : "node "
                        + r.nodeId()
                        + (r.nodeKind() == null ? "" : " (" + r.nodeKind() + ")"))
        .setHeader("From")
        .setAutoWidth(true);
    grid.addColumn(GeneratedRule::description).setHeader("What it does").setFlexGrow(3);
    grid.setItems(review.rules());
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Component changesTab() {
    against.setId("diff-against");
    against.setWidth("24em");
    against.setPlaceholder("the live version");
    against.setClearButtonVisible(true);
    against.setItemLabelGenerator(
        v -> "version " + v.version() + (v.live() ? " (live)" : "") + " by " + v.author());
    against.setItems(
        reviews.versions(version.flowId()).stream().filter(v -> v.id() != version.id()).toList());
    against.addValueChangeListener(e -> showChanges(e.getValue()));
    changes.setId("changes");
    changes.setWidthFull();
    showChanges(null);
    VerticalLayout box = new VerticalLayout(against, changes);
    box.setPadding(false);
    return box;
  }

  private void showChanges(VersionEntry baseline) {
    changes.removeAll();
    VersionDiff diff;
    try {
      diff = reviews.diff(version.id(), baseline == null ? null : baseline.id());
    } catch (RuntimeException e) {
      changes.add(new Paragraph("Nothing to compare with: " + e.getMessage()));
      return;
    }
    Function<String, Optional<DecisionTable>> byName =
        name -> review.routing().table(name).or(() -> review.billing().table(name));
    Paragraph heading =
        new Paragraph(
            "Changes from "
                + describe(diff.fromVersionKey(), baseline)
                + " to version "
                + version.version()
                + ":");
    heading.setId("diff-heading");
    changes.add(heading, new ChangesPanel(diff, byName::apply));
  }

  private String describe(VersionKey versionKey, VersionEntry chosen) {
    if (chosen != null) {
      return "version " + chosen.version();
    }
    return reviews.versions(version.flowId()).stream()
        .filter(v -> v.versionKey().equals(versionKey))
        .findFirst()
        .map(v -> "version " + v.version() + (v.live() ? " (live)" : ""))
        .orElse("the live version");
  }
}
