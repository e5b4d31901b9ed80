package org.ringtree.runtime.approval;

import java.util.Map;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compliance settings kept in the database, so every runtime node applies the same ones. */
@Service
@Store(owns = "compliance_settings")
public class ComplianceSettings {

  static final String REQUIRE_APPROVAL = "requireApproval";

  private final JdbcClient jdbc;
  private final AuditLogStore audit;

  ComplianceSettings(JdbcClient jdbc, AuditLogStore audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Whether a version must be approved by someone other than its author before it goes live: yes in
   * a new installation (V39), and when the setting is missing.
   */
  public boolean requireApproval() {
    return jdbc.sql("SELECT value = 'true'::jsonb FROM compliance_settings WHERE key = ?")
        .param(REQUIRE_APPROVAL)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  @Transactional
  public void setRequireApproval(boolean required, String actor) {
    boolean before = requireApproval();
    jdbc.sql(
            "INSERT INTO compliance_settings (key, value, updated_at, updated_by)"
                + " VALUES (?, ?::jsonb, now(), ?) ON CONFLICT (key) DO UPDATE SET value ="
                + " excluded.value, updated_at = now(), updated_by = excluded.updated_by")
        .params(REQUIRE_APPROVAL, String.valueOf(required), actor)
        .update();
    if (before != required) {
      audit.record(
          actor,
          "settings.update",
          "setting",
          REQUIRE_APPROVAL,
          Map.of("value", before),
          Map.of("value", required));
    }
  }
}
