package org.ringtree.runtime.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README promises two commands; CI runs exactly the test one, and that one installs what the
 * tests need before it runs Maven.
 */
class ReadmeCommandsTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void ciRunsExactlyTheReadmesTestCommand() throws IOException {
    String command = codeBlockAfter("Run all tests:");

    assertThat(command).isEqualTo("./ringtree test");
    assertThat(Files.readString(ROOT.resolve(".ci/run")).lines().map(String::strip))
        .contains("exec " + command)
        .noneMatch(l -> l.contains("mvnw"));
  }

  @Test
  void theTestCommandInstallsTheBrowserBeforeItRunsMaven() throws IOException {
    String launcher = Files.readString(ROOT.resolve("ringtree"));
    String testBranch = launcher.substring(launcher.indexOf("\n  test)"));

    assertThat(testBranch.indexOf("test_prerequisites"))
        .isPositive()
        .isLessThan(testBranch.indexOf("./mvnw -B verify"));
    assertThat(launcher).contains("apt-get install").contains("chromium-driver");
  }

  @Test
  void theLicenceTheReadmeNamesIsThere() throws IOException {
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains("Apache License 2.0");
  }

  private static String codeBlockAfter(String heading) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher m =
        Pattern.compile(Pattern.quote(heading) + "\\s*```sh\\n(.*?)\\n```", Pattern.DOTALL)
            .matcher(readme);
    assertThat(m.find()).as("a sh block after '%s' in README.md", heading).isTrue();
    return m.group(1).strip();
  }
}
