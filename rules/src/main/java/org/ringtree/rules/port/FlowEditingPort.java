package org.ringtree.rules.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.validation.Issue;

/**
 * Drafts, versions and publishing of flows. A draft may hold errors; a published version never
 * does, and it is immutable.
 */
public interface FlowEditingPort {

  /** One flow of the network, with its live version number (null: none published yet). */
  record FlowSummary(
      String flowId, String name, String campaignId, Integer liveVersion, boolean hasDraft) {}

  /** What the editor opens: the saved draft if there is one, otherwise the live version. */
  record EditableFlow(FlowDocument document, boolean fromDraft, Integer liveVersion) {}

  /**
   * Where a stored version stands: waiting for review, approved or rejected by compliance (the
   * latest decision counts), serving calls now, or live earlier and since replaced.
   */
  enum VersionState {
    PENDING("awaiting review"),
    APPROVED("approved, not live"),
    REJECTED("rejected"),
    LIVE("live"),
    RETIRED("was live");

    private final String words;

    VersionState(String words) {
      this.words = words;
    }

    /** How the console shows the state. */
    public String words() {
      return words;
    }
  }

  /** A stored, immutable version of a flow and its review state. */
  record VersionSummary(
      int version, VersionKey versionKey, String author, Instant createdAt, VersionState state) {

    public boolean live() {
      return state == VersionState.LIVE;
    }
  }

  /** The answer to a publish: the new live version, or the issues that refused it. */
  record PublishResult(
      boolean published, Integer version, VersionKey versionKey, List<Issue> issues) {
    public PublishResult {
      issues = issues == null ? List.of() : List.copyOf(issues);
    }
  }

  /**
   * The answer to a submission for review: the stored version (pending approval, not live), or the
   * issues that refused it.
   */
  record Submission(Integer version, VersionKey versionKey, List<Issue> issues) {
    public Submission {
      issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public boolean stored() {
      return version != null;
    }
  }

  /** A campaign without a flow, for which an operator may start one. */
  record CampaignChoice(String campaignId, String name) {}

  List<FlowSummary> flows();

  /** Campaigns that have no flow yet (one flow per campaign), by name. */
  List<CampaignChoice> campaignsWithoutFlow();

  /**
   * Stores the first draft of a new flow for a campaign that has none.
   *
   * @throws IllegalArgumentException with the reason when the campaign does not exist, already has
   *     a flow, or the flow id is taken; nothing is stored then
   */
  void startFlow(FlowDocument document);

  Optional<EditableFlow> open(String flowId);

  /** Keeps the document as the flow's draft, errors and all; its campaign must exist. */
  void saveDraft(FlowDocument document);

  /** Newest first. */
  List<VersionSummary> versions(String flowId);

  Optional<FlowDocument> version(String flowId, int version);

  /** The rules core's validation against the current directory. */
  List<Issue> validate(FlowDocument document);

  /**
   * Stores the document as a new immutable version and makes it live for new calls, unless it has
   * errors.
   */
  PublishResult publish(FlowDocument document, String author);

  /**
   * Stores the document as a new immutable version by {@code author} without making it live, for
   * compliance to review and approve; refused while it has errors. Storing content identical to an
   * existing version returns that version.
   */
  Submission submit(FlowDocument document, String author);

  /** Whether a version must be approved, by someone other than its author, before it goes live. */
  boolean approvalRequired();
}
