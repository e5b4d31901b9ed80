package org.ringtree.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoNetworkSeederTest extends PostgresTest {

  @Autowired JdbcClient jdbc;
  @Autowired DemoNetworkSeeder seeder;
  @Autowired ReadinessRecorder readiness;
  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  /**
   * Notes what the database held when the platform declared itself ready for traffic (the readiness
   * probe, {@code /actuator/health/readiness}, and {@code /actuator/health} with it).
   */
  static class ReadinessRecorder {
    private final JdbcClient jdbc;
    volatile Long numbersWhenReady;
    volatile Long liveFlowsWhenReady;

    ReadinessRecorder(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @EventListener
    void changed(AvailabilityChangeEvent<?> e) {
      if (e.getState() == ReadinessState.ACCEPTING_TRAFFIC && numbersWhenReady == null) {
        numbersWhenReady =
            jdbc.sql("SELECT count(*) FROM tracking_numbers").query(Long.class).single();
        liveFlowsWhenReady =
            jdbc.sql("SELECT count(*) FROM flows WHERE live_version_id IS NOT NULL")
                .query(Long.class)
                .single();
      }
    }
  }

  @TestConfiguration
  static class Readiness {
    @Bean
    ReadinessRecorder readinessRecorder(JdbcClient jdbc) {
      return new ReadinessRecorder(jdbc);
    }
  }

  @Test
  void thePlatformIsReadyOnlyOnceTheDemoNetworkIsSeeded() {
    // a call placed as soon as the probe says ready finds the demo's numbers and its live flow
    assertThat(readiness.numbersWhenReady).isEqualTo(6);
    assertThat(readiness.liveFlowsWhenReady).isPositive();
    assertThat(
            http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

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
