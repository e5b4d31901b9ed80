package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.editor.portal.PortalPeriods;
import org.ringtree.runtime.security.SecuredAppTest;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both portals in headless Chromium, signed in through the console's own sign-in: the publisher
 * lands on its overview, sees its own calls with the caller masked and the buyer hidden, and gets
 * "not found" for another publisher's call by address and "not for your role" for the buyer's and
 * the operator's screens; the buyer pauses and resumes its own target, sees its cap and its calls
 * with a recording to play. Screenshots go to target/screenshots (docs/portals.md uses copies).
 */
class PortalBrowserTest extends SecuredAppTest {

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired JdbcClient jdbc;

  private String ours;
  private String othersPublishers;

  @BeforeAll
  static void startBrowser() {
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    ui = new BrowserSteps(browser, wait);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void calls() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    PortalCalls calls = new PortalCalls(jdbc);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ours = "CA-web-ours-" + run;
    othersPublishers = "CA-web-bb-" + run;
    calls.call(ours, "sunrise-media", "bidder-one", "310.00", "200.00", now, true);
    calls.call(othersPublishers, "blue-billboard", "bidder-one", "300.00", "180.00", now, true);
    jdbc.sql(
            "UPDATE calls SET target_id = 'bidder-one-rtb', recording_sid = 'RE' || md5(call_sid)"
                + " WHERE call_sid IN (?, ?)")
        .params(ours, othersPublishers)
        .update();
  }

  @Test
  void aPublisherSeesItsOwnCallsMaskedAndNeverAnotherPublishersNorTheBuyersScreens() {
    run(
        "publisher",
        () -> {
          signIn(PUBLISHER);
          wait.until(ExpectedConditions.urlMatches(".*/portal$"));
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-today-calls")));
          assertThat(ui.text("portal-party")).isEqualTo("Sunrise Media");
          // the figure is the database's count of the publisher's calls today in the page's zone
          wait.until(
              d -> {
                String zone = ui.text("overview-zone").replace("Time zone: ", "");
                var today = PortalPeriods.overview(Instant.now(), ZoneId.of(zone)).get(0);
                return ui.text("overview-today-calls").equals(Long.toString(count(today)));
              });
          assertThat(ui.text("overview-today-money")).endsWith(" USD");
          assertThat(ui.present("nav-portal-calls", "nav-portal-payouts", "nav-portal-numbers"))
              .isTrue();
          assertThat(ui.absent("nav-portal-targets", "nav-portal-spend", "nav-calls", "nav-buyers"))
              .isTrue();
          Browsers.shot(browser, "portal-overview");

          ui.click("nav-portal-calls");
          ui.cell(ours);
          assertThat(cells()).doesNotContain(othersPublishers).doesNotContain("+13105550000");
          assertThat(cells()).contains("+1310•••••00", "(hidden)", "200.00 USD");
          Browsers.shot(browser, "portal-publisher");

          // by address: another publisher's call is simply not there
          open("/portal/calls/" + othersPublishers);
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-call-not-found")));
          assertThat(browser.getPageSource()).doesNotContain("180.00");
          open("/portal/calls/" + ours);
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("portal-call-payout"), "200.00 USD"));
          assertThat(ui.text("portal-call-caller")).isEqualTo("+1310•••••00");

          // the buyer's screen and the operator's are refused, not just hidden
          for (String path : List.of("/portal/targets", "/portal/spend", "/buyers", "/calls")) {
            open(path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
            assertThat(browser.findElements(By.id("portal-targets-grid"))).isEmpty();
          }

          open("/portal/payouts");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payouts-per-campaign")));
          wait.until(d -> cells().stream().anyMatch(c -> c.equals("test")));
          Browsers.shot(browser, "portal-payouts");
        });
  }

  @Test
  void aBuyerPausesAndResumesItsOwnTargetSeesItsCapAndPlaysARecording() {
    run(
        "buyer",
        () -> {
          signIn(BUYER);
          wait.until(ExpectedConditions.urlMatches(".*/portal$"));
          assertThat(ui.text("portal-party")).isEqualTo("Bidder One Legal Leads");

          ui.click("nav-portal-targets");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-caps-grid")));
          ui.cell("daily connections");
          assertThat(cells()).noneMatch(c -> c.contains("bidder-two"));
          ui.click("pause-bidder-one-rtb");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resume-bidder-one-rtb")));
          assertThat(enabled("bidder-one-rtb")).isFalse();
          Browsers.shot(browser, "portal-targets");
          ui.click("resume-bidder-one-rtb");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pause-bidder-one-rtb")));
          assertThat(enabled("bidder-one-rtb")).isTrue();

          ui.click("nav-portal-buyer-calls");
          ui.cell(ours);
          assertThat(cells()).contains(othersPublishers, "310.00 USD", "+13105550000");
          // what the publisher earned is not a column of the buyer's grid
          assertThat(cells()).contains("Cost").doesNotContain("Payout", "Payable");
          ui.click("play-" + ours);
          WebElement audio =
              wait.until(
                  ExpectedConditions.presenceOfElementLocated(By.id("portal-recording-audio")));
          assertThat(audio.getAttribute("src"))
              .endsWith("/api/portal/calls/" + ours + "/recording");
          Browsers.shot(browser, "portal-buyer");

          // its spend: both calls' charges on its one target, per target and per day
          open("/portal/spend");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spend-per-target")));
          wait.until(d -> cells().contains("Bidder One ping-post"));
          assertThat(cells()).contains("Day", "Target", "Entries", "Amount");
          Browsers.shot(browser, "portal-spend");

          open("/publishers");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
          open("/portal/calls");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
        });
  }

  private long count(PortalPeriods.Period p) {
    return jdbc.sql(
            "SELECT count(*) FROM calls WHERE publisher_id = 'sunrise-media' AND started_at >= ?"
                + " AND started_at < ?")
        .params(java.sql.Timestamp.from(p.from()), java.sql.Timestamp.from(p.to()))
        .query(Long.class)
        .single();
  }

  private boolean enabled(String targetId) {
    return jdbc.sql("SELECT enabled FROM targets WHERE id = ?")
        .param(targetId)
        .query(Boolean.class)
        .single();
  }

  private void run(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-portal-" + name);
      throw e;
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private void signIn(String user) {
    Browsers.signIn(browser, base(), user, "ringtree-" + user + "-demo");
  }

  private void open(String path) {
    browser.get(base() + path);
  }

  private static List<String> cells() {
    // a pushed update re-renders the grid: read its cells again until one pass holds still
    return wait.until(
        d -> {
          try {
            return d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .toList();
          } catch (StaleElementReferenceException rerendered) {
            return null;
          }
        });
  }
}
