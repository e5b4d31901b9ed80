package org.ringtree.runtime.approval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ringtree.runtime.audit.AuditLogStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.flow.VersionCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Publishing a version and rolling a flow back to its previous live version, each one audited
 * action. Both go through {@link FlowStore#makeLive}, so the approval guard and the publication
 * history apply to them like to any other publish.
 */
@Service
public class Publications {

  /** There is nothing to roll back to. */
  @ResponseStatus(HttpStatus.CONFLICT)
  public static final class NothingToRollBackException extends RuntimeException {
    NothingToRollBackException(String message) {
      super(message);
    }
  }

  private final FlowStore flows;
  private final VersionCatalog catalog;
  private final AuditLogStore audit;

  Publications(FlowStore flows, VersionCatalog catalog, AuditLogStore audit) {
    this.flows = flows;
    this.catalog = catalog;
    this.audit = audit;
  }

  /** Makes the version live for new calls (refused if approval is required and missing). */
  @Transactional
  public VersionCatalog.VersionInfo publish(long versionId) {
    VersionCatalog.VersionInfo v =
        catalog
            .version(versionId)
            .orElseThrow(() -> new VersionCatalog.UnknownVersionException(versionId));
    flows.makeLive(v.flowId(), versionId);
    return catalog.version(versionId).orElseThrow();
  }

  /**
   * Makes the version that was live before the current one live again. Repeated rollbacks keep
   * walking back through the versions that were published before.
   */
  @Transactional
  public VersionCatalog.VersionInfo rollback(String flowId, String actor, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("a rollback needs a comment saying why");
    }
    flows.lockFlow(flowId);
    long current =
        catalog
            .liveVersionId(flowId)
            .orElseThrow(
                () -> new NothingToRollBackException("flow " + flowId + " has no live version"));
    long previous =
        catalog
            .livePredecessor(flowId, current)
            .orElseThrow(
                () ->
                    new NothingToRollBackException(
                        "flow " + flowId + " had no live version before version " + current));
    // transaction-local: tells the guard and the publication trigger this is a rollback
    flows.markRollback();
    flows.makeLive(flowId, previous);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("liveVersionId", previous);
    after.put("comment", comment.strip());
    audit.record(actor, "flow.rollback", "flow", flowId, Map.of("liveVersionId", current), after);
    return catalog.version(previous).orElseThrow();
  }
}
