package org.ringtree.runtime.approval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.flow.VersionCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Approve or reject a flow version, with a comment, under four eyes: whoever authored a version
 * cannot decide on it. Decisions are append-only; the latest one on a version counts.
 */
@Service
@Store(owns = "version_reviews")
public class VersionReviews {

  /** The outcome of a review. */
  public enum Decision {
    APPROVED,
    REJECTED
  }

  /** One decision on a version. */
  public record Review(
      long id, long versionId, Decision decision, String reviewer, String comment, Instant at) {}

  /** The reviewer may not decide on this version (four eyes). */
  @ResponseStatus(HttpStatus.FORBIDDEN)
  public static final class FourEyesException extends RuntimeException {
    FourEyesException(String message) {
      super(message);
    }
  }

  private final JdbcClient jdbc;
  private final AuditLogStore audit;
  private final VersionCatalog catalog;
  private final FlowStore flows;

  VersionReviews(JdbcClient jdbc, AuditLogStore audit, VersionCatalog catalog, FlowStore flows) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.catalog = catalog;
    this.flows = flows;
  }

  public Optional<Review> latest(long versionId) {
    return jdbc.sql(
            "SELECT id, version_id, decision, reviewer, comment, at FROM version_reviews"
                + " WHERE version_id = ? ORDER BY id DESC LIMIT 1")
        .param(versionId)
        .query(VersionReviews::review)
        .optional();
  }

  public List<Review> history(long versionId) {
    return jdbc.sql(
            "SELECT id, version_id, decision, reviewer, comment, at FROM version_reviews"
                + " WHERE version_id = ? ORDER BY id")
        .param(versionId)
        .query(VersionReviews::review)
        .list();
  }

  public boolean isApproved(long versionId) {
    return latest(versionId).map(r -> r.decision() == Decision.APPROVED).orElse(false);
  }

  @Transactional
  public Review decide(long versionId, Decision decision, String reviewer, String comment) {
    VersionCatalog.VersionInfo version =
        catalog
            .version(versionId)
            .orElseThrow(() -> new VersionCatalog.UnknownVersionException(versionId));
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("a review needs a comment");
    }
    if (comment.length() > 4000) {
      throw new IllegalArgumentException("a review comment may have at most 4000 characters");
    }
    if (version.author().equalsIgnoreCase(reviewer)) {
      throw new FourEyesException(
          "four eyes: "
              + reviewer
              + " authored version "
              + version.version()
              + " of "
              + version.flowId()
              + " and cannot review it");
    }
    // serialise decisions on one version so "before" is exact
    flows.lockFlow(version.flowId());
    Optional<Review> before = latest(versionId);
    jdbc.sql(
            "INSERT INTO version_reviews (version_id, decision, reviewer, comment)"
                + " VALUES (?, ?, ?, ?)")
        .params(versionId, decision.name(), reviewer, comment.strip())
        .update();
    Review after = latest(versionId).orElseThrow();
    audit.record(
        reviewer,
        decision == Decision.APPROVED ? "version.approve" : "version.reject",
        "flow-version",
        String.valueOf(versionId),
        before.map(VersionReviews::view).orElse(null),
        view(after));
    return after;
  }

  private static Map<String, Object> view(Review r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision", r.decision().name());
    m.put("reviewer", r.reviewer());
    m.put("comment", r.comment());
    return m;
  }

  private static Review review(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Review(
        rs.getLong("id"),
        rs.getLong("version_id"),
        Decision.valueOf(rs.getString("decision")),
        rs.getString("reviewer"),
        rs.getString("comment"),
        rs.getTimestamp("at").toInstant());
  }
}
