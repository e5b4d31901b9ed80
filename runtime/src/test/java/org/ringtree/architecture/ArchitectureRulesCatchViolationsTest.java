package org.ringtree.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.violation.RuleThatUsesSpring;

/** Proves the boundary rules can fail: a rules-core class that uses Spring is caught. */
class ArchitectureRulesCatchViolationsTest {

  @Test
  void aRulesClassUsingSpringIsAViolation() {
    var classes = new ClassFileImporter().importClasses(RuleThatUsesSpring.class);
    assertThat(ArchitectureTest.rulesIsPureJava.evaluate(classes).hasViolation()).isTrue();
  }
}
