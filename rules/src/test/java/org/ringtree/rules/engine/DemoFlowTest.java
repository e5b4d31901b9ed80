package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;

class DemoFlowTest {

  @Test
  void texasCallerIsGreetedQualifiedAndRoutedToTheBestPayingTarget() {
    CompiledFlow compiled = Fixtures.demoCompiled();
    DecisionEngine engine = new DecisionEngine();
    engine.load(compiled);

    Step first = engine.start(compiled.versionKey(), Fixtures.texasCall());
    assertThat(first.waiting()).isEqualTo(CallState.Waiting.INPUT);
    assertThat(first.instructions()).hasSize(3);
    assertThat(first.instructions().get(0))
        .isEqualTo(
            new CallInstruction.Say(
                "This call may be recorded for quality and training purposes.",
                "Polly.Joanna",
                "en-US"));
    assertThat(first.instructions().get(2)).isInstanceOf(CallInstruction.Gather.class);

    Step routed = engine.next(first.state(), new CallInput.Digits("78701"));
    assertThat(routed.route()).isNotNull();
    assertThat(routed.state().facts().tags()).containsEntry("qualified", "zip-tx");

    RouteDecision decision =
        engine.route(
            routed.state(),
            RouteContext.of(routed.state().facts(), UsageSnapshot.EMPTY),
            (req, targets, deadline) ->
                targets.stream()
                    .map(
                        t ->
                            new PingResult(
                                t.targetId(),
                                PingResult.Status.DECLINED,
                                null,
                                200,
                                Duration.ofMillis(5),
                                "no capacity"))
                    .toList());
    assertThat(decision.winner()).isPresent();
    assertThat(decision.winner().get().targetId()).isEqualTo("acme-law");
    assertThat(decision.winner().get().price()).isEqualTo(Money.usd("250"));

    Step done = engine.next(routed.state(), new CallInput.RouteFinished(true, "acme-law"));
    assertThat(done.outcome().ending()).isEqualTo(CallOutcome.Ending.CONNECTED);

    BillingDecision bill =
        engine.bill(
            compiled.versionKey(),
            new BillingInput(
                done.state().facts(), "acme-law", 240, decision.winner().get().price(), false));
    assertThat(bill.revenue()).isEqualTo(Money.usd("250"));
    assertThat(bill.payout()).isEqualTo(Money.usd("200"));
    assertThat(bill.margin()).isEqualTo(Money.usd("50"));
    assertThat(List.of(bill.buyerRow(), bill.publisherRow())).doesNotContainNull();
  }
}
