package org.ringtree.editor.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Where a sign-in lands: operators and admins go to the flow editor, compliance staff to the
 * compliance screens; publishers and buyers, who have no console screens, are told where to look.
 */
@Route(value = "", layout = ConsoleLayout.class)
@PageTitle("Ringtree")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Viewer viewer = SignedIn.viewer();
    if (viewer.mayEditFlows()) {
      event.forwardTo(ConsoleLayout.EDITOR);
    } else if (viewer.mayReadReviews()) {
      event.forwardTo(ConsoleLayout.COMPLIANCE);
    } else {
      removeAll();
      add(
          new H2("No console screens for your role"),
          new Paragraph(
              "Publisher and buyer accounts see their own calls and money through the portal API"
                  + " (/api/portal). Ask an admin if you need another role."));
    }
  }
}
