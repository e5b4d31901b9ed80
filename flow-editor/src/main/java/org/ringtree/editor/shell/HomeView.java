package org.ringtree.editor.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * Where a sign-in lands: operators and admins on the dashboard, compliance staff on the compliance
 * screens (the first entry of {@link Navigation} each may open); publishers and buyers, whose
 * portal screens come later, are told where their data is today (the portal API, which takes this
 * same session sign-in).
 */
@Route(value = "", layout = ConsoleLayout.class)
@PageTitle("Home · Ringtree")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<String> landing = Navigation.landing(SignedIn.viewer());
    if (landing.isPresent()) {
      event.forwardTo(landing.get());
      return;
    }
    removeAll();
    setId("portal-home");
    add(
        new H2("Your portal"),
        new Paragraph(
            "Publisher and buyer accounts see their own calls and money. The portal screens are on"
                + " their way; until then the portal API opens in this browser with this sign-in:"
                + " /api/portal/calls for your calls, /api/portal/payouts (publishers) or"
                + " /api/portal/spend and /api/portal/disputes (buyers). Your own programs can use"
                + " it too, with an API key your network's admin helps you set up."),
        new Paragraph("If you need to run the network itself, ask an admin for another role."));
  }
}
