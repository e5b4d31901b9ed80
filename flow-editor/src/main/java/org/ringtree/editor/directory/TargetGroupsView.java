package org.ringtree.editor.directory;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/** The network's target groups: searched, sorted and paged by the database, edited in a dialog. */
@Route(value = "target-groups", layout = ConsoleLayout.class)
@PageTitle("Target groups · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class TargetGroupsView extends VerticalLayout {

  public TargetGroupsView(DirectoryAdminPort port) {
    setSizeFull();
    setId("target-groups-view");
    add(new DirectoryScreen(port, Kind.TARGET_GROUP, "Target groups", TargetGroupForm::new));
  }
}
