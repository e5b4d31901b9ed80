package org.ringtree.editor.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.shell.Viewer;

/**
 * The score models screen over an in-memory port that behaves like /api/score/models: training
 * refuses too few days of calls, a promotion is a pending request while approval is on, only
 * someone else decides it, and a roll back promotes the previous model again.
 */
class ScoreModelsViewTest {

  static final Viewer ADMIN = new Viewer("ann", Set.of(Viewer.ADMIN));
  static final Viewer OTHER_ADMIN = new Viewer("bob", Set.of(Viewer.ADMIN));
  static final Viewer COMPLIANCE = new Viewer("carol", Set.of(Viewer.COMPLIANCE));

  /** Keeps versions and promotions; the signed-in user is {@code actor}. */
  static final class MemoryPort implements ScoreModelsPort {
    boolean approval;
    String actor = "ann";
    final List<Version> versions = new ArrayList<>();
    final List<Promotion> promotions = new ArrayList<>();
    final List<String> trained = new ArrayList<>();
    String previous;

    static Version version(long id, String state, boolean promotable) {
      return new Version(
          id,
          "score-v" + id,
          state,
          "CONVERTED",
          false,
          Instant.parse("2025-03-01T06:00:00Z"),
          Instant.parse("2025-03-21T05:00:00Z"),
          6000,
          promotable ? 0.81 : 0.50,
          promotable ? 0.79 : 0.46,
          promotable ? 0.83 : 0.54,
          0.012,
          promotable,
          promotable
              ? List.of("AUC 0.810 (95% CI 0.790–0.830) beats chance by at least 0.05")
              : List.of("AUC 0.500 (95% CI 0.460–0.540): the lower bound is not 0.05 above chance"),
          "ann",
          Instant.parse("2025-04-01T00:00:00Z"),
          null,
          null);
    }

    @Override
    public boolean approvalRequired() {
      return approval;
    }

    @Override
    public List<Version> versions() {
      return List.copyOf(versions);
    }

    @Override
    public List<Promotion> promotions() {
      return List.copyOf(promotions);
    }

    @Override
    public Version train(String label, int days, boolean weightByRevenue) {
      trained.add(label + "/" + days + "/" + weightByRevenue);
      if (days < 20) {
        throw new ScoreModelsProblem(
            "not enough labelled calls to train: 12 ended calls scored from 2025-03-14T00:00:00Z to"
                + " 2025-03-21T00:00:00Z, at least 100");
      }
      Version v = version(versions.size() + 1, "CANDIDATE", true);
      versions.add(v);
      return v;
    }

    @Override
    public Outcome promote(long id, String reason) {
      Version v = find(id);
      if (!v.promotable()) {
        throw new ScoreModelsProblem(
            v.name() + " may not be promoted: " + String.join("; ", v.verdict()));
      }
      if (approval) {
        Promotion p = request(v, false, "PENDING", reason);
        promotions.add(p);
        return new Outcome(null, p);
      }
      Version promoted = apply(v);
      Promotion p = request(v, false, "APPLIED", reason);
      promotions.add(p);
      return new Outcome(promoted, p);
    }

    @Override
    public Outcome rollback(String reason) {
      if (previous == null) {
        throw new ScoreModelsProblem("no model was promoted before: nothing to roll back to");
      }
      Version v = versions.stream().filter(x -> x.name().equals(previous)).findFirst().get();
      return new Outcome(apply(v), request(v, true, "APPLIED", reason));
    }

    @Override
    public Outcome approve(long requestId, String note) {
      Promotion p = promotions.get((int) requestId - 1);
      if (p.requestedBy().equals(actor)) {
        throw new ScoreModelsProblem(
            "promotion "
                + requestId
                + " was asked for by "
                + actor
                + "; someone else approves or rejects it");
      }
      Version promoted = apply(find(p.modelId()));
      Promotion decided = decide(p, "APPLIED", note);
      return new Outcome(promoted, decided);
    }

    @Override
    public Promotion reject(long requestId, String note) {
      return decide(promotions.get((int) requestId - 1), "REJECTED", note);
    }

    private Version find(long id) {
      return versions.stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    private Promotion request(Version v, boolean rollback, String state, String reason) {
      return new Promotion(
          promotions.size() + 1,
          v.id(),
          v.name(),
          rollback,
          state,
          actor,
          Instant.EPOCH,
          reason,
          null,
          null,
          null);
    }

    private Promotion decide(Promotion p, String state, String note) {
      Promotion d =
          new Promotion(
              p.id(),
              p.modelId(),
              p.modelName(),
              p.rollback(),
              state,
              p.requestedBy(),
              p.requestedAt(),
              p.reason(),
              actor,
              Instant.EPOCH,
              note);
      promotions.set((int) p.id() - 1, d);
      return d;
    }

    private Version apply(Version v) {
      for (int i = 0; i < versions.size(); i++) {
        Version x = versions.get(i);
        if ("PROMOTED".equals(x.state())) {
          previous = x.name();
          versions.set(i, with(x, "RETIRED", x.promotedBy(), x.promotedAt()));
        }
      }
      Version promoted = with(v, "PROMOTED", actor, Instant.EPOCH);
      versions.set(versions.indexOf(find(v.id())), promoted);
      return promoted;
    }

    private static Version with(Version v, String state, String by, Instant at) {
      return new Version(
          v.id(),
          v.name(),
          state,
          v.label(),
          v.weightedByRevenue(),
          v.dataFrom(),
          v.dataTo(),
          v.labelledRows(),
          v.auc(),
          v.aucLow(),
          v.aucHigh(),
          v.calibrationError(),
          v.promotable(),
          v.verdict(),
          v.trainedBy(),
          v.trainedAt(),
          by,
          at);
    }
  }

  private final MemoryPort port = new MemoryPort();

  @Test
  void trainingSendsTheFormAndShowsTheRefusalReasonInTheForm() {
    ScoreModelsView view = new ScoreModelsView(port, ADMIN);

    this.<Integer>field(view, "score-train-days").setValue(7);
    this.<String>field(view, "score-train-label").setValue("BILLABLE");
    this.<Boolean>field(view, "score-train-weighted").setValue(true);
    view.train();
    assertThat(port.trained).containsExactly("BILLABLE/7/true");
    assertThat(text(view, "score-train-result"))
        .isEqualTo(
            "not enough labelled calls to train: 12 ended calls scored from 2025-03-14T00:00:00Z to"
                + " 2025-03-21T00:00:00Z, at least 100");
    assertThat(view.shownVersions()).isEmpty();

    this.<Integer>field(view, "score-train-days").setValue(30);
    view.train();
    assertThat(text(view, "score-train-result"))
        .startsWith("Trained score-v1: promotable — AUC 0.810");
    assertThat(view.shownVersions()).extracting(ScoreModelsPort.Version::name).contains("score-v1");

    this.<Integer>field(view, "score-train-days").setValue(0);
    view.train();
    assertThat(port.trained).hasSize(2);
    assertThat(text(view, "score-train-result")).contains("at least 1");
  }

  @Test
  void aModelThatIsNotPromotableSaysWhyAndAPromotionRefusedIsShownInTheApisWords() {
    port.versions.add(MemoryPort.version(1, "CANDIDATE", false));
    port.versions.add(MemoryPort.version(2, "CANDIDATE", true));
    ScoreModelsView view = new ScoreModelsView(port, ADMIN);

    assertThat(ScoreModelsView.whyNotPromotable(port.versions.get(0)))
        .contains(
            "score-v1 may not be promoted: AUC 0.500 (95% CI 0.460–0.540): the lower bound is not"
                + " 0.05 above chance");
    assertThat(ScoreModelsView.whyNotPromotable(port.versions.get(1))).isEmpty();
    assertThat(ScoreModelsView.verdict(port.versions.get(0))).startsWith("not promotable — AUC");

    view.promote(port.versions.get(0));
    assertThat(text(view, "score-result")).startsWith("score-v1 may not be promoted: AUC 0.500");

    view.promote(port.versions.get(1));
    assertThat(text(view, "score-result"))
        .isEqualTo("score-v2 is promoted: it scores the calls now.");
    ScoreModelsPort.Version shown = view.shownVersions().get(1);
    assertThat(shown.state()).isEqualTo("PROMOTED");
    assertThat(ScoreModelsView.whyNotPromotable(shown))
        .contains("score-v2 is already the promoted model");
  }

  @Test
  void whileApprovalIsOnAPromotionWaitsAndOnlySomeoneElseApprovesIt() {
    port.approval = true;
    port.versions.add(MemoryPort.version(1, "CANDIDATE", true));
    ScoreModelsView asker = new ScoreModelsView(port, ADMIN);
    assertThat(text(asker, "score-approval")).startsWith("Approval is required");

    this.<String>field(asker, "score-reason").setValue("AUC 0.81 on March");
    asker.promote(port.versions.get(0));
    assertThat(text(asker, "score-result"))
        .isEqualTo(
            "Promotion 1 of score-v1 is asked for: it waits for someone other than ann to approve"
                + " or reject it.");
    ScoreModelsPort.Promotion pending = asker.shownPromotions().get(0);
    assertThat(pending.state()).isEqualTo("PENDING");
    assertThat(pending.reason()).isEqualTo("AUC 0.81 on March");
    assertThat(port.versions.get(0).state()).isEqualTo("CANDIDATE");

    // the one who asked is told why they cannot decide, and the API's refusal says the same
    assertThat(asker.whyNotDecide(pending))
        .contains("promotion 1 was asked for by ann; someone else approves or rejects it");
    asker.approve(pending);
    assertThat(text(asker, "score-result"))
        .isEqualTo("promotion 1 was asked for by ann; someone else approves or rejects it");

    port.actor = "carol";
    ScoreModelsView compliance = new ScoreModelsView(port, COMPLIANCE);
    assertThat(compliance.whyNotDecide(pending)).isEmpty();
    assertThat(ids(compliance)).doesNotContain("score-train", "score-rollback");
    compliance.approve(pending);
    assertThat(text(compliance, "score-result"))
        .isEqualTo("Promotion 1 approved: score-v1 is promoted.");
    assertThat(compliance.shownVersions().get(0).state()).isEqualTo("PROMOTED");
    assertThat(compliance.whyNotDecide(compliance.shownPromotions().get(0)))
        .contains("promotion 1 is already decided");
  }

  @Test
  void aRejectedRequestLeavesTheModelACandidate() {
    port.approval = true;
    port.versions.add(MemoryPort.version(1, "CANDIDATE", true));
    new ScoreModelsView(port, ADMIN).promote(port.versions.get(0));

    port.actor = "bob";
    ScoreModelsView other = new ScoreModelsView(port, OTHER_ADMIN);
    this.<String>field(other, "score-reason").setValue("wait for April");
    other.reject(other.shownPromotions().get(0));
    assertThat(text(other, "score-result")).isEqualTo("Promotion 1 of score-v1 rejected.");
    assertThat(other.shownPromotions().get(0).state()).isEqualTo("REJECTED");
    assertThat(other.shownPromotions().get(0).note()).isEqualTo("wait for April");
    assertThat(other.shownVersions().get(0).state()).isEqualTo("CANDIDATE");
  }

  @Test
  void rollingBackPromotesThePreviousModelOrSaysWhyItCannot() {
    port.versions.add(MemoryPort.version(1, "CANDIDATE", true));
    port.versions.add(MemoryPort.version(2, "CANDIDATE", true));
    ScoreModelsView view = new ScoreModelsView(port, ADMIN);

    view.rollback();
    assertThat(text(view, "score-result"))
        .isEqualTo("no model was promoted before: nothing to roll back to");

    view.promote(port.versions.get(0));
    view.promote(port.versions.get(1));
    view.rollback();
    assertThat(text(view, "score-result")).isEqualTo("Rolled back: score-v1 is promoted again.");
    assertThat(view.shownVersions())
        .extracting(ScoreModelsPort.Version::state)
        .containsExactly("PROMOTED", "RETIRED");
  }

  private static List<String> ids(Component root) {
    return descendants(root).flatMap(c -> c.getId().stream()).toList();
  }

  private static String text(Component root, String id) {
    return ((Span) find(root, id)).getText();
  }

  @SuppressWarnings("unchecked")
  private <T> HasValue<?, T> field(Component root, String id) {
    return (HasValue<?, T>) find(root, id);
  }

  private static Component find(Component root, String id) {
    return descendants(root)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(ScoreModelsViewTest::descendants));
  }
}
