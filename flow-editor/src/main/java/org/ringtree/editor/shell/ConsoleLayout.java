package org.ringtree.editor.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import java.util.List;
import java.util.Map;

/**
 * The frame around every console screen: a drawer with the screens the signed-in role may open,
 * grouped by job ({@link Navigation}), and a header with the screen's title, who is signed in and
 * sign-out. Entries are paths, not view classes, so the screens' packages do not depend on each
 * other through the frame.
 */
public class ConsoleLayout extends AppLayout implements AfterNavigationObserver {

  public static final String EDITOR = "flows";
  public static final String COMPLIANCE = "compliance";

  private final Span title = new Span();

  public ConsoleLayout() {
    Viewer viewer = SignedIn.viewer();
    ColorScheme.followBrowser();
    setPrimarySection(Section.DRAWER);

    Span brand = new Span("Ringtree");
    brand.setId("console-brand");
    brand
        .getStyle()
        .set("font-weight", "600")
        .set("font-size", "var(--lumo-font-size-l)")
        .set("padding", "var(--lumo-space-m) var(--lumo-space-l)")
        .set("display", "block");

    VerticalLayout drawer = new VerticalLayout(brand);
    drawer.setPadding(false);
    drawer.setSpacing(false);
    drawer.setId("console-nav");
    drawer.setAlignItems(FlexComponent.Alignment.STRETCH);
    for (Map.Entry<String, List<Navigation.Entry>> group :
        Navigation.forViewer(viewer).entrySet()) {
      SideNav nav = new SideNav(group.getKey());
      nav.setId("nav-group-" + group.getKey().toLowerCase(java.util.Locale.ROOT));
      nav.setCollapsible(true);
      for (Navigation.Entry entry : group.getValue()) {
        SideNavItem item = new SideNavItem(entry.label(), entry.path(), entry.icon().create());
        item.setId(entry.id());
        nav.addItem(item);
      }
      nav.getStyle()
          .set("margin", "0 var(--lumo-space-s) var(--lumo-space-m)")
          .set("box-sizing", "border-box");
      drawer.add(nav);
    }
    addToDrawer(drawer);

    title.setId("view-title");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "500");
    Span user = new Span("Signed in as " + viewer.describe());
    user.setId("signed-in-user");
    user.getStyle()
        .set("margin-left", "auto")
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> SignedIn.signOut());
    signOut.setId("sign-out");
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
    header.setId("console-header");
    header.setWidthFull();
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(header);
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    PageTitle pageTitle =
        getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
    // "Flows · Ringtree" names the browser tab; the header needs only the screen's part
    title.setText(pageTitle == null ? "" : pageTitle.value().replace(" · Ringtree", ""));
  }
}
