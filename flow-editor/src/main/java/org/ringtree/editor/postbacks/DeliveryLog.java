package org.ringtree.editor.postbacks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The delivery log: postbacks newest first, a page at a time from the database, filtered by state
 * (dead letters are state DEAD); a postback's attempts with each HTTP status and the start of the
 * response; a retry button for dead letters where the viewer may retry. Built from plain rows and
 * inputs the console's frontend bundle already holds.
 */
public class DeliveryLog extends VerticalLayout {

  static final int PAGE = 20;
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String ALL = "All";
  private static final String DEAD_LETTERS = "DEAD (dead letters)";

  private final DeliverySource source;
  private final UnaryOperator<PostbacksPort.Delivery> retry;
  private final ComboBox<String> state = new ComboBox<>("State");
  private final Div rows = new Div();
  private final Div attempts = new Div();
  private final Span count = new Span();
  private final Button newer = new Button("Newer", VaadinIcon.ANGLE_LEFT.create());
  private final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create());
  private final H4 chosenTitle = new H4();
  private final Span problem = new Span();
  private final Button retryButton = new Button("Retry", VaadinIcon.REFRESH.create());
  private final VerticalLayout chosenPanel = new VerticalLayout();
  private PostbacksPort.Delivery chosen;
  private int offset;
  private ZoneId zone = ZoneId.of("UTC");

  /**
   * @param retry sends a dead letter again, or null where the viewer may not (no retry button)
   */
  public DeliveryLog(DeliverySource source, UnaryOperator<PostbacksPort.Delivery> retry) {
    this.source = source;
    this.retry = retry;
    setId("postback-log-panel");
    setPadding(false);
    state.setId("postback-state");
    state.setItems(ALL, "DELIVERED", "SENDING", DEAD_LETTERS);
    state.setValue(ALL);
    state.setAllowCustomValue(false);
    state.addValueChangeListener(
        e -> {
          offset = 0;
          refresh();
        });
    Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    reload.setId("postback-refresh");
    count.setId("postback-count");
    newer.setId("postback-newer");
    older.setId("postback-older");
    newer.addClickListener(
        e -> {
          offset = Math.max(0, offset - PAGE);
          refresh();
        });
    older.addClickListener(
        e -> {
          offset += PAGE;
          refresh();
        });
    HorizontalLayout filters = new HorizontalLayout(state, reload, newer, older, count);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    rows.setId("postback-log");
    rows.setWidthFull();
    attempts.setId("postback-attempts");
    retryButton.setId("postback-retry");
    retryButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    retryButton.addClickListener(e -> retryChosen());
    retryButton.setVisible(false);
    chosenTitle.setId("postback-chosen");
    problem.setId("postback-log-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    chosenPanel.setPadding(false);
    chosenPanel.add(chosenTitle, attempts, new HorizontalLayout(retryButton, problem));
    chosenPanel.setVisible(false);
    add(filters, rows, chosenPanel);
    refresh();
  }

  /** Times shown in the viewer's zone. */
  public void zone(ZoneId zone) {
    this.zone = zone;
    refresh();
  }

  public void refresh() {
    PostbacksPort.State filter = filter();
    int total = source.count(filter);
    if (offset >= total) {
      offset = Math.max(0, (total - 1) / PAGE * PAGE);
    }
    List<PostbacksPort.Delivery> page = source.page(filter, offset, PAGE);
    count.setText(
        (total == 1 ? "1 postback" : total + " postbacks")
            + (total > PAGE ? " · " + (offset + 1) + "–" + (offset + page.size()) + " shown" : ""));
    newer.setEnabled(offset > 0);
    older.setEnabled(offset + PAGE < total);
    rows.removeAll();
    for (PostbacksPort.Delivery d : page) {
      rows.add(row(d));
    }
    if (chosen != null) {
      source.get(chosen.id()).ifPresent(this::choose);
    }
  }

  private PostbacksPort.State filter() {
    String s = state.getValue();
    if (s == null || ALL.equals(s)) {
      return null;
    }
    return DEAD_LETTERS.equals(s) ? PostbacksPort.State.DEAD : PostbacksPort.State.valueOf(s);
  }

  private HorizontalLayout row(PostbacksPort.Delivery d) {
    Button open = new Button("Attempts", e -> choose(d));
    open.setId("postback-open-" + d.id());
    open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Span text =
        new Span(
            AT.format(d.createdAt().atZone(zone))
                + " · "
                + d.publisherId()
                + " · "
                + d.event()
                + " · "
                + d.state().name()
                + " · "
                + d.attempts()
                + (d.attempts() == 1 ? " attempt" : " attempts")
                + (d.lastError() == null ? "" : " · " + d.lastError())
                + " · "
                + d.url());
    text.getStyle().set("overflow-wrap", "anywhere");
    HorizontalLayout row = new HorizontalLayout(open, text);
    row.addClassName("postback-row");
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    row.setWidthFull();
    return row;
  }

  private void choose(PostbacksPort.Delivery d) {
    chosen = d;
    problem.setText("");
    chosenTitle.setText(
        "Postback " + d.id() + " · call " + d.callId() + " · " + d.event() + " · " + d.state());
    attempts.removeAll();
    for (PostbacksPort.Attempt a : source.attempts(d.id())) {
      Div line =
          new Div(
              new Span(
                  "#"
                      + a.attempt()
                      + " · "
                      + AT.format(a.at().atZone(zone))
                      + " · "
                      + PostbacksPresenter.attemptResult(a)
                      + " · "
                      + (a.delivered() ? "delivered" : "failed")
                      + (a.response() == null || a.response().isEmpty()
                          ? ""
                          : " · response: " + a.response())));
      line.addClassName("postback-attempt");
      attempts.add(line);
    }
    retryButton.setVisible(retry != null && d.state() == PostbacksPort.State.DEAD);
    chosenPanel.setVisible(true);
  }

  private void retryChosen() {
    PostbacksPresenter.Outcome<PostbacksPort.Delivery> outcome =
        PostbacksPresenter.retry(retry, chosen);
    if (!outcome.ok()) {
      problem.setText(outcome.problem());
      return;
    }
    chosen = outcome.value();
    refresh();
  }
}
