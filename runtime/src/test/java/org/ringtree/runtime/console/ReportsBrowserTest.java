package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.billing.Reconciliations;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports and reconciliation screens in headless Chromium, over calls placed through signed
 * webhooks and a dispute approved through the API: the reports grid grouped by publisher × day
 * totals to the ledger's cents; its saved-view link reopens the same view; its CSV download holds
 * the same totals while the page's progress line, pushed from the export, counts the lines; the
 * reconciliation screen and its print page show a publisher's and a buyer's net to the cent.
 */
class ReportsBrowserTest extends RunningPlatformTest {

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired JdbcClient jdbc;
  @Autowired BillingProperties billing;
  @Autowired Reconciliations reconciliations;
  @Autowired ObjectMapper json;

  @BeforeAll
  static void startBrowser() {
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    ui = new BrowserSteps(browser, wait);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Texas caller; Bidder Two is busy, so Acme's $250 takes the call from Sunrise Media. */
  private static CallScript texasCall(String caller) {
    return CallScript.demo()
        .withTrackingNumber("+18885550102")
        .withCaller(caller, "TX", "73301")
        .withLegs(List.of(Leg.BUSY));
  }

  @Test
  void reportTotalsAndStatementsEqualTheLedgerAndTheSavedLinkReopensTheView() throws Exception {
    try {
      driver().place(texasCall("+15125552001"));
      CallTranscript disputed = driver().place(texasCall("+15125552002"));
      approveDispute(disputed);

      ZoneId zone = billing.timezone();
      LocalDate today = Instant.now().atZone(zone).toLocalDate();
      LocalDate first = today.minusDays(6);
      Instant start = first.atStartOfDay(zone).toInstant();
      Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
      Money ledger = ledger(start, end);
      assertThat(ledger.revenue()).isPositive();

      // the default view: publishers by day over the last seven days
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      browser.get(baseUrl + "/reports");
      wait.until(
          d -> ui.textContent("total-revenue").equals(ledger.revenue().toPlainString() + " USD"));
      assertThat(ui.textContent("total-payout"))
          .isEqualTo(ledger.payout().toPlainString() + " USD");
      assertThat(ui.textContent("total-margin"))
          .isEqualTo(ledger.revenue().subtract(ledger.payout()).toPlainString() + " USD");
      assertThat(ui.textContent("total-calls")).isEqualTo(Long.toString(ledger.calls()));
      assertThat(selected("report-by")).isEqualTo("Publisher");
      assertThat(selected("report-period")).isEqualTo("Day");
      assertThat(ui.cellTexts("report-grid")).anyMatch(t -> t.startsWith("Sunrise Media"));

      // the saved-view link holds the query; opening it shows the same view
      String link = browser.findElement(By.id("report-link")).getAttribute("href");
      assertThat(java.net.URLDecoder.decode(link, StandardCharsets.UTF_8))
          .contains("by=publisher")
          .contains("period=day")
          .contains("from=" + first)
          .contains("to=" + today)
          .contains("tz=" + zone.getId());
      browser.get("about:blank");
      browser.get(link);
      wait.until(
          d -> ui.textContent("total-revenue").equals(ledger.revenue().toPlainString() + " USD"));
      assertThat(selected("report-by")).isEqualTo("Publisher");
      assertThat(ui.textContent("total-calls")).isEqualTo(Long.toString(ledger.calls()));
      Browsers.shot(browser, "reports");
      publish("reports");

      // the CSV download: streamed through the signed-in session, with the same totals
      String href = browser.findElement(By.id("report-csv")).getAttribute("href");
      String csv =
          (String)
              browser.executeAsyncScript(
                  "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href);
      List<String> lines = csv.lines().toList();
      assertThat(lines.get(0)).startsWith("key,period,currency,calls,");
      String total = lines.stream().filter(l -> l.startsWith("TOTAL,")).findFirst().orElseThrow();
      assertThat(total.split(",")[8]).isEqualTo(ledger.revenue().toPlainString());
      assertThat(total.split(",")[9]).isEqualTo(ledger.payout().toPlainString());
      long written = lines.size() - 2;
      // the progress line was pushed by the export itself, with the count it wrote
      wait.until(
          d ->
              ui.textContent("export-progress").equals("CSV ready: " + written + " lines written"));
      assertThat(browser.findElement(By.id("export-progress-bar")).getAttribute("data-written"))
          .isEqualTo(Long.toString(written));

      // reconciliation: Sunrise Media's statement for the week, net to the ledger's cent
      Statement sunrise = statement("PUBLISHER", "sunrise-media", start, end);
      assertThat(sunrise.disputeCredits()).isNegative();
      String query =
          "?party=publisher&id=sunrise-media&from=" + first + "&to=" + today + "&tz=" + zone;
      browser.get(baseUrl + "/reconciliation" + query);
      wait.until(d -> ui.cellTexts("recon-grid").contains(sunrise.net().toPlainString() + " USD"));
      assertThat(ui.cellTexts("recon-grid"))
          .contains("Sunrise Media (sunrise-media)", Long.toString(sunrise.calls()));
      List<Reconciliations.Line> lines2 =
          reconciliations.lines(Reconciliations.Party.PUBLISHER, "sunrise-media", start, end);
      assertThat(lines2)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.net()).isEqualByComparingTo(sunrise.net());
                assertThat(l.disputeCredits()).isEqualByComparingTo(sunrise.disputeCredits());
                assertThat(l.calls()).isEqualTo(sunrise.calls());
              });
      Browsers.shot(browser, "reconciliation");
      publish("reconciliation");

      // the printable page holds the same statement
      browser.get(
          baseUrl
              + "/"
              + browser
                  .findElement(By.id("recon-print"))
                  .getAttribute("href")
                  .replaceFirst("^https?://[^/]+/", ""));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-table")));
      assertThat(printed("sunrise-media", "net")).isEqualTo(sunrise.net().toPlainString() + " USD");
      assertThat(printed("sunrise-media", "dispute-credits"))
          .isEqualTo(sunrise.disputeCredits().toPlainString() + " USD");
      assertThat(browser.findElements(By.cssSelector("vaadin-side-nav"))).isEmpty();

      // and Acme's, whose approved dispute is its credit
      Statement acme = statement("BUYER", "acme-law", start, end);
      browser.get(
          baseUrl
              + "/reconciliation/print?party=buyer&id=acme-law&from="
              + first
              + "&to="
              + today
              + "&tz="
              + zone);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-table")));
      assertThat(printed("acme-law", "net")).isEqualTo(acme.net().toPlainString() + " USD");
      assertThat(printed("acme-law", "base")).isEqualTo(acme.base().toPlainString() + " USD");
      assertThat(printed("acme-law", "dispute-credits"))
          .isEqualTo(acme.disputeCredits().toPlainString() + " USD");
      assertThat(Long.parseLong(printed("acme-law", "disputes"))).isPositive();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-reports");
      throw e;
    }
  }

  private void approveDispute(CallTranscript call) throws Exception {
    String callId =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(call.callSid())
            .query(String.class)
            .single();
    HttpResponse<String> opened =
        post(
            "operator:ringtree-operator-demo",
            "/api/disputes",
            Map.of("callId", callId, "buyerId", "acme-law", "reason", "caller was a robot"));
    assertThat(opened.statusCode()).isEqualTo(201);
    long id = json.readTree(opened.body()).path("id").asLong();
    HttpResponse<String> approved =
        post("admin:ringtree-admin-demo", "/api/disputes/" + id + "/approve", Map.of());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The ledger's money over the calls that started in [start, end), and those calls. */
  record Money(BigDecimal revenue, BigDecimal payout, long calls) {}

  private Money ledger(Instant start, Instant end) {
    BigDecimal[] money =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'BUYER'), 0),"
                    + " coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'PUBLISHER'), 0)"
                    + " FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                    + " WHERE c.started_at >= ? AND c.started_at < ?")
            .params(Timestamp.from(start), Timestamp.from(end))
            .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
            .single();
    long calls =
        jdbc.sql("SELECT count(*) FROM calls WHERE started_at >= ? AND started_at < ?")
            .params(Timestamp.from(start), Timestamp.from(end))
            .query(Long.class)
            .single();
    return new Money(money[0].setScale(2), money[1].setScale(2), calls);
  }

  /** A party's statement straight from the ledger rows of its calls in [start, end). */
  record Statement(long calls, BigDecimal base, BigDecimal disputeCredits, BigDecimal net) {}

  private Statement statement(String party, String id, Instant start, Instant end) {
    String column = party.equals("BUYER") ? "buyer_id" : "publisher_id";
    long calls =
        jdbc.sql(
                "SELECT count(*) FROM calls WHERE "
                    + column
                    + " = ? AND started_at >= ? AND started_at < ?")
            .params(id, Timestamp.from(start), Timestamp.from(end))
            .query(Long.class)
            .single();
    BigDecimal[] money =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount) FILTER (WHERE l.kind <> 'ADJUSTMENT'), 0),"
                    + " coalesce(sum(l.amount) FILTER (WHERE l.rule_ref LIKE 'dispute-%'), 0),"
                    + " coalesce(sum(l.amount), 0)"
                    + " FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                    + " WHERE l.party_type = ? AND l.party_id = ? AND c."
                    + column
                    + " = ? AND c.started_at >= ? AND c.started_at < ?")
            .params(party, id, id, Timestamp.from(start), Timestamp.from(end))
            .query(
                (rs, i) ->
                    new BigDecimal[] {
                      rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)
                    })
            .single();
    return new Statement(calls, money[0].setScale(2), money[1].setScale(2), money[2].setScale(2));
  }

  private static void publish(String name) throws IOException {
    Files.createDirectories(Path.of("..", "docs", "screenshots"));
    Files.copy(
        Browsers.SHOTS.resolve(name + ".png"),
        Path.of("..", "docs", "screenshots", name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The text a vaadin-select shows for its value. */
  private static String selected(String id) {
    Object t =
        browser.executeScript(
            "const b = document.querySelector('#' + arguments[0] + ' vaadin-select-value-button');"
                + " return b ? b.textContent : '';",
            id);
    return t == null ? "" : t.toString().strip();
  }

  private static String printed(String party, String column) {
    return browser
        .findElement(
            By.cssSelector(
                "#statement-table tr[data-party='" + party + "'] td[data-column='" + column + "']"))
        .getText()
        .strip();
  }
}
