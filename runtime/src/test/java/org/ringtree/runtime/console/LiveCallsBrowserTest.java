package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.driver.TwilioDriver;
import org.ringtree.runtime.driver.WebhookExchange;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live calls in headless Chromium: an operator has the live view open; a call placed through the
 * signed incoming webhook appears while it waits in the IVR (pushed, not polled for), with its
 * campaign, publisher and node, and leaves when its final status callback arrives. The time from
 * each webhook's answer to the page showing it is logged for docs/benchmarks.md.
 */
class LiveCallsBrowserTest extends RunningPlatformTest {

  private static final Logger log = LoggerFactory.getLogger(LiveCallsBrowserTest.class);
  private static final String SID = "CAlive0000000000000000000000000001";

  static ChromeDriver browser;
  static WebDriverWait wait;

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

  @Test
  void aCallAppearsInLiveWhileInTheIvrAndLeavesWhenItEnds() throws IOException {
    try {
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      browser.get(baseUrl + "/live");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-calls")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("live-count"), "in progress"));
      assertThat(shown(SID)).isFalse();

      TwilioDriver twilio = driver();
      Map<String, String> incoming = incoming();
      long sent = System.nanoTime();
      WebhookExchange answer = twilio.post(WebhookPaths.INCOMING, incoming);
      long answered = System.nanoTime();
      assertThat(answer.body()).contains("<Gather");
      wait.pollingEvery(Duration.ofMillis(20)).until(d -> shown(SID));
      long appeared = System.nanoTime();
      String row = rowText(SID);
      assertThat(row)
          .contains("In the IVR")
          .contains("Personal injury")
          .contains("Sunrise Media")
          .contains("+13105550777");
      Browsers.shot(browser, "live");
      Files.createDirectories(Path.of("..", "docs", "screenshots"));
      Files.copy(
          Browsers.SHOTS.resolve("live.png"),
          Path.of("..", "docs", "screenshots", "live.png"),
          StandardCopyOption.REPLACE_EXISTING);

      Map<String, String> completed = new LinkedHashMap<>(incoming);
      completed.put("CallStatus", "completed");
      completed.put("CallDuration", "12");
      long endSent = System.nanoTime();
      twilio.post(WebhookPaths.STATUS, completed);
      long endAnswered = System.nanoTime();
      wait.until(d -> !shown(SID));
      long left = System.nanoTime();
      log.info(
          "live view: call shown {} ms after the incoming webhook was answered ({} ms after it was"
              + " sent); gone {} ms after the final status callback was answered",
          (appeared - answered) / 1_000_000,
          (appeared - sent) / 1_000_000,
          (left - endAnswered) / 1_000_000);
      assertThat(endAnswered).isGreaterThan(endSent);
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-live");
      log.error(
          "live page: {}",
          browser.executeScript(
              "return String(!!customElements.get('vaadin-grid')) + ' '"
                  + " + document.querySelector('#live-calls').outerHTML.slice(0, 3000)"
                  + " + ' || ' + [...document.querySelectorAll('#live-calls vaadin-grid-cell-content')]"
                  + ".map(c => c.textContent + ':' + c.getClientRects().length).join(',')"));
      throw e;
    }
  }

  /** Whether a visible row of the live grid names the call. */
  private static boolean shown(String sid) {
    return !rowText(sid).isEmpty();
  }

  /** The visible cells of the row that names the call, joined with " | ", or "". */
  private static String rowText(String sid) {
    Object text =
        browser.executeScript(
            "const cells = [...document.querySelectorAll('#live-calls vaadin-grid-cell-content')]"
                + ".filter(c => c.getClientRects().length > 0);"
                + "const hit = cells.find(c => c.textContent === arguments[0]);"
                + "if (!hit) return '';"
                + "const row = hit.assignedSlot && hit.assignedSlot.parentElement"
                + " && hit.assignedSlot.parentElement.parentElement;"
                + "if (!row) return hit.textContent;"
                + "return [...row.querySelectorAll('slot')].flatMap(s => s.assignedElements())"
                + ".map(e => e.textContent).join(' | ');",
            sid);
    return text == null ? "" : text.toString();
  }

  private static Map<String, String> incoming() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", SID);
    p.put("AccountSid", "AC" + "0".repeat(32));
    p.put("From", "+13105550777");
    p.put("To", "+18885550101");
    p.put("FromState", "CA");
    p.put("Direction", "inbound");
    p.put("CallStatus", "ringing");
    return p;
  }
}
