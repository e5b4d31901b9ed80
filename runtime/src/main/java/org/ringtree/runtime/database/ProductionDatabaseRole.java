package org.ringtree.runtime.database;

import java.util.Arrays;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Under the production profile the application must not hold the database's keys: it refuses to
 * start when its connections are a superuser (the embedded PostgreSQL's trusted {@code postgres},
 * or any other), or own the schema's tables, since either may disable the append-only triggers. The
 * fix is the restricted role {@code ringtree_app} of migration V31 for the application, with the
 * owner kept for migrations ({@code SPRING_FLYWAY_USER}), as docs/compliance.md shows.
 */
@Component
class ProductionDatabaseRole implements InitializingBean {

  private final JdbcClient jdbc;
  private final Environment environment;

  ProductionDatabaseRole(JdbcClient jdbc, Environment environment) {
    this.jdbc = jdbc;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    String problem = problem();
    if (problem != null) {
      throw new InvalidConfigurationException(
          problem,
          "Connect as ringtree_app (ALTER ROLE ringtree_app LOGIN PASSWORD '…'; then"
              + " SPRING_DATASOURCE_USERNAME=ringtree_app and SPRING_DATASOURCE_PASSWORD), and"
              + " migrate as the schema's owner with SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD.");
    }
  }

  /** Why the application's database role is too powerful for production, or null. */
  String problem() {
    record Role(String name, boolean superuser, boolean ownsLedger) {}
    Role role =
        jdbc.sql(
                "SELECT current_user, r.rolsuper, EXISTS (SELECT 1 FROM pg_tables t WHERE"
                    + " t.schemaname = current_schema() AND t.tablename = 'ledger_entries' AND"
                    + " t.tableowner = current_user) FROM pg_roles r WHERE r.rolname ="
                    + " current_user")
            .query((rs, i) -> new Role(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
            .single();
    if (role.superuser()) {
      return "The prod profile connects to the database as superuser "
          + role.name()
          + ", who can switch off the ledger's and audit log's append-only triggers";
    }
    if (role.ownsLedger()) {
      return "The prod profile connects to the database as "
          + role.name()
          + ", the owner of its tables, who can switch off the append-only triggers";
    }
    return null;
  }
}
