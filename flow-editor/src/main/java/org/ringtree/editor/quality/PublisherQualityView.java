package org.ringtree.editor.quality;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;

/**
 * Publisher quality (docs/fraud.md): the open flags with their evidence and figures, each
 * publisher's score bands in the newest run, and for admins and operators "Run now", acknowledging
 * or dismissing a flag with a reason, pausing a publisher's numbers (after a confirmation that says
 * how many) and resuming them, and the alert URL. Compliance reads. Every refusal is shown in the
 * API's words.
 */
@Route(value = "publisher-quality", layout = ConsoleLayout.class)
@PageTitle("Publisher quality · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE})
public class PublisherQualityView extends VerticalLayout {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final PublisherQualityPort port;
  private final Viewer viewer;
  private final Span run = new Span();
  private final Span result = new Span();
  private final TextField reason = new TextField("Reason");
  private final Grid<PublisherQualityPort.Flag> flags = new Grid<>();
  private final Grid<PublisherQualityPort.Bands> bands = new Grid<>();
  private final Grid<PublisherQualityPort.Pause> pauses = new Grid<>();
  private final Span confirmText = new Span();
  private final Button confirmPause = new Button("Pause");
  private final HorizontalLayout confirmBar = new HorizontalLayout();
  private final TextField alertUrl = new TextField("Alert webhook URL");
  private final Span alertResult = new Span();
  private String asked;

  public PublisherQualityView(PublisherQualityPort port) {
    this(port, SignedIn.viewer());
  }

  PublisherQualityView(PublisherQualityPort port, Viewer viewer) {
    this.port = port;
    this.viewer = viewer;
    setId("publisher-quality-view");
    setSizeFull();
    run.setId("quality-run");
    result.setId("quality-result");
    add(new H3("Publisher quality"), run);
    if (mayChange()) {
      add(actionBar(), confirmBar());
    }
    add(
        result,
        flagsGrid(),
        new H4("Score bands per publisher (newest run)"),
        bandsGrid(),
        new H4("Paused publishers"),
        pausesGrid());
    add(alertForm());
    refresh();
  }

  private boolean mayChange() {
    return viewer.hasAnyRole(Viewer.ADMIN, Viewer.OPERATOR);
  }

  private HorizontalLayout actionBar() {
    Button runNow = new Button("Run now", e -> runNow());
    runNow.setId("quality-run-now");
    runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    reason.setId("quality-reason");
    reason.setWidth("28em");
    reason.setPlaceholder("kept with an acknowledgement or dismissal");
    HorizontalLayout bar = new HorizontalLayout(runNow, reason);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  private HorizontalLayout confirmBar() {
    confirmText.setId("quality-pause-question");
    confirmPause.setId("quality-pause-confirm");
    confirmPause.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    confirmPause.addClickListener(e -> confirmPause());
    Button cancel = new Button("Cancel", e -> cancelPause());
    cancel.setId("quality-pause-cancel");
    confirmBar.setId("quality-pause-confirmation");
    confirmBar.add(confirmText, confirmPause, cancel);
    confirmBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    confirmBar.setVisible(false);
    return confirmBar;
  }

  private HorizontalLayout alertForm() {
    alertUrl.setId("quality-alert-url");
    alertUrl.setWidth("32em");
    alertUrl.setPlaceholder("https://alerts.example.com/ringtree (empty: no webhook)");
    alertUrl.setReadOnly(!mayChange());
    alertResult.setId("quality-alert-result");
    HorizontalLayout form = new HorizontalLayout(alertUrl);
    if (mayChange()) {
      Button save = new Button("Save alert URL", e -> saveAlertUrl());
      save.setId("quality-alert-save");
      form.add(save);
    }
    form.add(alertResult);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return form;
  }

  void runNow() {
    try {
      PublisherQualityPort.Run r = port.runNow();
      result.setText(
          "Run "
              + r.id()
              + ": "
              + counted(r.calls(), "call")
              + ", "
              + counted(r.flags(), "flag")
              + ", "
              + r.newFlags()
              + " new.");
      refresh();
    } catch (PublisherQualityProblem p) {
      result.setText(p.getMessage());
    }
  }

  void acknowledge(PublisherQualityPort.Flag f) {
    try {
      port.acknowledge(f.id(), reason.getValue());
      result.setText("Flag " + f.id() + " acknowledged.");
      reason.clear();
      refresh();
    } catch (PublisherQualityProblem p) {
      result.setText(p.getMessage());
    }
  }

  void dismiss(PublisherQualityPort.Flag f) {
    try {
      port.dismiss(f.id(), reason.getValue());
      result.setText("Flag " + f.id() + " dismissed.");
      reason.clear();
      refresh();
    } catch (PublisherQualityProblem p) {
      result.setText(p.getMessage());
    }
  }

  /** Asks before pausing: how many numbers of the publisher it takes out of service. */
  void askPause(String publisherId) {
    int n = port.numbersInService(publisherId);
    if (n == 0) {
      result.setText(publisherId + " has no number in service to pause.");
      return;
    }
    asked = publisherId;
    confirmText.setText(
        "Pause "
            + n
            + (n == 1 ? " tracking number" : " tracking numbers")
            + " of "
            + publisherId
            + "? Calls to them will hear the unknown-number message until you resume.");
    confirmPause.setText("Pause " + n + (n == 1 ? " number" : " numbers"));
    confirmBar.setVisible(true);
  }

  void confirmPause() {
    if (asked == null) {
      return;
    }
    String publisher = asked;
    cancelPause();
    try {
      int n = port.pause(publisher);
      result.setText("Paused " + n + " numbers of " + publisher + ".");
      refresh();
    } catch (PublisherQualityProblem p) {
      result.setText(p.getMessage());
    }
  }

  void cancelPause() {
    asked = null;
    confirmBar.setVisible(false);
  }

  void resume(String publisherId) {
    try {
      int n = port.resume(publisherId);
      result.setText("Resumed " + n + " numbers of " + publisherId + ".");
      refresh();
    } catch (PublisherQualityProblem p) {
      result.setText(p.getMessage());
    }
  }

  void saveAlertUrl() {
    try {
      String saved = port.saveAlertUrl(alertUrl.getValue());
      alertUrl.setValue(saved);
      alertResult.setText(
          saved.isEmpty() ? "No alert webhook: alerts are events only." : "Saved: " + saved);
    } catch (PublisherQualityProblem p) {
      alertResult.setText(p.getMessage());
    }
  }

  /** The figures beside the sentence: its share against the rest of the network's. */
  static String figures(PublisherQualityPort.Flag f) {
    if ("LOW_CONVERSION".equals(f.kind())) {
      return String.format(
          Locale.ROOT,
          "%d/%d converted; expected %.1f %%",
          f.hits(),
          f.calls(),
          100 * f.baselineRate());
    }
    return String.format(
        Locale.ROOT,
        "%d/%d (%.1f %%) vs %d/%d (%.1f %%)",
        f.hits(),
        f.calls(),
        f.calls() == 0 ? 0 : 100.0 * f.hits() / f.calls(),
        f.baselineHits(),
        f.baselineCalls(),
        100 * f.baselineRate());
  }

  /** "1 call", "2 calls". */
  static String counted(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String pValue(double p) {
    return p < 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "%.2g", p);
  }

  private Grid<PublisherQualityPort.Flag> flagsGrid() {
    flags.setId("quality-flags");
    flags.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    flags
        .addColumn(PublisherQualityPort.Flag::publisherId)
        .setHeader("Publisher")
        .setAutoWidth(true);
    flags.addColumn(PublisherQualityPort.Flag::source).setHeader("Source").setAutoWidth(true);
    flags.addColumn(PublisherQualityPort.Flag::kind).setHeader("Test").setAutoWidth(true);
    flags
        .addColumn(PublisherQualityPort.Flag::evidence)
        .setHeader("Evidence")
        .setWidth("26em")
        .setFlexGrow(4);
    flags.addColumn(PublisherQualityView::figures).setHeader("Figures").setAutoWidth(true);
    flags.addColumn(f -> pValue(f.pValue())).setHeader("p").setAutoWidth(true);
    flags
        .addColumn(
            f ->
                f.state()
                    + (f.decidedBy() == null ? "" : " by " + f.decidedBy())
                    + (f.reason() == null || f.reason().isEmpty() ? "" : ": " + f.reason()))
        .setHeader("State")
        .setAutoWidth(true);
    flags.addColumn(f -> at(f.raisedAt())).setHeader("Raised (UTC)").setAutoWidth(true);
    if (mayChange()) {
      flags
          .addComponentColumn(
              f -> {
                HorizontalLayout buttons = new HorizontalLayout();
                if ("OPEN".equals(f.state())) {
                  Button ack = new Button("Acknowledge", e -> acknowledge(f));
                  ack.addThemeVariants(ButtonVariant.LUMO_SMALL);
                  buttons.add(ack);
                }
                Button dismiss = new Button("Dismiss", e -> dismiss(f));
                dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL);
                dismiss.setId("quality-dismiss-" + f.id());
                Button pause =
                    new Button("Pause this publisher's numbers", e -> askPause(f.publisherId()));
                pause.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                pause.setId("quality-pause-" + f.id());
                buttons.add(dismiss, pause);
                return buttons;
              })
          .setHeader("Actions")
          .setAutoWidth(true)
          // the buttons stay in sight however far the evidence scrolls the grid sideways
          .setFrozenToEnd(true);
    }
    // the console's column layout would otherwise shrink the grids to a sliver
    flags.setMinHeight("22em");
    flags.setHeight("22em");
    return flags;
  }

  private Grid<PublisherQualityPort.Bands> bandsGrid() {
    bands.setId("quality-bands");
    bands.addThemeVariants(GridVariant.LUMO_COMPACT);
    bands.addColumn(PublisherQualityPort.Bands::publisherId).setHeader("Publisher");
    bands.addColumn(PublisherQualityPort.Bands::calls).setHeader("Scored calls");
    for (int i = 0; i < PublisherQualityPort.BANDS.size(); i++) {
      int band = i;
      bands.addColumn(b -> b.counts().get(band)).setHeader(PublisherQualityPort.BANDS.get(i));
    }
    bands.addColumn(PublisherQualityPort.Bands::median).setHeader("Median score");
    bands.setMinHeight("14em");
    bands.setHeight("14em");
    return bands;
  }

  private Grid<PublisherQualityPort.Pause> pausesGrid() {
    pauses.setId("quality-pauses");
    pauses.addThemeVariants(GridVariant.LUMO_COMPACT);
    pauses.addColumn(PublisherQualityPort.Pause::publisherId).setHeader("Publisher");
    pauses.addColumn(PublisherQualityPort.Pause::numbers).setHeader("Numbers paused");
    pauses.addColumn(p -> p.pausedBy() + " " + at(p.pausedAt())).setHeader("Paused by, at (UTC)");
    if (mayChange()) {
      pauses.addComponentColumn(
          p -> {
            Button resume = new Button("Resume", e -> resume(p.publisherId()));
            resume.addThemeVariants(ButtonVariant.LUMO_SMALL);
            resume.setId("quality-resume-" + p.publisherId());
            return resume;
          });
    }
    pauses.setMinHeight("10em");
    pauses.setHeight("10em");
    return pauses;
  }

  private void refresh() {
    PublisherQualityPort.Run r = port.latestRun();
    run.setText(
        r == null
            ? "No run yet: the tests run every hour, or now with \"Run now\"."
            : "Newest run "
                + r.id()
                + " at "
                + at(r.startedAt())
                + " by "
                + r.requestedBy()
                + ": calls from "
                + at(r.windowFrom())
                + " to "
                + at(r.windowTo())
                + ", "
                + counted(r.calls(), "call")
                + ", "
                + counted(r.flags(), "flag")
                + " ("
                + r.newFlags()
                + " new).");
    flags.setItems(port.openFlags());
    bands.setItems(r == null ? List.of() : r.bands());
    pauses.setItems(port.pauses());
    if (alertUrl.isEmpty()) {
      alertUrl.setValue(port.alertUrl());
    }
  }

  /** The rows shown, for tests. */
  List<PublisherQualityPort.Flag> shownFlags() {
    return flags.getGenericDataView().getItems().toList();
  }

  List<PublisherQualityPort.Bands> shownBands() {
    return bands.getGenericDataView().getItems().toList();
  }

  List<PublisherQualityPort.Pause> shownPauses() {
    return pauses.getGenericDataView().getItems().toList();
  }

  private static String at(Instant t) {
    return t == null ? "" : AT.format(t);
  }
}
