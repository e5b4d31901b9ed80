package org.ringtree.editor.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's one table of screens: where each lives, the group it is shown under, and the roles
 * that may open it. The drawer shows a role only its own entries; each view checks the same roles
 * again with {@code @RolesAllowed}, so a hidden entry is never the only protection.
 */
public final class Navigation {

  /** One screen in the drawer; {@code id} is the element id tests click. */
  public record Entry(
      String group, String label, String path, String id, VaadinIcon icon, Set<String> roles) {

    public boolean visibleTo(Viewer viewer) {
      return viewer.hasAnyRole(roles.toArray(String[]::new));
    }
  }

  private static final Set<String> STAFF = Set.of(Viewer.ADMIN, Viewer.OPERATOR);
  private static final Set<String> PARTIES = Set.of(Viewer.PUBLISHER, Viewer.BUYER);
  private static final Set<String> PUBLISHER = Set.of(Viewer.PUBLISHER);
  private static final Set<String> BUYER = Set.of(Viewer.BUYER);

  /** The publishers' and buyers' own screens. */
  static final String PORTAL = "Portal";

  public static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "Money", "Dashboard", "dashboard", "nav-dashboard", VaadinIcon.DASHBOARD, STAFF),
          new Entry("Money", "Reports", "reports", "nav-reports", VaadinIcon.TABLE, STAFF),
          new Entry(
              "Money",
              "Reconciliation",
              "reconciliation",
              "nav-reconciliation",
              VaadinIcon.SCALE,
              STAFF),
          new Entry(
              "Money", "RTB supply", "rtb-supply", "nav-rtb-supply", VaadinIcon.CONNECT, STAFF),
          new Entry("Money", "Postbacks", "postbacks", "nav-postbacks", VaadinIcon.EXCHANGE, STAFF),
          new Entry("Money", "Disputes", "disputes", "nav-disputes", VaadinIcon.FLAG, STAFF),
          new Entry(
              "Money", "Adjustments", "adjustments", "nav-adjustments", VaadinIcon.EDIT, STAFF),
          new Entry("Calls", "Call log", "calls", "nav-calls", VaadinIcon.PHONE, STAFF),
          new Entry("Calls", "Live", "live", "nav-live", VaadinIcon.SIGNAL, STAFF),
          new Entry("Calls", "Fraud", "fraud", "nav-fraud", VaadinIcon.SHIELD, STAFF),
          new Entry(
              "Network", "Campaigns", "campaigns", "nav-campaigns", VaadinIcon.BULLSEYE, STAFF),
          new Entry(
              "Network", "Publishers", "publishers", "nav-publishers", VaadinIcon.MEGAPHONE, STAFF),
          new Entry(
              "Network", "Buyers & targets", "buyers", "nav-buyers", VaadinIcon.HANDSHAKE, STAFF),
          new Entry(
              "Network",
              "Target groups",
              "target-groups",
              "nav-target-groups",
              VaadinIcon.CLUSTER,
              STAFF),
          new Entry(
              "Network", "Tracking numbers", "numbers", "nav-numbers", VaadinIcon.HASH, STAFF),
          new Entry("Network", "Verticals", "verticals", "nav-verticals", VaadinIcon.TAGS, STAFF),
          new Entry(
              "Flows", "Editor", ConsoleLayout.EDITOR, "nav-editor", VaadinIcon.SITEMAP, STAFF),
          new Entry(
              "Flows",
              "Compliance",
              ConsoleLayout.COMPLIANCE,
              "nav-compliance",
              VaadinIcon.CHECK_SQUARE_O,
              Set.of(Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE)),
          new Entry(
              "Flows",
              "Billing tables",
              ConsoleLayout.COMPLIANCE + "/billing",
              "nav-billing-tables",
              VaadinIcon.MONEY,
              Set.of(Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE)),
          // listed under Calls, but after the reviews so compliance still lands on them
          new Entry(
              "Calls",
              "Publisher quality",
              "publisher-quality",
              "nav-publisher-quality",
              VaadinIcon.CHART_LINE,
              Set.of(Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE)),
          new Entry(
              "Admin",
              "Users & API keys",
              "users",
              "nav-users",
              VaadinIcon.USERS,
              Set.of(Viewer.ADMIN)),
          new Entry(
              "Admin",
              "Audit log",
              "audit",
              "nav-audit",
              VaadinIcon.RECORDS,
              Set.of(Viewer.ADMIN, Viewer.COMPLIANCE)),
          new Entry(
              "Admin",
              "Score models",
              "score-models",
              "nav-score-models",
              VaadinIcon.CHART,
              Set.of(Viewer.ADMIN, Viewer.COMPLIANCE)),
          new Entry(
              "Admin",
              "Settings",
              "settings",
              "nav-settings",
              VaadinIcon.COG,
              Set.of(Viewer.ADMIN)),
          // the portals: each party's own data; a portal user lands on the overview (first here)
          new Entry(PORTAL, "Overview", "portal", "nav-portal", VaadinIcon.HOME, PARTIES),
          new Entry(
              PORTAL, "Calls", "portal/calls", "nav-portal-calls", VaadinIcon.PHONE, PUBLISHER),
          new Entry(
              PORTAL,
              "Payouts",
              "portal/payouts",
              "nav-portal-payouts",
              VaadinIcon.MONEY,
              PUBLISHER),
          new Entry(
              PORTAL,
              "Numbers & campaigns",
              "portal/numbers",
              "nav-portal-numbers",
              VaadinIcon.HASH,
              PUBLISHER),
          new Entry(
              PORTAL,
              "Calls & recordings",
              "portal/buyer-calls",
              "nav-portal-buyer-calls",
              VaadinIcon.PHONE,
              BUYER),
          new Entry(PORTAL, "Spend", "portal/spend", "nav-portal-spend", VaadinIcon.MONEY, BUYER),
          new Entry(
              PORTAL,
              "Targets & caps",
              "portal/targets",
              "nav-portal-targets",
              VaadinIcon.BULLSEYE,
              BUYER),
          new Entry(
              PORTAL,
              "API keys",
              "portal/api-keys",
              "nav-portal-api-keys",
              VaadinIcon.PASSWORD,
              PARTIES),
          new Entry(
              PORTAL,
              "Postbacks",
              "portal/postbacks",
              "nav-portal-postbacks",
              VaadinIcon.EXCHANGE,
              PARTIES),
          new Entry(
              PORTAL,
              "Disputes",
              "portal/disputes",
              "nav-portal-disputes",
              VaadinIcon.FLAG,
              BUYER));

  private Navigation() {}

  /** The entries {@code viewer} may open, by group in the drawer's order; empty groups left out. */
  public static Map<String, List<Entry>> forViewer(Viewer viewer) {
    Map<String, List<Entry>> groups = new LinkedHashMap<>();
    for (Entry e : ENTRIES) {
      if (e.visibleTo(viewer)) {
        groups.computeIfAbsent(e.group(), g -> new java.util.ArrayList<>()).add(e);
      }
    }
    return groups;
  }

  /**
   * Where a sign-in lands: the first screen the role may open — the dashboard for staff, the
   * compliance reviews for compliance, the portal's overview for publishers and buyers.
   */
  public static java.util.Optional<String> landing(Viewer viewer) {
    return ENTRIES.stream().filter(e -> e.visibleTo(viewer)).map(Entry::path).findFirst();
  }
}
