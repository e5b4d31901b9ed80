package org.ringtree.runtime.billing;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance review of billing tables ({@code /api/compliance/billing-tables}): the versions an
 * override change or a newly live flow version proposes, each with its DMN and its diff against the
 * table it replaces. Approving or rejecting one decides the whole change it belongs to (or all the
 * tables the flow version proposed for that campaign), and never by who asked.
 */
@RestController
class BillingTableReviewController {

  private final BillingTableVersions tables;
  private final OverrideChanges changes;

  BillingTableReviewController(BillingTableVersions tables, OverrideChanges changes) {
    this.tables = tables;
    this.changes = changes;
  }

  record Decision(String note) {}

  /** The change a version belongs to, with every table it puts live. */
  record ChangeReview(OverrideChanges.Change change, List<BillingTableVersions.Review> tables) {}

  @GetMapping("/api/compliance/billing-tables")
  List<BillingTableVersions.Review> list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String campaign) {
    BillingTableVersions.State s =
        state == null ? null : BillingTableVersions.State.valueOf(state.toUpperCase(Locale.ROOT));
    return tables.list(s, campaign).stream().map(tables::review).toList();
  }

  @GetMapping("/api/compliance/billing-tables/{id}")
  ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
    return ResponseEntity.of(
        tables
            .find(id)
            .map(
                v ->
                    Map.of(
                        "review",
                        tables.review(v),
                        "change",
                        v.changeId() == null
                            ? Map.of()
                            : changes
                                .find(v.changeId())
                                .map(Object.class::cast)
                                .orElse(Map.of()))));
  }

  @PostMapping("/api/compliance/billing-tables/{id}/approve")
  ChangeReview approve(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    if (proposedByFlow(id)) {
      return new ChangeReview(
          null,
          tables.approveFlowTables(id, actor.getName()).stream().map(tables::review).toList());
    }
    long change = changeOf(id);
    return review(changes.apply(change, body == null ? null : body.note(), actor.getName()));
  }

  @PostMapping("/api/compliance/billing-tables/{id}/reject")
  ChangeReview reject(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    if (proposedByFlow(id)) {
      return new ChangeReview(
          null, tables.rejectFlowTables(id, actor.getName()).stream().map(tables::review).toList());
    }
    long change = changeOf(id);
    return review(changes.reject(change, body == null ? null : body.note(), actor.getName()));
  }

  private ChangeReview review(OverrideChanges.Change c) {
    return new ChangeReview(c, tables.ofChange(c.id()).stream().map(tables::review).toList());
  }

  /** A flow version's combined tables are decided together, per campaign, with no change. */
  private boolean proposedByFlow(long id) {
    return tables
        .find(id)
        .filter(
            v ->
                v.cause() == BillingTableVersions.Cause.FLOW
                    && v.state() == BillingTableVersions.State.PENDING)
        .isPresent();
  }

  private long changeOf(long id) {
    BillingTableVersions.Version v =
        tables
            .find(id)
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no billing table " + id));
    if (v.changeId() == null || v.state() != BillingTableVersions.State.PENDING) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "billing table version " + id + " is " + v.state().name().toLowerCase(Locale.ROOT));
    }
    return v.changeId();
  }
}
