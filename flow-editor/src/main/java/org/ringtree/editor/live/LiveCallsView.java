package org.ringtree.editor.live;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * Calls in progress now, on every runtime node, updated by server push as each webhook changes
 * them: ringing a buyer, or connected with the talk time since the buyer answered; below, each
 * buyer's and target's calls now against its concurrency cap. A tick each second only redraws the
 * elapsed times from what the page already has.
 */
@Route(value = LiveCallsView.PATH, layout = ConsoleLayout.class)
@PageTitle("Live calls · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class LiveCallsView extends VerticalLayout {

  public static final String PATH = "live";

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final LiveCallsFeed feed;
  private final Clock clock;
  private final Grid<LiveCallsFeed.LiveCall> calls = new Grid<>();
  private final Grid<LiveCallsFeed.Load> loads = new Grid<>();
  private final Span count = new Span();
  private final Span updated = new Span();
  private Consumer<LiveCallsFeed.Board> listener;
  private Registration ticking;

  public LiveCallsView(LiveCallsFeed feed) {
    this(feed, Clock.systemUTC());
  }

  LiveCallsView(LiveCallsFeed feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
    setWidthFull();
    count.setId("live-count");
    updated.setId("live-updated");
    updated.getStyle().set("color", "var(--lumo-secondary-text-color)");

    calls.setId("live-calls");
    calls.addThemeVariants(GridVariant.LUMO_COMPACT);
    calls.addColumn(c -> c.phase().label()).setHeader("Phase").setWidth("15em").setFlexGrow(0);
    calls.addColumn(c -> elapsed(c.startedAt(), clock.instant())).setHeader("Elapsed");
    calls
        .addColumn(c -> c.answeredAt() == null ? "" : elapsed(c.answeredAt(), clock.instant()))
        .setHeader("Talking");
    calls.addColumn(LiveCallsFeed.LiveCall::campaign).setHeader("Campaign").setFlexGrow(2);
    calls.addColumn(LiveCallsFeed.LiveCall::publisher).setHeader("Publisher").setFlexGrow(2);
    calls.addColumn(LiveCallsFeed.LiveCall::node).setHeader("Node");
    calls.addColumn(c -> c.target() == null ? "" : c.target()).setHeader("Target");
    calls.addColumn(LiveCallsFeed.LiveCall::caller).setHeader("Caller");
    calls.addColumn(LiveCallsFeed.LiveCall::callSid).setHeader("Call").setFlexGrow(2);
    calls.setAllRowsVisible(true);
    calls.setEmptyStateText("No calls in progress.");

    loads.setId("live-loads");
    loads.addThemeVariants(GridVariant.LUMO_COMPACT);
    loads.addColumn(l -> l.kind().equals("buyer") ? "Buyer" : "Target").setHeader("Kind");
    loads.addColumn(LiveCallsFeed.Load::name).setHeader("Name").setFlexGrow(3);
    loads.addColumn(LiveCallsView::usage).setHeader("Calls now / concurrency cap");
    loads.setAllRowsVisible(true);
    loads.setEmptyStateText("No buyer has a call ringing or talking.");
    loads.setPartNameGenerator(l -> l.full() ? "cap-full" : null);

    add(
        new H2("Live calls"),
        new Paragraph("Calls in progress on every runtime node, updated as each webhook arrives."),
        count,
        updated,
        calls,
        new H3("Buyers and targets now"),
        loads);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    listener = board -> ui.access(() -> show(board));
    show(feed.watch(listener));
    ui.setPollInterval(1000);
    ticking = ui.addPollListener(e -> calls.getDataProvider().refreshAll());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    feed.unwatch(listener);
    if (ticking != null) {
      ticking.remove();
    }
    event.getUI().setPollInterval(-1);
  }

  void show(LiveCallsFeed.Board board) {
    List<LiveCallsFeed.LiveCall> now = board.calls();
    calls.setItems(now);
    loads.setItems(board.loads());
    count.setText(now.size() == 1 ? "1 call in progress" : now.size() + " calls in progress");
    updated.setText("Last change " + TIME.format(board.at()));
  }

  /** "1:05" or "1:02:05": how long the call has been going. */
  static String elapsed(Instant since, Instant now) {
    long s = Math.max(0, Duration.between(since, now).getSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  static String usage(LiveCallsFeed.Load l) {
    return l.current() + " / " + (l.cap() == null ? "no cap" : l.cap());
  }
}
