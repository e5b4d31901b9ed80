package org.ringtree.editor.directory;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/** The network's campaigns: searched, sorted and paged by the database, edited in a dialog. */
@Route(value = "campaigns", layout = ConsoleLayout.class)
@PageTitle("Campaigns · Ringtree")
@RolesAllowed({Viewer.ADMIN, Viewer.OPERATOR})
public class CampaignsView extends VerticalLayout {

  public CampaignsView(DirectoryAdminPort port) {
    setSizeFull();
    setId("campaigns-view");
    add(new DirectoryScreen(port, Kind.CAMPAIGN, "Campaigns", () -> new CampaignForm(port::page)));
  }
}
