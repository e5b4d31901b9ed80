package org.ringtree.runtime.connector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors kept as files in one directory ({@code RINGTREE_CONNECTORS_DIR}): Camel YAML or XML
 * route files, each defining one route {@code connector-<name>} from {@code
 * direct:connector-<name>} and declaring, in {@code ringtree.*} comment lines, its description,
 * inputs, outputs and default timeout; and jars of Java {@code RouteBuilder}s, each jar in a class
 * loader of its own, its builders listed in {@code
 * META-INF/services/org.apache.camel.RoutesBuilder} (Java's ServiceLoader), each route declaring
 * the same through {@code description(...)} and {@code routeProperty("ringtree.inputs", ...)} (and
 * {@code ringtree.outputs}, {@code ringtree.timeout-ms}). A file that does not read, lacks a
 * declaration, or whose route id collides with a route this node already has (a built-in one or
 * another file's) is refused with the file, the line where known and the reason; the others load.
 * Each loaded connector runs inside Camel's {@code circuitBreaker} (Resilience4j) bounded by its
 * timeout.
 */
public final class ConnectorFiles {

  private static final Logger log = LoggerFactory.getLogger(ConnectorFiles.class);
  private static final Pattern LINE = Pattern.compile("line (\\d+)");
  private static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "xml", "jar");

  /** What a loaded connector declares. */
  public record Connector(
      String name,
      String routeId,
      String description,
      List<String> inputs,
      List<String> outputs,
      Duration timeout,
      Path file) {}

  /** A file that was not loaded, and why. */
  public record Refusal(Path file, Integer line, String reason) {
    @Override
    public String toString() {
      return file.getFileName() + (line == null ? "" : ":" + line) + ": " + reason;
    }
  }

  /** Thrown for a refused file. */
  static final class RefusedException extends Exception {
    final Integer line;

    RefusedException(Integer line, String reason) {
      super(reason);
      this.line = line;
    }
  }

  private final CamelContext camel;
  private final Path dir;
  private final Map<Path, List<Connector>> loaded = new TreeMap<>();

  /** The class loader of each loaded jar, closed when its routes are removed. */
  private final Map<Path, java.net.URLClassLoader> loaders = new TreeMap<>();

  private final Map<Path, Refusal> refused = new TreeMap<>();
  private final Map<Path, String> contents = new LinkedHashMap<>();

  public ConnectorFiles(CamelContext camel, Path dir) {
    this.camel = camel;
    this.dir = dir;
  }

  private boolean started;

  /** The first sync, once Camel has started; {@link #poll} does nothing before it. */
  public synchronized void start() {
    started = true;
    sync();
  }

  /** A sync, once {@link #start} has run: a route added while Camel is starting would be lost. */
  public synchronized boolean poll() {
    return started && sync();
  }

  public Path dir() {
    return dir;
  }

  public synchronized List<Connector> loaded() {
    return loaded.values().stream().flatMap(List::stream).toList();
  }

  public synchronized List<Refusal> refused() {
    return List.copyOf(refused.values());
  }

  /**
   * Brings the Camel context in line with the directory: new and changed files are (re)loaded,
   * removed ones unloaded, unchanged ones left alone. A changed file replaces its route in place: a
   * call already inside the old route finishes there. Returns whether anything changed.
   */
  public synchronized boolean sync() {
    Map<Path, String> now = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          if (Files.isRegularFile(f) && EXTENSIONS.contains(extension(f))) {
            // a jar is compared by its digest: the same bytes need no reload
            now.put(
                f, isJar(f) ? "sha256:" + sha256(f) : Files.readString(f, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        log.warn("Cannot read the connectors directory {}: {}", dir, e.toString());
        return false;
      }
    }
    boolean changed = false;
    for (Path gone : new ArrayList<>(contents.keySet())) {
      if (!now.containsKey(gone)) {
        unload(gone);
        contents.remove(gone);
        refused.remove(gone);
        changed = true;
      }
    }
    for (Map.Entry<Path, String> f : now.entrySet()) {
      if (f.getValue().equals(contents.get(f.getKey()))) {
        continue;
      }
      contents.put(f.getKey(), f.getValue());
      load(f.getKey(), f.getValue());
      changed = true;
    }
    return changed;
  }

  private void load(Path file, String text) {
    refused.remove(file);
    java.net.URLClassLoader jarLoader = null;
    try {
      List<Read> reads;
      if (isJar(file)) {
        jarLoader =
            new java.net.URLClassLoader(
                "connector-jar:" + file.getFileName(),
                new java.net.URL[] {file.toUri().toURL()},
                ConnectorFiles.class.getClassLoader());
        reads = readJar(file, jarLoader);
      } else {
        reads = List.of(read(file, text));
      }
      unload(file);
      List<Connector> mine = new ArrayList<>();
      for (Read c : reads) {
        ((ModelCamelContext) camel).addRouteDefinition(c.definition);
        mine.add(c.connector);
        log.info(
            "Loaded connector {} from {} (timeout {} ms)",
            c.connector.name(),
            file,
            c.connector.timeout().toMillis());
      }
      loaded.put(file, List.copyOf(mine));
      if (jarLoader != null) {
        loaders.put(file, jarLoader);
        jarLoader = null;
      }
    } catch (RefusedException e) {
      Refusal r = new Refusal(file, e.line, e.getMessage());
      refused.put(file, r);
      log.warn("Connector file refused: {}", r);
    } catch (Exception | LinkageError e) {
      Refusal r = new Refusal(file, lineOf(e), rootMessage(e));
      refused.put(file, r);
      log.warn("Connector file refused: {}", r);
    } finally {
      closeQuietly(jarLoader); // set only when the jar was refused
    }
  }

  /**
   * The routes of a jar's RouteBuilders: those its own {@code META-INF/services} lists (the
   * application's class path may list others, which are not this jar's), each one a connector.
   */
  private List<Read> readJar(Path file, ClassLoader jarLoader) throws Exception {
    List<org.apache.camel.RoutesBuilder> builders = new ArrayList<>();
    try {
      for (java.util.ServiceLoader.Provider<org.apache.camel.RoutesBuilder> p :
          java.util.ServiceLoader.load(org.apache.camel.RoutesBuilder.class, jarLoader).stream()
              .toList()) {
        if (p.type().getClassLoader() == jarLoader) {
          builders.add(p.get());
        }
      }
    } catch (java.util.ServiceConfigurationError e) {
      throw new RefusedException(null, "a listed RouteBuilder does not load: " + rootMessage(e));
    }
    if (builders.isEmpty()) {
      throw new RefusedException(
          null,
          "lists no RouteBuilder of its own in META-INF/services/org.apache.camel.RoutesBuilder");
    }
    List<RouteDefinition> routes = new ArrayList<>();
    try (DefaultCamelContext scratch = new DefaultCamelContext(false)) {
      scratch.setApplicationContextClassLoader(jarLoader);
      for (org.apache.camel.RoutesBuilder b : builders) {
        scratch.addRoutes(b);
      }
      routes.addAll(scratch.getRouteDefinitions());
    } catch (Exception e) {
      throw new RefusedException(lineOf(e), "does not build its routes: " + rootMessage(e));
    }
    if (routes.isEmpty()) {
      throw new RefusedException(null, "its RouteBuilders define no route");
    }
    List<Read> out = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (RouteDefinition route : routes) {
      Read r = checked(file, route, ConnectorContract.jarDeclarations(route));
      if (!ids.add(r.connector().routeId())) {
        throw new RefusedException(null, "defines route id " + r.connector().routeId() + " twice");
      }
      out.add(r);
    }
    return out;
  }

  private static boolean isJar(Path f) {
    return "jar".equals(extension(f));
  }

  private static String sha256(Path f) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(java.net.URLClassLoader l) {
    if (l == null) {
      return;
    }
    try {
      l.close();
    } catch (IOException e) {
      log.debug("Cannot close a connector jar's class loader", e);
    }
  }

  private record Read(Connector connector, RouteDefinition definition) {}

  private Read read(Path file, String text) throws Exception {
    List<RouteDefinition> routes;
    try (DefaultCamelContext scratch = new DefaultCamelContext(false)) {
      // parsed where nothing runs, so a broken or colliding file never touches the live context
      PluginHelper.getRoutesLoader(scratch)
          .loadRoutes(ResourceHelper.fromString(file.getFileName().toString(), text));
      routes = new ArrayList<>(scratch.getRouteDefinitions());
    } catch (Exception e) {
      throw new RefusedException(lineOf(e), "does not read: " + rootMessage(e));
    }
    if (routes.size() != 1) {
      throw new RefusedException(
          null, "defines " + routes.size() + " routes; a connector file defines exactly one");
    }
    return checked(file, routes.get(0), ConnectorContract.declarations(text));
  }

  /** Checks one route against the connector contract and wraps it in its circuit breaker. */
  private Read checked(Path file, RouteDefinition route, Map<String, String> declared)
      throws RefusedException {
    String name = ConnectorContract.name(route);
    String id = route.getRouteId();
    Integer line = route.getLineNumber() > 0 ? route.getLineNumber() : null;
    for (Map.Entry<Path, List<Connector>> other : loaded.entrySet()) {
      for (Connector c : other.getValue()) {
        if (c.routeId().equals(id) && !other.getKey().equals(file)) {
          throw new RefusedException(
              line, "route id " + id + " is already defined by " + other.getKey().getFileName());
        }
      }
    }
    boolean mine =
        loaded.getOrDefault(file, List.of()).stream().anyMatch(c -> c.routeId().equals(id));
    if (camel.getRoute(id) != null && !mine) {
      throw new RefusedException(line, "route id " + id + " collides with a built-in route");
    }
    return new Read(ConnectorContract.connector(file, route, name, declared), route);
  }

  private void unload(Path file) {
    for (Connector c : loaded.getOrDefault(file, List.of())) {
      if (camel.getRoute(c.routeId()) == null) {
        continue;
      }
      try {
        camel.getRouteController().stopRoute(c.routeId());
        camel.removeRoute(c.routeId());
      } catch (Exception e) {
        log.warn("Cannot remove connector route {}", c.routeId(), e);
      }
    }
    loaded.remove(file);
    closeQuietly(loaders.remove(file));
  }

  private static String extension(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Integer lineOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String one = m.replaceAll("\\s+", " ").strip();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
