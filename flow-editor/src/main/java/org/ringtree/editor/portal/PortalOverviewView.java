package org.ringtree.editor.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.ringtree.editor.shell.ConsoleLayout;
import org.ringtree.editor.shell.SignedIn;
import org.ringtree.editor.shell.Viewer;

/**
 * Where a publisher or a buyer lands: its calls today and this week in the browser's time zone, how
 * many were payable (billable), and its payout (spend) — its own figures only.
 */
@Route(value = PortalOverviewView.PATH, layout = ConsoleLayout.class)
@PageTitle("Your portal · Ringtree")
@RolesAllowed({Viewer.PUBLISHER, Viewer.BUYER})
public class PortalOverviewView extends VerticalLayout {

  public static final String PATH = "portal";

  private final PublisherPortalPort publishers;
  private final BuyerPortalPort buyers;
  private final boolean publisher;
  private final Clock clock;
  private final Div figures = new Div();

  public PortalOverviewView(PublisherPortalPort publishers, BuyerPortalPort buyers) {
    this.publishers = publishers;
    this.buyers = buyers;
    this.publisher = SignedIn.viewer().hasAnyRole(Viewer.PUBLISHER);
    this.clock = Clock.systemUTC();
    setId("portal-overview");
    setWidthFull();
    String name = publisher ? publishers.me().name() : buyers.me().name();
    H2 title = new H2(name);
    title.setId("portal-party");
    add(
        title,
        Screens.note(
            publisher
                ? "Your calls and what they earned you, in your browser's time zone. Calls,"
                    + " payouts per day and campaign, and your tracking numbers are in the menu."
                : "Your calls and what they cost you, in your browser's time zone. Calls with"
                    + " recordings, spend per day and target, and your caps and targets are in the"
                    + " menu."),
        figures);
    show(Screens.UTC);
    Screens.browserZone(this::show);
  }

  private void show(ZoneId zone) {
    List<PortalPeriods.Period> periods = PortalPeriods.overview(clock.instant(), zone);
    List<PortalFigures> rows = publisher ? publishers.overview(periods) : buyers.overview(periods);
    figures.removeAll();
    FlexLayout cards = new FlexLayout();
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.getStyle().set("gap", "var(--lumo-space-l)");
    for (PortalFigures f : rows) {
      String id = "overview-" + f.period().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      VerticalLayout card = new VerticalLayout();
      card.setId(id);
      card.setWidth("20rem");
      card.getStyle()
          .set("border", "1px solid var(--lumo-contrast-10pct)")
          .set("border-radius", "var(--lumo-border-radius-l)");
      card.add(new H3(f.period()));
      card.add(figure(id + "-calls", "Calls", Long.toString(f.calls())));
      card.add(
          figure(
              id + "-billable", publisher ? "Payable" : "Billable", Long.toString(f.billable())));
      card.add(figure(id + "-money", publisher ? "Payout" : "Spend", f.moneyShown()));
      cards.add(card);
    }
    Span zoneNote = new Span("Time zone: " + zone.getId());
    zoneNote.setId("overview-zone");
    zoneNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
    figures.add(cards, zoneNote);
  }

  private static Div figure(String id, String label, String value) {
    Span l = new Span(label);
    l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("display", "block");
    Span v = new Span(value);
    v.setId(id);
    v.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
    return new Div(l, v);
  }
}
