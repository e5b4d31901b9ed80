package org.ringtree.rules.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowParseResult;
import org.ringtree.rules.money.Money;

/**
 * The demo network the runtime seeds and the docs walk through: a Texas legal campaign whose flow
 * greets with a recording notice, collects a zip, routes by ring tree and falls back to voicemail.
 * The seed's money example holds: the buyer pays $250, the publisher earns $200, the network keeps
 * $50.
 */
public final class DemoNetwork {

  /** Classpath location of the demo flow document. */
  public static final String FLOW_RESOURCE =
      "/org/ringtree/rules/flow/examples/zip-qualified-ring-tree.json";

  public static final String TRACKING_NUMBER = "+18005550100";

  private DemoNetwork() {}

  /** The demo flow document's JSON, as committed. */
  public static String flowJson() {
    try (InputStream in = DemoNetwork.class.getResourceAsStream(FLOW_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FLOW_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FlowDocument flow() {
    FlowParseResult r = FlowJson.read(flowJson());
    if (!r.ok()) {
      throw new IllegalStateException("demo flow does not read: " + r.issues());
    }
    return r.document().orElseThrow();
  }

  public static DirectorySnapshot directory() {
    Campaign campaign =
        new Campaign(
            "legal-tx",
            "Texas personal injury",
            "legal",
            Money.USD,
            PayoutPolicy.fixed(90, 60, Money.usd("200"), 30),
            DuplicateRule.NONE,
            BigDecimal.ZERO,
            Money.usd("20"));
    Target acme =
        Target.builder("acme-law", "acme", new Destination.PhoneNumber("+15125550100"))
            .name("Acme Law")
            .fixedPrice(Money.usd("250"))
            .schedule(Schedule.weekdays("America/Chicago", "08:00", "20:00"))
            .geo(GeoFilter.states("TX"))
            .caps(new Caps(Caps.CountOn.CONNECTIONS, 5, null, 40, null, null))
            .duplicateRule(DuplicateRule.perTarget(DuplicateRule.Basis.CONNECTED, 30))
            .build();
    Target beta =
        Target.builder(
                "beta-legal",
                "beta",
                new Destination.RtbEndpoint(
                    "https://bids.beta-legal.example/ping",
                    800,
                    Destination.BidResponseFormat.RINGTREE,
                    Map.of()))
            .name("Beta Legal")
            .geo(GeoFilter.states("TX", "OK"))
            .caps(Caps.daily(100))
            .build();
    Target gamma =
        Target.builder(
                "gamma-attorneys",
                "gamma",
                new Destination.SipUri("sip:intake@gamma-attorneys.example", null, null))
            .name("Gamma Attorneys")
            .fixedPrice(Money.usd("230"))
            .priorityAndWeight(2, 1)
            .build();
    return new DirectorySnapshot(
        List.of(new Vertical("legal", "Legal")),
        List.of(campaign),
        List.of(new Publisher("pub-1", "Lone Star Media")),
        List.of(
            new Buyer("acme", "Acme Law LLP", Caps.NONE),
            new Buyer("beta", "Beta Legal Group", Caps.NONE),
            new Buyer("gamma", "Gamma Attorneys PC", Caps.NONE)),
        List.of(acme, beta, gamma),
        List.of(new TargetGroup("tx-backup", "Texas backup", List.of("gamma-attorneys"))),
        List.of(
            new TrackingNumber(TRACKING_NUMBER, "legal-tx", "pub-1", Map.of("source", "google"))),
        Set.of("crm-lookup"));
  }
}
