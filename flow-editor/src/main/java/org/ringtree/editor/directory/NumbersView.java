package org.ringtree.editor.directory;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The network's tracking numbers: searched, sorted and paged by the database, edited in a dialog.
 */
@Route(value = "numbers", layout = ConsoleLayout.class)
@PageTitle("Tracking numbers · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class NumbersView extends VerticalLayout {

  public NumbersView(DirectoryAdminPort port) {
    setSizeFull();
    setId("numbers-view");
    add(
        new DirectoryScreen(
            port,
            Kind.TRACKING_NUMBER,
            "Tracking numbers",
            () -> new TrackingNumberForm(port::page)));
  }
}
