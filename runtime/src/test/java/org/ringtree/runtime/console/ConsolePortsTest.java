package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.port.DirectoryLookupPort;
import org.ringtree.rules.port.DirectoryLookupPort.Choice;
import org.ringtree.rules.port.DirectoryLookupPort.RefKind;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.rules.port.SimulationPort;
import org.ringtree.rules.port.SimulationPort.CallerProfile;
import org.ringtree.rules.simulator.ScriptedInput;
import org.ringtree.rules.simulator.SimulationScript;
import org.ringtree.rules.validation.Issue;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The console's ports against the seeded demo network in a real PostgreSQL database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsolePortsTest extends PostgresTest {

  @Autowired FlowEditingPort editing;
  @Autowired DirectoryLookupPort directory;
  @Autowired SimulationPort simulation;
  @Autowired DirectoryStore store;
  @Autowired FlowRuntimes runtimes;
  @Autowired CapacityStore capacity;

  private String demoFlowId() {
    return editing.flows().stream()
        .filter(f -> f.campaignId().equals("pi-accidents"))
        .findFirst()
        .orElseThrow()
        .flowId();
  }

  private FlowDocument simpleFlow(List<String> targets) {
    return new FlowDocument(
        1,
        demoFlowId(),
        "Simple",
        "pi-accidents",
        List.of(
            new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()),
            new FlowNode(
                "ring",
                NodeKind.ROUTE,
                new Position(0, 130),
                targets.isEmpty() ? Map.of() : Map.of("targets", targets)),
            new FlowNode("bye", NodeKind.HANGUP, new Position(0, 260), Map.of("text", "Goodbye."))),
        List.of(new FlowEdge("start", "next", "ring"), new FlowEdge("ring", "fallback", "bye")));
  }

  @Test
  void aNewFlowIsStartedOnlyForACampaignWithoutOne() {
    String vertical =
        store.snapshot(java.util.Set.of()).campaigns().stream()
            .filter(c -> c.id().equals("pi-accidents"))
            .findFirst()
            .orElseThrow()
            .verticalId();
    store.save(
        new org.ringtree.rules.directory.Campaign(
            "solar-leads",
            "Solar leads",
            vertical,
            org.ringtree.rules.money.Money.USD,
            org.ringtree.rules.directory.PayoutPolicy.fixed(
                60, 30, org.ringtree.rules.money.Money.usd("10"), 0),
            null,
            null,
            null),
        "UTC");
    assertThat(editing.campaignsWithoutFlow())
        .extracting(FlowEditingPort.CampaignChoice::campaignId)
        .contains("solar-leads")
        .doesNotContain("pi-accidents");

    FlowDocument first =
        new FlowDocument(
            1,
            "solar-leads-flow",
            "Solar leads flow",
            "solar-leads",
            List.of(new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of())),
            List.of());
    editing.startFlow(first);

    assertThat(editing.flows())
        .anySatisfy(
            f -> {
              assertThat(f.flowId()).isEqualTo("solar-leads-flow");
              assertThat(f.campaignId()).isEqualTo("solar-leads");
              assertThat(f.hasDraft()).isTrue();
              assertThat(f.liveVersion()).isNull();
            });
    assertThat(editing.open("solar-leads-flow").orElseThrow().document()).isEqualTo(first);
    assertThat(editing.campaignsWithoutFlow())
        .extracting(FlowEditingPort.CampaignChoice::campaignId)
        .doesNotContain("solar-leads");
    // a second flow for the campaign, or one for a campaign that does not exist, is refused
    FlowDocument second =
        new FlowDocument(1, "other-id", "Other", "solar-leads", first.nodes(), List.of());
    assertThatThrownBy(() -> editing.startFlow(second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has a flow");
    FlowDocument nowhere =
        new FlowDocument(
            1, "nowhere-flow", "Nowhere", "no-such-campaign", first.nodes(), List.of());
    assertThatThrownBy(() -> editing.startFlow(nowhere))
        .hasMessageContaining("there is no campaign no-such-campaign");
  }

  @Test
  void searchesHundredsOfTargetsPageByPage() {
    store.save(new Buyer("bulk", "Bulk Buyer", null));
    for (int i = 0; i < 300; i++) {
      store.save(
          Target.fixed(
              "bulk-%03d".formatted(i), "bulk", "+1512555%04d".formatted(i), Money.usd("10.00")));
    }
    assertThat(directory.count(RefKind.TARGET, "")).isEqualTo(304);
    assertThat(directory.count(RefKind.TARGET, "bulk-2")).isEqualTo(100);
    List<Choice> page = directory.search(RefKind.TARGET, "bulk-2", 40, 20);
    assertThat(page).hasSize(20);
    assertThat(page.get(0).id()).isEqualTo("bulk-240");
    assertThat(directory.search(RefKind.TARGET, "acme", 0, 50))
        .extracting(Choice::label, Choice::detail)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("Acme intake line", "Acme Injury Law · NUMBER"));
    // LIKE wildcards are plain characters here
    assertThat(directory.count(RefKind.TARGET, "%")).isZero();
    assertThat(directory.find(RefKind.GROUP, "legal-ring-tree").orElseThrow().detail())
        .isEqualTo("4 targets");
    assertThat(directory.targetsOf(List.of("bulk-001"), List.of("legal-ring-tree")))
        .extracting(Choice::id)
        .containsExactlyInAnyOrder(
            "bulk-001", "acme-main", "bidder-one-rtb", "bidder-two-rtb", "slowpoke-rtb");
    assertThat(directory.search(RefKind.TIMEZONE, "chicago", 0, 10))
        .extracting(Choice::id)
        .containsExactly("America/Chicago");
    assertThat(directory.count(RefKind.TRACKING_NUMBER, "Sunrise")).isEqualTo(2);
  }

  @Test
  void aDraftWithErrorsIsKeptButNotPublishedAndAValidOneGoesLiveAtOnce() {
    String flowId = demoFlowId();
    int liveBefore = editing.flows().get(0).liveVersion();

    FlowDocument broken = simpleFlow(List.of());
    editing.saveDraft(broken);
    FlowEditingPort.EditableFlow reopened = editing.open(flowId).orElseThrow();
    assertThat(reopened.fromDraft()).isTrue();
    assertThat(reopened.document().node("ring")).isPresent();

    FlowEditingPort.PublishResult refused = editing.publish(broken, "test");
    assertThat(refused.published()).isFalse();
    assertThat(refused.issues()).extracting(Issue::code).contains("route.noTargets");

    FlowEditingPort.PublishResult published =
        editing.publish(simpleFlow(List.of("acme-main")), "test");
    assertThat(published.published()).isTrue();
    assertThat(published.version()).isEqualTo(liveBefore + 1);
    assertThat(runtimes.liveForCampaign("pi-accidents").orElseThrow().compiled().versionKey())
        .isEqualTo(published.versionKey());
    assertThat(editing.versions(flowId))
        .extracting(FlowEditingPort.VersionSummary::version, FlowEditingPort.VersionSummary::live)
        .startsWith(org.assertj.core.api.Assertions.tuple(liveBefore + 1, true));
    assertThat(editing.version(flowId, liveBefore).orElseThrow().node("reason")).isPresent();
  }

  @Test
  void aSubmittedVersionIsStoredUnderItsAuthorWithoutGoingLive() {
    String flowId = demoFlowId();
    VersionKey liveKey =
        runtimes.liveForCampaign("pi-accidents").orElseThrow().compiled().versionKey();

    FlowEditingPort.Submission refused = editing.submit(simpleFlow(List.of()), "operator");
    assertThat(refused.stored()).isFalse();
    assertThat(refused.issues()).extracting(Issue::code).contains("route.noTargets");

    FlowEditingPort.Submission stored =
        editing.submit(simpleFlow(List.of("acme-main", "bidder-one-rtb")), "operator");

    assertThat(stored.stored()).isTrue();
    assertThat(editing.versions(flowId))
        .filteredOn(v -> v.version() == stored.version())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.author()).isEqualTo("operator");
              assertThat(v.live()).isFalse();
              assertThat(v.state()).isEqualTo(FlowEditingPort.VersionState.PENDING);
            });
    assertThat(editing.versions(flowId))
        .filteredOn(FlowEditingPort.VersionSummary::live)
        .singleElement()
        .extracting(FlowEditingPort.VersionSummary::state)
        .isEqualTo(FlowEditingPort.VersionState.LIVE);
    assertThat(runtimes.liveForCampaign("pi-accidents").orElseThrow().compiled().versionKey())
        .isEqualTo(liveKey);
    assertThat(editing.approvalRequired()).isFalse();
  }

  @Test
  void theVersionStateNamesLiveFirstThenEarlierPublicationThenTheLatestReview() {
    assertThat(ConsoleFlowEditing.state(true, "REJECTED", true))
        .isEqualTo(FlowEditingPort.VersionState.LIVE);
    assertThat(ConsoleFlowEditing.state(false, "APPROVED", true))
        .isEqualTo(FlowEditingPort.VersionState.RETIRED);
    assertThat(ConsoleFlowEditing.state(false, "APPROVED", false))
        .isEqualTo(FlowEditingPort.VersionState.APPROVED);
    assertThat(ConsoleFlowEditing.state(false, "REJECTED", false))
        .isEqualTo(FlowEditingPort.VersionState.REJECTED);
    assertThat(ConsoleFlowEditing.state(false, null, false))
        .isEqualTo(FlowEditingPort.VersionState.PENDING);
  }

  @Test
  void aSimulatedCallSeesTheLiveCapCountsOfTheMoment() {
    Target acme = store.snapshot(java.util.Set.of()).target("acme-main").orElseThrow();
    Buyer buyer = store.snapshot(java.util.Set.of()).buyer(acme.buyerId()).orElseThrow();
    List<java.util.UUID> held = new java.util.ArrayList<>();
    try {
      // fill the target's concurrency cap with calls in progress
      for (int i = 0; i < acme.caps().concurrency(); i++) {
        CapacityStore.Hold hold =
            capacity.tryHold(
                java.util.UUID.randomUUID(),
                acme,
                buyer,
                null,
                java.time.Instant.now(),
                java.time.Duration.ofMinutes(5),
                "test");
        assertThat(hold).isInstanceOf(CapacityStore.Hold.Held.class);
        held.add(((CapacityStore.Hold.Held) hold).reservationId());
      }

      SimulationPort.SimulationOutcome outcome =
          simulation.simulate(
              simpleFlow(List.of("acme-main")),
              new CallerProfile("+18885550101", "+13105550142", "CA", "90210"),
              SimulationScript.of(List.of(ScriptedInput.digits("1")), 120));

      assertThat(outcome.ran()).isTrue();
      assertThat(outcome.result().connectedTargetId()).isNull();
    } finally {
      held.forEach(capacity::release);
    }
    SimulationPort.SimulationOutcome freed =
        simulation.simulate(
            simpleFlow(List.of("acme-main")),
            new CallerProfile("+18885550101", "+13105550142", "CA", "90210"),
            SimulationScript.of(List.of(ScriptedInput.digits("1")), 120));
    assertThat(freed.result().connectedTargetId()).isEqualTo("acme-main");
  }

  @Test
  void simulatesADraftWithTheCallersNumberAndBids() {
    SimulationPort.SimulationOutcome outcome =
        simulation.simulate(
            simpleFlow(List.of("acme-main")),
            new CallerProfile("+18885550101", "+13105550142", "CA", "90210"),
            SimulationScript.of(List.of(ScriptedInput.digits("1")), 120));
    assertThat(outcome.ran()).isTrue();
    assertThat(outcome.result().connectedTargetId()).isEqualTo("acme-main");
    assertThat(outcome.result().billing().revenue()).isEqualTo(Money.usd("250.00"));

    SimulationPort.SimulationOutcome broken =
        simulation.simulate(
            simpleFlow(List.of()),
            new CallerProfile("+18885550101", "+13105550142", "CA", "90210"),
            SimulationScript.of(List.of(), 0));
    assertThat(broken.ran()).isFalse();
    assertThat(broken.issues()).extracting(Issue::code).contains("route.noTargets");
  }
}
