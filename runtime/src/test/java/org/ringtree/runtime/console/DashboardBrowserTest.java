package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.cost.NumberRent;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The P&L dashboard in headless Chromium: an operator signs in and lands on it; calls placed
 * through signed webhooks show as figures equal to the ledger's sums for today, and the ECharts
 * charts hold the same money (read from the rendered chart's option); a call that ends while the
 * page is open moves the figures by its ledger amounts without a reload; a figure opens the call
 * log filtered to its calls. With the demo's telephony rates live, the cost and profit figures and
 * the chart's cost and profit series equal the ledger's COST rows and revenue − payout − cost. The
 * push latency is logged for docs/benchmarks.md.
 */
@TestPropertySource(properties = "ringtree.demo.telephony-rates=true")
class DashboardBrowserTest extends RunningPlatformTest {

  private static final Logger log = LoggerFactory.getLogger(DashboardBrowserTest.class);

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired JdbcClient jdbc;
  @Autowired BillingProperties billing;
  @Autowired NumberRent rent;

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

  @Test
  void showsTheLedgersMoneyChartsItAndMovesWhenACallEnds() throws IOException {
    try {
      driver().place(caller("+13105550901"));
      driver().place(caller("+13105550902"));
      // this month's number rent now, as the cost job would a minute after start: booked once
      rent.bookMonth(java.time.Clock.systemUTC(), zone());

      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      wait.until(ExpectedConditions.urlContains("/dashboard"));
      Money before = ledgerToday();
      assertThat(before.revenue()).isPositive();
      wait.until(
          d ->
              ui.textContent("figure-revenue-value")
                  .equals(before.revenue().toPlainString() + " USD"));
      assertThat(ui.textContent("figure-payout-value"))
          .isEqualTo(before.payout().toPlainString() + " USD");
      assertThat(ui.textContent("figure-margin-value"))
          .isEqualTo(before.revenue().subtract(before.payout()).toPlainString() + " USD");
      assertThat(ui.textContent("figure-billable-value"))
          .isEqualTo(String.valueOf(before.billable()));
      // telephony cost: the ledger's COST rows (re-read: the cost job may book number rent now)
      wait.until(
          d ->
              ui.textContent("figure-cost-value")
                  .equals(ledgerToday().cost().toPlainString() + " USD"));
      Money costed = ledgerToday();
      assertThat(costed.cost()).isPositive();
      assertThat(ui.textContent("figure-profit-value"))
          .isEqualTo(
              costed.revenue().subtract(costed.payout()).subtract(costed.cost()).toPlainString()
                  + " USD");
      assertThat(sum(chartData("chart-money", 3))).isEqualByComparingTo(costed.cost());
      assertThat(sum(chartData("chart-money", 4)))
          .isEqualByComparingTo(costed.revenue().subtract(costed.payout()).subtract(costed.cost()));

      // the rendered chart holds the same cents: its buckets add up to the day's revenue
      assertThat(sum(chartData("chart-money", 0))).isEqualByComparingTo(before.revenue());
      assertThat(sum(chartData("chart-money", 1))).isEqualByComparingTo(before.payout());
      assertThat(chartData("chart-outcomes", 0).get(3))
          .isEqualTo(String.valueOf(before.billable()));
      assertThat(chartCategories("chart-buyers")).anyMatch(c -> c.startsWith("Bidder One"));
      // first render of an open page: from the request to the figures on screen
      long opened = System.nanoTime();
      browser.get(baseUrl + "/dashboard");
      wait.pollingEvery(Duration.ofMillis(20))
          .until(
              d ->
                  ui.textContent("figure-revenue-value")
                          .equals(before.revenue().toPlainString() + " USD")
                      && !chartData("chart-money", 0).isEmpty());
      log.info(
          "dashboard: first render (figures and chart on screen) {} ms after the request",
          (System.nanoTime() - opened) / 1_000_000);
      Browsers.shot(browser, "dashboard");
      Files.createDirectories(Path.of("..", "docs", "screenshots"));
      Files.copy(
          Browsers.SHOTS.resolve("dashboard.png"),
          Path.of("..", "docs", "screenshots", "dashboard.png"),
          StandardCopyOption.REPLACE_EXISTING);

      // a call ends while the page is open: the figures move by its ledger amounts, no reload
      browser.executeScript("window.ringtreeSamePage = true;");
      CallTranscript third = driver().place(caller("+13105550903"));
      long ended = System.nanoTime();
      Money call = ledgerOf(third.callSid());
      assertThat(call.revenue()).isPositive();
      String expected = before.revenue().add(call.revenue()).toPlainString() + " USD";
      new WebDriverWait(browser, Duration.ofSeconds(5))
          .pollingEvery(Duration.ofMillis(20))
          .until(d -> ui.textContent("figure-revenue-value").equals(expected));
      long shown = (System.nanoTime() - ended) / 1_000_000;
      assertThat(browser.executeScript("return window.ringtreeSamePage === true")).isEqualTo(true);
      assertThat(sum(chartData("chart-money", 0)))
          .isEqualByComparingTo(before.revenue().add(call.revenue()));
      log.info("dashboard: figures moved {} ms after the final status webhook was answered", shown);

      // a figure opens the call log on its calls
      browser.findElement(By.id("figure-billable")).click();
      wait.until(ExpectedConditions.urlContains("billable=true"));
      // the call log put the URL's filter in its Billable field
      wait.until(
          d ->
              String.valueOf(
                      browser.executeScript(
                          "const b = document.querySelector('#filter-billable"
                              + " vaadin-select-value-button'); return b ? b.textContent : '';"))
                  .contains("Yes"));
      assertThat(browser.getCurrentUrl()).contains("from=" + today()).contains("to=" + today());
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-dashboard");
      throw e;
    }
  }

  private static CallScript caller(String number) {
    return CallScript.demo().withCaller(number, "CA", "90210");
  }

  private LocalDate today() {
    return Instant.now().atZone(zone()).toLocalDate();
  }

  private ZoneId zone() {
    return billing.timezone();
  }

  /**
   * What the ledger holds for calls that started today in the network's zone; cost also counts
   * number rent booked today (a row without a call counts at its booking time).
   */
  record Money(BigDecimal revenue, BigDecimal payout, BigDecimal cost, long billable) {}

  private Money ledgerToday() {
    Instant start = today().atStartOfDay(zone()).toInstant();
    BigDecimal[] money =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'BUYER'), 0),"
                    + " coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'PUBLISHER'), 0)"
                    + " FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                    + " WHERE c.started_at >= ?")
            .param(Timestamp.from(start))
            .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
            .single();
    long billable =
        jdbc.sql("SELECT count(*) FROM calls WHERE billable_to_buyer AND started_at >= ?")
            .param(Timestamp.from(start))
            .query(Long.class)
            .single();
    BigDecimal cost =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount), 0) FROM ledger_entries l"
                    + " LEFT JOIN calls c ON c.id = l.call_id WHERE l.party_type = 'PROVIDER'"
                    + " AND (c.started_at >= ? OR (l.call_id IS NULL AND l.created_at >= ?))")
            .params(Timestamp.from(start), Timestamp.from(start))
            .query(BigDecimal.class)
            .single();
    return new Money(money[0].setScale(2), money[1].setScale(2), cost.setScale(2), billable);
  }

  private Money ledgerOf(String callSid) {
    BigDecimal[] money =
        jdbc.sql(
                "SELECT coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'BUYER'), 0),"
                    + " coalesce(sum(l.amount) FILTER (WHERE l.party_type = 'PUBLISHER'), 0)"
                    + " FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                    + " WHERE c.call_sid = ?")
            .param(callSid)
            .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
            .single();
    return new Money(money[0].setScale(2), money[1].setScale(2), BigDecimal.ZERO, 1);
  }

  /** A series' data as ECharts holds it after rendering. */
  @SuppressWarnings("unchecked")
  private static List<String> chartData(String id, int series) {
    Object data =
        browser.executeScript(
            "const e = document.getElementById(arguments[0]); const o = e && e.chartOption;"
                + " return o && o.series[arguments[1]] ? o.series[arguments[1]].data.map(String)"
                + " : [];",
            id,
            series);
    return (List<String>) data;
  }

  @SuppressWarnings("unchecked")
  private static List<String> chartCategories(String id) {
    return (List<String>)
        browser.executeScript(
            "const e = document.getElementById(arguments[0]); const o = e && e.chartOption;"
                + " return o ? o.yAxis[0].data.map(String) : [];",
            id);
  }

  private static BigDecimal sum(List<String> values) {
    return values.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
