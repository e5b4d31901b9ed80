package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNMessage;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;

class EngineConcurrencyTest {

  @Test
  void oneVersionServesManyThreadsWithTheSameAnswers() throws Exception {
    CompiledFlow c = Fixtures.demoCompiled();
    DecisionEngine engine = new DecisionEngine();
    engine.load(c);
    RouteDecision expected =
        engine.route(
            c.versionKey(),
            "ring",
            RouteContext.of(Fixtures.texasCall(), UsageSnapshot.EMPTY),
            (r, t, d) -> List.of());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        results.add(
            pool.submit(
                () -> {
                  RouteDecision d =
                      engine.route(
                          c.versionKey(),
                          "ring",
                          RouteContext.of(Fixtures.texasCall(), UsageSnapshot.EMPTY),
                          (r, t, dl) -> List.of());
                  var bill =
                      engine.bill(
                          c.versionKey(),
                          new BillingInput(
                              Fixtures.texasCall(), "acme-law", 240, Money.usd("250"), false));
                  return d.equals(expected) && bill.margin().equals(Money.usd("50"));
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void loadingANewVersionLeavesCallsInProgressOnTheirVersion() {
    DecisionEngine engine = new DecisionEngine();
    CompiledFlow v1 = Fixtures.demoCompiled();
    engine.load(v1);
    Step inProgress = engine.start(new CallContext(v1.versionKey(), Fixtures.texasCall()));

    FlowDocument changed =
        FlowJson.read(
                FlowJson.write(DemoNetwork.flow())
                    .replace("Please enter your five digit zip code.", "Enter your zip."))
            .document()
            .orElseThrow();
    CompiledFlow v2 = FlowCompiler.compile(changed, DemoNetwork.directory()).orElseThrow();
    engine.load(v2);

    assertThat(v2.versionKey()).isNotEqualTo(v1.versionKey());
    assertThat(inProgress.state().versionKey()).isEqualTo(v1.versionKey());
    assertThat(engine.next(inProgress.state(), new CallInput.Digits("78701")).route()).isNotNull();
    Step fresh = engine.start(new CallContext(v2.versionKey(), Fixtures.texasCall()));
    assertThat(fresh.instructions().toString()).contains("Enter your zip.");
  }

  @Test
  void generatedDmnModelsLoadWithoutErrors() {
    CompiledFlow demo = Fixtures.demoCompiled();
    FlowRuntime rt = FlowRuntime.build(demo);
    org.kie.dmn.api.core.DMNModel billing =
        org.kie.dmn.core.internal.utils.DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromResources(
                List.of(
                    org.kie.api.KieServices.get()
                        .getResources()
                        .newByteArrayResource(
                            demo.billingDmn().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .setSourcePath("billing.dmn")))
            .getOrElseThrow(e -> new IllegalStateException("billing DMN did not build", e))
            .getModel(BillingTable.NAMESPACE, BillingTable.NAME);
    assertThat(rt.routingModel().getMessages(DMNMessage.Severity.ERROR)).isEmpty();
    assertThat(billing.getMessages(DMNMessage.Severity.ERROR)).isEmpty();
    assertThat(rt.routingModel().getMessages(DMNMessage.Severity.WARN)).as("warnings").isEmpty();
    assertThat(billing.getMessages(DMNMessage.Severity.WARN)).as("warnings").isEmpty();
  }
}
