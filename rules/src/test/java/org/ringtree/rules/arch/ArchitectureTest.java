package org.ringtree.rules.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The rules module stays plain Java: no frameworks, no I/O adapters. */
@AnalyzeClasses(
    packages = "org.ringtree.rules",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule NO_FRAMEWORKS_OR_IO =
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
          .because("the rules core is pure Java; adapters live in integrations and runtime");

  @ArchTest
  static final ArchRule NO_URL_CONNECTIONS =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.rules..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.HttpURLConnection");

  @ArchTest
  static final ArchRule NO_SYSTEM_OUT =
      noClasses()
          .that()
          .resideInAPackage("org.ringtree.rules..")
          .should()
          .accessField(System.class, "out");

  @Test
  void everyPackageSaysWhatItIsFor() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ringtree.rules");
    java.util.Set<String> packages = new java.util.TreeSet<>();
    classes.forEach(c -> packages.add(c.getPackageName()));
    assertThat(packages).hasSizeGreaterThan(10);
    for (String p : packages) {
      assertThat(classes.getPackage(p).tryGetPackageInfo())
          .as(p + " has a package-info.java")
          .isPresent();
    }
  }

  @Test
  void theRuleCatchesAViolation() {
    JavaClasses bad = new ClassFileImporter().importClasses(UsesSql.class);
    assertThat(
            noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..")
                .evaluate(bad)
                .hasViolation())
        .isTrue();
  }

  static final class UsesSql {
    java.sql.Connection connection;
  }
}
