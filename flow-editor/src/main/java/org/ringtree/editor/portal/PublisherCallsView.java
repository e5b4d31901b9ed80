package org.ringtree.editor.portal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The publisher's calls, newest first, a page at a time: caller masked and buyer hidden unless the
 * operator allows them; what each call earned. A row opens the call; CSV streams every call.
 */
@Route(value = "portal/calls", layout = ConsoleLayout.class)
@PageTitle("Your calls · Ringtree")
@RolesAllowed(Viewer.PUBLISHER)
public class PublisherCallsView extends VerticalLayout {

  private final Grid<PublisherPortalPort.Call> grid = new Grid<>();
  private ZoneId zone = Screens.UTC;

  public PublisherCallsView(PublisherPortalPort port) {
    setId("portal-calls");
    setSizeFull();
    PublisherPortalPort.Me me = port.me();
    String privacy =
        (me.showsCallerNumber() ? "Callers' numbers are shown" : "Callers' numbers are masked")
            + " and "
            + (me.showsBuyerNames() ? "buyers are named" : "buyers are not named")
            + ", as your network has set up your account.";
    Anchor csv = new Anchor(csv(port), "Download CSV");
    csv.setId("portal-calls-csv");
    csv.getElement().setAttribute("download", true);

    grid.setId("portal-calls-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(c -> Screens.when(c.startedAt(), zone)).setHeader("Started").setAutoWidth(true);
    grid.addColumn(PublisherPortalPort.Call::campaign).setHeader("Campaign");
    grid.addColumn(PublisherPortalPort.Call::trackingNumber).setHeader("Number");
    grid.addColumn(PublisherPortalPort.Call::caller).setHeader("Caller");
    grid.addColumn(PublisherPortalPort.Call::callerState).setHeader("State").setWidth("5em");
    grid.addColumn(PublisherPortalPort.Call::buyer).setHeader("Buyer");
    grid.addColumn(PublisherPortalPort.Call::status).setHeader("Status");
    grid.addColumn(c -> Screens.seconds(c.talkSeconds())).setHeader("Talk");
    grid.addColumn(c -> Screens.yesNo(c.payable())).setHeader("Payable");
    grid.addColumn(c -> PortalFigures.text(c.payout(), c.currency())).setHeader("Payout");
    grid.addColumn(PublisherPortalPort.Call::callSid).setHeader("Call").setAutoWidth(true);
    grid.setEmptyStateText("No calls yet.");
    grid.setItems(q -> port.calls(q.getOffset(), q.getLimit()).stream(), q -> port.callCount());
    grid.addItemClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            PublisherCallView.class,
                            new RouteParameters("callSid", e.getItem().callSid()))));
    add(Screens.note(privacy), csv, grid);
    setFlexGrow(1, grid);
    Screens.browserZone(
        z -> {
          zone = z;
          grid.getDataProvider().refreshAll();
        });
  }

  private static DownloadHandler csv(PublisherPortalPort port) {
    return event -> {
      event.setFileName("ringtree-my-calls.csv");
      event.setContentType("text/csv; charset=utf-8");
      port.exportCalls(event.getOutputStream());
    };
  }
}
