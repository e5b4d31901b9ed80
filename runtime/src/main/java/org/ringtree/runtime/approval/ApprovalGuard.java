package org.ringtree.runtime.approval;

import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.flow.VersionCatalog;
import org.springframework.stereotype.Component;

/**
 * Keeps unapproved versions from going live while approval is required, whoever publishes them (the
 * REST API, the editor, a script): it runs inside {@link FlowStore#makeLive}. A rollback may return
 * to a version that was live before, approved or not, so an emergency is never blocked by
 * paperwork; the rollback itself is audited.
 */
@Component
class ApprovalGuard implements FlowStore.LiveVersionGuard {

  private final ComplianceSettings settings;
  private final VersionReviews reviews;
  private final VersionCatalog catalog;
  private final FlowStore flows;

  ApprovalGuard(
      ComplianceSettings settings,
      VersionReviews reviews,
      VersionCatalog catalog,
      FlowStore flows) {
    this.settings = settings;
    this.reviews = reviews;
    this.catalog = catalog;
    this.flows = flows;
  }

  @Override
  public void checkMayGoLive(String flowId, long versionId) {
    if (!settings.requireApproval()) {
      return;
    }
    if (flows.rollingBack() && catalog.wasEverLive(flowId, versionId)) {
      return;
    }
    if (!reviews.isApproved(versionId)) {
      String state =
          reviews
              .latest(versionId)
              .map(r -> "was rejected by " + r.reviewer())
              .orElse("is not approved");
      throw new FlowStore.PublishRefusedException(
          "version "
              + versionId
              + " of flow "
              + flowId
              + " "
              + state
              + "; approval by someone other than its author is required before it goes live");
    }
  }
}
