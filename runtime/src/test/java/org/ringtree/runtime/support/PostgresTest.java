package org.ringtree.runtime.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for Spring tests that need the database: each test class gets its own fresh PostgreSQL
 * database, migrated by Flyway when the context starts.
 */
public abstract class PostgresTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = TestDatabases.create("it");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestDatabases::user);
    registry.add("spring.datasource.password", () -> "");
    // many test contexts stay cached at once: keep each one's share of the server's connections
    // small
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> 10);
    registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
  }
}
