package org.ringtree.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.runtime.approval.TestFlows;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of change this feature covers leaves one audit row with who, when, what, before and
 * after; the log is searchable, exports as CSV and cannot be changed.
 */
class AuditTrailTest extends SecuredAppTest {

  @Autowired DirectoryStore directory;
  @Autowired AuditLogStore audit;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void aDirectoryChangeIsRecordedWithTheRowBeforeAndAfterAndANoOpSaveIsNot() {
    Target acme = target("acme-main");
    directory.save(acme.withCaps(new Caps(Caps.CountOn.CONNECTIONS, 5, null, 80, null, null)));
    directory.save(acme.withCaps(new Caps(Caps.CountOn.CONNECTIONS, 5, null, 80, null, null)));

    List<AuditEntry> rows =
        audit.search(
            new AuditQuery("target", "acme-main", null, "directory.target.update", null, null, 10));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).actor()).isEqualTo(AuditLogStore.SYSTEM);
    assertThat(rows.get(0).before().at("/settings/caps/daily").asInt()).isEqualTo(60);
    assertThat(rows.get(0).after().at("/settings/caps/daily").asInt()).isEqualTo(80);
    directory.save(acme);
  }

  @Test
  void aNewDirectoryEntryIsACreationWithNothingBefore() {
    directory.save(new Publisher("audit-pub", "Audit Publisher"));

    AuditEntry created = audit.search(AuditQuery.forObject("publisher", "audit-pub")).get(0);

    assertThat(created.action()).isEqualTo("directory.publisher.create");
    assertThat(created.before()).isNull();
    assertThat(created.after().get("name").asText()).isEqualTo("Audit Publisher");
  }

  @Test
  void flowVersionsPublicationsReviewsSettingsAndUserChangesAreAllOnTheRecord() {
    Instant start = Instant.now();
    TestFlows.TestFlow flow = TestFlows.create(directory);
    Api operator = as(OPERATOR);
    Api.Reply created =
        operator.postRaw("/api/compliance/flows/" + flow.flowId() + "/versions", flow.json(101));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long v = created.json().at("/id").asLong();
    as(COMPLIANCE).post("/api/compliance/versions/" + v + "/reject", Map.of("comment", "not yet"));
    as(COMPLIANCE).post("/api/compliance/versions/" + v + "/approve", Map.of("comment", "now ok"));
    as(ADMIN).put("/api/compliance/settings", Map.of("requireApproval", true));
    operator.post("/api/compliance/versions/" + v + "/publish", Map.of());
    as(ADMIN).put("/api/compliance/settings", Map.of("requireApproval", false));
    as(ADMIN)
        .post(
            "/api/users",
            Map.of("username", "audited", "role", "OPERATOR", "password", "first-password-1"));
    as(ADMIN).put("/api/users/audited", Map.of("role", "COMPLIANCE"));
    as(ADMIN).put("/api/users/audited/password", Map.of("password", "second-password-2"));

    JsonNode since = as(COMPLIANCE).get("/api/audit?from=" + start + "&limit=1000").json();
    List<String> actions = new ArrayList<>();
    since.forEach(e -> actions.add(e.get("actor").asText() + " " + e.get("action").asText()));
    assertThat(actions)
        .containsSubsequence(
            "operator flow.version.create",
            "compliance version.reject",
            "compliance version.approve",
            "admin settings.update",
            "operator flow.publish",
            "admin settings.update",
            "admin user.create",
            "admin user.update",
            "admin user.password");
    assertThat(since.toString()).doesNotContain("first-password-1").doesNotContain("$2a$");
    JsonNode approve =
        as(COMPLIANCE)
            .get("/api/audit?objectType=flow-version&objectId=" + v + "&action=version.approve")
            .json();
    assertThat(approve.at("/0/before/decision").asText()).isEqualTo("REJECTED");
    assertThat(approve.at("/0/after/comment").asText()).isEqualTo("now ok");
    JsonNode roleChange = as(ADMIN).get("/api/audit?objectId=audited&action=user.update").json();
    assertThat(roleChange.at("/0/before/role").asText()).isEqualTo("OPERATOR");
    assertThat(roleChange.at("/0/after/role").asText()).isEqualTo("COMPLIANCE");
  }

  @Test
  void theLogIsSearchableByUserAndTimeAndReadableOnlyByAdminAndCompliance() {
    audit.record("alice", "test.one", "thing", "t-1", null, Map.of("n", 1));
    Instant between = Instant.now();
    audit.record("bob", "test.two", "thing", "t-1", Map.of("n", 1), Map.of("n", 2));

    assertThat(as(COMPLIANCE).get("/api/audit?actor=alice").json()).hasSize(1);
    JsonNode later = as(COMPLIANCE).get("/api/audit?objectType=thing&from=" + between).json();
    assertThat(later).hasSize(1);
    assertThat(later.at("/0/actor").asText()).isEqualTo("bob");
    assertThat(as(COMPLIANCE).get("/api/audit?objectType=thing&to=" + between).json()).hasSize(1);
    assertThat(as(OPERATOR).get("/api/audit").status()).isEqualTo(403);
    assertThat(as(PUBLISHER).get("/api/audit").status()).isEqualTo(403);
    assertThat(as(BUYER).get("/api/audit/export.csv").status()).isEqualTo(403);
  }

  @Test
  void theLogIsPagedNewestFirstWithACountOfEveryMatch() {
    for (int i = 1; i <= 5; i++) {
      audit.record("pager", "test.page", "paged", "p-" + i, null, Map.of("n", i));
    }

    JsonNode page = as(ADMIN).get("/api/audit?objectType=paged&order=desc&limit=2&offset=1").json();
    assertThat(page).hasSize(2);
    assertThat(page.at("/0/objectId").asText()).isEqualTo("p-4");
    assertThat(page.at("/1/objectId").asText()).isEqualTo("p-3");
    assertThat(as(ADMIN).get("/api/audit?objectType=paged&offset=4").json())
        .singleElement()
        .satisfies(e -> assertThat(e.get("objectId").asText()).isEqualTo("p-5"));
    assertThat(as(COMPLIANCE).get("/api/audit/count?objectType=paged").json().get("count").asInt())
        .isEqualTo(5);
    assertThat(as(ADMIN).get("/api/audit?order=sideways").status()).isEqualTo(400);
    assertThat(as(OPERATOR).get("/api/audit/count").status()).isEqualTo(403);
  }

  @Test
  void theCsvExportQuotesCellsAndDefusesSpreadsheetFormulas() {
    audit.record(
        "=cmd|' /C calc'!A0", "test.csv", "csv-thing", "a,b \"c\"", null, Map.of("k", "v"));

    Api.Reply csv = as(ADMIN).get("/api/audit/export.csv?objectType=csv-thing");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("audit-log.csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("id,at,actor,action,object_type,object_id,before,after");
    assertThat(lines).hasSize(2);
    assertThat(lines[1])
        .contains(
            ",\"'=cmd|' /C calc'!A0\",test.csv,csv-thing,\"a,b \"\"c\"\"\",,\"{\"\"k\"\":\"\"v\"\"}\"");
  }

  @Test
  void auditRowsCannotBeChangedOrDeletedByTriggerAndNotEvenAttemptedByTheAppRole()
      throws SQLException {
    audit.record("carol", "test.immutable", "thing", "t-2", null, Map.of("n", 1));

    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'mallory'").update())
        .hasMessageContaining("audit_log rows are immutable");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
        .hasMessageContaining("audit_log rows are immutable");
    // TRUNCATE fires no row trigger: a statement trigger refuses it, even for the schema's owner
    for (String table :
        List.of(
            "audit_log",
            "ledger_entries",
            "flow_versions",
            "version_reviews",
            "flow_publications",
            "billing_tables",
            "postback_attempts")) {
      assertThatThrownBy(() -> jdbc.sql("TRUNCATE " + table + " CASCADE").update())
          .hasMessageContaining(table + " is append-only: TRUNCATE is refused");
    }

    boolean roleExists =
        jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'ringtree_app'")
                .query(Long.class)
                .single()
            > 0;
    Assumptions.assumeTrue(roleExists, "ringtree_app is created only where the migrator may");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET ROLE ringtree_app");
      try {
        s.execute(
            "INSERT INTO audit_log (actor, action, object_type, object_id) VALUES"
                + " ('app', 'test.as-app', 'thing', 't-3')");
        assertThatThrownBy(() -> s.execute("UPDATE audit_log SET actor = 'mallory'"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> s.execute("TRUNCATE audit_log"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> s.execute("DELETE FROM version_reviews"))
            .hasMessageContaining("permission denied");
        s.execute("UPDATE flows SET updated_at = updated_at WHERE false");
      } finally {
        s.execute("RESET ROLE");
      }
    }
    assertThat(audit.search(AuditQuery.forObject("thing", "t-3"))).hasSize(1);
  }

  private Target target(String id) {
    DirectorySnapshot d = directory.snapshot(java.util.Set.of());
    return d.target(id).orElseThrow();
  }
}
