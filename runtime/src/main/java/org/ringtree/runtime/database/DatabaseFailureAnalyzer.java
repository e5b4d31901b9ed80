package org.ringtree.runtime.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/** Turns "cannot reach the database" start-up failures into one line that names the setting. */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

  private final Environment environment;

  public DatabaseFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EmbeddedDatabaseStartException e) {
        return new FailureAnalysis(
            e.getMessage(),
            "Check that no other PostgreSQL uses the folder "
                + e.dataDir()
                + " and that its disk is writable; its data was not changed. Set ringtree.data-dir"
                + " to use another folder, or RINGTREE_DB_URL to use an external PostgreSQL.",
            e);
      }
      if (t instanceof SQLException sql && isConnectionProblem(sql.getSQLState())) {
        String url = environment.getProperty("spring.datasource.url", "(none)");
        return new FailureAnalysis(
            "Cannot use the database at " + url + ": " + sql.getMessage(),
            "Fix spring.datasource.url (or RINGTREE_DB_URL, with RINGTREE_DB_USERNAME and"
                + " RINGTREE_DB_PASSWORD), or unset them to use the embedded PostgreSQL.",
            sql);
      }
    }
    return null;
  }

  private static boolean isConnectionProblem(String sqlState) {
    // 08: connection exception, 28: invalid authorization, 3D: database does not exist
    return sqlState != null
        && (sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.startsWith("3D"));
  }
}
