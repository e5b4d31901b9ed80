package org.ringtree.runtime.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ringtree.editor.compliance.BillingReviewPort;
import org.ringtree.rules.review.DmnReader;
import org.ringtree.runtime.billing.BillingTableVersions;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.billing.OverrideChanges;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The billing-table review screen over the same store and services /api/compliance/billing-tables
 * uses: a flow version's proposed tables are decided together by someone other than its author, an
 * override change's tables by applying or rejecting the change, with the same refusals.
 */
@Component
class ConsoleBillingReview implements BillingReviewPort {

  private static final String READERS = "hasAnyRole('ADMIN', 'OPERATOR', 'COMPLIANCE')";
  private static final String DECIDERS = "hasAnyRole('ADMIN', 'COMPLIANCE')";

  private final BillingTableVersions tables;
  private final OverrideChanges changes;

  ConsoleBillingReview(BillingTableVersions tables, OverrideChanges changes) {
    this.tables = tables;
    this.changes = changes;
  }

  @Override
  @PreAuthorize(READERS)
  public List<TableVersion> versions() {
    return tables.list(null, null).stream().map(ConsoleBillingReview::entry).toList();
  }

  @Override
  @PreAuthorize(READERS)
  public Optional<TableReview> review(long id) {
    return tables
        .find(id)
        .map(tables::review)
        .map(
            r -> new TableReview(entry(r.version()), DmnReader.read(r.dmn(), List.of()), r.diff()));
  }

  @Override
  @PreAuthorize(DECIDERS)
  public List<TableVersion> approve(long id, String note) {
    BillingTableVersions.Version v = pending(id);
    if (v.cause() == BillingTableVersions.Cause.FLOW) {
      return tables.approveFlowTables(id, actor()).stream()
          .map(ConsoleBillingReview::entry)
          .toList();
    }
    OverrideChanges.Change c = changes.apply(v.changeId(), note, actor());
    return ofChange(c.id());
  }

  @Override
  @PreAuthorize(DECIDERS)
  public List<TableVersion> reject(long id, String note) {
    BillingTableVersions.Version v = pending(id);
    if (v.cause() == BillingTableVersions.Cause.FLOW) {
      return tables.rejectFlowTables(id, actor()).stream()
          .map(ConsoleBillingReview::entry)
          .toList();
    }
    OverrideChanges.Change c = changes.reject(v.changeId(), note, actor());
    return ofChange(c.id());
  }

  private List<TableVersion> ofChange(long changeId) {
    return tables.ofChange(changeId).stream().map(ConsoleBillingReview::entry).toList();
  }

  /** The same refusals as the REST review: unknown, or no longer pending. */
  private BillingTableVersions.Version pending(long id) {
    BillingTableVersions.Version v =
        tables
            .find(id)
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no billing table " + id));
    boolean decidable =
        v.state() == BillingTableVersions.State.PENDING
            && (v.cause() == BillingTableVersions.Cause.FLOW || v.changeId() != null);
    if (!decidable) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "billing table version " + id + " is " + v.state().name().toLowerCase(Locale.ROOT));
    }
    return v;
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth.getName() == null) {
      throw new AccessDeniedException("no signed-in user");
    }
    return auth.getName();
  }

  private static TableVersion entry(BillingTableVersions.Version v) {
    return new TableVersion(
        v.id(),
        v.campaignId(),
        v.buyerKey(),
        v.publisherKey(),
        v.state().name(),
        v.cause().name(),
        v.changeId(),
        v.requestedBy(),
        v.requestedAt(),
        v.decidedBy(),
        v.decidedAt(),
        v.tableRef(),
        v.previousRef());
  }
}
