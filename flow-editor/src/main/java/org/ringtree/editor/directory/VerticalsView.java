package org.ringtree.editor.directory;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/** The network's verticals: searched, sorted and paged by the database, edited in a dialog. */
@Route(value = "verticals", layout = ConsoleLayout.class)
@PageTitle("Verticals · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class VerticalsView extends VerticalLayout {

  public VerticalsView(DirectoryAdminPort port) {
    setSizeFull();
    setId("verticals-view");
    add(new DirectoryScreen(port, Kind.VERTICAL, "Verticals", VerticalForm::new));
  }
}
