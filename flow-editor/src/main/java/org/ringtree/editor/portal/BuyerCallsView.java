package org.ringtree.editor.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The buyer's calls, newest first, a page at a time, with what each cost; a recorded call plays
 * through Ringtree's own endpoint (seekable), never from the provider's address. CSV streams all.
 */
@Route(value = "portal/buyer-calls", layout = ConsoleLayout.class)
@PageTitle("Your calls · Ringtree")
@RolesAllowed(Viewer.BUYER)
public class BuyerCallsView extends VerticalLayout {

  private final Grid<BuyerPortalPort.Call> grid = new Grid<>();
  private final Div player = new Div();
  private ZoneId zone = Screens.UTC;

  public BuyerCallsView(BuyerPortalPort port) {
    setId("portal-buyer-calls");
    setSizeFull();
    Anchor csv = new Anchor(csv(port), "Download CSV");
    csv.setId("portal-buyer-calls-csv");
    csv.getElement().setAttribute("download", true);
    player.setId("portal-player");

    grid.setId("portal-buyer-calls-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(c -> Screens.when(c.startedAt(), zone)).setHeader("Started").setAutoWidth(true);
    grid.addColumn(BuyerPortalPort.Call::campaign).setHeader("Campaign");
    grid.addColumn(BuyerPortalPort.Call::caller).setHeader("Caller");
    grid.addColumn(BuyerPortalPort.Call::callerState).setHeader("State").setWidth("5em");
    grid.addColumn(BuyerPortalPort.Call::target).setHeader("Target");
    grid.addColumn(BuyerPortalPort.Call::status).setHeader("Status");
    grid.addColumn(c -> Screens.seconds(c.talkSeconds())).setHeader("Talk");
    grid.addColumn(c -> Screens.yesNo(c.billable())).setHeader("Billable");
    grid.addColumn(c -> PortalFigures.text(c.spend(), c.currency())).setHeader("Cost");
    grid.addComponentColumn(this::playButton).setHeader("Recording");
    grid.addColumn(BuyerPortalPort.Call::callSid).setHeader("Call").setAutoWidth(true);
    grid.setEmptyStateText("No calls yet.");
    grid.setItems(q -> port.calls(q.getOffset(), q.getLimit()).stream(), q -> port.callCount());

    add(
        Screens.note(
            "Calls routed to your targets and what each cost you. Disputes are raised from the"
                + " disputes screen."),
        csv,
        player,
        grid);
    setFlexGrow(1, grid);
    Screens.browserZone(
        z -> {
          zone = z;
          grid.getDataProvider().refreshAll();
        });
  }

  private Component playButton(BuyerPortalPort.Call c) {
    if (!c.recorded()) {
      return new Span("—");
    }
    Button play = new Button("Play", VaadinIcon.PLAY.create(), e -> play(c.callSid()));
    play.setId("play-" + c.callSid());
    play.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return play;
  }

  private void play(String callSid) {
    player.removeAll();
    Span label = new Span("Recording of " + callSid + " ");
    Element audio = new Element("audio");
    audio.setAttribute("controls", true);
    audio.setAttribute("preload", "metadata");
    audio.setAttribute("id", "portal-recording-audio");
    audio.setAttribute("src", BuyerPortalPort.recordingAddress(callSid));
    Div box = new Div(label);
    box.getElement().appendChild(audio);
    player.add(box);
  }

  private static DownloadHandler csv(BuyerPortalPort port) {
    return event -> {
      event.setFileName("ringtree-my-calls.csv");
      event.setContentType("text/csv; charset=utf-8");
      port.exportCalls(event.getOutputStream());
    };
  }
}
