package org.ringtree.editor.flow;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.TextFileUpload;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.rules.port.FlowEditingPort.CampaignChoice;
import org.ringtree.rules.port.FlowEditingPort.FlowSummary;
import org.ringtree.rules.port.FlowEditingPort.PublishResult;
import org.ringtree.rules.port.FlowEditingPort.Submission;
import org.ringtree.rules.port.SimulationPort;
import org.ringtree.rules.validation.Issue;

/**
 * The flow editor: palette and canvas in the middle, and on the right the selected node's
 * properties, the problems list, the simulator and the versions. Every change goes through {@link
 * FlowEditorPresenter}; this class only wires components to it.
 */
@Route(value = ConsoleLayout.EDITOR, layout = ConsoleLayout.class)
@PageTitle("Flows · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class FlowEditorView extends VerticalLayout implements BeforeLeaveObserver {

  private final FlowEditingPort editing;
  private final Viewer viewer = SignedIn.viewer();
  private final FlowEditorPresenter presenter;
  private final FlowCanvas canvas = new FlowCanvas();
  private final PropertyForm form;
  private final Grid<Issue> issueGrid = new Grid<>();
  private final SimulatePanel simulate;
  private final VersionsPanel versions;
  private final TabSheet tabs = new TabSheet();
  private final ComboBox<FlowSummary> flowSelect = new ComboBox<>();
  private final Span status = new Span();
  private final Button undo = new Button("Undo");
  private final Button redo = new Button("Redo");
  private CanvasModel.Overlay overlay = CanvasModel.Overlay.NONE;
  private boolean reloadingFlows;
  private com.vaadin.flow.component.tabs.Tab problemsTab;

  public FlowEditorView(
      FlowEditingPort editing, DirectoryLookupPort directory, SimulationPort simulation) {
    this.editing = editing;
    this.presenter = new FlowEditorPresenter(editing);
    this.form = new PropertyForm(directory, this::fieldChanged);
    this.simulate = new SimulatePanel(simulation, directory, presenter::document, this::showPath);
    this.versions =
        new VersionsPanel(
            this::openVersion, this::compareWithCanvas, this::compareTwo, this::clearOverlay);
    setSizeFull();
    setPadding(false);
    setSpacing(false);

    form.onStructureChange(this::showSelection);
    canvas.setSizeFull();
    canvas.setId("canvas");
    canvas.onAdd(
        a ->
            kind(a.kind())
                .ifPresent(
                    k -> {
                      String id = presenter.addNode(k, a.x(), a.y());
                      refresh(true);
                      // it may have been shifted below other nodes, out of sight
                      canvas.reveal(id);
                    }));
    canvas.onMove(
        moves -> {
          Map<String, Position> m = new LinkedHashMap<>();
          moves.forEach(mv -> m.put(mv.id(), new Position(mv.x(), mv.y())));
          presenter.move(m);
          refresh(false);
        });
    canvas.onArranged(
        moves -> {
          Map<String, Position> m = new LinkedHashMap<>();
          moves.forEach(mv -> m.put(mv.id(), new Position(mv.x(), mv.y())));
          presenter.move(m);
          refresh(false);
          canvas.fit();
          info("Arranged " + m.size() + " nodes. Undo puts them back.");
        });
    canvas.onConnect(
        c -> {
          if (!presenter.connect(c.source(), c.sourceHandle(), c.target())) {
            warn("That connection is not possible.");
          }
          refresh(false);
        });
    canvas.onDelete(
        d -> {
          presenter.delete(d.nodes(), d.edges());
          refresh(true);
        });
    canvas.onSelect(
        ids -> {
          if (presenter.select(ids)) {
            showSelection();
          }
        });

    issueGrid.setId("issues");
    issueGrid
        .addColumn(i -> i.isError() ? "Error" : "Warning")
        .setHeader("")
        .setAutoWidth(true)
        .setFlexGrow(0);
    issueGrid
        .addColumn(i -> i.nodeId() == null ? "flow" : i.nodeId())
        .setHeader("Node")
        .setAutoWidth(true)
        .setFlexGrow(0);
    issueGrid.addColumn(Issue::message).setHeader("Problem").setFlexGrow(1);
    issueGrid.setAllRowsVisible(true);
    issueGrid.addItemClickListener(e -> showIssue(e.getItem()));

    tabs.setSizeFull();
    tabs.add("Properties", form);
    problemsTab = tabs.add("Problems", issueGrid);
    tabs.add("Simulate", simulate);
    tabs.add("Versions", versions);
    tabs.addSelectedChangeListener(
        e -> {
          if (tabs.getSelectedIndex() == 2) {
            simulate.refreshBuyers();
          } else if (tabs.getSelectedIndex() == 3) {
            versions.show(editing.versions(presenter.document().id()));
          }
        });

    SplitLayout split = new SplitLayout(canvas, tabs);
    split.setSizeFull();
    split.setSplitterPosition(64);
    add(toolbar(), split);
    setFlexGrow(1, split);

    // on the canvas only, so Ctrl+Z in a text field undoes the typing, not the flow
    Shortcuts.addShortcutListener(this, this::doUndo, Key.KEY_Z, KeyModifier.CONTROL)
        .listenOn(canvas);
    Shortcuts.addShortcutListener(this, this::doRedo, Key.KEY_Y, KeyModifier.CONTROL)
        .listenOn(canvas);
    Shortcuts.addShortcutListener(
            this, this::doRedo, Key.KEY_Z, KeyModifier.CONTROL, KeyModifier.SHIFT)
        .listenOn(canvas);

    List<FlowSummary> flows = editing.flows();
    flowSelect.setItems(flows);
    if (!flows.isEmpty()) {
      flowSelect.setValue(flows.get(0));
    }
  }

  private HorizontalLayout toolbar() {
    flowSelect.setId("flow-select");
    flowSelect.setPlaceholder("Flow");
    flowSelect.setItemLabelGenerator(
        f ->
            f.name()
                + (f.liveVersion() == null ? " (not live)" : " (live v" + f.liveVersion() + ")"));
    flowSelect.setWidth("22em");
    flowSelect.addValueChangeListener(
        e -> {
          if (e.getValue() == null || reloadingFlows) {
            return;
          }
          if (e.isFromClient() && presenter.document() != null && presenter.unsaved()) {
            FlowSummary wanted = e.getValue();
            selectQuietly(e.getOldValue());
            askBeforeLeaving(
                "Open another flow?",
                () -> {
                  selectQuietly(wanted);
                  open(wanted.flowId());
                },
                () -> {});
          } else {
            open(e.getValue().flowId());
          }
        });
    ComboBox<Templates.Template> template = new ComboBox<>();
    template.setId("template");
    template.setPlaceholder("Start from…");
    template.setItems(Templates.all());
    template.setItemLabelGenerator(Templates.Template::name);
    template.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            presenter.replaceContent(e.getValue().document());
            clearOverlay();
            refresh(true);
            canvas.fit();
            info(
                e.getValue().name()
                    + ": "
                    + e.getValue().description()
                    + " Undo brings the old flow back.");
            template.clear();
          }
        });
    undo.setId("undo");
    undo.addClickListener(e -> doUndo());
    redo.setId("redo");
    redo.addClickListener(e -> doRedo());
    Button delete =
        new Button(
            "Delete",
            e -> {
              presenter.deleteSelected();
              refresh(true);
            });
    delete.setId("delete");
    delete.setTooltipText("Deletes the selected nodes (or press Delete on the canvas).");
    Button fit = new Button("Fit", e -> canvas.fit());
    fit.setId("fit");
    Button arrange = new Button("Arrange", e -> canvas.arrange());
    arrange.setId("arrange");
    arrange.setTooltipText(
        "Lays the flow out top to bottom so no nodes overlap; Undo puts them back.");
    Button save = new Button("Save draft", e -> saveDraft());
    save.setId("save-draft");
    save.setTooltipText("Keeps your work, even with problems. Calls do not use drafts.");
    Button publish = new Button("Publish", e -> publish());
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setTooltipText(
        "New calls use the published flow at once. Only flows without errors, and, while approval"
            + " is required, only approved versions (publish those from Compliance).");
    Button submit = new Button("Submit for review", e -> submitForReview());
    submit.setId("submit-review");
    submit.setTooltipText(
        "Stores this flow as a new version for compliance to review. Nothing goes live until it is"
            + " approved and published.");

    Upload upload = TextFileUpload.of("import", this::importJson);
    upload.setAcceptedFileTypes("application/json", ".json");
    upload.setMaxFileSize(FlowJson.MAX_CHARS * 4);
    upload.setUploadButton(new Button("Import JSON"));
    Anchor export =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  // a download request does not hold the session lock: read the canvas under it
                  String[] text = new String[1];
                  event
                      .getUI()
                      .accessSynchronously(() -> text[0] = FlowJson.write(presenter.document()));
                  byte[] json = text[0].getBytes(StandardCharsets.UTF_8);
                  return new DownloadResponse(
                      new ByteArrayInputStream(json), "flow.json", "application/json", json.length);
                }),
            AttachmentType.DOWNLOAD,
            "Export JSON");
    export.setId("export");
    Button newFlow = new Button("New flow", VaadinIcon.PLUS.create(), e -> newFlow());
    newFlow.setId("new-flow");
    newFlow.setTooltipText("Starts a flow for a campaign that has none, saved as a draft.");

    status.setId("status");
    status
        .getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    HorizontalLayout bar =
        new HorizontalLayout(
            flowSelect,
            newFlow,
            template,
            undo,
            redo,
            delete,
            fit,
            arrange,
            upload,
            export,
            save,
            submit,
            publish,
            status);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.setWidthFull();
    bar.setPadding(true);
    bar.getStyle().set("flex-wrap", "wrap").set("border-bottom", "1px solid #ddd");
    return bar;
  }

  /** Asks first about unsaved changes, then offers the campaigns without a flow. */
  private void newFlow() {
    if (presenter.document() != null && presenter.unsaved()) {
      askBeforeLeaving("Start a new flow?", this::openNewFlowDialog, () -> {});
    } else {
      openNewFlowDialog();
    }
  }

  private void openNewFlowDialog() {
    Dialog dialog = new Dialog();
    dialog.setId("new-flow-dialog");
    dialog.setHeaderTitle("New flow");
    List<CampaignChoice> campaigns = editing.campaignsWithoutFlow();
    ComboBox<CampaignChoice> campaign = new ComboBox<>("Campaign");
    campaign.setId("new-flow-campaign");
    campaign.setItems(campaigns);
    campaign.setItemLabelGenerator(c -> c.name() + " (" + c.campaignId() + ")");
    campaign.setHelperText("One flow per campaign: only campaigns without a flow are listed.");
    campaign.setWidthFull();
    TextField name = new TextField("Name");
    name.setId("new-flow-name");
    name.setWidthFull();
    campaign.addValueChangeListener(
        e -> {
          if (e.getValue() != null && name.isEmpty()) {
            name.setValue(e.getValue().name() + " flow");
          }
        });
    Select<NewFlow.Start> start = new Select<>();
    start.setLabel("Start from");
    start.setId("new-flow-start");
    start.setItems(NewFlow.starts());
    start.setItemLabelGenerator(NewFlow.Start::name);
    start.setValue(NewFlow.Start.START_NODE);
    start.setWidthFull();
    VerticalLayout body = new VerticalLayout(campaign, name, start);
    body.setPadding(false);
    if (campaigns.isEmpty()) {
      Span none =
          new Span(
              "Every campaign has a flow already. Add a campaign under Network → Campaigns to"
                  + " start another.");
      none.setId("new-flow-none");
      body.addComponentAsFirst(none);
      campaign.setEnabled(false);
    }
    Button create =
        new Button(
            "Create draft",
            e -> {
              if (campaign.getValue() == null) {
                campaign.setErrorMessage("choose the campaign the flow answers calls for");
                campaign.setInvalid(true);
                return;
              }
              FlowDocument doc =
                  NewFlow.document(campaign.getValue(), name.getValue(), start.getValue());
              try {
                editing.startFlow(doc);
              } catch (IllegalArgumentException ex) {
                campaign.setErrorMessage(ex.getMessage());
                campaign.setInvalid(true);
                return;
              }
              dialog.close();
              List<FlowSummary> flows = editing.flows();
              reloadingFlows = true;
              try {
                flowSelect.setItems(flows);
                flows.stream()
                    .filter(f -> f.flowId().equals(doc.id()))
                    .findFirst()
                    .ifPresent(flowSelect::setValue);
              } finally {
                reloadingFlows = false;
              }
              open(doc.id());
              info(
                  "Started “"
                      + doc.name()
                      + "” for campaign "
                      + doc.campaignId()
                      + ", saved as a draft. Calls use it once it is published.");
            });
    create.setId("new-flow-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setEnabled(!campaigns.isEmpty());
    Button cancel = new Button("Cancel", e -> dialog.close());
    dialog.add(body);
    dialog.getFooter().add(cancel, create);
    dialog.setWidth("min(32em, 96vw)");
    dialog.open();
  }

  /** Refreshes the flow list's labels (live version) without reopening the flow. */
  private void reloadFlowList() {
    String current = presenter.document().id();
    List<FlowSummary> flows = editing.flows();
    reloadingFlows = true;
    try {
      flowSelect.setItems(flows);
      flows.stream()
          .filter(f -> f.flowId().equals(current))
          .findFirst()
          .ifPresent(flowSelect::setValue);
    } finally {
      reloadingFlows = false;
    }
  }

  void open(String flowId) {
    Optional<FlowEditingPort.EditableFlow> flow = editing.open(flowId);
    if (flow.isEmpty()) {
      warn("Flow " + flowId + " no longer exists.");
      return;
    }
    presenter.open(flow.get().document());
    clearOverlay();
    refresh(true);
    canvas.fit();
    status.setText(flow.get().fromDraft() ? "Opened the saved draft." : "Opened the live version.");
  }

  private void openVersion(int version) {
    editing
        .version(presenter.document().id(), version)
        .ifPresent(
            doc -> {
              presenter.replaceContent(doc);
              clearOverlay();
              refresh(true);
              canvas.fit();
              info(
                  "Version "
                      + version
                      + " is on the canvas. Save or publish to keep it; Undo goes back.");
            });
  }

  private void compareWithCanvas(int version) {
    editing
        .version(presenter.document().id(), version)
        .ifPresent(
            before -> showDiff(before, presenter.document(), "version " + version, "the canvas"));
  }

  /**
   * Compares two stored versions in words only: neither is the canvas, so the canvas (and any
   * unsaved work on it) stays as it is and nothing is highlighted on it.
   */
  private void compareTwo(int older, int newer) {
    String flowId = presenter.document().id();
    Optional<FlowDocument> before = editing.version(flowId, older);
    Optional<FlowDocument> after = editing.version(flowId, newer);
    if (before.isEmpty() || after.isEmpty()) {
      warn("Version " + (before.isEmpty() ? older : newer) + " no longer exists.");
      return;
    }
    DiffView diff = DiffView.between(before.get(), after.get());
    overlay = CanvasModel.Overlay.NONE;
    List<String> words = new java.util.ArrayList<>();
    words.add(
        "From version "
            + older
            + " to version "
            + newer
            + " (the canvas is unchanged; Open a version to see it drawn):");
    words.addAll(diff.sentences());
    versions.showDiff(words);
    refresh(false);
  }

  private void showDiff(FlowDocument before, FlowDocument after, String from, String to) {
    DiffView diff = DiffView.between(before, after);
    overlay = CanvasModel.Overlay.of(diff, before);
    List<String> words = new java.util.ArrayList<>();
    words.add("From " + from + " to " + to + ":");
    words.addAll(diff.sentences());
    versions.showDiff(words);
    refresh(false);
  }

  private void clearOverlay() {
    overlay = CanvasModel.Overlay.NONE;
    refresh(false);
  }

  private void showPath(List<String> path, int step) {
    if (path.isEmpty()) {
      overlay = CanvasModel.Overlay.NONE;
    } else {
      List<String> walked = path.subList(0, Math.max(1, Math.min(step, path.size())));
      overlay = CanvasModel.Overlay.path(walked, walked.get(walked.size() - 1));
    }
    refresh(false);
  }

  private void fieldChanged(PropertyForm.FieldChanged change) {
    presenter.setField(change.nodeId(), change.field(), change.value());
    refreshCanvasAndIssues();
    form.markIssues(presenter.issues());
  }

  private void importJson(String json) {
    FlowEditorPresenter.ImportOutcome outcome = presenter.importJson(json);
    if (!outcome.imported()) {
      warn(outcome.message());
      status.setText("Import refused; the canvas is unchanged.");
      return;
    }
    clearOverlay();
    refresh(true);
    canvas.fit();
    info(outcome.message() + " Undo brings the old flow back.");
  }

  /** Opens the node a problem is about and marks (and focuses) the field at fault. */
  private void showIssue(Issue issue) {
    if (issue.nodeId() == null || presenter.document().node(issue.nodeId()).isEmpty()) {
      info(issue.message());
      return;
    }
    presenter.select(List.of(issue.nodeId()));
    refresh(true);
    canvas.reveal(issue.nodeId());
    tabs.setSelectedIndex(0);
    form.focusIssue(issue);
  }

  @Override
  public void beforeLeave(BeforeLeaveEvent event) {
    if (presenter.document() != null && presenter.unsaved()) {
      BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
      // "Stay" must cancel the postponed navigation, or the router ignores the next one to the
      // same place (vaadin/flow#16984)
      askBeforeLeaving("Leave the flow editor?", action::proceed, action::cancel);
    }
  }

  /**
   * Asks what to do with unsaved changes before {@code proceed} runs: save the draft first, discard
   * them, or stay (then {@code stay} runs).
   */
  private void askBeforeLeaving(String header, Runnable proceed, Runnable stay) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("leave-dialog");
    dialog.setHeader(header);
    dialog.setText(
        "“"
            + presenter.document().name()
            + "” has unsaved changes. Save them as the draft, or discard them?");
    Button save =
        new Button(
            "Save draft",
            e -> {
              dialog.close();
              if (saveDraft()) {
                proceed.run();
              } else {
                stay.run();
              }
            });
    save.setId("leave-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button discard =
        new Button(
            "Discard changes",
            e -> {
              dialog.close();
              proceed.run();
            });
    discard.setId("leave-discard");
    discard.addThemeVariants(ButtonVariant.LUMO_ERROR);
    Button stayButton =
        new Button(
            "Stay",
            e -> {
              dialog.close();
              stay.run();
            });
    stayButton.setId("leave-stay");
    dialog.setConfirmButton(save);
    dialog.setRejectable(true);
    dialog.setRejectButton(discard);
    dialog.setCancelable(true);
    dialog.setCancelButton(stayButton);
    // Escape closes the dialog too: that is staying
    dialog.addCancelListener(e -> stay.run());
    dialog.open();
  }

  private void selectQuietly(FlowSummary flow) {
    reloadingFlows = true;
    try {
      flowSelect.setValue(flow);
    } finally {
      reloadingFlows = false;
    }
  }

  private void doUndo() {
    presenter.undo();
    refresh(true);
  }

  private void doRedo() {
    presenter.redo();
    refresh(true);
  }

  /** Saves the draft; false (with the reason shown) when it could not be saved. */
  private boolean saveDraft() {
    try {
      presenter.saveDraft();
      refresh(false);
      long errors = presenter.issues().stream().filter(Issue::isError).count();
      info(
          errors == 0
              ? "Draft saved."
              : "Draft saved with " + errors + " problem(s) to fix before publishing.");
      return true;
    } catch (IllegalArgumentException e) {
      warn("Not saved: " + e.getMessage());
      return false;
    }
  }

  private void publish() {
    PublishResult result = presenter.publish(viewer.username());
    refresh(false);
    if (result.published()) {
      Notification n =
          Notification.show(
              "Published version " + result.version() + ". New calls use it now.",
              6000,
              Notification.Position.BOTTOM_START);
      n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      status.setText("Version " + result.version() + " is live.");
      reloadFlowList();
      versions.show(editing.versions(presenter.document().id()));
    } else if (result.issues().stream().anyMatch(i -> "publish.refused".equals(i.code()))) {
      // approval is required: the version was not stored either, so point to Submit for review
      warn(
          "Not published: approval is required before a version goes live. Use Submit for review;"
              + " once compliance has approved the version, publish it from Compliance.");
      status.setText("Not published: approval required.");
    } else {
      long errors = result.issues().stream().filter(Issue::isError).count();
      String flowLevel =
          result.issues().stream()
              .filter(i -> i.isError() && i.nodeId() == null)
              .map(Issue::message)
              .reduce((a, b) -> a + " " + b)
              .orElse("");
      warn(
          "Not published: fix the "
              + errors
              + " problem(s) in the Problems tab first. "
              + flowLevel);
      status.setText("Not published: " + errors + " problem(s).");
      tabs.setSelectedIndex(1);
    }
  }

  private void submitForReview() {
    Submission result = presenter.submit(viewer.username());
    refresh(false);
    if (result.stored()) {
      Notification n =
          Notification.show(
              "Version "
                  + result.version()
                  + " is stored and waits for review. Compliance approves it in Compliance; then"
                  + " it can be published there.",
              8000,
              Notification.Position.BOTTOM_START);
      n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      status.setText("Version " + result.version() + " submitted for review.");
      reloadFlowList();
    } else {
      long errors = result.issues().stream().filter(Issue::isError).count();
      warn("Not submitted: fix the " + errors + " problem(s) in the Problems tab first.");
      status.setText("Not submitted: " + errors + " problem(s).");
      tabs.setSelectedIndex(1);
    }
  }

  /** Redraws everything; {@code rebuildForm} also rebuilds the property form. */
  private void refresh(boolean rebuildForm) {
    refreshCanvasAndIssues();
    if (rebuildForm) {
      showSelection();
    } else {
      form.markIssues(presenter.issues());
    }
  }

  private void refreshCanvasAndIssues() {
    FlowDocument doc = presenter.document();
    if (doc == null) {
      return;
    }
    canvas.show(
        CanvasModel.nodes(doc, presenter.issues(), presenter.selection(), overlay),
        CanvasModel.edges(doc, overlay));
    issueGrid.setItems(presenter.issues());
    long errors = presenter.issues().stream().filter(Issue::isError).count();
    problemsTab.setLabel(
        presenter.issues().isEmpty() ? "Problems" : "Problems (" + presenter.issues().size() + ")");
    problemsTab.getElement().setAttribute("data-errors", Long.toString(errors));
    undo.setEnabled(presenter.canUndo());
    redo.setEnabled(presenter.canRedo());
    canvas.setUnsaved(presenter.unsaved());
    status.setText(
        (presenter.unsaved() ? "Unsaved changes · " : "")
            + doc.nodes().size()
            + " nodes · "
            + (errors == 0 ? "no errors" : errors + " error(s)"));
  }

  private void showSelection() {
    FlowNode node = presenter.selectedNode();
    if (node == null) {
      form.showNothing(presenter.selection().size());
    } else {
      form.show(node, presenter.issues());
    }
  }

  private static Optional<NodeKind> kind(String json) {
    return NodeKind.fromJson(json);
  }

  private static void info(String text) {
    Notification.show(text, 4000, Notification.Position.BOTTOM_START);
  }

  private static void warn(String text) {
    Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
