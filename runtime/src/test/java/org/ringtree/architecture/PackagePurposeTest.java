package org.ringtree.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module (as the parent POM lists them) has a package-info.java whose
 * Javadoc says what the package is for. ArchitectureTest sees compiled classes, which carry no
 * Javadoc; this reads the sources.
 */
class PackagePurposeTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern PURPOSE =
      Pattern.compile("(?s)^\\s*/\\*\\*\\s*(.*?)\\*/\\s*package ");

  @Test
  void everyPackageOfEveryModuleSaysWhatItIsFor() throws IOException {
    List<String> modules = modules();
    assertThat(modules).contains("rules", "integrations", "flow-editor", "tools", "runtime");
    Set<String> packages = new TreeSet<>();
    Set<String> withoutPurpose = new TreeSet<>();
    for (String module : modules) {
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      for (Path dir : packageDirectories(sources)) {
        String name = module + ": " + sources.relativize(dir).toString().replace('/', '.');
        packages.add(name);
        if (!hasPurpose(dir.resolve("package-info.java"))) {
          withoutPurpose.add(name);
        }
      }
    }
    assertThat(packages).as("packages of all modules").hasSizeGreaterThan(50);
    assertThat(withoutPurpose).as("packages without a package-info.java purpose").isEmpty();
  }

  @Test
  void aPackageInfoWithoutJavadocHasNoPurpose() throws IOException {
    Path dir = Files.createTempDirectory("package-purpose");
    Path bare = Files.writeString(dir.resolve("package-info.java"), "package org.example;\n");

    assertThat(hasPurpose(bare)).isFalse();
    assertThat(hasPurpose(dir.resolve("missing.java"))).isFalse();
    Files.writeString(bare, "/** What it is for. */\npackage org.example;\n");
    assertThat(hasPurpose(bare)).isTrue();
  }

  private static List<String> modules() throws IOException {
    Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
    return m.results().map(r -> r.group(1).strip()).toList();
  }

  /** Folders holding at least one Java source: the packages. */
  private static List<Path> packageDirectories(Path sources) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(Path::getParent)
          .distinct()
          .toList();
    }
  }

  private static boolean hasPurpose(Path packageInfo) {
    if (!Files.isRegularFile(packageInfo)) {
      return false;
    }
    try {
      Matcher m = PURPOSE.matcher(Files.readString(packageInfo));
      return m.find() && !m.group(1).replaceAll("[\\s*]", "").isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
