package org.ringtree.rules.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every issue code the validator can raise is asserted by at least one test, so a check that stops
 * firing (or never fired) is noticed. Codes are the dotted literals ("route.noPrice") in the
 * sources of the validation package and of the node kinds (each kind checks its own nodes); a test
 * asserts one by naming it in quotes.
 */
class IssueCodesAreTestedTest {

  private static final Path VALIDATION = Path.of("src/main/java/org/ringtree/rules/validation");
  private static final Path NODE_KINDS = Path.of("src/main/java/org/ringtree/rules/node");
  private static final Path TESTS = Path.of("src/test/java");
  private static final Pattern CODE = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");

  @Test
  void everyIssueCodeIsAssertedBySomeTest() throws IOException {
    Set<String> codes = codesIn(VALIDATION);
    Set<String> kindCodes = codesIn(NODE_KINDS);
    assertThat(codes).as("issue codes found in %s", VALIDATION).hasSizeGreaterThan(20);
    assertThat(kindCodes).as("issue codes found in %s", NODE_KINDS).hasSizeGreaterThan(15);
    codes.addAll(kindCodes);

    String tests = sourcesOf(TESTS, Path.of("IssueCodesAreTestedTest.java"));
    Set<String> untested = new TreeSet<>();
    for (String code : codes) {
      if (!tests.contains("\"" + code + "\"")) {
        untested.add(code);
      }
    }

    assertThat(untested).as("issue codes no test asserts").isEmpty();
  }

  private static Set<String> codesIn(Path dir) throws IOException {
    Set<String> codes = new TreeSet<>();
    Matcher m = CODE.matcher(sourcesOf(dir, null));
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static String sourcesOf(Path dir, Path except) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (except == null || !f.getFileName().equals(except)) {
          all.append(Files.readString(f)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
