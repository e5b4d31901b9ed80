package org.ringtree.runtime.fraud;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudCheck;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.LoadGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The incoming webhook at 300/s with scoring and every fraud defence on against both off
 * (docs/benchmarks.md, "Fraud defences and scoring at the door under load"): the load generator's
 * incoming mode against the arm's own platform (demo network). {@link FraudDefencesOnBenchmark}
 * turns every check on with "flag for review" — each check runs on every call and none stops it, so
 * both arms route the same calls — with a velocity and a rotating-dialer limit and a 10,000-number
 * blocklist, and scores every call; {@link FraudDefencesOffBenchmark} has no check on and {@code
 * ringtree.score.enabled=false}. Both run in one Maven invocation, one after the other, each on a
 * fresh platform that is closed after it: {@code -Dfraud.bench=true
 * -Dtest='FraudDefencesOnBenchmark,FraudDefencesOffBenchmark'}. Prints; asserts nothing.
 */
@EnabledIfSystemProperty(named = "fraud.bench", matches = "true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class FraudDefencesBenchmark extends RunningPlatformTest {

  @Autowired FraudAdmin admin;

  /** Whether this arm turns the defences (and scoring) on. */
  abstract boolean defencesOn();

  @Test
  void incomingWebhookWithTheDefencesOnOrOff() throws InterruptedException {
    boolean on = defencesOn();
    Map<FraudCheck, FraudAction> actions = new EnumMap<>(FraudCheck.class);
    if (on) {
      for (FraudCheck check : FraudCheck.values()) {
        actions.put(check, FraudAction.FLAG_FOR_REVIEW);
      }
      String list =
          IntStream.range(0, 10_000)
              .mapToObj(i -> String.format("+1702%07d", i))
              .collect(Collectors.joining("\n"));
      admin.importCsv(list, "benchmark", true, "benchmark");
    }
    PolicySettings policy =
        on
            ? new PolicySettings(actions, 3, 60, "B", null, 3, 60)
            : new PolicySettings(actions, null, null, null, null, null, null);
    admin.save("*", policy, true, "benchmark");
    // every node reads the policy from memory, refreshed by NOTIFY after the commit
    Thread.sleep(2_000);
    System.out.println(
        "FRAUD BENCH arm: defences and scoring "
            + (on ? "on" : "off")
            + "; policies "
            + admin.policies());
    LoadGenerator.run(
        new String[] {
          "--url",
          baseUrl,
          "--token",
          AUTH_TOKEN,
          "--rates",
          System.getProperty("fraud.bench.rates", "100,300,300,300"),
          "--seconds",
          System.getProperty("fraud.bench.seconds", "10"),
          "--warmup",
          "3000",
          "--warmup-seconds",
          "20",
          "--floor",
          "off"
        });
  }
}
