package org.ringtree.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.violation.RuleThatUsesSpring;
import org.ringtree.runtime.violation.ServiceThatWritesSql;
import org.ringtree.runtime.violation.StoreThatWritesSql;

/**
 * Proves the rules can fail: a rules-core class that uses Spring is caught, and so is a runtime
 * class holding SQL without being a store.
 */
class ArchitectureRulesCatchViolationsTest {

  @Test
  void aRulesClassUsingSpringIsAViolation() {
    var classes = new ClassFileImporter().importClasses(RuleThatUsesSpring.class);
    assertThat(ArchitectureTest.rulesIsPureJava.evaluate(classes).hasViolation()).isTrue();
  }

  @Test
  void aServiceUsingJdbcIsAViolation() {
    var classes = new ClassFileImporter().importClasses(ServiceThatWritesSql.class);
    assertThat(ArchitectureTest.onlyStoresUseJdbc.evaluate(classes).hasViolation()).isTrue();
  }

  @Test
  void aStoreAndTheClassesNestedInItMayUseJdbc() {
    var classes = new ClassFileImporter().importPackagesOf(StoreThatWritesSql.class);
    var details =
        ArchitectureTest.onlyStoresUseJdbc.evaluate(classes).getFailureReport().getDetails();
    assertThat(details)
        .isNotEmpty()
        .allMatch(d -> d.contains(ServiceThatWritesSql.class.getName()));
    assertThat(details).noneMatch(d -> d.contains(StoreThatWritesSql.class.getName()));
  }
}
