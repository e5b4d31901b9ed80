package org.ringtree.editor.directory;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.portal.PortalPrivacyPanel;
import org.ringtree.editor.portal.PortalPrivacyPort;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/**
 * The network's publishers: searched, sorted and paged by the database, edited in a dialog; below,
 * what each publisher's portal shows of its calls.
 */
@Route(value = "publishers", layout = ConsoleLayout.class)
@PageTitle("Publishers · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class PublishersView extends VerticalLayout {

  public PublishersView(DirectoryAdminPort port, PortalPrivacyPort portals) {
    setSizeFull();
    setId("publishers-view");
    add(
        new DirectoryScreen(port, Kind.PUBLISHER, "Publishers", PublisherForm::new),
        new PortalPrivacyPanel(portals));
  }
}
