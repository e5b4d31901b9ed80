package org.ringtree.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The call-path diagram in docs/architecture.md names classes that exist, so it stays true. */
class ArchitectureDiagramTest {

  private static final Path DOC = Path.of("../docs/architecture.md");
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b([a-z]+(?:\\.[a-z]+)*\\.[A-Z]\\w+)");

  @Test
  void everyClassTheCallPathDiagramNamesExists() throws IOException {
    String doc = Files.readString(DOC);
    int section = doc.indexOf("## The call path, as built");
    int start = doc.indexOf("```", section);
    int end = doc.indexOf("```", start + 3);
    assertThat(section).as("call path section").isPositive();
    String diagram = doc.substring(start + 3, end);

    List<String> named = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Matcher m = CLASS_NAME.matcher(diagram);
    while (m.find()) {
      named.add(m.group(1));
      if (!exists("org.ringtree.runtime." + m.group(1)) && !exists("org.ringtree." + m.group(1))) {
        missing.add(m.group(1));
      }
    }
    assertThat(named).as("classes the diagram names").hasSizeGreaterThan(10);
    assertThat(missing).as("classes the diagram names that do not exist").isEmpty();
  }

  @Test
  void aRenamedClassWouldBeCaught() {
    assertThat(exists("org.ringtree.runtime.call.CallOrchestrator")).isFalse();
    assertThat(exists("org.ringtree.runtime.call.CallSteps")).isTrue();
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, ArchitectureDiagramTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
