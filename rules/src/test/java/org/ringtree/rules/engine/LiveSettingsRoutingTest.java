package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.rules.engine.Harness.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.Usage;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.trace.Justification;

/**
 * Live settings take the place of the compiled version's pause and caps in the same route decision:
 * the version is compiled once, the settings change between calls.
 */
class LiveSettingsRoutingTest {

  private static final Target ACME = target("acme");
  private static final Buyer ACME_BUYER = new Buyer("buyer-acme", "Acme Law", Caps.NONE);
  private static final CompiledFlow FLOW =
      routeFlow(directory(campaign(), List.of(ACME), List.of(ACME_BUYER)), "priority", Map.of());

  private static RouteDecision decide(LiveSettings live, UsageSnapshot usage) {
    RouteContext base = RouteContext.of(texas(), usage);
    return route(
        FLOW,
        new RouteContext(
            base.facts(),
            base.usage(),
            base.performance(),
            base.rotation(),
            base.seed(),
            base.now(),
            live),
        null);
  }

  private static List<String> skips(RouteDecision d) {
    return d.about("acme").stream()
        .filter(j -> j.verdict() == Justification.Verdict.SKIPPED)
        .map(Justification::message)
        .toList();
  }

  @Test
  void aTargetPausedLiveIsSkippedByTheVersionsOwnRuleAndResumedLiveIsRoutedAgain() {
    LiveSettings paused =
        new LiveSettings(Map.of("acme", new LiveSettings.Setting(false, null)), Map.of());
    assertThat(skips(decide(paused, UsageSnapshot.EMPTY)))
        .containsExactly("Acme skipped: target is paused");

    LiveSettings resumed =
        new LiveSettings(Map.of("acme", new LiveSettings.Setting(true, null)), Map.of());
    assertThat(decide(resumed, UsageSnapshot.EMPTY).winner())
        .map(c -> c.targetId())
        .contains("acme");
  }

  @Test
  void aLiveCapTheVersionNeverHadIsEnforcedWithItsCount() {
    UsageSnapshot fortyToday =
        new UsageSnapshot(Map.of("acme", Usage.connectionsToday(40)), Map.of());
    assertThat(decide(LiveSettings.NONE, fortyToday).winner()).isPresent();

    LiveSettings capped =
        new LiveSettings(Map.of("acme", new LiveSettings.Setting(true, Caps.daily(40))), Map.of());
    assertThat(skips(decide(capped, fortyToday))).containsExactly("Acme skipped: daily cap 40/40");
  }

  @Test
  void aPausedBuyerTakesAllItsTargetsOutWithTheReason() {
    LiveSettings buyerPaused =
        new LiveSettings(Map.of(), Map.of("buyer-acme", new LiveSettings.Setting(false, null)));
    RouteDecision d = decide(buyerPaused, UsageSnapshot.EMPTY);
    assertThat(d.winner()).isEmpty();
    assertThat(skips(d)).containsExactly("Acme skipped: buyer Acme Law is paused");
  }
}
