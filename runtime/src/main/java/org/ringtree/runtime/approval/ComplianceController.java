package org.ringtree.runtime.approval;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowParseResult;
import org.ringtree.rules.review.ComplianceReviews;
import org.ringtree.rules.review.ComplianceReviews.Artifact;
import org.ringtree.rules.review.ComplianceReviews.VersionEntry;
import org.ringtree.rules.review.Safeguards;
import org.ringtree.rules.review.VersionDiff;
import org.ringtree.rules.review.VersionReview;
import org.ringtree.runtime.connector.ConnectorNames;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.flow.VersionCatalog;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for compliance review and approval: versions, their compiled tables and rules, downloads,
 * diffs, approve/reject, publish, rollback and the approval setting. Who may call what is set per
 * path in SecurityConfiguration (operators submit and publish, compliance approves and rejects,
 * admins change the setting); four eyes and the approval requirement are enforced here and in
 * {@link FlowStore#makeLive}, not only by roles.
 */
@RestController
@RequestMapping("/api/compliance")
class ComplianceController {

  private final ComplianceReviews compliance;
  private final FlowStore flows;
  private final DirectoryStore directory;
  private final VersionCatalog catalog;
  private final ConnectorNames connectors;

  ComplianceController(
      ComplianceReviews compliance,
      FlowStore flows,
      DirectoryStore directory,
      VersionCatalog catalog,
      ConnectorNames connectors) {
    this.compliance = compliance;
    this.flows = flows;
    this.directory = directory;
    this.catalog = catalog;
    this.connectors = connectors;
  }

  record Settings(boolean requireApproval) {}

  record Comment(String comment) {}

  /**
   * Everything a reviewer reads about one version; {@code safeguards} (fraud policies, score model)
   * is read-only and as it is now.
   */
  record VersionReviewView(VersionEntry status, VersionReview review, Safeguards safeguards) {}

  record DiffView(VersionEntry from, VersionEntry to, VersionDiff diff) {}

  @GetMapping("/settings")
  Settings settings() {
    return new Settings(compliance.approvalRequired());
  }

  @PutMapping("/settings")
  Settings changeSettings(@RequestBody Settings body) {
    compliance.requireApproval(body.requireApproval());
    return settings();
  }

  @GetMapping("/flows")
  List<ComplianceReviews.FlowEntry> flows() {
    return compliance.flows();
  }

  @GetMapping("/flows/{flowId}/versions")
  List<VersionEntry> versions(@PathVariable String flowId) {
    return compliance.versions(flowId);
  }

  @GetMapping("/flows/{flowId}/publications")
  List<VersionCatalog.Publication> publications(@PathVariable String flowId) {
    return catalog.publications(flowId);
  }

  /** Submits a flow document: compiled against the current directory and stored as a version. */
  @PostMapping(path = "/flows/{flowId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> submit(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String flowId,
      @RequestBody String json) {
    FlowParseResult parsed = FlowJson.read(json);
    // any problem refuses the whole file: storing the readable part would drop nodes silently
    if (!parsed.ok()) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", "the flow document does not read", "issues", parsed.issues()));
    }
    FlowDocument doc = parsed.document().get();
    if (!flowId.equals(doc.id())) {
      throw new IllegalArgumentException(
          "the document is flow " + doc.id() + ", not " + flowId + " as the path says");
    }
    FlowStore.StoredVersion stored =
        flows.saveVersion(doc, directory.snapshot(connectors.all()), user.getUsername());
    return ResponseEntity.created(URI.create("/api/compliance/versions/" + stored.id()))
        .body(entry(stored.id()));
  }

  @GetMapping("/versions/{id}")
  VersionReviewView version(@PathVariable long id) {
    return new VersionReviewView(entry(id), compliance.review(id), compliance.safeguards(id));
  }

  @GetMapping("/versions/{id}/routing.dmn")
  ResponseEntity<byte[]> routingDmn(@PathVariable long id) {
    return download(id, Artifact.ROUTING_DMN, "routing.dmn", MediaType.APPLICATION_XML);
  }

  @GetMapping("/versions/{id}/billing.dmn")
  ResponseEntity<byte[]> billingDmn(@PathVariable long id) {
    return download(id, Artifact.BILLING_DMN, "billing.dmn", MediaType.APPLICATION_XML);
  }

  @GetMapping("/versions/{id}/flow.json")
  ResponseEntity<byte[]> flowJson(@PathVariable long id) {
    return download(id, Artifact.FLOW_JSON, "flow.json", MediaType.APPLICATION_JSON);
  }

  /** The generated Camel routes, one per connector node: the routes connector calls run through. */
  @GetMapping("/versions/{id}/routes.yaml")
  ResponseEntity<byte[]> camelRoutes(@PathVariable long id) {
    return download(id, Artifact.CAMEL_YAML, "routes.yaml", MediaType.TEXT_PLAIN);
  }

  @GetMapping("/versions/{id}/rules.drl")
  ResponseEntity<byte[]> drl(@PathVariable long id) {
    return download(id, Artifact.DRL, "rules.drl", MediaType.TEXT_PLAIN);
  }

  /**
   * What changed from {@code against} (default: the live version, or the version before when this
   * one is live) to this version.
   */
  @GetMapping("/versions/{id}/diff")
  DiffView diff(@PathVariable long id, @RequestParam(required = false) Long against) {
    VersionEntry to = entry(id);
    long from =
        against != null
            ? against
            : catalog
                .defaultBaseline(catalog.version(id).orElseThrow())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "version " + id + " has nothing to compare with; pass ?against="));
    return new DiffView(entry(from), to, compliance.diff(id, from));
  }

  @PostMapping("/versions/{id}/approve")
  VersionEntry approve(@PathVariable long id, @RequestBody Comment body) {
    return compliance.approve(id, body.comment());
  }

  @PostMapping("/versions/{id}/reject")
  VersionEntry reject(@PathVariable long id, @RequestBody Comment body) {
    return compliance.reject(id, body.comment());
  }

  @PostMapping("/versions/{id}/publish")
  VersionEntry publish(@PathVariable long id) {
    return compliance.publish(id);
  }

  @PostMapping("/flows/{flowId}/rollback")
  VersionEntry rollback(@PathVariable String flowId, @RequestBody Comment body) {
    return compliance.rollback(flowId, body.comment());
  }

  private VersionEntry entry(long id) {
    return compliance.version(id).orElseThrow(() -> new VersionCatalog.UnknownVersionException(id));
  }

  private ResponseEntity<byte[]> download(
      long id, Artifact artifact, String suffix, MediaType type) {
    VersionEntry v = entry(id);
    String filename = v.flowId() + "-v" + v.version() + "-" + suffix;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(compliance.download(id, artifact).getBytes(StandardCharsets.UTF_8));
  }

  @ExceptionHandler(VersionCatalog.UnknownVersionException.class)
  ResponseEntity<Map<String, Object>> unknown(RuntimeException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(VersionReviews.FourEyesException.class)
  ResponseEntity<Map<String, Object>> fourEyes(RuntimeException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler({
    FlowStore.PublishRefusedException.class,
    Publications.NothingToRollBackException.class
  })
  ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
    return error(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> bad(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(FlowStore.FlowRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(FlowStore.FlowRejectedException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("error", "the flow does not compile", "issues", e.issues()));
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
