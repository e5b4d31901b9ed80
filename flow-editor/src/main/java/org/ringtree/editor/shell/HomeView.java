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
 * portal screens come later, are told where their data is today.
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
                + " their way; until then your calls, conversions and payouts are available through"
                + " the portal API at /api/portal with an API key, which you can ask your network's"
                + " admin to help you set up."),
        new Paragraph("If you need to run the network itself, ask an admin for another role."));
  }
}
