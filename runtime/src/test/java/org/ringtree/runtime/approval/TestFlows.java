package org.ringtree.runtime.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.directory.DirectoryStore;

/** Flows for compliance tests: the demo ring tree, re-homed on a campaign of its own. */
public final class TestFlows {

  private TestFlows() {}

  /** A new campaign and flow id pair, so each test has a flow no other test publishes. */
  public record TestFlow(String flowId, String campaignId) {
    public String json(int floor, String zipPrompt) {
      return demoJson()
          .replace("\"demo-legal-ring-tree\"", "\"" + flowId + "\"")
          .replace("\"pi-accidents\"", "\"" + campaignId + "\"")
          .replace("\"floor\": 100", "\"floor\": " + floor)
          .replace("Please enter the five digit zip code where the accident happened.", zipPrompt);
    }

    public String json(int floor) {
      return json(floor, "Please enter the five digit zip code where the accident happened.");
    }
  }

  public static TestFlow create(DirectoryStore directory) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    TestFlow f = new TestFlow("flow-" + suffix, "campaign-" + suffix);
    directory.save(
        new Campaign(
            f.campaignId(),
            "Compliance test " + suffix,
            "legal",
            Money.USD,
            PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30),
            DuplicateRule.NONE,
            BigDecimal.ZERO,
            Money.usd("20.00")),
        "America/Chicago");
    return f;
  }

  private static String demoJson() {
    try (InputStream in = TestFlows.class.getResourceAsStream("/demo/legal-ring-tree.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
