package org.ringtree.editor.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;

/** An address that is no console screen: said plainly, inside the frame, with a way home. */
@ParentLayout(ConsoleLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    removeAll();
    setId("not-found");
    Anchor home = new Anchor("", "Go to your start page");
    home.setId("not-found-home");
    home.getElement().setAttribute("router-link", true);
    add(
        new H2("Page not found"),
        new Paragraph(
            "There is no console screen at /"
                + event.getLocation().getPath()
                + ". It may have moved, or the address was mistyped; the menu on the left lists"
                + " the screens your role may open."),
        home);
    return 404;
  }
}
