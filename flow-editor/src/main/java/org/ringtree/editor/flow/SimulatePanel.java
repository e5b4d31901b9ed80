package org.ringtree.editor.flow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.ringtree.rules.flow.DirectoryRefs;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.rules.port.DirectoryLookupPort.Choice;
import org.ringtree.rules.port.DirectoryLookupPort.RefKind;
import org.ringtree.rules.port.SimulationPort;
import org.ringtree.rules.port.SimulationPort.CallerProfile;
import org.ringtree.rules.port.SimulationPort.SimulationOutcome;
import org.ringtree.rules.validation.Issue;

/**
 * Places a test call against the flow on the canvas: the caller, what they press or say, what each
 * buyer bids and whether it answers. Shows the steps (lit on the canvas one by one), the auction,
 * the skips with their reasons and the money.
 */
public class SimulatePanel extends VerticalLayout {

  private static final java.time.format.DateTimeFormatter CAPS_TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  private final SimulationPort simulation;
  private final DirectoryLookupPort directory;
  private final Supplier<FlowDocument> draft;
  private final BiConsumer<List<String>, Integer> showPath;

  private final ComboBox<String> number = new ComboBox<>("Tracking number");
  private final TextField caller = new TextField("Caller number");
  private final TextField state = new TextField("Caller state");
  private final TextField zip = new TextField("Caller zip");
  private final TextField inputs = new TextField("Caller presses / says");
  private final IntegerField talk = new IntegerField("Talk time (s)");
  private final VerticalLayout buyers = new VerticalLayout();
  private final Map<String, BigDecimalField> bids = new LinkedHashMap<>();
  private final Map<String, Checkbox> answers = new LinkedHashMap<>();
  private final VerticalLayout results = new VerticalLayout();
  private SimulationReport report;
  private int step;

  public SimulatePanel(
      SimulationPort simulation,
      DirectoryLookupPort directory,
      Supplier<FlowDocument> draft,
      BiConsumer<List<String>, Integer> showPath) {
    this.simulation = simulation;
    this.directory = directory;
    this.draft = draft;
    this.showPath = showPath;
    setPadding(false);
    number.setId("sim-number");
    number.setItems(
        DataProvider.fromFilteringCallbacks(
            (Query<String, String> q) ->
                directory
                    .search(
                        RefKind.TRACKING_NUMBER,
                        q.getFilter().orElse(""),
                        q.getOffset(),
                        q.getLimit())
                    .stream()
                    .map(Choice::id),
            q -> directory.count(RefKind.TRACKING_NUMBER, q.getFilter().orElse(""))));
    number.setItemLabelGenerator(
        id ->
            directory
                .find(RefKind.TRACKING_NUMBER, id)
                .map(c -> c.label() + " — " + c.detail())
                .orElse(id));
    number.setHelperText("The number the caller dials; it picks the campaign and publisher.");
    caller.setId("sim-caller");
    caller.setValue("+13105550142");
    state.setId("sim-state");
    state.setValue("CA");
    zip.setId("sim-zip");
    zip.setValue("90210");
    inputs.setId("sim-inputs");
    inputs.setHelperText(
        "In order, separated by commas: digits (1, 90210), speech:words, or silence.");
    talk.setId("sim-talk");
    talk.setValue(95);
    talk.setHelperText("How long the caller talks to the buyer who answers.");
    talk.setMin(0);
    talk.setMax(SimulationInputs.MAX_TALK_SECONDS);
    caller.setHelperText("E.164, such as +13105550142.");
    state.setHelperText("CA, TX, …");
    zip.setHelperText("5 digits");
    HorizontalLayout callerRow = new HorizontalLayout(caller, state, zip);
    state.setWidth("5em");
    zip.setWidth("7em");
    number.setWidthFull();
    inputs.setWidthFull();
    buyers.setPadding(false);
    buyers.setSpacing(false);
    Button refresh = new Button("Refresh buyers", e -> refreshBuyers());
    refresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Button run = new Button("Place test call", e -> run());
    run.setId("sim-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    results.setPadding(false);
    results.setId("sim-results");
    add(
        number,
        callerRow,
        inputs,
        talk,
        new HorizontalLayout(new H4("Buyers"), refresh),
        buyers,
        run,
        results);
  }

  /** Lists the targets the draft's nodes name (routes), keeping what was typed. */
  public void refreshBuyers() {
    DirectoryRefs refs = DirectoryRefs.of(draft.get());
    List<Choice> choices = directory.targetsOf(refs.targets(), refs.groups());
    Map<String, BigDecimal> oldBids = new LinkedHashMap<>();
    bids.forEach((k, v) -> oldBids.put(k, v.getValue()));
    Map<String, Boolean> oldAnswers = new LinkedHashMap<>();
    answers.forEach((k, v) -> oldAnswers.put(k, v.getValue()));
    bids.clear();
    answers.clear();
    buyers.removeAll();
    if (choices.isEmpty()) {
      buyers.add(new Paragraph("No route node has targets yet."));
    }
    for (Choice c : choices) {
      boolean rtb = c.detail() != null && c.detail().contains("RTB");
      Span name = new Span(c.label());
      name.setTitle(c.detail());
      name.setWidth("11em");
      Checkbox answersBox = new Checkbox("answers", oldAnswers.getOrDefault(c.id(), true));
      answersBox.setId("sim-answers-" + c.id());
      answers.put(c.id(), answersBox);
      HorizontalLayout row = new HorizontalLayout(name);
      row.setAlignItems(Alignment.BASELINE);
      if (rtb) {
        BigDecimalField bid = new BigDecimalField();
        bid.setPlaceholder("no bid");
        bid.setWidth("7em");
        bid.setId("sim-bid-" + c.id());
        bid.setValue(oldBids.get(c.id()));
        bid.setPrefixComponent(new Span("$"));
        bids.put(c.id(), bid);
        row.add(bid);
      } else {
        Span fixed = new Span("fixed price");
        fixed.setWidth("7em");
        row.add(fixed);
      }
      row.add(answersBox);
      buyers.add(row);
    }
  }

  void run() {
    if (bids.isEmpty() && answers.isEmpty()) {
      refreshBuyers();
    }
    Map<String, BigDecimal> bidValues = new LinkedHashMap<>();
    bids.forEach((k, v) -> bidValues.put(k, v.getValue()));
    if (!checkInputs(bidValues)) {
      results.removeAll();
      report = null;
      showPath.accept(List.of(), 0);
      Paragraph refused = new Paragraph("Not placed: correct the marked fields.");
      refused.setId("sim-refused");
      results.add(refused);
      return;
    }
    List<String> noAnswer =
        answers.entrySet().stream()
            .filter(e -> !e.getValue().getValue())
            .map(Map.Entry::getKey)
            .toList();
    SimulationOutcome outcome =
        simulation.simulate(
            draft.get(),
            new CallerProfile(
                number.getValue(),
                caller.getValue().strip(),
                state.getValue().strip(),
                zip.getValue().strip()),
            SimulationReport.script(
                inputs.getValue(),
                bidValues,
                noAnswer,
                talk.getValue() == null ? 0 : talk.getValue()));
    results.removeAll();
    if (!outcome.ran()) {
      report = null;
      showPath.accept(List.of(), 0);
      Div errors = new Div();
      errors.setId("sim-errors");
      errors.add(new H4("The flow cannot run yet"));
      for (Issue i : outcome.issues()) {
        errors.add(new Paragraph((i.nodeId() == null ? "" : i.nodeId() + ": ") + i.message()));
      }
      results.add(errors);
      return;
    }
    report = SimulationReport.of(outcome.result());
    step = report.path().size();
    showPath.accept(report.path(), step);
    Span winner =
        new Span(
            report.winner() == null ? "No buyer took the call." : "Winner: " + report.winner());
    winner.setId("sim-winner");
    winner.getStyle().set("font-weight", "600");
    Button back = new Button("◀ Step", e -> step(-1));
    back.setId("sim-step-back");
    Button forward = new Button("Step ▶", e -> step(1));
    forward.setId("sim-step-forward");
    Button all = new Button("Whole path", e -> step(report.path().size()));
    for (Button b : List.of(back, forward, all)) {
      b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    }
    Span outcomeText = new Span("Outcome: " + report.outcome());
    outcomeText.setId("sim-outcome");

    Grid<SimulationReport.StepRow> steps = new Grid<>();
    steps.setId("sim-steps");
    steps
        .addColumn(SimulationReport.StepRow::turn)
        .setHeader("#")
        .setAutoWidth(true)
        .setFlexGrow(0);
    steps.addColumn(SimulationReport.StepRow::event).setHeader("Event").setAutoWidth(true);
    steps.addColumn(SimulationReport.StepRow::nodeId).setHeader("Node").setAutoWidth(true);
    steps.addColumn(SimulationReport.StepRow::heard).setHeader("Caller hears").setFlexGrow(1);
    steps.setItems(report.steps());
    steps.setAllRowsVisible(true);
    steps.addItemClickListener(
        e -> {
          int at = report.path().indexOf(e.getItem().nodeId());
          if (at >= 0) {
            step = at + 1;
            showPath.accept(report.path(), step);
          }
        });

    Grid<SimulationReport.AuctionRow> auction = new Grid<>();
    auction.setId("sim-auction");
    auction.addColumn(SimulationReport.AuctionRow::rank).setHeader("Rank").setAutoWidth(true);
    auction.addColumn(SimulationReport.AuctionRow::target).setHeader("Target").setAutoWidth(true);
    auction.addColumn(SimulationReport.AuctionRow::buyer).setHeader("Buyer").setAutoWidth(true);
    auction.addColumn(SimulationReport.AuctionRow::price).setHeader("Price").setAutoWidth(true);
    auction.addColumn(SimulationReport.AuctionRow::source).setHeader("From").setAutoWidth(true);
    auction.setItems(report.auction());
    auction.setAllRowsVisible(true);

    Grid<SimulationReport.SkipRow> skips = new Grid<>();
    skips.setId("sim-skips");
    skips.addColumn(SimulationReport.SkipRow::targetId).setHeader("Skipped").setAutoWidth(true);
    skips.addColumn(SimulationReport.SkipRow::reason).setHeader("Why").setFlexGrow(1);
    skips.setItems(report.skips());
    skips.setAllRowsVisible(true);

    Div money = new Div();
    money.setId("sim-money");
    money.add(
        new Paragraph(
            "Revenue "
                + report.revenue()
                + " · payout "
                + report.payout()
                + " · margin "
                + report.margin()));
    report.moneyReasons().forEach(r -> money.add(new Paragraph(r)));

    Paragraph caps =
        new Paragraph(
            "Caps and concurrency use the live counts of real calls at "
                + CAPS_TIME.format(java.time.Instant.now())
                + "; this test call is not counted.");
    caps.setId("sim-caps");
    caps.getStyle().set("font-size", "var(--lumo-font-size-s)");
    results.add(
        caps,
        winner,
        outcomeText,
        new HorizontalLayout(back, forward, all),
        new H4("Steps"),
        steps,
        new H4("Auction"),
        report.auction().isEmpty() ? new Paragraph("No routing happened.") : auction,
        new H4("Skips"),
        report.skips().isEmpty() ? new Paragraph("Nobody was skipped.") : skips,
        new H4("Money"),
        money);
  }

  /**
   * Marks every simulator field whose value cannot describe a real call; true when none is wrong.
   */
  private boolean checkInputs(Map<String, BigDecimal> bidValues) {
    java.util.Map<String, String> problems =
        SimulationInputs.check(
            talk.getValue(),
            caller.getValue(),
            state.getValue(),
            zip.getValue(),
            inputs.getValue(),
            bidValues);
    mark(talk, problems.get("talk"));
    mark(caller, problems.get("caller"));
    mark(state, problems.get("state"));
    mark(zip, problems.get("zip"));
    mark(inputs, problems.get("inputs"));
    bids.forEach((target, field) -> mark(field, problems.get("bid:" + target)));
    return problems.isEmpty();
  }

  private static void mark(com.vaadin.flow.component.HasValidation field, String problem) {
    field.setErrorMessage(problem);
    field.setInvalid(problem != null);
  }

  private void step(int delta) {
    if (report == null) {
      return;
    }
    step = Math.max(1, Math.min(report.path().size(), delta > 1 ? delta : step + delta));
    showPath.accept(report.path(), step);
  }
}
