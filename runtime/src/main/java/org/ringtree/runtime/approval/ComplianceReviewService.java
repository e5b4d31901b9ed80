package org.ringtree.runtime.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.fraud.FraudPolicy;
import org.ringtree.rules.review.ComplianceReviews;
import org.ringtree.rules.review.Safeguards;
import org.ringtree.rules.review.VersionDiff;
import org.ringtree.rules.review.VersionReview;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.flow.VersionCatalog;
import org.ringtree.runtime.fraud.FraudAdmin;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The compliance port, for the REST API and for screens alike. Every method acts as the signed-in
 * user and carries its own role check, so no entry point can do more than the roles allow; four
 * eyes and the approval requirement are enforced further down, in {@link VersionReviews} and {@link
 * FlowStore#makeLive}.
 */
@Service
class ComplianceReviewService implements ComplianceReviews {

  /** The scope of the network's own fraud policy (fraud.FraudSettings). */
  private static final String NETWORK = "*";

  private static final String READERS = "hasAnyRole('ADMIN', 'OPERATOR', 'COMPLIANCE')";

  private final FlowStore flows;
  private final VersionCatalog catalog;
  private final VersionReviews reviews;
  private final Publications publications;
  private final ComplianceSettings settings;
  private final FraudAdmin fraud;
  private final PromotedModelReview model;

  ComplianceReviewService(
      FlowStore flows,
      VersionCatalog catalog,
      VersionReviews reviews,
      Publications publications,
      ComplianceSettings settings,
      FraudAdmin fraud,
      PromotedModelReview model) {
    this.flows = flows;
    this.catalog = catalog;
    this.reviews = reviews;
    this.publications = publications;
    this.settings = settings;
    this.fraud = fraud;
    this.model = model;
  }

  @Override
  @PreAuthorize(READERS)
  public List<FlowEntry> flows() {
    return catalog.flows().stream()
        .map(f -> new FlowEntry(f.id(), f.name(), f.campaignId(), f.liveVersionId(), f.versions()))
        .toList();
  }

  @Override
  @PreAuthorize(READERS)
  public List<VersionEntry> versions(String flowId) {
    return catalog.versions(flowId).stream().map(this::entry).toList();
  }

  @Override
  @PreAuthorize(READERS)
  public Optional<VersionEntry> version(long versionId) {
    return catalog.version(versionId).map(this::entry);
  }

  @Override
  @PreAuthorize(READERS)
  public VersionReview review(long versionId) {
    return VersionReview.of(compiled(versionId));
  }

  @Override
  @PreAuthorize(READERS)
  public VersionDiff diff(long versionId, Long againstVersionId) {
    VersionCatalog.VersionInfo to = info(versionId);
    long from =
        againstVersionId != null
            ? againstVersionId
            : catalog
                .defaultBaseline(to)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "version " + versionId + " has nothing to compare with"));
    info(from);
    return VersionDiff.between(compiled(from), compiled(versionId));
  }

  @Override
  @PreAuthorize(READERS)
  public String download(long versionId, Artifact artifact) {
    CompiledFlow c = compiled(versionId);
    return switch (artifact) {
      case ROUTING_DMN -> c.routingDmn();
      case BILLING_DMN -> c.billingDmn();
      case FLOW_JSON -> c.flowJson();
      case DRL -> c.drl();
      case CAMEL_YAML -> c.camelYaml();
    };
  }

  @Override
  @PreAuthorize(READERS)
  public Safeguards safeguards(long versionId) {
    VersionCatalog.VersionInfo v = info(versionId);
    FraudPolicy network =
        fraud.policy(NETWORK).map(p -> p.settings().policy()).orElse(FraudPolicy.OFF);
    List<Safeguards.Policy> policies = new ArrayList<>();
    catalog.flows().stream()
        .filter(f -> f.id().equals(v.flowId()) && f.campaignId() != null)
        .map(VersionCatalog.FlowInfo::campaignId)
        .forEach(
            campaign -> {
              Optional<FraudPolicy> own = fraud.policy(campaign).map(p -> p.settings().policy());
              policies.add(
                  new Safeguards.Policy(
                      campaign,
                      own.isPresent()
                          ? "the network's policy with campaign " + campaign + "'s overrides"
                          : "the network's policy (campaign " + campaign + " overrides nothing)",
                      Safeguards.inWords(own.map(network::overriddenBy).orElse(network))));
            });
    if (policies.isEmpty()) {
      policies.add(
          new Safeguards.Policy(
              null,
              "the network's policy (the flow names no campaign)",
              Safeguards.inWords(network)));
    }
    return new Safeguards(policies, model.promotedForReview().orElse(null));
  }

  @Override
  @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE')")
  public VersionEntry approve(long versionId, String comment) {
    reviews.decide(versionId, VersionReviews.Decision.APPROVED, actor(), comment);
    return entry(info(versionId));
  }

  @Override
  @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE')")
  public VersionEntry reject(long versionId, String comment) {
    reviews.decide(versionId, VersionReviews.Decision.REJECTED, actor(), comment);
    return entry(info(versionId));
  }

  @Override
  @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
  public VersionEntry publish(long versionId) {
    return entry(publications.publish(versionId));
  }

  @Override
  @PreAuthorize(READERS)
  public VersionEntry rollback(String flowId, String comment) {
    return entry(publications.rollback(flowId, actor(), comment));
  }

  @Override
  @PreAuthorize(READERS)
  public boolean approvalRequired() {
    return settings.requireApproval();
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public void requireApproval(boolean required) {
    settings.setRequireApproval(required, actor());
  }

  VersionCatalog.VersionInfo info(long id) {
    return catalog.version(id).orElseThrow(() -> new VersionCatalog.UnknownVersionException(id));
  }

  private CompiledFlow compiled(long id) {
    return flows
        .byId(id)
        .orElseThrow(() -> new VersionCatalog.UnknownVersionException(id))
        .compiled();
  }

  private VersionEntry entry(VersionCatalog.VersionInfo v) {
    List<Decision> decisions =
        reviews.history(v.id()).stream()
            .map(r -> new Decision(r.decision().name(), r.reviewer(), r.comment(), r.at()))
            .toList();
    String state = decisions.isEmpty() ? "PENDING" : decisions.get(decisions.size() - 1).decision();
    return new VersionEntry(
        v.id(),
        v.flowId(),
        v.version(),
        v.versionKey(),
        v.author(),
        v.createdAt(),
        v.live(),
        state,
        decisions);
  }

  private static String actor() {
    return SignedInUser.current()
        .map(SignedInUser::getUsername)
        .orElseThrow(() -> new AccessDeniedException("no signed-in user"));
  }
}
