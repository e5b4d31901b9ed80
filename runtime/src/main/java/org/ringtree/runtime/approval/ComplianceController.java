package org.ringtree.runtime.approval;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowParseResult;
import org.ringtree.rules.review.VersionDiff;
import org.ringtree.rules.review.VersionReview;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
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

  private final FlowStore flows;
  private final DirectoryStore directory;
  private final VersionCatalog catalog;
  private final VersionReviews reviews;
  private final Publications publications;
  private final ComplianceSettings settings;

  ComplianceController(
      FlowStore flows,
      DirectoryStore directory,
      VersionCatalog catalog,
      VersionReviews reviews,
      Publications publications,
      ComplianceSettings settings) {
    this.flows = flows;
    this.directory = directory;
    this.catalog = catalog;
    this.reviews = reviews;
    this.publications = publications;
    this.settings = settings;
  }

  record Settings(boolean requireApproval) {}

  record Comment(String comment) {}

  /** A version with its review state: the latest decision and every earlier one. */
  record VersionStatus(
      VersionCatalog.VersionInfo version,
      String state,
      VersionReviews.Review latestReview,
      List<VersionReviews.Review> reviews) {}

  /** Everything a reviewer reads about one version. */
  record VersionReviewView(VersionStatus status, VersionReview review) {}

  record DiffView(
      VersionCatalog.VersionInfo from, VersionCatalog.VersionInfo to, VersionDiff diff) {}

  @GetMapping("/settings")
  Settings settings() {
    return new Settings(settings.requireApproval());
  }

  @PutMapping("/settings")
  Settings changeSettings(@AuthenticationPrincipal SignedInUser user, @RequestBody Settings body) {
    settings.setRequireApproval(body.requireApproval(), user.getUsername());
    return settings();
  }

  @GetMapping("/flows")
  List<VersionCatalog.FlowInfo> flows() {
    return catalog.flows();
  }

  @GetMapping("/flows/{flowId}/versions")
  List<VersionStatus> versions(@PathVariable String flowId) {
    return catalog.versions(flowId).stream().map(this::status).toList();
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
    if (parsed.document().isEmpty()) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", "the flow document does not read", "issues", parsed.issues()));
    }
    FlowDocument doc = parsed.document().get();
    if (!flowId.equals(doc.id())) {
      throw new IllegalArgumentException(
          "the document is flow " + doc.id() + ", not " + flowId + " as the path says");
    }
    FlowStore.StoredVersion stored =
        flows.saveVersion(doc, directory.snapshot(Set.of()), user.getUsername());
    VersionCatalog.VersionInfo info = catalog.version(stored.id()).orElseThrow();
    return ResponseEntity.created(URI.create("/api/compliance/versions/" + info.id()))
        .body(status(info));
  }

  @GetMapping("/versions/{id}")
  VersionReviewView version(@PathVariable long id) {
    FlowStore.StoredVersion stored = stored(id);
    return new VersionReviewView(status(info(id)), VersionReview.of(stored.compiled()));
  }

  @GetMapping("/versions/{id}/routing.dmn")
  ResponseEntity<byte[]> routingDmn(@PathVariable long id) {
    VersionCatalog.VersionInfo v = info(id);
    return download(
        stored(id).compiled().routingDmn(), name(v, "routing.dmn"), MediaType.APPLICATION_XML);
  }

  @GetMapping("/versions/{id}/billing.dmn")
  ResponseEntity<byte[]> billingDmn(@PathVariable long id) {
    VersionCatalog.VersionInfo v = info(id);
    return download(
        stored(id).compiled().billingDmn(), name(v, "billing.dmn"), MediaType.APPLICATION_XML);
  }

  @GetMapping("/versions/{id}/flow.json")
  ResponseEntity<byte[]> flowJson(@PathVariable long id) {
    VersionCatalog.VersionInfo v = info(id);
    return download(
        stored(id).compiled().flowJson(), name(v, "flow.json"), MediaType.APPLICATION_JSON);
  }

  @GetMapping("/versions/{id}/rules.drl")
  ResponseEntity<byte[]> drl(@PathVariable long id) {
    VersionCatalog.VersionInfo v = info(id);
    return download(stored(id).compiled().drl(), name(v, "rules.drl"), MediaType.TEXT_PLAIN);
  }

  /**
   * What changed from {@code against} (default: the live version, or the version before when this
   * one is live) to this version.
   */
  @GetMapping("/versions/{id}/diff")
  DiffView diff(@PathVariable long id, @RequestParam(required = false) Long against) {
    VersionCatalog.VersionInfo to = info(id);
    long fromId =
        against != null
            ? against
            : catalog
                .liveVersionId(to.flowId())
                .filter(live -> live != id)
                .or(() -> catalog.previousVersionId(to))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "version " + id + " has nothing to compare with; pass ?against="));
    VersionCatalog.VersionInfo from = info(fromId);
    return new DiffView(
        from, to, VersionDiff.between(stored(fromId).compiled(), stored(id).compiled()));
  }

  @PostMapping("/versions/{id}/approve")
  VersionStatus approve(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody Comment body) {
    reviews.decide(id, VersionReviews.Decision.APPROVED, user.getUsername(), body.comment());
    return status(info(id));
  }

  @PostMapping("/versions/{id}/reject")
  VersionStatus reject(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody Comment body) {
    reviews.decide(id, VersionReviews.Decision.REJECTED, user.getUsername(), body.comment());
    return status(info(id));
  }

  @PostMapping("/versions/{id}/publish")
  VersionStatus publish(@PathVariable long id) {
    return status(publications.publish(id));
  }

  @PostMapping("/flows/{flowId}/rollback")
  VersionStatus rollback(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String flowId,
      @RequestBody Comment body) {
    return status(publications.rollback(flowId, user.getUsername(), body.comment()));
  }

  private VersionStatus status(VersionCatalog.VersionInfo v) {
    VersionReviews.Review latest = reviews.latest(v.id()).orElse(null);
    String state = latest == null ? "PENDING" : latest.decision().name();
    return new VersionStatus(v, state, latest, reviews.history(v.id()));
  }

  private VersionCatalog.VersionInfo info(long id) {
    return catalog.version(id).orElseThrow(() -> new VersionCatalog.UnknownVersionException(id));
  }

  private FlowStore.StoredVersion stored(long id) {
    return flows.byId(id).orElseThrow(() -> new VersionCatalog.UnknownVersionException(id));
  }

  private static String name(VersionCatalog.VersionInfo v, String suffix) {
    return v.flowId() + "-v" + v.version() + "-" + suffix;
  }

  private static ResponseEntity<byte[]> download(String body, String filename, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body.getBytes(StandardCharsets.UTF_8));
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
