package org.ringtree.editor.portal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * One of the publisher's calls. Any other call — another publisher's, or none — reads "no such call
 * among yours", so an address cannot confirm that someone else's call exists.
 */
@Route(value = "portal/calls/:callSid", layout = ConsoleLayout.class)
@PageTitle("Your call · Ringtree")
@RolesAllowed(Viewer.PUBLISHER)
public class PublisherCallView extends VerticalLayout implements BeforeEnterObserver {

  private final PublisherPortalPort port;

  public PublisherCallView(PublisherPortalPort port) {
    this.port = port;
    setId("portal-call");
    setWidthFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String sid = event.getRouteParameters().get("callSid").orElse("");
    Anchor back = new Anchor("portal/calls", "← Your calls");
    back.getElement().setAttribute("router-link", true);
    back.setId("back-to-calls");
    add(back);
    port.call(sid)
        .ifPresentOrElse(
            c -> {
              add(new H2("Call " + c.callSid()));
              add(
                  row("Started", Screens.when(c.startedAt(), Screens.UTC) + " UTC"),
                  row("Campaign", c.campaign()),
                  row("Tracking number", c.trackingNumber()),
                  row("Caller", c.caller()),
                  row("Caller's state", c.callerState()),
                  row("Buyer", c.buyer()),
                  row("Status", c.status()),
                  row("Talk time", Screens.seconds(c.talkSeconds())),
                  row("Payable", Screens.yesNo(c.payable())),
                  row("Payout", PortalFigures.text(c.payout(), c.currency())));
            },
            () -> {
              Paragraph none = new Paragraph("No call " + sid + " among yours.");
              none.setId("portal-call-not-found");
              add(none);
            });
  }

  private static Div row(String label, String value) {
    Span l = new Span(label + ": ");
    l.getStyle().set("color", "var(--lumo-secondary-text-color)");
    Span v = new Span(value == null ? "" : value);
    v.setId("portal-call-" + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
    return new Div(l, v);
  }
}
