package org.ringtree.editor.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.review.DmnModel;
import org.ringtree.rules.review.TableDiff;

/**
 * What the billing-table review screen needs from the platform: the effective billing table
 * versions that override changes and flow versions propose, each with its rows and its diff against
 * the table it replaces, and the approve/reject decision. The platform checks roles and four eyes
 * again behind every call, as the REST review does.
 */
public interface BillingReviewPort {

  /** The key of "any other buyer" or "any other publisher" in a version's scope. */
  String ANY = "*";

  /**
   * One billing table version. {@code state} is PENDING, LIVE, RETIRED or REJECTED; {@code cause}
   * is OVERRIDE (an override change, {@code changeId}) or FLOW (a newly live flow version).
   */
  record TableVersion(
      long id,
      String campaignId,
      String buyerKey,
      String publisherKey,
      String state,
      String cause,
      Long changeId,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt,
      String tableRef,
      String previousRef) {}

  /** A version with its table as read from its DMN and the row diff against the one it replaces. */
  record TableReview(TableVersion version, DmnModel table, List<TableDiff> diff) {}

  /** The latest versions, newest first (the screen puts pending ones on top). */
  List<TableVersion> versions();

  Optional<TableReview> review(long id);

  /**
   * Approves the version and everything decided with it (the whole override change, or all the
   * tables the flow version proposed for the campaign); returns those versions after the decision.
   */
  List<TableVersion> approve(long id, String note);

  /** Rejects the version and everything decided with it; the standing tables keep booking. */
  List<TableVersion> reject(long id, String note);
}
