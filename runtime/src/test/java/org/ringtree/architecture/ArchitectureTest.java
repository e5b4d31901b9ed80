package org.ringtree.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The module boundaries of docs/architecture.md, checked on every build across all five modules
 * (the runtime's test classpath holds them all). This is the project's one rule set: the modules
 * keep no copies of their own that could drift apart.
 */
@AnalyzeClasses(packages = "org.ringtree", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule rulesIsPureJava =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "com.vaadin..",
              "org.apache.camel..",
              "com.twilio..",
              "java.sql..",
              "javax.sql..",
              "jakarta.servlet..",
              "javax.servlet..",
              "java.net.http..",
              "org.apache.hc..",
              "org.apache.http..",
              "okhttp3..")
          .because("the rules core is plain Java: adapters live at the edges");

  @ArchTest
  static final ArchRule rulesOpensNoConnections =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.rules..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.HttpURLConnection")
          .because("buyers are pinged through the BidCollector port, never from the core");

  @ArchTest
  static final ArchRule servicesLogInsteadOfPrinting =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.ringtree.tools..")
          .should()
          .accessField(System.class, "out")
          .because(
              "services log through SLF4J with the call id; only the command-line tools print");

  @ArchTest
  static final ArchRule noModuleDependsOnTheTools =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.ringtree.tools..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.ringtree.tools..")
          .because("the developer tools stay out of the platform's jar");

  @ArchTest
  static final ArchRule rulesDependsOnNoOtherModule =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.ringtree.integrations..", "org.ringtree.editor..", "org.ringtree.runtime..");

  @ArchTest
  static final ArchRule editorTalksOnlyThroughRulesPorts =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.editor..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.ringtree.integrations..",
              "org.ringtree.runtime..",
              "java.sql..",
              "org.springframework.jdbc..",
              "org.apache.camel..",
              "com.twilio..")
          .because("the flow editor reaches the platform only through the ports in rules");

  @ArchTest
  static final ArchRule integrationsDoNotReachIntoTheApp =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.integrations..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.ringtree.runtime..", "org.ringtree.editor..");

  // Known exception until the parse result's Issue moves out of validation: the flow reader
  // reports problems with validation's Issue record, and the validator reads flows.
  @ArchTest
  static final ArchRule rulesFeaturesHaveNoCycles =
      slices()
          .matching("org.ringtree.rules.(*)..")
          .should()
          .beFreeOfCycles()
          .ignoreDependency(
              resideInAPackage("org.ringtree.rules.flow"),
              resideInAPackage("org.ringtree.rules.validation"));

  @ArchTest
  static final ArchRule integrationsFeaturesHaveNoCycles =
      slices()
          .matching("org.ringtree.integrations.(*)..")
          .should()
          .beFreeOfCycles()
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule runtimeFeaturesHaveNoCycles =
      slices().matching("org.ringtree.runtime.(*)..").should().beFreeOfCycles();

  /** A {@link Store} class, or a class nested in one. */
  private static final DescribedPredicate<JavaClass> STORES =
      DescribedPredicate.describe("are @Store classes", ArchitectureTest::inStore);

  /**
   * Each table has one owner: SQL lives in stores (and in the database package's infrastructure:
   * migrations, the embedded server, notifications, availability, the production role check).
   */
  @ArchTest
  static final ArchRule onlyStoresUseJdbc =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.runtime..")
          .and()
          .resideOutsideOfPackage("org.ringtree.runtime.database")
          .and(DescribedPredicate.not(STORES))
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              JdbcClient.class,
              JdbcTemplate.class,
              NamedParameterJdbcTemplate.class,
              Connection.class,
              DataSource.class)
          .because(
              "a feature's store owns its tables; other features ask it (docs/architecture.md)");

  private static boolean inStore(JavaClass c) {
    return c.isAnnotatedWith(Store.class)
        || c.getEnclosingClass().map(ArchitectureTest::inStore).orElse(false);
  }

  /** Every package of every module opens with a package-info.java saying what it is for. */
  @ArchTest
  static void everyPackageSaysWhatItIsFor(JavaClasses classes) {
    Set<String> packages = new TreeSet<>();
    classes.forEach(c -> packages.add(c.getPackageName()));
    assertThat(packages).as("packages of all five modules").hasSizeGreaterThan(40);
    Set<String> without = new TreeSet<>();
    for (String p : packages) {
      if (classes.getPackage(p).tryGetPackageInfo().isEmpty()) {
        without.add(p);
      }
    }
    assertThat(without).as("packages without a package-info.java").isEmpty();
  }
}
