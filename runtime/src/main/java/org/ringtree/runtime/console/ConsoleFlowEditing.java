package org.ringtree.runtime.console;

import java.util.List;
import java.util.Optional;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.rules.port.FlowEditingPort.VersionState;
import org.ringtree.rules.validation.FlowValidator;
import org.ringtree.rules.validation.Issue;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.connector.ConnectorNames;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flow drafts live in {@code flows.draft}; publishing goes through {@link FlowStore}, whose live
 * version {@code FlowRuntimes} looks up for every new call, so no restart is needed.
 */
@Service
class ConsoleFlowEditing implements FlowEditingPort {

  private static final Logger log = LoggerFactory.getLogger(ConsoleFlowEditing.class);

  private final TransactionTemplate tx;
  private final FlowStore flows;
  private final DirectoryStore directory;
  private final ConnectorNames connectors;
  private final ComplianceSettings settings;

  ConsoleFlowEditing(
      TransactionTemplate tx,
      FlowStore flows,
      DirectoryStore directory,
      ConnectorNames connectors,
      ComplianceSettings settings) {
    this.tx = tx;
    this.flows = flows;
    this.directory = directory;
    this.connectors = connectors;
    this.settings = settings;
  }

  @Override
  public List<FlowSummary> flows() {
    return flows.headers().stream()
        .map(f -> new FlowSummary(f.id(), f.name(), f.campaignId(), f.liveVersion(), f.hasDraft()))
        .toList();
  }

  @Override
  public List<CampaignChoice> campaignsWithoutFlow() {
    java.util.Set<String> taken =
        flows.headers().stream()
            .map(FlowStore.FlowHeader::campaignId)
            .collect(java.util.stream.Collectors.toSet());
    return snapshot().campaigns().stream()
        .filter(c -> !taken.contains(c.id()))
        .map(c -> new CampaignChoice(c.id(), c.name() == null ? c.id() : c.name()))
        .sorted(java.util.Comparator.comparing(CampaignChoice::name))
        .toList();
  }

  @Override
  public void startFlow(FlowDocument doc) {
    if (doc.id() == null || doc.id().isBlank() || doc.campaignId() == null) {
      throw new IllegalArgumentException("a new flow needs an id and a campaign");
    }
    if (snapshot().campaigns().stream().noneMatch(c -> c.id().equals(doc.campaignId()))) {
      throw new IllegalArgumentException(
          "there is no campaign " + doc.campaignId() + " (it may have been removed meanwhile)");
    }
    for (FlowStore.FlowHeader f : flows.headers()) {
      if (f.campaignId().equals(doc.campaignId())) {
        throw new IllegalArgumentException(
            "campaign "
                + doc.campaignId()
                + " already has a flow, \""
                + f.name()
                + "\": open it from the list (one flow per campaign)");
      }
      if (f.id().equals(doc.id())) {
        throw new IllegalArgumentException("a flow with the id " + doc.id() + " exists already");
      }
    }
    try {
      saveDraft(doc);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      // someone started one for this campaign in between: the unique index refused it
      throw new IllegalArgumentException(
          "campaign " + doc.campaignId() + " got a flow meanwhile: open it from the list");
    }
  }

  @Override
  public Optional<EditableFlow> open(String flowId) {
    return flows
        .editorCopy(flowId)
        .map(
            copy -> {
              String json = copy.draftJson() != null ? copy.draftJson() : copy.liveJson();
              FlowDocument doc =
                  json == null
                      ? new FlowDocument(
                          FlowDocument.CURRENT_SCHEMA_VERSION,
                          flowId,
                          flowId,
                          null,
                          List.of(),
                          List.of())
                      : FlowJson.read(json).document().orElseThrow();
              return new EditableFlow(doc, copy.draftJson() != null, copy.liveVersion());
            });
  }

  @Override
  public void saveDraft(FlowDocument doc) {
    if (doc.id() == null || doc.campaignId() == null) {
      throw new IllegalArgumentException("a draft needs a flow id and a campaign");
    }
    String name = doc.name() == null || doc.name().isBlank() ? doc.id() : doc.name();
    flows.saveDraft(doc, name);
  }

  @Override
  public List<VersionSummary> versions(String flowId) {
    return flows.versionHeaders(flowId).stream()
        .map(
            v ->
                new VersionSummary(
                    v.version(),
                    v.versionKey(),
                    v.author(),
                    v.createdAt(),
                    state(v.live(), v.latestDecision(), v.everPublished())))
        .toList();
  }

  /**
   * Live and "was live" come first: a version published while approval was off has no review, and a
   * live version's review is history by then.
   */
  static VersionState state(boolean live, String latestDecision, boolean everPublished) {
    if (live) {
      return VersionState.LIVE;
    }
    if (everPublished) {
      return VersionState.RETIRED;
    }
    if (latestDecision == null) {
      return VersionState.PENDING;
    }
    return VersionState.valueOf(latestDecision);
  }

  @Override
  public Optional<FlowDocument> version(String flowId, int version) {
    return flows.documentJson(flowId, version).flatMap(json -> FlowJson.read(json).document());
  }

  @Override
  public List<Issue> validate(FlowDocument doc) {
    return FlowValidator.validate(doc, snapshot());
  }

  @Override
  public PublishResult publish(FlowDocument doc, String author) {
    DirectorySnapshot snapshot = snapshot();
    List<Issue> issues = FlowValidator.validate(doc, snapshot);
    if (FlowValidator.hasErrors(issues)) {
      return new PublishResult(false, null, null, issues);
    }
    try {
      FlowStore.StoredVersion stored =
          tx.execute(
              status -> {
                FlowStore.StoredVersion v = flows.saveVersion(doc, snapshot, author);
                flows.makeLive(v.flowId(), v.id());
                saveDraft(doc);
                return v;
              });
      log.info(
          "Flow {} version {} ({}) is live, published by {}",
          stored.flowId(),
          stored.version(),
          stored.compiled().versionKey(),
          author);
      return new PublishResult(true, stored.version(), stored.compiled().versionKey(), issues);
    } catch (FlowStore.FlowRejectedException e) {
      return new PublishResult(false, null, null, e.issues());
    } catch (FlowStore.PublishRefusedException e) {
      // four-eyes approval is on: nothing went live (the transaction rolled back)
      return new PublishResult(
          false, null, null, List.of(Issue.error(null, null, "publish.refused", e.getMessage())));
    }
  }

  @Override
  public Submission submit(FlowDocument doc, String author) {
    DirectorySnapshot snapshot = snapshot();
    List<Issue> issues = FlowValidator.validate(doc, snapshot);
    if (FlowValidator.hasErrors(issues)) {
      return new Submission(null, null, issues);
    }
    try {
      FlowStore.StoredVersion stored =
          tx.execute(
              status -> {
                FlowStore.StoredVersion v = flows.saveVersion(doc, snapshot, author);
                saveDraft(doc);
                return v;
              });
      log.info(
          "Flow {} version {} ({}) submitted for review by {}",
          stored.flowId(),
          stored.version(),
          stored.compiled().versionKey(),
          author);
      return new Submission(stored.version(), stored.compiled().versionKey(), issues);
    } catch (FlowStore.FlowRejectedException e) {
      return new Submission(null, null, e.issues());
    }
  }

  @Override
  public boolean approvalRequired() {
    return settings.requireApproval();
  }

  DirectorySnapshot snapshot() {
    return directory.snapshot(connectors.all());
  }
}
