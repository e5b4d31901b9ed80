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
 * screens, publishers and buyers on their portal's overview (the first entry of {@link Navigation}
 * each may open). A role with no screen at all is told so.
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
    setId("no-screens");
    add(
        new H2("Nothing to open"),
        new Paragraph("Your role has no console screens; ask an admin for the role you need."));
  }
}
