package org.ringtree.runtime.database;

import java.nio.file.Path;

/** The embedded PostgreSQL could not start on its data folder; the data is left untouched. */
public class EmbeddedDatabaseStartException extends RuntimeException {

  private final Path dataDir;

  public EmbeddedDatabaseStartException(Path dataDir, Throwable cause) {
    super(
        "Embedded PostgreSQL could not start with data in " + dataDir + ": " + rootMessage(cause),
        cause);
    this.dataDir = dataDir;
  }

  public Path dataDir() {
    return dataDir;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
