package org.ringtree.editor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NavigationTest {

  static Viewer as(String... roles) {
    return new Viewer("someone", Set.of(roles));
  }

  static Set<String> paths(Viewer viewer) {
    return Navigation.forViewer(viewer).values().stream()
        .flatMap(java.util.List::stream)
        .map(Navigation.Entry::path)
        .collect(Collectors.toSet());
  }

  @Test
  void operatorsSeeCallsNetworkAndFlowsButNoAdminScreens() {
    assertThat(Navigation.forViewer(as(Viewer.OPERATOR)).keySet())
        .containsExactly("Money", "Calls", "Network", "Flows");
    assertThat(paths(as(Viewer.OPERATOR)))
        .containsExactlyInAnyOrder(
            "dashboard",
            "reports",
            "reconciliation",
            "rtb-supply",
            "postbacks",
            "disputes",
            "adjustments",
            "calls",
            "live",
            "fraud",
            "publisher-quality",
            "campaigns",
            "publishers",
            "buyers",
            "target-groups",
            "numbers",
            "verticals",
            "flows",
            "compliance",
            "compliance/billing");
  }

  @Test
  void adminsSeeEveryStaffScreenGroupedByJob() {
    assertThat(Navigation.forViewer(as(Viewer.ADMIN)).keySet())
        .containsExactly("Money", "Calls", "Network", "Flows", "Admin");
    assertThat(paths(as(Viewer.ADMIN)))
        .hasSize(
            (int) Navigation.ENTRIES.stream().filter(e -> !e.group().equals("Portal")).count());
  }

  @Test
  void complianceSeesTheReviewScreensTheAuditLogTheScoreModelsAndPublisherQualityOnly() {
    assertThat(paths(as(Viewer.COMPLIANCE)))
        .containsExactlyInAnyOrder(
            "compliance", "compliance/billing", "audit", "score-models", "publisher-quality");
  }

  @Test
  void publishersAndBuyersSeeOnlyTheirPortalAndLandOnItsOverview() {
    assertThat(Navigation.forViewer(as(Viewer.PUBLISHER)).keySet()).containsExactly("Portal");
    assertThat(paths(as(Viewer.PUBLISHER)))
        .containsExactlyInAnyOrder(
            "portal",
            "portal/calls",
            "portal/payouts",
            "portal/numbers",
            "portal/api-keys",
            "portal/postbacks");
    assertThat(Navigation.forViewer(as(Viewer.BUYER)).keySet()).containsExactly("Portal");
    assertThat(paths(as(Viewer.BUYER)))
        .containsExactlyInAnyOrder(
            "portal",
            "portal/buyer-calls",
            "portal/spend",
            "portal/targets",
            "portal/api-keys",
            "portal/postbacks",
            "portal/disputes");
    assertThat(Navigation.landing(as(Viewer.PUBLISHER))).contains("portal");
    assertThat(Navigation.landing(as(Viewer.BUYER))).contains("portal");
  }

  @Test
  void staffSeeNoPortalScreens() {
    for (String role : new String[] {Viewer.ADMIN, Viewer.OPERATOR, Viewer.COMPLIANCE}) {
      assertThat(paths(as(role))).noneMatch(p -> p.startsWith("portal"));
    }
  }

  @Test
  void operatorsAndAdminsLandOnTheDashboardAndComplianceOnItsReviews() {
    assertThat(Navigation.landing(as(Viewer.OPERATOR))).contains("dashboard");
    assertThat(Navigation.landing(as(Viewer.ADMIN))).contains("dashboard");
    assertThat(Navigation.landing(as(Viewer.COMPLIANCE))).contains("compliance");
  }

  @Test
  void elementIdsArePerEntryAndKeepTheOnesExistingTestsClick() {
    assertThat(Navigation.ENTRIES.stream().map(Navigation.Entry::id).distinct())
        .hasSize(Navigation.ENTRIES.size())
        .contains("nav-editor", "nav-compliance");
  }

  /**
   * The drawer is not the protection: every screen in this module that the drawer links to checks
   * exactly the roles the drawer shows it to.
   */
  @Test
  void everyScreenChecksTheSameRolesItsEntryIsShownTo() {
    Map<String, Set<String>> viewRoles =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ringtree.editor")
                .stream()
                .filter(
                    c -> c.isAnnotatedWith(Route.class) && c.isAnnotatedWith(RolesAllowed.class))
                .map(c -> c.reflect())
                .collect(
                    Collectors.toMap(
                        c -> c.getAnnotation(Route.class).value(),
                        c -> Set.of(c.getAnnotation(RolesAllowed.class).value())));
    assertThat(viewRoles)
        .containsKeys(
            "flows",
            "compliance",
            "compliance/billing",
            "users",
            "audit",
            "settings",
            "postbacks",
            "fraud",
            "score-models",
            "publisher-quality",
            "portal/postbacks",
            "portal",
            "portal/calls",
            "portal/targets");
    for (Navigation.Entry entry : Navigation.ENTRIES) {
      if (viewRoles.containsKey(entry.path())) {
        assertThat(viewRoles.get(entry.path())).as(entry.path()).isEqualTo(entry.roles());
      }
    }
  }
}
