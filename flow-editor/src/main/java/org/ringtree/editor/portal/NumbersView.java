package org.ringtree.editor.portal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.Viewer;

/** The publisher's tracking numbers, and the campaigns they feed with how many numbers each. */
@Route(value = "portal/numbers", layout = ConsoleLayout.class)
@PageTitle("Your numbers · Ringtree")
@RolesAllowed(Viewer.PUBLISHER)
public class NumbersView extends VerticalLayout {

  /** A campaign the publisher's numbers feed. */
  record CampaignRow(String id, String name, long numbers) {}

  public NumbersView(PublisherPortalPort port) {
    setId("portal-numbers");
    setWidthFull();
    List<PublisherPortalPort.OwnNumber> numbers = port.numbers();

    Grid<CampaignRow> campaigns = new Grid<>();
    campaigns.setId("portal-campaigns-grid");
    campaigns.addThemeVariants(GridVariant.LUMO_COMPACT);
    campaigns.addColumn(CampaignRow::name).setHeader("Campaign");
    campaigns.addColumn(CampaignRow::id).setHeader("Id");
    campaigns.addColumn(CampaignRow::numbers).setHeader("Your numbers");
    campaigns.setAllRowsVisible(true);
    campaigns.setItems(campaigns(numbers));

    Grid<PublisherPortalPort.OwnNumber> grid = new Grid<>();
    grid.setId("portal-numbers-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(PublisherPortalPort.OwnNumber::number).setHeader("Number");
    grid.addColumn(PublisherPortalPort.OwnNumber::campaignName).setHeader("Campaign");
    grid.addColumn(n -> n.inService() ? "in service" : "out of service").setHeader("State");
    grid.setAllRowsVisible(true);
    grid.setItems(numbers);

    add(
        Screens.note("Callers dial these numbers; each feeds one campaign of your network."),
        new H3("Campaigns"),
        campaigns,
        new H3("Tracking numbers"),
        grid);
  }

  static List<CampaignRow> campaigns(List<PublisherPortalPort.OwnNumber> numbers) {
    Map<String, CampaignRow> byId = new TreeMap<>();
    for (PublisherPortalPort.OwnNumber n : numbers) {
      byId.merge(
          n.campaignId(),
          new CampaignRow(n.campaignId(), n.campaignName(), 1),
          (a, b) -> new CampaignRow(a.id(), a.name(), a.numbers() + 1));
    }
    return List.copyOf(byId.values());
  }
}
