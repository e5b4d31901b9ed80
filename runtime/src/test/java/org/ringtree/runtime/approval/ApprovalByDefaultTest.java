package org.ringtree.runtime.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A new installation without the demo network requires a second person before go-live. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.demo.seed=false")
class ApprovalByDefaultTest extends PostgresTest {

  @Autowired ComplianceSettings settings;
  @Autowired JdbcClient jdbc;

  @Test
  void aNewInstallationRequiresApproval() {
    assertThat(settings.requireApproval()).isTrue();
    assertThat(
            jdbc.sql("SELECT updated_by FROM compliance_settings WHERE key = 'requireApproval'")
                .query(String.class)
                .single())
        .isEqualTo("migration V39");
  }

  @Test
  void aMissingSettingMeansApprovalIsRequired() {
    jdbc.sql("DELETE FROM compliance_settings WHERE key = 'requireApproval'").update();
    try {
      assertThat(settings.requireApproval()).isTrue();
    } finally {
      jdbc.sql(
              "INSERT INTO compliance_settings (key, value, updated_by)"
                  + " VALUES ('requireApproval', 'true', 'migration V39')")
          .update();
    }
  }
}
