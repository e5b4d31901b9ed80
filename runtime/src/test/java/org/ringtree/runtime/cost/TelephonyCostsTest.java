package org.ringtree.runtime.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.billing.LedgerWriter;
import org.ringtree.runtime.billing.ReportRow;
import org.ringtree.runtime.billing.Reports;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Telephony costs on the platform: rates → a call's cost rows to the cent, a later rate leaves past
 * calls alone, the provider's price (Twilio's REST API, here a fake one on loopback spoken to by
 * the real Twilio SDK) replaces the estimate through correcting rows, number rent books once a
 * month, reports show cost and profit equal to the ledger, and bad rates are refused naming the
 * field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TelephonyCostsTest extends PostgresTest {

  static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
  static final HttpServer TWILIO = fakeTwilio();

  /** What the fake Twilio API answers, by path. */
  static final Map<String, String> PRICED = new ConcurrentHashMap<>();

  static final List<String> ASKED = new CopyOnWriteArrayList<>();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("ringtree.twilio.account-sid", () -> ACCOUNT);
    registry.add("ringtree.twilio.auth-token", () -> "costs-test-token");
    registry.add(
        "ringtree.costs.provider-api", () -> "http://127.0.0.1:" + TWILIO.getAddress().getPort());
    // the test drives the job itself
    registry.add("ringtree.costs.every", () -> "1h");
  }

  @AfterAll
  static void stop() {
    TWILIO.stop(0);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CostRates rates;
  @Autowired CallCosts costs;
  @Autowired PriceReconciler reconciler;
  @Autowired NumberRent rent;
  @Autowired LedgerWriter ledger;
  @Autowired Reports reports;
  @Autowired ComplianceSettings compliance;
  @Autowired ObjectMapper json;
  @Autowired CostJobs jobs;
  @Autowired org.ringtree.editor.admin.TelephonyRatesPort console;
  @Autowired org.springframework.security.core.userdetails.UserDetailsService users;
  @Autowired org.springframework.context.ApplicationEventPublisher events;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void approvalOff() {
    compliance.setRequireApproval(false, "test");
  }

  static RateInput input(String inbound, String dialled, String recording, String rent) {
    return new RateInput(
        "USD",
        new BigDecimal(inbound),
        new BigDecimal(dialled),
        new BigDecimal(recording),
        new BigDecimal(rent));
  }

  @Test
  void aCallsCostRowsFollowTheRatesToTheCentAndALaterRateLeavesItAlone() throws Exception {
    compliance.setRequireApproval(false, "test");
    TelephonyRate first = rates.propose(null, input("0.0450", "0.1300", "0.0250", "1.15"), "admin");
    assertThat(first.state()).isEqualTo(TelephonyRate.State.LIVE);
    // 95 s inbound (2 started minutes), 60 s with the buyer (1), 60 s recorded (1)
    UUID call = call("+15550001001", 95, 60, 60, "RE" + "1".repeat(32));

    assertThat(costs.book(call)).isEqualTo(3);
    assertThat(costRows(call))
        .containsExactly(
            "inbound 0.09 rate-" + first.id() + "#inbound",
            "dialled 0.13 rate-" + first.id() + "#dialled",
            // 0.0250 × 1 min = 0.025: once to the cent, half to even
            "recording 0.02 rate-" + first.id() + "#recording");
    assertThat(description(call, "inbound"))
        .isEqualTo("inbound 95 s = 2 min × 0.0450 USD/min = 0.0900");
    // booking again writes nothing
    assertThat(costs.book(call)).isZero();

    // a later rate: the past call keeps its rows and its rate; a new call gets the new one
    Thread.sleep(5);
    TelephonyRate second =
        rates.propose(null, input("0.0100", "0.0200", "0.0050", "2.00"), "admin");
    assertThat(costs.lines(usage(call)))
        .allSatisfy(l -> assertThat(l.rate().id()).isEqualTo(first.id()));
    UUID later = call("+15550001001", 95, 0, 0, null);
    costs.book(later);
    assertThat(costRows(later)).containsExactly("inbound 0.02 rate-" + second.id() + "#inbound");
    assertThat(costRows(call)).hasSize(3).first().asString().contains("0.09");
  }

  @Test
  void theProvidersPriceReplacesTheEstimateThroughCorrectingRows() throws Exception {
    compliance.setRequireApproval(false, "test");
    rates.propose(null, input("0.0450", "0.1300", "0.0250", "1.15"), "admin");
    String recording = "RE" + "2".repeat(32);
    UUID call = call("+15550001002", 95, 60, 60, recording);
    costs.book(call);
    String sid = sid(call);
    String calls = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls";
    // not priced yet: nothing happens, the estimate stands
    assertThat(reconciler.reconcile(call)).isZero();
    PRICED.put(calls + "/" + sid + ".json", callJson(sid, null, "-0.03400"));
    PRICED.put(
        calls + ".json?ParentCallSid=" + sid,
        "{\"calls\": ["
            + callJson("CA" + "9".repeat(32), sid, "-0.14000")
            + "], \"end\": 0, \"first_page_uri\": \""
            + calls
            + ".json?PageSize=50&Page=0\", \"next_page_uri\": null, \"page\": 0, \"page_size\":"
            + " 50, \"previous_page_uri\": null, \"start\": 0, \"uri\": \""
            + calls
            + ".json?PageSize=50&Page=0\"}");
    PRICED.put(
        "/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + recording + ".json",
        "{\"sid\": \""
            + recording
            + "\", \"account_sid\": \""
            + ACCOUNT
            + "\", \"call_sid\": \""
            + sid
            + "\", \"duration\": \"60\", \"price\": \"-0.00250\", \"price_unit\": \"USD\","
            + " \"status\": \"completed\"}");

    assertThat(reconciler.reconcile(call)).isEqualTo(3);
    assertThat(reconciler.reconcile(call)).isZero();
    // each component now totals the provider's price (cost is positive, Twilio's price negative)
    assertThat(total(call, "inbound")).isEqualByComparingTo("0.03");
    assertThat(total(call, "dialled")).isEqualByComparingTo("0.14");
    assertThat(total(call, "recording")).isEqualByComparingTo("0.00");
    // every correction points at the estimate it replaces, and names the provider's record
    List<Map<String, Object>> corrections =
        jdbc.sql(
                "SELECT l.amount, l.rule_ref, e.idempotency_key AS corrects FROM ledger_entries l"
                    + " JOIN ledger_entries e ON e.id = l.corrects_id"
                    + " WHERE l.call_id = ? AND l.kind = 'COST' ORDER BY l.id")
            .param(call)
            .query()
            .listOfRows();
    assertThat(corrections).hasSize(3);
    assertThat(corrections.get(0))
        .containsEntry("amount", new BigDecimal("-0.06"))
        .containsEntry("rule_ref", "twilio:" + sid)
        .containsEntry("corrects", call + ":cost-inbound");
    assertThat(corrections.get(1).get("amount")).isEqualTo(new BigDecimal("0.01"));
    assertThat(corrections.get(2).get("rule_ref")).isEqualTo("twilio:" + recording);
    assertThat(ASKED).anyMatch(a -> a.contains("ParentCallSid=" + sid));
    // the estimate is never booked again once the provider's price is in
    assertThat(costs.book(call)).isZero();
  }

  @Test
  void eachBilledDialledLegIsItsOwnRowAndTheProvidersPriceCorrectsTheirSum() throws Exception {
    compliance.setRequireApproval(false, "test");
    TelephonyRate rate = rates.propose(null, input("0.0100", "0.1300", "0", "0"), "admin");
    UUID call = call("+15550001006", 200, 70, 0, null);
    String sid = sid(call);
    String unanswered = "CA" + "a".repeat(32);
    String first = "CA" + "b".repeat(32);
    String second = "CA" + "c".repeat(32);
    // three dial webhooks as Twilio sends them: a leg nobody answered, then two that talked
    dial(call, 1, unanswered, "no-answer", "0");
    dial(call, 2, first, "completed", "61");
    dial(call, 3, second, "completed", "30");

    assertThat(costs.book(call)).isEqualTo(3);
    assertThat(costRows(call))
        .containsExactly(
            "inbound 0.04 rate-" + rate.id() + "#inbound",
            // 61 s = 2 started minutes × 0.13; 30 s = 1 minute; the unanswered leg: nothing
            "dialled 0.26 rate-" + rate.id() + "#dialled",
            "dialled 0.13 rate-" + rate.id() + "#dialled");
    assertThat(description(call, "dialled"))
        .isEqualTo("dialled 61 s = 2 min × 0.1300 USD/min = 0.2600 (leg " + first + ")");
    assertThat(description(call, "dialled-2")).endsWith("(leg " + second + ")");
    assertThat(costs.book(call)).isZero();

    // Twilio prices both child calls: one correcting row makes the legs total the provider's sum
    String calls = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls";
    PRICED.put(calls + "/" + sid + ".json", callJson(sid, null, "-0.04000"));
    PRICED.put(
        calls + ".json?ParentCallSid=" + sid,
        "{\"calls\": ["
            + callJson(first, sid, "-0.02600")
            + ", "
            + callJson(second, sid, "-0.01300")
            + "], \"end\": 1, \"first_page_uri\": \""
            + calls
            + ".json?PageSize=50&Page=0\", \"next_page_uri\": null, \"page\": 0, \"page_size\":"
            + " 50, \"previous_page_uri\": null, \"start\": 0, \"uri\": \""
            + calls
            + ".json?PageSize=50&Page=0\"}");
    assertThat(reconciler.reconcile(call)).isEqualTo(2);
    BigDecimal dialled =
        jdbc.sql(
                "SELECT sum(amount) FROM ledger_entries WHERE call_id = ?"
                    + " AND idempotency_key NOT LIKE '%inbound%'")
            .param(call)
            .query(BigDecimal.class)
            .single();
    // estimates 0.26 + 0.13 = 0.39; Twilio 0.026 + 0.013 = 0.039 → 0.04
    assertThat(dialled).isEqualByComparingTo("0.04");
    Map<String, Object> correction =
        jdbc.sql(
                "SELECT l.amount, e.idempotency_key AS corrects FROM ledger_entries l"
                    + " JOIN ledger_entries e ON e.id = l.corrects_id"
                    + " WHERE l.idempotency_key = ?")
            .param(call + ":cost-dialled:provider")
            .query()
            .singleRow();
    assertThat(correction)
        .containsEntry("amount", new BigDecimal("-0.35"))
        .containsEntry("corrects", call + ":cost-dialled");
  }

  private void dial(UUID call, int step, String legSid, String status, String seconds)
      throws Exception {
    jdbc.sql(
            "INSERT INTO call_events (call_sid, call_id, step_key, kind, request, response)"
                + " VALUES (?, ?, ?, 'dial', ?::jsonb, '')")
        .params(
            sid(call),
            call,
            "dial:" + step,
            json.writeValueAsString(
                Map.of(
                    "DialCallSid", legSid,
                    "DialCallStatus", status,
                    "DialCallDuration", seconds)))
        .update();
  }

  @Test
  void aSettledCallIsCostedAtOnceAndTheJobBooksWhatCameLater() throws Exception {
    compliance.setRequireApproval(false, "test");
    TelephonyRate rate = rates.propose(null, input("0.0450", "0.1300", "0.0250", "0"), "admin");
    UUID call = call("+15550001005", 61, 0, 0, null);
    // settling publishes CallSettled; its cost rows follow (here outside a transaction)
    events.publishEvent(
        new org.ringtree.runtime.billing.CallSettled(
            call, "pi-accidents", "sunrise-media", null, Money.usd("0"), Money.usd("0")));
    assertThat(costRows(call)).containsExactly("inbound 0.09 rate-" + rate.id() + "#inbound");
    // the recording's callback comes after settling: the job books its row, once
    jdbc.sql("UPDATE calls SET recording_sid = ?, recording_seconds = 130 WHERE id = ?")
        .params("RE" + "5".repeat(32), call)
        .update();
    jobs.runOnce(Instant.now());
    jobs.runOnce(Instant.now());
    assertThat(costRows(call))
        .containsExactly(
            "inbound 0.09 rate-" + rate.id() + "#inbound",
            // 130 s = 3 started minutes × 0.025 = 0.075 → 0.08
            "recording 0.08 rate-" + rate.id() + "#recording");
  }

  @Test
  void numberRentIsBookedOncePerNumberAndMonthHowOftenTheJobRuns() {
    compliance.setRequireApproval(false, "test");
    rates.propose(null, input("0.0100", "0.0100", "0.0100", "1.15"), "admin");
    rates.propose("workers-comp", input("0.0100", "0.0100", "0.0100", "2.50"), "admin");
    // a month of its own (other tests' job runs book the current one), with these rates live
    Clock clock = Clock.fixed(Instant.now().plus(400, ChronoUnit.DAYS), ZoneOffset.UTC);
    long numbers =
        jdbc.sql("SELECT count(*) FROM tracking_numbers WHERE enabled").query(Long.class).single();
    assertThat(numbers).isPositive();

    int first = rent.bookMonth(clock, ZoneId.of("UTC"));
    int second = rent.bookMonth(clock, ZoneId.of("UTC"));

    assertThat(first).isEqualTo((int) numbers);
    assertThat(second).isZero();
    String month = YearMonth.now(clock).toString();
    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT l.tracking_number, l.amount, l.call_id, l.rule_ref, t.campaign_id"
                    + " FROM ledger_entries l JOIN tracking_numbers t ON t.number ="
                    + " l.tracking_number WHERE l.idempotency_key LIKE 'rent:%:' || ?")
            .param(month)
            .query()
            .listOfRows();
    assertThat(rows).hasSize((int) numbers);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.get("call_id")).isNull();
              assertThat(r.get("rule_ref").toString()).matches("rate-\\d+#rent");
              assertThat((BigDecimal) r.get("amount"))
                  .isEqualByComparingTo(
                      "workers-comp".equals(r.get("campaign_id")) ? "2.50" : "1.15");
            });
  }

  @Test
  void reportsShowCostAndProfitEqualToTheLedger() throws Exception {
    compliance.setRequireApproval(false, "test");
    rates.propose(null, input("0.0450", "0.1300", "0.0250", "0"), "admin");
    String number = "+15550001004";
    UUID a = call(number, 95, 60, 60, null);
    UUID b = call(number, 200, 0, 0, null);
    costs.book(a);
    costs.book(b);
    ledger.append(
        a,
        "REVENUE",
        LedgerWriter.Party.BUYER,
        "acme-law",
        "pi-accidents",
        Money.usd("250.00"),
        "test",
        "test",
        a + ":revenue");
    ledger.append(
        a,
        "PAYOUT",
        LedgerWriter.Party.PUBLISHER,
        "sunrise-media",
        "pi-accidents",
        Money.usd("200.00"),
        "test",
        "test",
        a + ":payout");
    BigDecimal ledgerCost =
        jdbc.sql(
                "SELECT sum(amount) FROM ledger_entries WHERE party_type = 'PROVIDER'"
                    + " AND call_id IN (?, ?)")
            .params(a, b)
            .query(BigDecimal.class)
            .single();
    // a: 0.09 + 0.13 + 0.02 (recording 0.025, half to even); b: 4 min × 0.045 = 0.18
    assertThat(ledgerCost).isEqualByComparingTo("0.42");

    Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    Instant to = from.plus(5, ChronoUnit.HOURS);
    Reports.Report r =
        reports.run(
            new Reports.Query(
                Reports.Dimension.TRACKING_NUMBER,
                Reports.Period.TOTAL,
                from,
                to,
                ZoneId.of("UTC"),
                null,
                null,
                null,
                null,
                number));
    assertThat(r.rows()).hasSize(1);
    ReportRow row = r.rows().get(0);
    assertThat(row.cost()).isEqualByComparingTo(ledgerCost);
    assertThat(row.margin()).isEqualByComparingTo("50.00");
    assertThat(row.profit()).isEqualByComparingTo(new BigDecimal("50.00").subtract(ledgerCost));

    HttpResponse<String> api =
        get(
            "/api/reports?by=tracking_number&period=total&tz=UTC&number=%2B15550001004&from="
                + from.toString().substring(0, 16)
                + "&to="
                + to.toString().substring(0, 16));
    assertThat(api.statusCode()).isEqualTo(200);
    JsonNode total = json.readTree(api.body()).get("totals").get(0);
    assertThat(total.get("cost").decimalValue()).isEqualByComparingTo(ledgerCost);
    assertThat(total.get("profit").decimalValue()).isEqualByComparingTo("49.58");
    HttpResponse<String> csv =
        get(
            "/api/reports/csv?by=tracking_number&period=total&tz=UTC&number=%2B15550001004&from="
                + from.toString().substring(0, 16)
                + "&to="
                + to.toString().substring(0, 16));
    assertThat(csv.body())
        .contains("margin,cost,profit,")
        .contains("TOTAL,,USD,2,1,0,0,0,250.00,200.00,50.00,0.42,49.58,");
  }

  @Test
  void withApprovalRequiredARateGoesLiveOnlyWhenSomeoneElseApprovesIt() throws Exception {
    compliance.setRequireApproval(true, "test");
    HttpResponse<String> asked =
        send(
            ADMIN,
            "PUT",
            "/api/costs/rates?campaign=workers-comp",
            "{\"inboundPerMinute\": 0.0085, \"dialledPerMinute\": 0.014,"
                + " \"recordingPerMinute\": 0.0025, \"numberRentPerMonth\": 1.15}");
    assertThat(asked.statusCode()).isEqualTo(202);
    JsonNode pending = json.readTree(asked.body());
    assertThat(pending.get("state").asText()).isEqualTo("PENDING");
    long id = pending.get("id").asLong();
    assertThat(send(OPERATOR, "PUT", "/api/costs/rates", "{}").statusCode()).isEqualTo(403);
    assertThat(send(ADMIN, "POST", "/api/costs/rates/" + id + "/approve", "{}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> approved =
        send(COMPLIANCE, "POST", "/api/costs/rates/" + id + "/approve", "{\"note\": \"ok\"}");
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(json.readTree(approved.body()).get("state").asText()).isEqualTo("LIVE");
    assertThat(send(COMPLIANCE, "POST", "/api/costs/rates/" + id + "/reject", "{}").statusCode())
        .isEqualTo(409);
    assertThat(
            jdbc.sql(
                    "SELECT action || ' by ' || actor FROM audit_log WHERE object_type ="
                        + " 'telephony_rate' AND object_id = ? ORDER BY id")
                .param(String.valueOf(id))
                .query(String.class)
                .list())
        .containsExactly("telephony-rate.propose by admin", "telephony-rate.approve by compliance");
    JsonNode listed = json.readTree(get("/api/costs/rates").body());
    assertThat(listed.get(0).get("campaignId").asText()).isEqualTo("workers-comp");
  }

  @Test
  void theSettingsScreenChangesTheNetworksRatesThroughTheSameRules() {
    var admin = users.loadUserByUsername("admin");
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(
            new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                admin, null, admin.getAuthorities()));
    try {
      compliance.setRequireApproval(false, "test");
      var rates =
          new org.ringtree.editor.admin.TelephonyRatesPort.Rates(
              "USD",
              new BigDecimal("0.0085"),
              new BigDecimal("0.0140"),
              new BigDecimal("0.0025"),
              new BigDecimal("1.15"));
      assertThat(console.change(rates)).contains("live");
      assertThat(console.live()).contains(rates);
      compliance.setRequireApproval(true, "test");
      String pending =
          console.change(
              new org.ringtree.editor.admin.TelephonyRatesPort.Rates(
                  "USD",
                  new BigDecimal("0.0090"),
                  new BigDecimal("0.0140"),
                  new BigDecimal("0.0025"),
                  new BigDecimal("1.15")));
      assertThat(pending).contains("approval");
      assertThat(console.live()).contains(rates);
      assertThat(console.pending()).anyMatch(l -> l.contains("network, asked by admin"));
      assertThatThrownBy(
              () ->
                  console.change(
                      new org.ringtree.editor.admin.TelephonyRatesPort.Rates(
                          "USD",
                          new BigDecimal("0.0085"),
                          new BigDecimal("-1"),
                          new BigDecimal("0.0025"),
                          new BigDecimal("1.15"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("dialledPerMinute: must not be negative");
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }

  @Test
  void badRatesAreRefusedWithA400NamingTheField() throws Exception {
    compliance.setRequireApproval(false, "test");
    assertRefused(
        "{\"inboundPerMinute\": -0.01, \"dialledPerMinute\": 0.01, \"recordingPerMinute\": 0,"
            + " \"numberRentPerMonth\": 1}",
        "inboundPerMinute: must not be negative");
    assertRefused(
        "{\"inboundPerMinute\": 0.01, \"dialledPerMinute\": 0.00001, \"recordingPerMinute\": 0,"
            + " \"numberRentPerMonth\": 1}",
        "dialledPerMinute: at most 4 decimals");
    assertRefused(
        "{\"inboundPerMinute\": 0.01, \"dialledPerMinute\": 0.01, \"recordingPerMinute\": 0,"
            + " \"numberRentPerMonth\": 1.155}",
        "numberRentPerMonth: at most 2 decimals");
    assertRefused(
        "{\"inboundPerMinute\": 0.01, \"dialledPerMinute\": 0.01, \"numberRentPerMonth\": 1}",
        "recordingPerMinute: required");
    assertRefused(
        "{\"inboundPerMinute\": \"cheap\", \"dialledPerMinute\": 0.01, \"recordingPerMinute\": 0,"
            + " \"numberRentPerMonth\": 1}",
        "inboundPerMinute: not a valid value");
    assertRefused(
        "{\"currency\": \"dollars\", \"inboundPerMinute\": 0.01, \"dialledPerMinute\": 0.01,"
            + " \"recordingPerMinute\": 0, \"numberRentPerMonth\": 1}",
        "currency:");
    assertThat(send(ADMIN, "PUT", "/api/costs/rates?campaign=nope", validBody()).statusCode())
        .isEqualTo(404);
    long before = jdbc.sql("SELECT count(*) FROM telephony_rates").query(Long.class).single();
    assertThat(send(ADMIN, "PUT", "/api/costs/rates", validBody()).statusCode()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM telephony_rates").query(Long.class).single())
        .isEqualTo(before + 1);
  }

  private static String validBody() {
    return "{\"inboundPerMinute\": 0.0085, \"dialledPerMinute\": 0.014,"
        + " \"recordingPerMinute\": 0.0025, \"numberRentPerMonth\": 1.15}";
  }

  private void assertRefused(String body, String error) throws Exception {
    long before = jdbc.sql("SELECT count(*) FROM telephony_rates").query(Long.class).single();
    HttpResponse<String> r = send(ADMIN, "PUT", "/api/costs/rates", body);
    assertThat(r.statusCode()).as(body).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("error").asText()).as(body).startsWith(error);
    assertThat(jdbc.sql("SELECT count(*) FROM telephony_rates").query(Long.class).single())
        .isEqualTo(before);
  }

  // --- calls and the ledger

  private UUID call(
      String number, int totalSeconds, int talkSeconds, int recordingSeconds, String recordingSid)
      throws InterruptedException {
    Thread.sleep(5); // started after the rate just proposed went live
    UUID id = UUID.randomUUID();
    Instant started = Instant.now();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, phase, provider_status, started_at, connected_at, ended_at,"
                + " settled_at, total_seconds, talk_seconds, buyer_id, recording_sid,"
                + " recording_seconds) VALUES (?, ?, ?, 'pi-accidents', 'sunrise-media',"
                + " '+13105550199', 'ENDED', 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            "CA" + id.toString().replace("-", ""),
            number,
            Timestamp.from(started),
            talkSeconds > 0 ? Timestamp.from(started.plusSeconds(30)) : null,
            Timestamp.from(started.plusSeconds(totalSeconds)),
            Timestamp.from(started.plusSeconds(totalSeconds)),
            totalSeconds,
            talkSeconds > 0 ? talkSeconds : null,
            talkSeconds > 0 ? "acme-law" : null,
            recordingSid,
            recordingSeconds > 0 ? recordingSeconds : null)
        .update();
    return id;
  }

  private String sid(UUID call) {
    return "CA" + call.toString().replace("-", "");
  }

  private CostStore.CallUsage usage(UUID call) {
    return new CostStore(jdbc).usage(call).orElseThrow();
  }

  private List<String> costRows(UUID call) {
    return jdbc.sql(
            "SELECT split_part(description, ' ', 1) || ' ' || amount || ' ' || rule_ref"
                + " FROM ledger_entries WHERE call_id = ? AND party_type = 'PROVIDER'"
                + " AND kind = 'COST' AND party_id = 'twilio' ORDER BY id")
        .param(call)
        .query(String.class)
        .list();
  }

  private String description(UUID call, String component) {
    return jdbc.sql("SELECT description FROM ledger_entries WHERE idempotency_key = ?")
        .param(call + ":cost-" + component)
        .query(String.class)
        .single();
  }

  private BigDecimal total(UUID call, String component) {
    return jdbc.sql("SELECT sum(amount) FROM ledger_entries WHERE idempotency_key IN (?, ?)")
        .params(call + ":cost-" + component, call + ":cost-" + component + ":provider")
        .query(BigDecimal.class)
        .single();
  }

  // --- the fake Twilio REST API

  private static String callJson(String sid, String parent, String price) {
    return "{\"sid\": \""
        + sid
        + "\", \"account_sid\": \""
        + ACCOUNT
        + "\", \"parent_call_sid\": "
        + (parent == null ? "null" : "\"" + parent + "\"")
        + ", \"status\": \"completed\", \"duration\": \"95\", \"price\": \""
        + price
        + "\", \"price_unit\": \"USD\"}";
  }

  private static HttpServer fakeTwilio() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            URI uri = exchange.getRequestURI();
            String parent =
                uri.getQuery() == null
                    ? null
                    : java.util.Arrays.stream(uri.getQuery().split("&"))
                        .filter(p -> p.startsWith("ParentCallSid="))
                        .findFirst()
                        .orElse(null);
            String key = uri.getRawPath() + (parent == null ? "" : "?" + parent);
            ASKED.add(key);
            String body = PRICED.get(key);
            byte[] out =
                (body == null
                        ? "{\"code\": 20404, \"message\": \"not found\", \"status\": 404}"
                        : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- REST

  static final String ADMIN = basic("admin", "ringtree-admin-demo");
  static final String OPERATOR = basic("operator", "ringtree-operator-demo");
  static final String COMPLIANCE = basic("compliance", "ringtree-compliance-demo");

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", OPERATOR)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String auth, String method, String path, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
