package org.ringtree.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar of RouteBuilders in the connectors directory loads in a class loader of its own: built here
 * from Java source at test time, so nothing of it is on the test's class path.
 */
class ConnectorJarTest {

  @TempDir Path dir;
  @TempDir Path work;

  private static final String ECHO =
      """
      package acme.connectors;

      import org.apache.camel.builder.RouteBuilder;

      public class ScoreConnector extends RouteBuilder {
        @Override
        public void configure() {
          from("direct:connector-%s")
              .routeId("connector-%s")
              .description("Scores the caller (a jar)")
              .routeProperty("ringtree.inputs", "caller_number")
              .routeProperty("ringtree.outputs", "score")
              .routeProperty("ringtree.timeout-ms", "800")
              .process(e -> {
                java.util.Map<?, ?> in = e.getMessage().getBody(java.util.Map.class);
                String n = String.valueOf(in.get("caller_number"));
                e.getMessage().setBody(java.util.Map.of("score", "%s-" + n.length()));
              });
        }
      }
      """;

  @Test
  void aJarsRouteBuildersLoadAsConnectorsAndAReplacedJarReloads() throws Exception {
    Path jar = buildJar("score", "v1", true);
    Files.copy(jar, dir.resolve("score.jar"));
    try (ConnectorFileHarness h = ConnectorFileHarness.of(dir, Map.of())) {
      ConnectorFiles files = h.files();
      assertThat(files.refused()).isEmpty();
      assertThat(files.loaded())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.name()).isEqualTo("score");
                assertThat(c.description()).isEqualTo("Scores the caller (a jar)");
                assertThat(c.inputs()).containsExactly("caller_number");
                assertThat(c.outputs()).containsExactly("score");
                assertThat(c.timeout().toMillis()).isEqualTo(800);
              });
      assertThat(h.call("score", Map.of("caller_number", "+15125550100")).tags())
          .containsEntry("score", "v1-12");
      assertThatThrownBy(
              () ->
                  Class.forName(
                      "acme.connectors.ScoreConnector", false, getClass().getClassLoader()))
          .as("the builder lives only in the jar's own class loader")
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void aJarIsReloadedWhenItChangesAndRefusedWithoutAServiceEntry() throws Exception {
    Files.copy(buildJar("score", "v1", true), dir.resolve("score.jar"));
    try (ConnectorFileHarness h = ConnectorFileHarness.of(dir, Map.of())) {
      ConnectorFiles files = h.files();
      assertThat(h.call("score", Map.of("caller_number", "+1")).tags())
          .containsEntry("score", "v1-2");

      Files.copy(
          buildJar("score", "v2", true),
          dir.resolve("score.jar"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(files.sync()).isTrue();
      assertThat(h.call("score", Map.of("caller_number", "+1")).tags())
          .containsEntry("score", "v2-2");

      Files.copy(buildJar("bare", "v1", false), dir.resolve("bare.jar"));
      files.sync();
      assertThat(files.refused())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.file().getFileName().toString()).isEqualTo("bare.jar");
                assertThat(r.reason()).contains("META-INF/services/org.apache.camel.RoutesBuilder");
              });
      assertThat(files.loaded())
          .extracting(ConnectorFiles.Connector::name)
          .containsExactly("score");

      Files.delete(dir.resolve("score.jar"));
      files.sync();
      assertThat(files.loaded()).isEmpty();
      assertThat(h.camel().getRoute("connector-score")).isNull();
    }
  }

  /** Compiles the builder and packs it, with its ServiceLoader entry when {@code listed}. */
  private Path buildJar(String name, String answer, boolean listed) throws IOException {
    Path src = Files.createTempDirectory(work, "src");
    Path classes = Files.createTempDirectory(work, "classes");
    Path file = src.resolve("acme/connectors/ScoreConnector.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, ECHO.formatted(name, name, answer));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    boolean ok =
        javac
            .getTask(
                out,
                null,
                null,
                List.of(
                    "-classpath",
                    classPath(),
                    "-d",
                    classes.toString(),
                    "--release",
                    "17",
                    "-proc:none"),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(file.toFile()))
            .call();
    assertThat(ok).as(out.toString()).isTrue();
    Path jar = work.resolve(name + "-" + answer + "-" + System.nanoTime() + ".jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> all = Files.walk(classes)) {
      for (Path c : all.filter(Files::isRegularFile).toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        Files.copy(c, j);
        j.closeEntry();
      }
      if (listed) {
        j.putNextEntry(new JarEntry("META-INF/services/org.apache.camel.RoutesBuilder"));
        j.write("acme.connectors.ScoreConnector\n".getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
      }
    }
    return jar;
  }

  /** The test's class path, with the entries of a manifest-only jar (surefire's) spelled out. */
  private static String classPath() throws IOException {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      out.add(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
        try (JarFile jf = new JarFile(entry)) {
          Manifest m = jf.getManifest();
          String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
          if (cp != null) {
            for (String u : cp.trim().split("\\s+")) {
              out.add(
                  Path.of(
                          java.net.URI.create(u).isAbsolute()
                              ? java.net.URI.create(u)
                              : Path.of(entry).getParent().toUri().resolve(u))
                      .toString());
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, out);
  }
}
