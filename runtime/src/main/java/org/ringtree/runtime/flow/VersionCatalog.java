package org.ringtree.runtime.flow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.runtime.database.Store;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Read-only listings of flows, their versions and their publication history. */
@Repository
@Store(reads = {"flows", "flow_versions", "flow_publications"})
public class VersionCatalog {

  private final JdbcClient jdbc;

  VersionCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** No flow version has this id. */
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public static final class UnknownVersionException extends RuntimeException {
    public UnknownVersionException(long id) {
      super("no flow version " + id);
    }
  }

  /** A flow and which of its versions is live. */
  public record FlowInfo(
      String id, String name, String campaignId, Long liveVersionId, int versions) {}

  /** A version's header: who wrote it when, and whether it is live. */
  public record VersionInfo(
      long id,
      String flowId,
      int version,
      VersionKey versionKey,
      String author,
      Instant createdAt,
      boolean live) {}

  /** One change of a flow's live version, as the database recorded it. */
  public record Publication(
      long id, String flowId, long versionId, Long previousVersionId, String kind, Instant at) {}

  public List<FlowInfo> flows() {
    return jdbc.sql(
            "SELECT f.id, f.name, f.campaign_id, f.live_version_id, (SELECT count(*) FROM"
                + " flow_versions v WHERE v.flow_id = f.id) AS versions FROM flows f ORDER BY f.id")
        .query(
            (rs, i) ->
                new FlowInfo(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("campaign_id"),
                    rs.getObject("live_version_id", Long.class),
                    rs.getInt("versions")))
        .list();
  }

  public List<VersionInfo> versions(String flowId) {
    return jdbc.sql(SELECT + " WHERE v.flow_id = ? ORDER BY v.version DESC")
        .param(flowId)
        .query(VersionCatalog::info)
        .list();
  }

  public Optional<VersionInfo> version(long id) {
    return jdbc.sql(SELECT + " WHERE v.id = ?").param(id).query(VersionCatalog::info).optional();
  }

  public Optional<Long> liveVersionId(String flowId) {
    return jdbc.sql("SELECT live_version_id FROM flows WHERE id = ?")
        .param(flowId)
        .query((rs, i) -> rs.getObject(1, Long.class))
        .optional();
  }

  /** The version before this one in the same flow, if any. */
  public Optional<Long> previousVersionId(VersionInfo v) {
    return jdbc.sql(
            "SELECT id FROM flow_versions WHERE flow_id = ? AND version < ? ORDER BY version DESC"
                + " LIMIT 1")
        .params(v.flowId(), v.version())
        .query(Long.class)
        .optional();
  }

  /** What a version is compared with by default: the live one, or the one before when live. */
  public Optional<Long> defaultBaseline(VersionInfo v) {
    return liveVersionId(v.flowId()).filter(live -> live != v.id()).or(() -> previousVersionId(v));
  }

  public List<Publication> publications(String flowId) {
    return jdbc.sql(
            "SELECT id, flow_id, version_id, previous_version_id, kind, at FROM flow_publications"
                + " WHERE flow_id = ? ORDER BY id")
        .param(flowId)
        .query(
            (rs, i) ->
                new Publication(
                    rs.getLong("id"),
                    rs.getString("flow_id"),
                    rs.getLong("version_id"),
                    rs.getObject("previous_version_id", Long.class),
                    rs.getString("kind"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  /**
   * The version that was live before {@code versionId} was last published (not rolled back to) on
   * the flow; following this chain is what makes repeated rollbacks walk back in time.
   */
  public Optional<Long> livePredecessor(String flowId, long versionId) {
    return jdbc.sql(
            "SELECT previous_version_id FROM flow_publications WHERE flow_id = ? AND version_id = ?"
                + " AND kind = 'PUBLISH' ORDER BY id DESC LIMIT 1")
        .params(flowId, versionId)
        .query((rs, i) -> rs.getObject(1, Long.class))
        .optional();
  }

  public boolean wasEverLive(String flowId, long versionId) {
    return jdbc.sql("SELECT count(*) FROM flow_publications WHERE flow_id = ? AND version_id = ?")
            .params(flowId, versionId)
            .query(Long.class)
            .single()
        > 0;
  }

  private static final String SELECT =
      "SELECT v.id, v.flow_id, v.version, v.version_key, v.author, v.created_at,"
          + " (f.live_version_id = v.id) AS live FROM flow_versions v JOIN flows f ON f.id ="
          + " v.flow_id";

  private static VersionInfo info(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new VersionInfo(
        rs.getLong("id"),
        rs.getString("flow_id"),
        rs.getInt("version"),
        VersionKey.of(rs.getString("version_key")),
        rs.getString("author"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getBoolean("live"));
  }
}
