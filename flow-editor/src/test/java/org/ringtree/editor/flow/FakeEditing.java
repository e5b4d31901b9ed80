package org.ringtree.editor.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.rules.validation.FlowValidator;
import org.ringtree.rules.validation.Issue;

/** The editing port over the rules core's validator and the demo directory, in memory. */
final class FakeEditing implements FlowEditingPort {

  final DirectorySnapshot directory = DemoNetwork.directory();
  final List<FlowDocument> drafts = new ArrayList<>();
  final List<FlowDocument> published = new ArrayList<>();
  final List<FlowDocument> submitted = new ArrayList<>();
  final List<String> authors = new ArrayList<>();
  boolean approvalRequired;

  @Override
  public List<FlowSummary> flows() {
    return List.of();
  }

  @Override
  public List<CampaignChoice> campaignsWithoutFlow() {
    return directory.campaigns().stream()
        .filter(c -> drafts.stream().noneMatch(d -> c.id().equals(d.campaignId())))
        .map(c -> new CampaignChoice(c.id(), c.name()))
        .toList();
  }

  @Override
  public void startFlow(FlowDocument document) {
    if (drafts.stream().anyMatch(d -> d.campaignId().equals(document.campaignId()))) {
      throw new IllegalArgumentException("campaign " + document.campaignId() + " has a flow");
    }
    drafts.add(document);
  }

  @Override
  public Optional<EditableFlow> open(String flowId) {
    return Optional.empty();
  }

  @Override
  public void saveDraft(FlowDocument document) {
    drafts.add(document);
  }

  @Override
  public List<VersionSummary> versions(String flowId) {
    return List.of();
  }

  @Override
  public Optional<FlowDocument> version(String flowId, int version) {
    return Optional.empty();
  }

  @Override
  public List<Issue> validate(FlowDocument document) {
    return FlowValidator.validate(document, directory);
  }

  @Override
  public PublishResult publish(FlowDocument document, String author) {
    authors.add(author);
    if (approvalRequired) {
      return new PublishResult(
          false,
          null,
          null,
          List.of(Issue.error(null, null, "publish.refused", "version 1 is not approved")));
    }
    published.add(document);
    return new PublishResult(true, published.size(), key(published.size()), List.of());
  }

  @Override
  public Submission submit(FlowDocument document, String author) {
    authors.add(author);
    submitted.add(document);
    return new Submission(submitted.size(), key(100 + submitted.size()), List.of());
  }

  /** A stand-in version key per stored version. */
  private static VersionKey key(int n) {
    return VersionKey.of("%016x".formatted(n));
  }

  @Override
  public boolean approvalRequired() {
    return approvalRequired;
  }

  static FlowDocument empty() {
    return new FlowDocument(
        FlowDocument.CURRENT_SCHEMA_VERSION, "f1", "Test flow", "legal-tx", List.of(), List.of());
  }
}
