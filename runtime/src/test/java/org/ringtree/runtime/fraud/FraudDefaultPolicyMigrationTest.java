package org.ringtree.runtime.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V89 gives a network the blocklist in force from the start (an operator who lists a number expects
 * it blocked) and leaves a network that already chose its policy alone.
 */
class FraudDefaultPolicyMigrationTest {

  @Test
  void aNewNetworkRejectsWhatItsBlocklistHoldsWithEveryOtherDefenceOff() {
    JdbcClient jdbc = database("v89new");
    TestDatabases.migrate(url, null);

    assertThat(
            jdbc.sql("SELECT settings::text FROM fraud_policies WHERE scope = '*'")
                .query(String.class)
                .single())
        .isEqualTo("{\"actions\": {\"BLOCKLIST\": \"REJECT\"}}");
    assertThat(jdbc.sql("SELECT count(*) FROM fraud_policies").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aNetworkThatAlreadyHasAPolicyKeepsIt() {
    JdbcClient jdbc = database("v89old");
    TestDatabases.migrate(url, "88");
    String chosen = "{\"actions\": {\"BLOCKLIST\": \"FLAG_FOR_REVIEW\"}}";
    jdbc.sql(
            "INSERT INTO fraud_policies (scope, settings, updated_by) VALUES ('*', ?::jsonb, 'ops')")
        .param(chosen)
        .update();

    TestDatabases.migrate(url, null);

    assertThat(
            jdbc.sql("SELECT settings::text || ' ' || updated_by FROM fraud_policies")
                .query(String.class)
                .list())
        .containsExactly(chosen + " ops");
  }

  private String url;

  private JdbcClient database(String name) {
    url = TestDatabases.create(name);
    return JdbcClient.create(new DriverManagerDataSource(url, TestDatabases.user(), ""));
  }
}
