package org.ringtree.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoNetworkSeederTest extends PostgresTest {

  @Autowired JdbcClient jdbc;
  @Autowired DemoNetworkSeeder seeder;
  @LocalServerPort int port;

  @Test
  void seedsTheDemoNetworkOnAnEmptyDatabase() {
    assertThat(count("verticals")).isEqualTo(1);
    assertThat(count("campaigns")).isEqualTo(2);
    assertThat(count("publishers")).isEqualTo(3);
    assertThat(count("buyers")).isEqualTo(4);
    assertThat(
            jdbc.sql("SELECT count(DISTINCT publisher_id) FROM tracking_numbers")
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(jdbc.sql("SELECT kind FROM targets ORDER BY id").query(String.class).list())
        .containsExactly("NUMBER", "RTB", "RTB", "RTB");
  }

  @Test
  void seedingTwiceAddsNothing() {
    seeder.run(new DefaultApplicationArguments());
    assertThat(count("buyers")).isEqualTo(4);
    assertThat(count("tracking_numbers")).isEqualTo(6);
  }

  @Test
  void demoBiddersPointAtThisServersPort() {
    assertThat(
            jdbc.sql("SELECT destination FROM targets WHERE kind = 'RTB'")
                .query(String.class)
                .list())
        .allSatisfy(d -> assertThat(d).startsWith("http://127.0.0.1:" + port + "/demo/rtb/"));
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
