package org.ringtree.runtime.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations run without the 10 s statement timeout every application connection gets
 * (spring.flyway.init-sqls lifts it: a back-fill on a large database may take longer). Flyway
 * borrows those connections from the pool, so after migrating, the pool renews its idle connections
 * and each comes back with the timeout set again.
 */
@Configuration
class MigrationConnections {

  @Bean
  FlywayMigrationStrategy migrateThenRenewPooledConnections(DataSource dataSource) {
    return flyway -> {
      flyway.migrate();
      if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
        pool.getHikariPoolMXBean().softEvictConnections();
      }
    };
  }
}
