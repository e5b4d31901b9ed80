package org.ringtree.runtime.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.ringtree.integrations.connector.ConnectorInvoker;
import org.ringtree.integrations.connector.ConnectorResult;

/**
 * Runs connector files the way a node does — through {@link ConnectorFiles}, so with the same
 * checks, circuit breaker and timeout — in a plain Camel context, for JUnit tests of a connector
 * against a loopback server or a local file. Close it after the test.
 */
public final class ConnectorFileHarness implements AutoCloseable {

  private final DefaultCamelContext camel;
  private final ConnectorFiles files;
  private final ConnectorInvoker invoker;
  private final Path dir;

  private ConnectorFileHarness(Path dir, Map<String, String> properties) {
    this.dir = dir;
    camel = new DefaultCamelContext();
    Properties p = new Properties();
    p.putAll(properties);
    camel.getPropertiesComponent().setInitialProperties(p);
    camel.start();
    files = new ConnectorFiles(camel, dir);
    files.sync();
    invoker = new ConnectorInvoker(camel);
  }

  /** Loads the connector files in {@code dir}, with {@code properties} for their placeholders. */
  public static ConnectorFileHarness of(Path dir, Map<String, String> properties) {
    return new ConnectorFileHarness(dir, properties);
  }

  /** Loads one connector file (copied into a fresh directory). */
  public static ConnectorFileHarness ofFile(Path file, Map<String, String> properties) {
    try {
      Path dir = Files.createTempDirectory("connector-test");
      Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      return new ConnectorFileHarness(dir, properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ConnectorFiles files() {
    return files;
  }

  public DefaultCamelContext camel() {
    return camel;
  }

  public Path dir() {
    return dir;
  }

  /** Calls connector {@code name} as a flow's connector node would. */
  public ConnectorResult call(String name, Map<String, String> input) {
    return invoker.invoke(name, input, Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    invoker.close();
    camel.stop();
  }
}
