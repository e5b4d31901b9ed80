package org.ringtree.runtime.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.CompileResult;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.validation.Issue;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Flows and their immutable versions. A version stores the document, the directory entries it
 * referenced, and every artifact it compiled to (DRL, both DMN models, Camel routes), so what
 * compliance reviews is exactly what the engine runs.
 */
@Repository
@Store(
    owns = {"flows", "flow_versions", "flow_publications"},
    reads = {"version_reviews"})
public class FlowStore {

  private final JdbcClient jdbc;
  private final ObjectProvider<LiveVersionGuard> guards;
  private final AuditLogStore audit;

  FlowStore(JdbcClient jdbc, ObjectProvider<LiveVersionGuard> guards, AuditLogStore audit) {
    this.jdbc = jdbc;
    this.guards = guards;
    this.audit = audit;
  }

  /**
   * May veto a version going live (the compliance approval requirement lives in another package,
   * which implements this, so this package does not depend on it).
   */
  public interface LiveVersionGuard {
    /** Throws {@link PublishRefusedException} when the version may not go live. */
    void checkMayGoLive(String flowId, long versionId);
  }

  /** A version may not go live, e.g. because it is not approved; the message says why. */
  @ResponseStatus(HttpStatus.CONFLICT)
  public static final class PublishRefusedException extends RuntimeException {
    public PublishRefusedException(String message) {
      super(message);
    }
  }

  /** A stored version: its database id and the compiled flow the engine loads. */
  public record StoredVersion(long id, int version, String flowId, CompiledFlow compiled) {}

  /** The flow did not compile: the validation issues, anchored to nodes. */
  public static final class FlowRejectedException extends RuntimeException {
    private final List<Issue> issues;

    public FlowRejectedException(List<Issue> issues) {
      super("the flow has " + issues.size() + " problem(s): " + issues);
      this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
      return issues;
    }
  }

  /**
   * Compiles the document against the directory and stores it as a new immutable version (or
   * returns the existing version with identical content), without making it live.
   */
  @Transactional
  public StoredVersion saveVersion(FlowDocument doc, DirectorySnapshot directory, String author) {
    CompileResult result = FlowCompiler.compile(doc, directory);
    CompiledFlow compiled =
        result.compiled().orElseThrow(() -> new FlowRejectedException(result.issues()));
    String flowId = doc.id();
    jdbc.sql(
            "INSERT INTO flows (id, campaign_id, name) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET name = excluded.name, updated_at = now()")
        .params(flowId, doc.campaignId(), doc.name())
        .update();
    Optional<StoredVersion> existing = byKey(compiled.versionKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    lockFlow(flowId);
    int version =
        jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM flow_versions WHERE flow_id = ?")
            .param(flowId)
            .query(Integer.class)
            .single();
    long id =
        jdbc.sql(
                "INSERT INTO flow_versions (flow_id, version, version_key, document, directory,"
                    + " drl, routing_dmn, payout_dmn, camel_routes, checksum, author) VALUES"
                    + " (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING id")
            .params(
                flowId,
                version,
                compiled.versionKey().value(),
                compiled.flowJson(),
                compiled.directoryJson(),
                compiled.drl(),
                compiled.routingDmn(),
                compiled.billingDmn(),
                compiled.camelYaml(),
                checksum(compiled),
                author)
            .query(Long.class)
            .single();
    audit.record(
        author,
        "flow.version.create",
        "flow",
        flowId,
        null,
        java.util.Map.of(
            "versionId", id, "version", version, "versionKey", compiled.versionKey().value()));
    return new StoredVersion(id, version, flowId, compiled);
  }

  /** Makes a stored version the one new calls of its flow start on, and tells every node. */
  @Transactional
  public void makeLive(String flowId, long versionId) {
    guards.orderedStream().forEach(g -> g.checkMayGoLive(flowId, versionId));
    Long previous =
        jdbc.sql("SELECT live_version_id FROM flows WHERE id = ? FOR UPDATE")
            .param(flowId)
            .query((rs, i) -> rs.getObject(1, Long.class))
            .optional()
            .orElse(null);
    int updated =
        jdbc.sql(
                "UPDATE flows SET live_version_id = ?, updated_at = now() WHERE id = ? AND EXISTS"
                    + " (SELECT 1 FROM flow_versions WHERE id = ? AND flow_id = ?)")
            .params(versionId, flowId, versionId, flowId)
            .update();
    if (updated != 1) {
      throw new IllegalArgumentException("flow " + flowId + " has no version " + versionId);
    }
    audit.record(
        AuditLogStore.currentActor(),
        "flow.publish",
        "flow",
        flowId,
        previous == null ? null : java.util.Map.of("liveVersionId", previous),
        java.util.Map.of("liveVersionId", versionId));
    jdbc.sql("SELECT pg_notify(?, ?)").params(PUBLISHED_CHANNEL, flowId).query().listOfRows();
  }

  /**
   * Serialises changes to one flow (versions, publications, reviews) until the caller's transaction
   * ends.
   */
  public void lockFlow(String flowId) {
    jdbc.sql("SELECT id FROM flows WHERE id = ? FOR UPDATE").param(flowId).query().listOfRows();
  }

  /**
   * Marks the caller's transaction as a rollback: transaction-local, it tells the live-version
   * guards ({@link #rollingBack}) and the publication trigger.
   */
  public void markRollback() {
    jdbc.sql("SELECT set_config('ringtree.publish_kind', 'ROLLBACK', true)").query().listOfRows();
  }

  /** True inside a transaction that {@link #markRollback} marked. */
  public boolean rollingBack() {
    return "ROLLBACK"
        .equals(
            jdbc.sql("SELECT coalesce(current_setting('ringtree.publish_kind', true), '')")
                .query(String.class)
                .single());
  }

  /** Saves the editor's working copy of a flow, creating the flow if it is new. */
  public void saveDraft(FlowDocument doc, String name) {
    jdbc.sql(
            "INSERT INTO flows (id, campaign_id, name, draft) VALUES (?, ?, ?, ?::jsonb)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, draft = excluded.draft,"
                + " updated_at = now()")
        .params(doc.id(), doc.campaignId(), name, FlowJson.write(doc))
        .update();
  }

  /** A flow as the editor lists it. */
  public record FlowHeader(
      String id, String name, String campaignId, Integer liveVersion, boolean hasDraft) {}

  /** Every flow by name, with its live version number and whether it has a draft. */
  public List<FlowHeader> headers() {
    return jdbc.sql(
            "SELECT f.id, f.name, f.campaign_id, v.version, f.draft IS NOT NULL FROM flows f"
                + " LEFT JOIN flow_versions v ON v.id = f.live_version_id ORDER BY f.name, f.id")
        .query(
            (rs, i) ->
                new FlowHeader(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    (Integer) rs.getObject(4),
                    rs.getBoolean(5)))
        .list();
  }

  /** What the editor opens: the flow's draft and its live document (JSON), either may be null. */
  public record EditorCopy(String draftJson, String liveJson, Integer liveVersion) {}

  public Optional<EditorCopy> editorCopy(String flowId) {
    return jdbc.sql(
            "SELECT f.draft::text, v.document::text, v.version FROM flows f LEFT JOIN"
                + " flow_versions v ON v.id = f.live_version_id WHERE f.id = ?")
        .param(flowId)
        .query(
            (rs, i) -> new EditorCopy(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)))
        .optional();
  }

  /**
   * A version as the editor lists it, with its latest review decision (null when none) and whether
   * it was ever published.
   */
  public record VersionHeader(
      int version,
      VersionKey versionKey,
      String author,
      java.time.Instant createdAt,
      boolean live,
      String latestDecision,
      boolean everPublished) {}

  /** The flow's versions, newest first. */
  public List<VersionHeader> versionHeaders(String flowId) {
    return jdbc.sql(
            "SELECT v.version, v.version_key, v.author, v.created_at, v.id = f.live_version_id,"
                + " (SELECT r.decision FROM version_reviews r WHERE r.version_id = v.id"
                + " ORDER BY r.id DESC LIMIT 1),"
                + " EXISTS (SELECT 1 FROM flow_publications p WHERE p.version_id = v.id)"
                + " FROM flow_versions v JOIN flows f ON f.id = v.flow_id WHERE v.flow_id = ?"
                + " ORDER BY v.version DESC")
        .param(flowId)
        .query(
            (rs, i) ->
                new VersionHeader(
                    rs.getInt(1),
                    VersionKey.of(rs.getString(2)),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getBoolean(5),
                    rs.getString(6),
                    rs.getBoolean(7)))
        .list();
  }

  /** The document of one numbered version of a flow, as JSON. */
  public Optional<String> documentJson(String flowId, int version) {
    return jdbc.sql("SELECT document::text FROM flow_versions WHERE flow_id = ? AND version = ?")
        .params(flowId, version)
        .query(String.class)
        .optional();
  }

  /** The PostgreSQL channel told, at commit, that a flow has a new live version. */
  static final String PUBLISHED_CHANNEL = "ringtree_flow_published";

  /** The campaigns whose flow has a live version. */
  public List<String> campaignsWithALiveFlow() {
    return jdbc.sql("SELECT campaign_id FROM flows WHERE live_version_id IS NOT NULL")
        .query(String.class)
        .list();
  }

  /** The versions that are live now, one per flow at most. */
  public java.util.Set<Long> liveVersionIds() {
    return new java.util.HashSet<>(
        jdbc.sql("SELECT live_version_id FROM flows WHERE live_version_id IS NOT NULL")
            .query(Long.class)
            .list());
  }

  /** The live version of the flow a campaign uses, if any. */
  public Optional<StoredVersion> liveVersionOfCampaign(String campaignId) {
    return liveVersionIdOfCampaign(campaignId).flatMap(this::byId);
  }

  /** Just the id of the campaign's live version: one indexed lookup, for the hot path. */
  public Optional<Long> liveVersionIdOfCampaign(String campaignId) {
    return jdbc.sql("SELECT live_version_id FROM flows WHERE campaign_id = ?")
        .param(campaignId)
        .query(Long.class)
        .optional();
  }

  public Optional<StoredVersion> byId(long id) {
    return load("v.id = ?", id);
  }

  public Optional<StoredVersion> byKey(VersionKey versionKey) {
    return load("v.version_key = ?", versionKey.value());
  }

  private Optional<StoredVersion> load(String where, Object value) {
    return jdbc.sql(
            "SELECT v.id, v.version, v.flow_id, v.document::text AS document, v.directory::text AS"
                + " directory, v.drl, v.routing_dmn, v.payout_dmn, v.camel_routes, v.version_key"
                + " FROM flow_versions v WHERE "
                + where)
        .param(value)
        .query(
            (rs, i) ->
                new StoredVersion(
                    rs.getLong("id"),
                    rs.getInt("version"),
                    rs.getString("flow_id"),
                    restore(
                        VersionKey.of(rs.getString("version_key")),
                        rs.getString("document"),
                        rs.getString("directory"),
                        rs.getString("drl"),
                        rs.getString("routing_dmn"),
                        rs.getString("payout_dmn"),
                        rs.getString("camel_routes"))))
        .optional();
  }

  /**
   * Rebuilds the compiled flow of a stored version. Compilation is deterministic, so recompiling
   * the stored document and directory gives back the rule index; the engine then runs the stored
   * artifacts themselves — the ones that were reviewed — not the recompiled ones.
   */
  private static CompiledFlow restore(
      VersionKey key,
      String documentJson,
      String directoryJson,
      String drl,
      String routingDmn,
      String billingDmn,
      String camel) {
    FlowDocument doc =
        FlowJson.read(documentJson)
            .document()
            .orElseThrow(
                () -> new IllegalStateException("stored flow version " + key + " is unreadable"));
    DirectorySnapshot directory;
    try {
      directory = RingtreeJson.mapper().readValue(directoryJson, DirectorySnapshot.class);
    } catch (Exception e) {
      throw new IllegalStateException("stored directory of version " + key + " is unreadable", e);
    }
    CompiledFlow again =
        FlowCompiler.compile(doc, directory)
            .compiled()
            .orElseThrow(
                () -> new IllegalStateException("stored version " + key + " no longer compiles"));
    return new CompiledFlow(
        key,
        again.flow(),
        again.directory(),
        again.flowJson(),
        again.directoryJson(),
        drl,
        routingDmn,
        billingDmn,
        camel,
        again.connectorEndpoints(),
        again.ruleIndex());
  }

  private static String checksum(CompiledFlow c) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part :
          List.of(
              c.flowJson(),
              c.directoryJson(),
              c.drl(),
              c.routingDmn(),
              c.billingDmn(),
              c.camelYaml())) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
