package org.ringtree.runtime.demo;

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
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TargetGroup;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowParseResult;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.config.RingtreeProperties;
import org.ringtree.runtime.cost.CostRates;
import org.ringtree.runtime.cost.RateInput;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.directory.TargetGroupStore;
import org.ringtree.runtime.flow.FlowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo network on the first start of an empty database (ringtree.demo.seed, on in the
 * quickstart): one legal vertical, two campaigns, three publishers with tracking numbers, and four
 * buyers — a fixed-price law firm, two RTB bidders with different prices and caps, and one that
 * always times out — plus one published flow (greeting with recording notice, menu, collect zip,
 * ring-tree route, voicemail fallback). The RTB bidders are served by this app under {@link
 * DemoBuyerController#PATH}, so even the demo auction goes over real HTTP. With {@code
 * ringtree.demo.telephony-rates} (on by default) it also puts the network's telephony rates live at
 * Twilio's published US list prices ({@link #DEMO_RATES}, docs/billing.md), so the demo's calls
 * book their cost and the dashboard shows profit.
 */
@Component
@Order(10)
class DemoNetworkSeeder implements ApplicationRunner {

  static final String FLOW_RESOURCE = "/demo/legal-ring-tree.json";

  /**
   * The connector the demo flow checks callers against before routing (demo/connectors); a node
   * without it loaded takes its error port and routes as before, so the demo runs either way.
   */
  static final String DEMO_CONNECTOR = "do-not-call";

  /**
   * Twilio's US list prices (docs/billing.md cites them): a local number's inbound minute 0.0085,
   * an outbound (dialled) minute 0.0130, a recorded minute 0.0025, a local number 1.15 a month.
   */
  static final RateInput DEMO_RATES =
      new RateInput(
          Money.USD,
          new BigDecimal("0.0085"),
          new BigDecimal("0.0130"),
          new BigDecimal("0.0025"),
          new BigDecimal("1.15"));

  private static final Logger log = LoggerFactory.getLogger(DemoNetworkSeeder.class);

  private final TransactionTemplate tx;
  private final RingtreeProperties properties;
  private final Environment environment;
  private final DirectoryStore directory;
  private final TargetGroupStore targetGroups;
  private final FlowStore flows;
  private final ComplianceSettings settings;
  private final CostRates costRates;
  private final boolean seedRates;

  DemoNetworkSeeder(
      TransactionTemplate tx,
      RingtreeProperties properties,
      Environment environment,
      DirectoryStore directory,
      TargetGroupStore targetGroups,
      FlowStore flows,
      ComplianceSettings settings,
      CostRates costRates,
      @Value("${ringtree.demo.telephony-rates:true}") boolean seedRates) {
    this.settings = settings;
    this.costRates = costRates;
    this.seedRates = seedRates;
    this.tx = tx;
    this.properties = properties;
    this.environment = environment;
    this.directory = directory;
    this.targetGroups = targetGroups;
    this.flows = flows;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo().seed()) {
      return;
    }
    String port = environment.getProperty("local.server.port", "8080");
    String demoBuyers = "http://127.0.0.1:" + port + DemoBuyerController.PATH;
    Boolean seeded =
        tx.execute(
            status -> {
              // one seeder wins even when two nodes start on an empty database at once
              boolean empty = directory.emptyUnderSeedLock();
              if (empty) {
                seedDirectory(demoBuyers);
                // the demo is tried by one person: no second person to approve a change
                settings.setRequireApproval(false, "demo-seed");
                if (seedRates) {
                  // through the normal store: a versioned, audited rate live from now
                  costRates.propose(null, DEMO_RATES, "demo-seed");
                }
                publishDemoFlow();
              } else if (demoBuyersMoved(demoBuyers)) {
                // the demo bidders live in this process: follow its port, and republish
                saveDemoTargets(demoBuyers);
                if (settings.requireApproval()) {
                  log.warn(
                      "The demo bidders moved to port {}, but approval is required: publish the"
                          + " demo flow again through the compliance review to reach them",
                      port);
                } else {
                  publishDemoFlow();
                }
              }
              return empty;
            });
    if (Boolean.TRUE.equals(seeded)) {
      log.info(
          "Seeded the demo network (2 campaigns, 3 publishers, 4 buyers, 1 live flow). Place a"
              + " call: ./ringtree call --digits 1 --zip 90210 --talk 95s");
      log.warn(
          "Demo: approval before go-live is OFF, so one person can publish flows and change money"
              + " alone. A real network keeps it on (the default without the demo): PUT"
              + " /api/compliance/settings {\"requireApproval\": true} as an admin.");
    }
  }

  private void seedDirectory(String demoBuyers) {
    directory.save(new Vertical("legal", "Legal"));
    directory.save(
        new Campaign(
                "pi-accidents",
                "Personal injury — accidents",
                "legal",
                Money.USD,
                PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30),
                DuplicateRule.NONE,
                BigDecimal.ZERO,
                Money.usd("20.00"))
            // the demo's accident buyers may see who calls; workers' comp keeps it back (the
            // default)
            .withShareCallerNumber(true),
        "America/Los_Angeles");
    directory.save(
        new Campaign(
            "workers-comp",
            "Workers' compensation",
            "legal",
            Money.USD,
            PayoutPolicy.fixed(120, 90, Money.usd("150.00"), 30),
            DuplicateRule.NONE,
            BigDecimal.ZERO,
            Money.usd("15.00")),
        "America/Chicago");

    directory.save(new Publisher("sunrise-media", "Sunrise Media"));
    directory.save(new Publisher("blue-billboard", "Blue Billboard Co."));
    directory.save(new Publisher("callnow-seo", "CallNow SEO"));

    number("+18885550101", "pi-accidents", "sunrise-media", "google-ads");
    number("+18885550102", "pi-accidents", "sunrise-media", "facebook");
    number("+18885550103", "pi-accidents", "blue-billboard", "billboard-i5");
    number("+18885550104", "workers-comp", "blue-billboard", "radio");
    number("+18885550105", "pi-accidents", "callnow-seo", "seo");
    number("+18885550106", "workers-comp", "callnow-seo", "seo");

    directory.save(new Buyer("acme-law", "Acme Injury Law", Caps.NONE));
    directory.save(new Buyer("bidder-one", "Bidder One Legal Leads", Caps.daily(200)));
    directory.save(new Buyer("bidder-two", "Bidder Two Intake", Caps.NONE));
    directory.save(new Buyer("slowpoke", "Slowpoke Legal (always times out)", Caps.NONE));
    directory.save(
        Target.builder("acme-main", "acme-law", new Destination.PhoneNumber("+15125550100"))
            .name("Acme intake line")
            .fixedPrice(Money.usd("250.00"))
            .caps(new Caps(Caps.CountOn.CONNECTIONS, 5, null, 60, null, null))
            .build());
    saveDemoTargets(demoBuyers);
    targetGroups.save(
        new TargetGroup(
            "legal-ring-tree",
            "Legal ring tree",
            List.of("acme-main", "bidder-one-rtb", "bidder-two-rtb", "slowpoke-rtb")));
  }

  private void saveDemoTargets(String demoBuyers) {
    directory.save(
        Target.builder(
                "bidder-one-rtb",
                "bidder-one",
                new Destination.RtbEndpoint(
                    demoBuyers + "/bidder-one",
                    1500,
                    BidResponseFormat.RINGBA,
                    // Ringba's request has no state field: the buyer's campaign names its tag
                    Map.of("field.state", "State")))
            .name("Bidder One ping-post")
            .geo(GeoFilter.states("CA", "NV", "AZ"))
            .caps(new Caps(Caps.CountOn.CONNECTIONS, 3, null, 40, null, null))
            .build());
    directory.save(
        Target.builder(
                "bidder-two-rtb",
                "bidder-two",
                new Destination.RtbEndpoint(
                    demoBuyers + "/bidder-two", 1500, BidResponseFormat.RETREAVER, Map.of()))
            .name("Bidder Two ping-post")
            .caps(new Caps(Caps.CountOn.CONNECTIONS, 2, null, 100, null, null))
            .build());
    directory.save(
        Target.builder(
                "slowpoke-rtb",
                "slowpoke",
                new Destination.RtbEndpoint(
                    demoBuyers + "/slowpoke", 800, BidResponseFormat.RINGTREE, Map.of()))
            .name("Slowpoke ping-post")
            .build());
  }

  private boolean demoBuyersMoved(String demoBuyers) {
    return directory.targetCallsElsewhere("bidder-one-rtb", demoBuyers + "/bidder-one");
  }

  private void publishDemoFlow() {
    FlowStore.StoredVersion version =
        flows.saveVersion(demoFlow(), directory.snapshot(Set.of(DEMO_CONNECTOR)), "demo-seed");
    flows.makeLive(version.flowId(), version.id());
  }

  static FlowDocument demoFlow() {
    try (InputStream in = DemoNetworkSeeder.class.getResourceAsStream(FLOW_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + FLOW_RESOURCE);
      }
      FlowParseResult parsed = FlowJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return parsed
          .document()
          .orElseThrow(() -> new IllegalStateException("demo flow: " + parsed.issues()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void number(String e164, String campaign, String publisher, String source) {
    directory.save(new TrackingNumber(e164, campaign, publisher, Map.of("source", source)));
  }
}
