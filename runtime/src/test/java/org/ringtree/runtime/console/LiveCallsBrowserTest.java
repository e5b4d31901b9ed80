package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;

/**
 * Live calls in headless Chromium: an operator has the live view open; a call placed through the
 * signed incoming webhook appears while it waits in the IVR (pushed, not polled for), with its
 * campaign, publisher and node, and leaves when its final status callback arrives; a second call
 * that answers the IVR shows as ringing a buyer, with the buyer's and target's load, then as
 * connected with a talk time once the buyer leg's answered event comes, its load unchanged. The
 * time from each webhook's answer to the page showing it is logged for docs/benchmarks.md.
 */
class LiveCallsBrowserTest extends RunningPlatformTest {

  private static final Logger log = LoggerFactory.getLogger(LiveCallsBrowserTest.class);
  private static final String SID = "CAlive0000000000000000000000000001";

  static ChromeDriver browser;
  static WebDriverWait wait;

  @Autowired JdbcClient jdbc;

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
      // a second call answers the IVR and rings a buyer: the phase, the target and its load
      String ringing = "CAlive0000000000000000000000000002";
      Map<String, String> second = incoming(ringing, "+13105550778");
      twilio.post(WebhookPaths.INCOMING, second);
      twilio.post(gather(ringing, 1), with(second, "Digits", "1"));
      String dial = twilio.post(gather(ringing, 2), with(second, "Digits", "90210")).body();
      assertThat(dial).contains("<Dial");
      wait.until(d -> rowText(ringing).contains("Ringing a buyer"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("live-loads"), "Bidder One"));
      String loadWhileRinging = browser.findElement(By.id("live-loads")).getText();
      // the buyer picks up: the leg's answered event turns the row to connected, with a talk time
      Element number =
          TwilioDriver.children(
                  TwilioDriver.children(TwilioDriver.parse(dial)).stream()
                      .filter(e -> e.getTagName().equals("Dial"))
                      .findFirst()
                      .orElseThrow())
              .get(0);
      URI legCallback = URI.create(number.getAttribute("statusCallback"));
      Map<String, String> answeredLeg = new LinkedHashMap<>();
      answeredLeg.put("CallSid", "CAliveleg000000000000000000000002");
      answeredLeg.put("ParentCallSid", ringing);
      answeredLeg.put("AccountSid", "AC" + "0".repeat(32));
      answeredLeg.put("To", number.getTextContent().strip());
      answeredLeg.put("Called", number.getTextContent().strip());
      answeredLeg.put("Direction", "outbound-dial");
      answeredLeg.put("CallStatus", "in-progress");
      answeredLeg.put("CallbackSource", "call-progress-events");
      answeredLeg.put("SequenceNumber", "0");
      long answerSent = System.nanoTime();
      assertThat(
              twilio
                  .post(legCallback.getRawPath() + "?" + legCallback.getRawQuery(), answeredLeg)
                  .status())
          .isEqualTo(204);
      wait.pollingEvery(Duration.ofMillis(20))
          .until(d -> rowText(ringing).contains("Connected to a buyer"));
      log.info(
          "live view: connected shown {} ms after the leg's answered event was sent",
          (System.nanoTime() - answerSent) / 1_000_000);
      // the columns: phase | elapsed | talking | campaign ...
      wait.until(
          d -> rowText(ringing).matches("Connected to a buyer \\| \\d+:\\d\\d \\| 0:0[1-9] \\|.*"));
      // ringing or talking, the leg holds the same one slot of its target's concurrency
      assertThat(browser.findElement(By.id("live-loads")).getText()).isEqualTo(loadWhileRinging);
      Browsers.shot(browser, "live");
      Files.createDirectories(Path.of("..", "docs", "screenshots"));
      Files.copy(
          Browsers.SHOTS.resolve("live.png"),
          Path.of("..", "docs", "screenshots", "live.png"),
          StandardCopyOption.REPLACE_EXISTING);

      long endSent = System.nanoTime();
      twilio.post(WebhookPaths.STATUS, completed(incoming));
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
      twilio.post(WebhookPaths.STATUS, completed(second));
      wait.until(d -> !shown(ringing));
      sample(twilio, 20);
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

  /**
   * Webhook-to-screen times for docs/benchmarks.md: for each of {@code calls} calls, from the
   * incoming webhook's answer to its row on the page, and from the final status callback's answer
   * to the row gone (measured by polling the page every 10 ms, so up to 10 ms high).
   */
  private void sample(TwilioDriver twilio, int calls) {
    List<Long> shown = new ArrayList<>();
    List<Long> gone = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      String sid = String.format("CAlivesample%022d", i);
      Map<String, String> call = incoming(sid, String.format("+1310555%04d", 8000 + i));
      twilio.post(WebhookPaths.INCOMING, call);
      long answered = System.nanoTime();
      wait.pollingEvery(Duration.ofMillis(10)).until(d -> shown(sid));
      shown.add((System.nanoTime() - answered) / 1_000_000);
      twilio.post(WebhookPaths.STATUS, completed(call));
      long ended = System.nanoTime();
      wait.pollingEvery(Duration.ofMillis(10)).until(d -> !shown(sid));
      gone.add((System.nanoTime() - ended) / 1_000_000);
    }
    Collections.sort(shown);
    Collections.sort(gone);
    log.info(
        "live view over {} calls: shown after the incoming webhook p50 {} ms, max {} ms; gone after"
            + " the final status p50 {} ms, max {} ms",
        calls,
        shown.get(calls / 2),
        shown.get(calls - 1),
        gone.get(calls / 2),
        gone.get(calls - 1));
  }

  private String gather(String sid, int step) {
    String id =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(sid)
            .query(String.class)
            .single();
    return WebhookPaths.GATHER + "?call=" + id + "&step=" + step;
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> p = new LinkedHashMap<>(base);
    p.put(key, value);
    return p;
  }

  private static Map<String, String> completed(Map<String, String> call) {
    Map<String, String> p = with(call, "CallStatus", "completed");
    p.put("CallDuration", "12");
    return p;
  }

  private static Map<String, String> incoming() {
    return incoming(SID, "+13105550777");
  }

  private static Map<String, String> incoming(String sid, String from) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "AC" + "0".repeat(32));
    p.put("From", from);
    p.put("To", "+18885550101");
    p.put("FromState", "CA");
    p.put("Direction", "inbound");
    p.put("CallStatus", "ringing");
    return p;
  }
}
