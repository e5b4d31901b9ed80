package org.ringtree.rules.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.VersionKey;

/**
 * The port a compliance screen uses: list flows and versions, read a version's compiled tables and
 * rules, diff two versions, approve or reject, publish, roll back, and the approval setting. The
 * runtime implements it; every call acts as the signed-in user and is checked against that user's
 * role and the four-eyes rule, so a screen cannot do more than the REST API allows. Refusals are
 * runtime exceptions whose message can be shown as it is.
 */
public interface ComplianceReviews {

  List<FlowEntry> flows();

  /** The versions of a flow, newest first. */
  List<VersionEntry> versions(String flowId);

  Optional<VersionEntry> version(long versionId);

  /** The version's compiled decision tables and generated rules. */
  VersionReview review(long versionId);

  /**
   * What changed from {@code againstVersionId} to {@code versionId}; with null, from the live
   * version (or, when this one is live, from the version before it).
   */
  VersionDiff diff(long versionId, Long againstVersionId);

  /** A stored artifact as text: the .dmn files, the flow JSON or the generated DRL. */
  String download(long versionId, Artifact artifact);

  /**
   * What else decides the version's calls, as it is now: the fraud policy of each of the flow's
   * campaigns and the promoted score model, in words.
   */
  Safeguards safeguards(long versionId);

  VersionEntry approve(long versionId, String comment);

  VersionEntry reject(long versionId, String comment);

  VersionEntry publish(long versionId);

  /** Makes the version that was live before the current one live again. */
  VersionEntry rollback(String flowId, String comment);

  boolean approvalRequired();

  void requireApproval(boolean required);

  /** A downloadable artifact of a version. */
  enum Artifact {
    ROUTING_DMN,
    BILLING_DMN,
    FLOW_JSON,
    DRL,
    CAMEL_YAML
  }

  /** A flow and its live version id (null when none is live). */
  record FlowEntry(String id, String name, String campaignId, Long liveVersionId, int versions) {}

  /** A version with its review state: PENDING, APPROVED or REJECTED, and every decision. */
  record VersionEntry(
      long id,
      String flowId,
      int version,
      VersionKey versionKey,
      String author,
      Instant createdAt,
      boolean live,
      String state,
      List<Decision> decisions) {
    public VersionEntry {
      decisions = List.copyOf(decisions);
    }
  }

  /** One approve or reject, with its comment. */
  record Decision(String decision, String reviewer, String comment, Instant at) {}
}
