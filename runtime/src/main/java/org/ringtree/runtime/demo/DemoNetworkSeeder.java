package org.ringtree.runtime.demo;

import java.math.BigDecimal;
import org.ringtree.runtime.config.RingtreeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo network on the first start of an empty database (ringtree.demo.seed, on in the
 * quickstart): one legal vertical, two campaigns, three publishers with tracking numbers, and four
 * buyers — a fixed-price law firm, two RTB bidders with different prices and caps, and one that
 * always times out. The RTB bidders are served by this app under {@link DemoBuyerController#PATH},
 * so even the demo auction goes over real HTTP.
 */
@Component
@Order(10)
class DemoNetworkSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoNetworkSeeder.class);
  private static final String DEMO_BUYER_PLACEHOLDER =
      "http://127.0.0.1:0" + DemoBuyerController.PATH;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final RingtreeProperties properties;

  private final Environment environment;

  DemoNetworkSeeder(
      JdbcClient jdbc,
      TransactionTemplate tx,
      RingtreeProperties properties,
      Environment environment) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demo().seed()) {
      return;
    }
    Boolean seeded =
        tx.execute(
            status -> {
              // one seeder wins even when two nodes start on an empty database at once
              jdbc.sql("SELECT pg_advisory_xact_lock(4242)").query().singleValue();
              if (jdbc.sql("SELECT count(*) FROM verticals").query(Long.class).single() > 0) {
                return false;
              }
              seed();
              return true;
            });
    pointDemoBuyersAtThisServer();
    if (Boolean.TRUE.equals(seeded)) {
      log.info(
          "Seeded the demo network: 2 campaigns, 3 publishers, 4 buyers. Try: ./ringtree call"
              + " --digits 1 --zip 90210 --talk 95s");
    }
  }

  /**
   * The demo bidders are served by this very process, whose port may change between runs (tests use
   * random ports), so their endpoint follows the port on every start.
   */
  private void pointDemoBuyersAtThisServer() {
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      return;
    }
    int updated =
        jdbc.sql(
                "UPDATE targets SET destination = regexp_replace(destination,"
                    + " '^http://127\\.0\\.0\\.1:[0-9]+/', ?) WHERE kind = 'RTB'"
                    + " AND destination ~ ('^http://127\\.0\\.0\\.1:[0-9]+' || ?)")
            .params("http://127.0.0.1:" + port + "/", DemoBuyerController.PATH + "/")
            .update();
    log.debug("Pointed {} demo RTB targets at port {}", updated, port);
  }

  private void seed() {
    jdbc.sql("INSERT INTO verticals (id, name) VALUES ('legal', 'Legal')").update();

    campaign("pi-accidents", "Personal injury — accidents", "America/Los_Angeles");
    campaign("workers-comp", "Workers' compensation", "America/Chicago");

    publisher("sunrise-media", "Sunrise Media");
    publisher("blue-billboard", "Blue Billboard Co.");
    publisher("callnow-seo", "CallNow SEO");

    number("+18885550101", "pi-accidents", "sunrise-media", "{\"source\":\"google-ads\"}");
    number("+18885550102", "pi-accidents", "sunrise-media", "{\"source\":\"facebook\"}");
    number("+18885550103", "pi-accidents", "blue-billboard", "{\"source\":\"billboard-i5\"}");
    number("+18885550104", "workers-comp", "blue-billboard", "{\"source\":\"radio\"}");
    number("+18885550105", "pi-accidents", "callnow-seo", "{\"source\":\"seo\"}");
    number("+18885550106", "workers-comp", "callnow-seo", "{\"source\":\"seo\"}");

    buyer("acme-law", "Acme Injury Law");
    buyer("bidder-one", "Bidder One Legal Leads");
    buyer("bidder-two", "Bidder Two Intake");
    buyer("slowpoke", "Slowpoke Legal (always times out)");

    String demo = DEMO_BUYER_PLACEHOLDER;
    target(
        "acme-main",
        "acme-law",
        "Acme intake line",
        "NUMBER",
        "+15125550100",
        new BigDecimal("250.00"),
        "{\"timezone\":\"America/Los_Angeles\",\"caps\":{\"daily\":60,\"concurrency\":5}}");
    target(
        "bidder-one-rtb",
        "bidder-one",
        "Bidder One ping-post",
        "RTB",
        demo + "/bidder-one",
        null,
        "{\"states\":[\"CA\",\"NV\",\"AZ\"],\"caps\":{\"daily\":40,\"concurrency\":3},"
            + "\"rtb\":{\"format\":\"RINGBA\",\"timeoutMillis\":1500}}");
    target(
        "bidder-two-rtb",
        "bidder-two",
        "Bidder Two ping-post",
        "RTB",
        demo + "/bidder-two",
        null,
        "{\"caps\":{\"daily\":100,\"concurrency\":2},"
            + "\"rtb\":{\"format\":\"RETREAVER\",\"timeoutMillis\":1500}}");
    target(
        "slowpoke-rtb",
        "slowpoke",
        "Slowpoke ping-post",
        "RTB",
        demo + "/slowpoke",
        null,
        "{\"rtb\":{\"format\":\"RINGTREE\",\"timeoutMillis\":800}}");

    jdbc.sql("INSERT INTO target_groups (id, name) VALUES ('legal-ring-tree', 'Legal ring tree')")
        .update();
    for (String t :
        new String[] {"acme-main", "bidder-one-rtb", "bidder-two-rtb", "slowpoke-rtb"}) {
      jdbc.sql(
              "INSERT INTO target_group_members (group_id, target_id) VALUES ('legal-ring-tree', ?)")
          .param(t)
          .update();
    }
  }

  private void campaign(String id, String name, String timezone) {
    jdbc.sql(
            "INSERT INTO campaigns (id, vertical_id, name, timezone, settings)"
                + " VALUES (?, 'legal', ?, ?, ?::jsonb)")
        .params(
            id,
            name,
            timezone,
            "{\"buyerMinSeconds\":90,\"publisherMinSeconds\":60,\"publisherPayout\":\"200.00\","
                + "\"duplicateWindowDays\":30,\"recordCalls\":true}")
        .update();
  }

  private void publisher(String id, String name) {
    jdbc.sql("INSERT INTO publishers (id, name) VALUES (?, ?)").params(id, name).update();
  }

  private void number(String e164, String campaign, String publisher, String tags) {
    jdbc.sql(
            "INSERT INTO tracking_numbers (number, campaign_id, publisher_id, source_tags)"
                + " VALUES (?, ?, ?, ?::jsonb)")
        .params(e164, campaign, publisher, tags)
        .update();
  }

  private void buyer(String id, String name) {
    jdbc.sql("INSERT INTO buyers (id, name) VALUES (?, ?)").params(id, name).update();
  }

  private void target(
      String id,
      String buyer,
      String name,
      String kind,
      String destination,
      BigDecimal fixedPrice,
      String settings) {
    jdbc.sql(
            "INSERT INTO targets (id, buyer_id, name, kind, destination, fixed_price, settings)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")
        .params(id, buyer, name, kind, destination, fixedPrice, settings)
        .update();
  }
}
