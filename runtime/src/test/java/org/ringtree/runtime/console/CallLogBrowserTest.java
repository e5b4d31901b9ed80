package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * An operator finds a call just placed through signed Twilio webhooks in the call log by its
 * caller's number, opens it, reads its routing trace (with the buyer leg's answer), timeline and
 * ledger, and seeks in its recording. Screenshots: call-log.png and call-detail.png (copied into
 * docs/screenshots).
 */
class CallLogBrowserTest extends RunningPlatformTest {

  static ChromeDriver browser;
  static WebDriverWait wait;

  @DynamicPropertySource
  static void console(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Autowired JdbcClient jdbc;
  RecordingServer recordings;

  @Test
  void operatorFindsAPlacedCallByItsCallerAndOpensItsTraceAndRecording() throws IOException {
    try {
      findAndOpen();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "call-log-failure");
      throw e;
    } finally {
      if (recordings != null) {
        recordings.close();
      }
    }
  }

  private void findAndOpen() throws IOException {
    String caller = "+1310555" + String.format("%04d", (int) (System.nanoTime() % 10_000));
    CallTranscript call =
        driver()
            .place(
                CallScript.demo()
                    .withCaller(caller, "CA", "90210")
                    .withLegs(List.of(CallScript.Leg.ANSWER)));
    jdbc.sql("UPDATE calls SET recording_url = ?, recording_seconds = 4 WHERE call_sid = ?")
        .params(recordingServer(), call.callSid())
        .update();
    // another call from someone else, which the caller filter must leave out
    driver().place(CallScript.demo().withCaller("+13105550999", "NY", "10001"));

    Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
    browser.get(baseUrl + "/calls");
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("call-log")));
    wait.until(d -> !cells("call-log").isEmpty());

    WebElement callerField = browser.findElement(By.cssSelector("#filter-caller input"));
    callerField.sendKeys(caller, Keys.ENTER);
    wait.until(
        d -> {
          List<String> texts = cells("call-log").stream().map(WebElement::getText).toList();
          return texts.contains(caller) && !texts.contains("+13105550999");
        });
    Browsers.shot(browser, "call-log");

    // the download exports the filtered set, through the signed-in session
    String href = browser.findElement(By.id("csv-download")).getAttribute("href");
    String csv =
        (String)
            browser.executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href);
    assertThat(csv).startsWith(org.ringtree.runtime.call.CallLogCsv.HEADER);
    assertThat(csv.lines().skip(1).toList())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith(call.callSid() + ",").contains("'" + caller));

    cells("call-log").stream()
        .filter(c -> c.getText().equals(caller))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.urlContains("/calls/" + call.callSid()));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-trace")));
    wait.until(d -> !cells("call-trace").isEmpty());
    assertThat(browser.findElement(By.cssSelector("#call-facts [data-fact='Caller']")).getText())
        .isEqualTo(caller);
    List<String> trace = cells("call-trace").stream().map(WebElement::getText).toList();
    // the buyer leg's answer, as its answered event reported it while the leg talked
    assertThat(trace).contains("WINNER", "ANSWERED");
    List<String> timeline = cells("call-timeline").stream().map(WebElement::getText).toList();
    assertThat(timeline).anyMatch(t -> t.contains("Digits=1")).contains("leg");
    assertThat(cells("call-auction").stream().map(WebElement::getText).toList())
        .contains("bidder-one-rtb", "ACCEPTED");
    assertThat(cells("call-dials")).isNotEmpty();
    // scored before it was routed, by the prior (no model is promoted in this platform)
    assertThat(browser.findElement(By.id("call-score")).getText())
        .matches("Score [0-9]{1,3} of 100, by prior-1");
    assertThat(browser.findElement(By.id("call-score-note")).getText())
        .isEqualTo("no model promoted: the prior scored this call");
    assertThat(cells("call-score-reasons")).isNotEmpty();
    seekInTheRecording();
    Browsers.shot(browser, "call-detail");
  }

  /**
   * The player of the recording (here a 4 s WAV on a loopback server standing for the provider) can
   * seek: its address answers range requests, so the browser reports a seekable range and moves to
   * the time asked for.
   */
  private void seekInTheRecording() {
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const a = document.getElementById('recording-audio');"
                + "a.addEventListener('error', () => done('error ' + (a.error && a.error.code)));"
                + "a.addEventListener('loadedmetadata', () => {"
                + "  a.addEventListener('seeked', () => done(["
                + "    a.seekable.length, a.seekable.length ? a.seekable.end(0) : 0,"
                + "    a.currentTime].join(' ')), {once: true});"
                + "  a.currentTime = 2.5;"
                + "}, {once: true});"
                + "a.preload = 'auto'; a.load();");
    String[] seen = String.valueOf(result).split(" ");
    assertThat(seen)
        .as("seekable ranges, end of the first, time after seeking: %s", result)
        .hasSize(3);
    assertThat(Integer.parseInt(seen[0])).isGreaterThanOrEqualTo(1);
    assertThat(Double.parseDouble(seen[1])).isGreaterThan(0);
    assertThat(Double.parseDouble(seen[2]))
        .isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.1));
  }

  private static List<WebElement> cells(String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"));
  }

  private String recordingServer() throws IOException {
    recordings = RecordingServer.start(4);
    return recordings.url();
  }
}
