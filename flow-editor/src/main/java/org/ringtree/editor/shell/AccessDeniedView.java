package org.ringtree.editor.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;

/** Shown instead of a screen the signed-in role may not open, with the reason in plain words. */
@ParentLayout(ConsoleLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    removeAll();
    setId("access-denied");
    add(
        new H2("Not for your role"),
        new Paragraph(
            "Your account ("
                + SignedIn.viewer().describe()
                + ") may not open /"
                + event.getLocation().getPath()
                + ". The menu on the left lists the screens your role may open; ask an admin if"
                + " you need another role."));
    return 403;
  }
}
