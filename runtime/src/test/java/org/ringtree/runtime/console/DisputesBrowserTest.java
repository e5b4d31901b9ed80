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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RecordingServer;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Disputes end to end in headless Chromium: calls placed through signed webhooks; the demo buyer
 * signs in, hears a call's recording through the portal's ranged endpoint, disputes the call, and
 * is refused (with the reason on screen) for another buyer's call, a call past the window, the same
 * call twice and a call it was not billed for; the operator approves the dispute in its queue and
 * both parties' ledgers move by exactly the call's cents. The bulk adjustment screen then shows a
 * change that would take the publisher's statement below zero before anything is applied, and
 * applies a small one. Screenshots: disputes.png, portal-disputes.png and adjustments.png.
 */
class DisputesBrowserTest extends RunningPlatformTest {

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @DynamicPropertySource
  static void console(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
  }

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

  @Autowired JdbcClient jdbc;
  @Autowired BillingProperties billing;
  RecordingServer recordings;

  @Test
  void aBuyerHearsAndDisputesACallTheOperatorApprovesAndBothLedgersMoveToTheCent()
      throws IOException {
    try {
      walkThrough();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "disputes-failure");
      throw e;
    } finally {
      if (recordings != null) {
        recordings.close();
      }
    }
  }

  private void walkThrough() throws IOException {
    CallTranscript disputed = place("+13105550711");
    CallTranscript adjusted = place("+13105550712");
    jdbc.sql("UPDATE calls SET recording_url = ?, recording_seconds = 4 WHERE call_sid = ?")
        .params(recordingServer(), disputed.callSid())
        .update();
    record Parties(String buyer, String publisher, BigDecimal revenue, BigDecimal payout) {}
    Parties call =
        jdbc.sql(
                "SELECT c.buyer_id, c.publisher_id,"
                    + " (SELECT sum(amount) FROM ledger_entries WHERE call_id = c.id AND"
                    + " party_type = 'BUYER'),"
                    + " (SELECT sum(amount) FROM ledger_entries WHERE call_id = c.id AND"
                    + " party_type = 'PUBLISHER')"
                    + " FROM calls c WHERE c.call_sid = ?")
            .param(disputed.callSid())
            .query(
                (rs, i) ->
                    new Parties(
                        rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
            .single();
    assertThat(call.buyer()).as("the demo buyer won the call").isEqualTo("bidder-one");
    assertThat(call.revenue()).isPositive();
    assertThat(call.payout()).isPositive();
    String others = inserted("other", "bidder-two", Instant.now(), true);
    String old =
        inserted(
            "old",
            "bidder-one",
            Instant.now().minus(Duration.ofDays(billing.disputeWindowDays() + 1)),
            true);
    String free = inserted("free", "bidder-one", Instant.now(), false);

    // the buyer opens its dispute screen from the portal and hears the call first
    Browsers.signIn(browser, baseUrl, "buyer", "ringtree-buyer-demo");
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("portal-overview")));
    browser.get(baseUrl + "/portal/disputes");
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("portal-disputes")));
    assertThat(browser.getCurrentUrl()).endsWith("/portal/disputes");
    choose(disputed.callSid());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-dispute-audio")));
    assertThat(browser.findElement(By.id("portal-dispute-audio")).getAttribute("src"))
        .endsWith("/api/portal/calls/" + disputed.callSid() + "/recording");
    listen("portal-dispute-audio");
    raise("the caller asked for another firm");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-dispute-done")));
    String done = browser.findElement(By.id("portal-dispute-done")).getText();
    long id = Long.parseLong(done.replaceAll("^Dispute #(\\d+) .*$", "$1"));
    wait.until(d -> ui.cellTexts("portal-disputes-grid").contains(disputed.callSid()));

    // refusals, each with its reason on screen
    refused(disputed.callSid(), "already disputed");
    refused(others, "no such call among yours");
    refused(old, "calls may be disputed for " + billing.disputeWindowDays() + " days");
    refused(free, "not billable to you");
    shotForDocs("portal-disputes");

    BigDecimal buyerBefore = partyTotal("BUYER", call.buyer());
    BigDecimal publisherBefore = partyTotal("PUBLISHER", call.publisher());

    // the operator finds it first in the queue, listens, and approves
    Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
    browser.get(baseUrl + "/disputes?dispute=" + id);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("dispute-approve")));
    assertThat(browser.findElement(By.id("dispute-title")).getText())
        .isEqualTo("Dispute #" + id + " · OPEN");
    assertThat(browser.findElement(By.id("dispute-effect")).getText())
        .isEqualTo(
            "Approving credits bidder-one "
                + call.revenue().toPlainString()
                + " USD and claws back "
                + call.payout().toPlainString()
                + " USD from "
                + call.publisher()
                + ".");
    assertThat(browser.findElement(By.id("dispute-audio")).getAttribute("src"))
        .endsWith("/console/recordings/" + disputed.callSid());
    listen("dispute-audio");
    shotForDocs("disputes");
    browser.findElement(By.cssSelector("#dispute-note textarea")).sendKeys("recording confirms");
    browser.findElement(By.id("dispute-approve")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dispute-done")));
    assertThat(browser.findElement(By.id("dispute-done")).getText())
        .isEqualTo(
            "Dispute #"
                + id
                + " approved: buyer -"
                + call.revenue().toPlainString()
                + " USD, publisher -"
                + call.payout().toPlainString()
                + " USD.");
    assertThat(buyerBefore.subtract(partyTotal("BUYER", call.buyer())))
        .isEqualByComparingTo(call.revenue());
    assertThat(publisherBefore.subtract(partyTotal("PUBLISHER", call.publisher())))
        .isEqualByComparingTo(call.payout());
    assertThat(
            jdbc.sql("SELECT state FROM disputes WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED");

    // bulk adjustments: a cut deeper than the payout is flagged before apply
    browser.get(baseUrl + "/adjustments");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("adj-sids")));
    BigDecimal payout = callTotal(adjusted.callSid(), "PUBLISHER");
    BigDecimal tooMuch = payout.add(new BigDecimal("5.00")).negate();
    adjust(adjusted.callSid(), tooMuch.toPlainString(), "chargeback");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("adj-negative")));
    String adjustedPublisher =
        jdbc.sql("SELECT publisher_id FROM calls WHERE call_sid = ?")
            .param(adjusted.callSid())
            .query(String.class)
            .single();
    assertThat(browser.findElement(By.id("adj-negative")).getText())
        .contains(adjustedPublisher + " -5.00 USD");
    shotForDocs("adjustments");
    assertThat(callTotal(adjusted.callSid(), "PUBLISHER")).isEqualByComparingTo(payout);

    adjust(adjusted.callSid(), "-1.25", "late answer");
    // the new preview replaced the flagged one: no warning, and its own Apply
    wait.until(d -> d.findElements(By.id("adj-negative")).isEmpty());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("adj-apply")));
    browser.findElement(By.id("adj-apply")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("adj-done")));
    assertThat(callTotal(adjusted.callSid(), "PUBLISHER"))
        .isEqualByComparingTo(payout.subtract(new BigDecimal("1.25")));
  }

  private CallTranscript place(String caller) {
    return driver()
        .place(
            CallScript.demo()
                .withCaller(caller, "CA", "90210")
                .withLegs(List.of(CallScript.Leg.ANSWER)));
  }

  private void choose(String sid) {
    WebElement field = browser.findElement(By.cssSelector("#portal-dispute-sid input"));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(sid, Keys.TAB);
  }

  private void raise(String reason) {
    WebElement text = browser.findElement(By.cssSelector("#portal-dispute-reason textarea"));
    text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    text.sendKeys(reason, Keys.TAB);
    browser.findElement(By.id("portal-dispute-raise")).click();
  }

  private void refused(String sid, String why) {
    choose(sid);
    raise("not a real lead");
    wait.until(
        d ->
            browser.findElement(By.id("portal-dispute-refusal")).isDisplayed()
                && browser.findElement(By.id("portal-dispute-refusal")).getText().contains(why));
  }

  private void adjust(String sid, String amount, String reason) {
    WebElement sids = browser.findElement(By.cssSelector("#adj-sids textarea"));
    sids.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    sids.sendKeys(sid, Keys.TAB);
    WebElement value = browser.findElement(By.cssSelector("#adj-amount input"));
    value.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    value.sendKeys(amount, Keys.TAB);
    WebElement why = browser.findElement(By.cssSelector("#adj-reason input"));
    why.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    why.sendKeys(reason, Keys.TAB);
    browser.findElement(By.id("adj-preview-button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("adj-totals")));
  }

  /**
   * The player's address answers a range request with exactly the bytes asked for (206), and the
   * browser decodes the recording and can seek in it.
   */
  private void listen(String audioId) {
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    Object ranged =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const a = document.getElementById(arguments[0]);"
                + "fetch(a.src, {headers: {Range: 'bytes=0-99'}, credentials: 'same-origin'})"
                + ".then(r => r.arrayBuffer().then(b => done(r.status + ' ' + b.byteLength)))"
                + ".catch(e => done('failed ' + e));",
            audioId);
    assertThat(ranged).isEqualTo("206 100");
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const a = document.getElementById(arguments[0]);"
                + "a.addEventListener('error', () => done('error ' + (a.error && a.error.code)));"
                + "a.addEventListener('loadedmetadata', () => {"
                + "  a.addEventListener('seeked', () => done(["
                + "    a.seekable.length, Math.round(a.duration), a.currentTime].join(' ')),"
                + "    {once: true});"
                + "  a.currentTime = 2.5;"
                + "}, {once: true});"
                + "a.preload = 'auto'; a.load();",
            audioId);
    String[] seen = String.valueOf(result).split(" ");
    assertThat(seen).as("seekable ranges, duration, time after seeking: %s", result).hasSize(3);
    assertThat(Integer.parseInt(seen[0])).isGreaterThanOrEqualTo(1);
    assertThat(seen[1]).isEqualTo("4");
    assertThat(Double.parseDouble(seen[2]))
        .isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.1));
  }

  /** A call of {@code buyer} from Sunrise Media, straight in the database (for the refusals). */
  private String inserted(String name, String buyer, Instant startedAt, boolean billable) {
    String sid = "CA-db-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, caller_state, phase, provider_status, started_at, buyer_id,"
                + " revenue, payout, talk_seconds, billable_to_buyer, payable_to_publisher)"
                + " VALUES (?, ?, '+18885550101', 'pi-accidents', 'sunrise-media',"
                + " '+13105550000', 'CA', 'ENDED', 'completed', ?, ?, 0, 0, 120, ?, ?)")
        .params(UUID.randomUUID(), sid, Timestamp.from(startedAt), buyer, billable, billable)
        .update();
    return sid;
  }

  private BigDecimal partyTotal(String type, String id) {
    return jdbc.sql(
            "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE party_type = ? AND"
                + " party_id = ?")
        .params(type, id)
        .query(BigDecimal.class)
        .single();
  }

  private BigDecimal callTotal(String sid, String type) {
    return jdbc.sql(
            "SELECT coalesce(sum(l.amount), 0) FROM ledger_entries l JOIN calls c ON c.id ="
                + " l.call_id WHERE c.call_sid = ? AND l.party_type = ?")
        .params(sid, type)
        .query(BigDecimal.class)
        .single();
  }

  private static void shotForDocs(String name) throws IOException {
    Browsers.shot(browser, name);
    Files.createDirectories(Path.of("..", "docs", "screenshots"));
    Files.copy(
        Browsers.SHOTS.resolve(name + ".png"),
        Path.of("..", "docs", "screenshots", name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private String recordingServer() throws IOException {
    recordings = RecordingServer.start(4);
    return recordings.url();
  }
}
