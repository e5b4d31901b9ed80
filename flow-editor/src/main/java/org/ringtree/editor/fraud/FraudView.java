package org.ringtree.editor.fraud;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.TextFileUpload;
import org.ringtree.editor.shell.Viewer;

/**
 * Fraud defences for staff (docs/fraud.md): the blocklist with CSV upload (all or nothing; bad
 * lines named), the policy of the network or of one campaign (each check's action, the velocity
 * limit, the attestation minimum, the message), and the recent findings at the door.
 */
@Route(value = "fraud", layout = ConsoleLayout.class)
@PageTitle("Fraud · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class FraudView extends VerticalLayout {

  static final int PAGE = 200;
  // the console's requests take 8 MB (ringtree.limits.max-flow-body)
  static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final FraudPort port;
  private final TextField listName = new TextField("List name");
  private final Checkbox confirmImport = new Checkbox("Confirm a prefix of a whole country code");
  private final Span importResult = new Span();
  private final Span entryCount = new Span();
  private final Grid<FraudPort.Entry> entries = new Grid<>();
  private final ComboBox<String> scope = new ComboBox<>("Policy of");
  private final Map<String, ComboBox<String>> actions = new LinkedHashMap<>();
  private final IntegerField velocityCalls = new IntegerField("Velocity: calls");
  private final IntegerField velocityMinutes = new IntegerField("in minutes");
  private final IntegerField rotationNumbers =
      new IntegerField("Rotating dialer: numbers sharing a prefix");
  private final IntegerField rotationMinutes = new IntegerField("from one source in minutes");
  private final ComboBox<String> attestation = new ComboBox<>("Lowest attestation that counts");
  private final TextField message = new TextField("Message before hanging up");
  private final Checkbox confirmPolicy = new Checkbox("Confirm a policy that stops most calls");
  private final Span policyResult = new Span();
  private final Grid<FraudPort.Finding> findings = new Grid<>();

  public FraudView(FraudPort port) {
    this.port = port;
    setId("fraud-view");
    setSizeFull();
    add(new H3("Blocklist"), importBar(), entryCount, entriesGrid());
    add(new H3("Policy"), policyForm());
    add(new H3("Recent findings"), findingsGrid());
    refreshEntries();
    showPolicy(FraudPort.NETWORK);
    findings.setItems(port.findings(100));
  }

  private HorizontalLayout importBar() {
    listName.setId("fraud-list-name");
    listName.setPlaceholder("manual");
    confirmImport.setId("fraud-import-confirm");
    importResult.setId("fraud-import-result");
    Upload upload = TextFileUpload.of("fraud-upload", this::importCsv);
    upload.setAcceptedFileTypes("text/csv", "text/plain", ".csv", ".txt");
    upload.setMaxFileSize(MAX_FILE_BYTES);
    upload.setUploadButton(new Button("Upload CSV"));
    HorizontalLayout bar = new HorizontalLayout(listName, confirmImport, upload, importResult);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  /** Imports a blocklist file and shows what happened (the bad lines when refused). */
  void importCsv(String text) {
    try {
      int n = port.importCsv(text, listName.getValue(), confirmImport.getValue());
      importResult.setText("Imported " + n + (n == 1 ? " entry." : " entries."));
      confirmImport.setValue(false);
      refreshEntries();
    } catch (FraudProblem p) {
      importResult.setText(refusal(p));
    }
  }

  private Grid<FraudPort.Entry> entriesGrid() {
    entries.setId("fraud-blocklist");
    entries.addThemeVariants(GridVariant.LUMO_COMPACT);
    entries.addColumn(FraudPort.Entry::shown).setHeader("Entry").setFlexGrow(2);
    entries.addColumn(FraudPort.Entry::kind).setHeader("Kind").setAutoWidth(true);
    entries.addColumn(FraudPort.Entry::listName).setHeader("List").setAutoWidth(true);
    entries.addColumn(FraudPort.Entry::addedBy).setHeader("Added by").setAutoWidth(true);
    entries.addColumn(e -> AT.format(e.addedAt())).setHeader("Added (UTC)").setAutoWidth(true);
    entries
        .addComponentColumn(
            e -> {
              Button remove =
                  new Button(
                      "Remove",
                      click -> {
                        port.delete(e.id());
                        refreshEntries();
                      });
              remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
              return remove;
            })
        .setAutoWidth(true);
    entries.setHeight("18em");
    return entries;
  }

  private void refreshEntries() {
    long total = port.countEntries();
    entryCount.setId("fraud-entry-count");
    entryCount.setText(
        total
            + (total == 1 ? " entry" : " entries")
            + (total > PAGE ? " (newest " + PAGE + ")" : ""));
    entries.setItems(port.entries(0, PAGE));
  }

  private VerticalLayout policyForm() {
    Map<String, String> campaigns = port.campaigns();
    List<String> scopes = new ArrayList<>();
    scopes.add(FraudPort.NETWORK);
    scopes.addAll(campaigns.keySet());
    scope.setId("fraud-scope");
    scope.setItems(scopes);
    scope.setItemLabelGenerator(
        s ->
            FraudPort.NETWORK.equals(s)
                ? "The network (every campaign)"
                : campaigns.getOrDefault(s, s) + " (" + s + ")");
    scope.setValue(FraudPort.NETWORK);
    scope.setWidth("24em");
    scope.addValueChangeListener(e -> showPolicy(e.getValue() == null ? "*" : e.getValue()));
    FormLayout form = new FormLayout();
    for (String check : port.checks()) {
      ComboBox<String> action = new ComboBox<>(check);
      action.setId("fraud-action-" + check.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      action.setItems(port.actions());
      action.setClearButtonVisible(true);
      action.setPlaceholder(FraudPort.NETWORK.equals(scope.getValue()) ? "off" : "as the network");
      actions.put(check, action);
      form.add(action);
    }
    velocityCalls.setId("fraud-velocity-calls");
    velocityMinutes.setId("fraud-velocity-minutes");
    attestation.setId("fraud-attestation");
    attestation.setItems("A", "B", "C");
    message.setId("fraud-message");
    rotationNumbers.setId("fraud-rotation-numbers");
    rotationMinutes.setId("fraud-rotation-minutes");
    form.add(
        velocityCalls, velocityMinutes, rotationNumbers, rotationMinutes, attestation, message);
    confirmPolicy.setId("fraud-policy-confirm");
    policyResult.setId("fraud-policy-result");
    Button save = new Button("Save policy", e -> savePolicy());
    save.setId("fraud-policy-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    VerticalLayout box =
        new VerticalLayout(scope, form, new HorizontalLayout(save, confirmPolicy), policyResult);
    box.setPadding(false);
    return box;
  }

  private void showPolicy(String s) {
    FraudPort.Policy p =
        port.policy(s)
            .orElse(new FraudPort.Policy(s, Map.of(), null, null, null, null, null, null, 0));
    actions.forEach((check, box) -> box.setValue(p.actions().get(check)));
    velocityCalls.setValue(p.velocityCalls());
    velocityMinutes.setValue(p.velocityWindowMinutes());
    rotationNumbers.setValue(p.rotationNumbers());
    rotationMinutes.setValue(p.rotationWindowMinutes());
    attestation.setValue(p.minimumAttestation());
    message.setValue(p.message() == null ? "" : p.message());
    policyResult.setText(p.version() == 0 ? "No policy saved." : "Version " + p.version() + ".");
  }

  /** Saves the form as the chosen scope's policy; a refusal is shown in the API's words. */
  void savePolicy() {
    Map<String, String> chosen = new LinkedHashMap<>();
    actions.forEach(
        (check, box) -> {
          if (box.getValue() != null) {
            chosen.put(check, box.getValue());
          }
        });
    String s = scope.getValue() == null ? FraudPort.NETWORK : scope.getValue();
    try {
      FraudPort.Policy saved =
          port.save(
              new FraudPort.Policy(
                  s,
                  chosen,
                  velocityCalls.getValue(),
                  velocityMinutes.getValue(),
                  attestation.getValue(),
                  message.getValue(),
                  rotationNumbers.getValue(),
                  rotationMinutes.getValue(),
                  0),
              confirmPolicy.getValue());
      confirmPolicy.setValue(false);
      policyResult.setText("Saved: version " + saved.version() + ".");
    } catch (FraudProblem p) {
      policyResult.setText(refusal(p));
    }
  }

  private Grid<FraudPort.Finding> findingsGrid() {
    findings.setId("fraud-findings");
    findings.addThemeVariants(GridVariant.LUMO_COMPACT);
    findings.addColumn(f -> AT.format(f.at())).setHeader("At (UTC)").setAutoWidth(true);
    findings.addColumn(FraudPort.Finding::caller).setHeader("Caller").setAutoWidth(true);
    findings.addColumn(FraudPort.Finding::campaignId).setHeader("Campaign").setAutoWidth(true);
    findings.addColumn(FraudPort.Finding::publisherId).setHeader("Publisher").setAutoWidth(true);
    findings.addColumn(FraudPort.Finding::check).setHeader("Check").setAutoWidth(true);
    findings.addColumn(FraudPort.Finding::outcome).setHeader("Action").setAutoWidth(true);
    findings.addColumn(FraudPort.Finding::reason).setHeader("Why").setFlexGrow(3);
    findings.addColumn(FraudPort.Finding::callSid).setHeader("Call").setAutoWidth(true);
    findings.setHeight("18em");
    return findings;
  }

  static String refusal(FraudProblem p) {
    StringBuilder b = new StringBuilder(p.getMessage());
    for (String d : p.details()) {
      b.append(" — ").append(d);
    }
    if (p.confirmable()) {
      b.append(" (tick the confirmation to save it anyway)");
    }
    return b.toString();
  }
}
