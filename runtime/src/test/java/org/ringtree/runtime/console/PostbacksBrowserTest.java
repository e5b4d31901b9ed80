package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The postback screens in headless Chromium. An operator sets a publisher's template (a bad one is
 * refused with the parser's reason) pointing at a loopback HTTP server this test runs; a call
 * settles and its delivery shows in the log with the status and the server's response; a delivery
 * that fails every attempt is a dead letter the operator retries until it is delivered (audited). A
 * buyer copies its conversion URL and the test button reports the endpoint's answer.
 */
// its own retry settings (two quick attempts), so its own context, closed after the class
@DirtiesContext
class PostbacksBrowserTest extends RunningPlatformTest {

  @DynamicPropertySource
  static void quickRetries(DynamicPropertyRegistry registry) {
    registry.add("ringtree.postbacks.max-attempts", () -> 2);
    registry.add("ringtree.postbacks.initial-delay", () -> "50ms");
    registry.add("ringtree.postbacks.timeout", () -> "2s");
  }

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;
  static HttpServer publisher;
  static final List<String> received = new CopyOnWriteArrayList<>();
  static final AtomicInteger failuresLeft = new AtomicInteger();

  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void start() throws IOException {
    publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    publisher.createContext(
        "/pb",
        ex -> {
          received.add(ex.getRequestURI().toString());
          boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          byte[] body =
              (fail ? "tracker down" : "ok tracked " + ex.getRequestURI().getQuery())
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(fail ? 500 : 200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    publisher.start();
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    ui = new BrowserSteps(browser, wait);
  }

  @AfterAll
  static void stop() {
    publisher.stop(0);
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void operatorSetsATemplateSeesDeliveriesAndRetriesADeadLetter() throws IOException {
    try {
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      ui.click("nav-postbacks");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("postbacks-view")));
      pick("postback-publisher", "CallNow SEO");
      assertThat(ui.textContent("postback-placeholders"))
          .contains("{sub_id}", "{payout}", "{tag:NAME}");

      // the platform's parser judges the template, in its own words
      type("postback-template", "https://track.example/pb?c={nope}");
      ui.click("postback-save");
      wait.until(d -> ui.textContent("postback-problem").contains("unknown placeholder {nope}"));
      type("postback-template", "http://{caller_state}.example/pb");
      ui.click("postback-save");
      wait.until(d -> ui.textContent("postback-problem").contains("a host without placeholders"));

      String template =
          "http://127.0.0.1:"
              + publisher.getAddress().getPort()
              + "/pb?cid={call_id}&ev={event}&amt={payout}";
      type("postback-template", template);
      pick("postback-when", "On conversions and every call that ends");
      ui.click("postback-save");
      wait.until(d -> ui.textContent("postback-status").equals("Saved."));
      assertThat(ui.textContent("postback-events")).contains("any call ends");
      assertThat(
              jdbc.sql(
                      "SELECT url_template || ' ' || on_every_call || ' ' || updated_by"
                          + " FROM publisher_postback_settings WHERE publisher_id = 'callnow-seo'")
                  .query(String.class)
                  .single())
          .isEqualTo(template + " true operator");

      // a call settles: its postback is delivered and the log shows the status and the response
      String delivered = postbackOf(driver().place(texasCall("+15125552001")), "DELIVERED");
      ui.click("tab-postback-log");
      ui.click("postback-refresh");
      ui.click("postback-open-" + delivered);
      wait.until(d -> ui.textContent("postback-attempts").contains("HTTP 200"));
      assertThat(ui.textContent("postback-attempts")).contains("ok tracked cid=", "delivered");
      assertThat(ui.textContent("postback-chosen")).contains("DELIVERED");

      // the publisher's server fails both attempts: a dead letter, which a retry delivers
      failuresLeft.set(2);
      String dead = postbackOf(driver().place(texasCall("+15125552002")), "DEAD");
      pick("postback-state", "DEAD (dead letters)");
      wait.until(d -> present("postback-open-" + dead));
      assertThat(present("postback-open-" + delivered)).isFalse();
      ui.click("postback-open-" + dead);
      wait.until(d -> ui.textContent("postback-attempts").contains("HTTP 500"));
      assertThat(ui.textContent("postback-attempts")).contains("tracker down");
      Browsers.shot(browser, "postbacks");
      Files.createDirectories(Path.of("..", "docs", "screenshots"));
      Files.copy(
          Browsers.SHOTS.resolve("postbacks.png"),
          Path.of("..", "docs", "screenshots", "postbacks.png"),
          StandardCopyOption.REPLACE_EXISTING);
      ui.click("postback-retry");
      awaitState(dead, "DELIVERED");
      pick("postback-state", "All");
      ui.click("postback-refresh");
      ui.click("postback-open-" + dead);
      wait.until(d -> ui.textContent("postback-attempts").contains("HTTP 200"));
      assertThat(ui.textContent("postback-chosen")).contains("DELIVERED");
      assertThat(
              jdbc.sql(
                      "SELECT action || ' by ' || actor FROM audit_log"
                          + " WHERE object_type = 'postback' AND object_id = ?")
                  .param(dead)
                  .query(String.class)
                  .list())
          .containsExactly("postback.retry by operator");

      // the demo publisher (sunrise-media) sees its own postbacks only, never callnow-seo's
      Browsers.signIn(browser, baseUrl, "publisher", "ringtree-publisher-demo");
      browser.get(baseUrl + "/portal/postbacks");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-postbacks-view")));
      wait.until(d -> ui.textContent("postback-count").equals("0 postbacks"));
      assertThat(present("postback-open-" + dead)).isFalse();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-postbacks");
      throw e;
    }
  }

  @Test
  void buyerCopiesItsConversionUrlAndTheTestButtonReportsTheEndpointsAnswer() {
    try {
      Browsers.signIn(browser, baseUrl, "buyer", "ringtree-buyer-demo");
      ui.click("nav-portal-postbacks");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-postbacks-view")));
      String url = value("conversion-url");
      assertThat(url)
          .isEqualTo(baseUrl + "/api/postbacks/conversions/bidder-one?call_id={call_id}");

      browser.executeCdpCommand(
          "Browser.grantPermissions",
          Map.of(
              "origin",
              baseUrl,
              "permissions",
              List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
      ui.click("conversion-url-copy");
      wait.until(
          d -> ui.textContent("conversion-copied").equals("Copied conversion postback url."));
      assertThat(
              browser.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + " navigator.clipboard.readText().then(done, e => done('error ' + e));"))
          .isEqualTo(url);

      // a wrong key: the endpoint's own refusal
      type("conversion-key", "not-the-key");
      ui.click("conversion-test");
      wait.until(d -> ui.textContent("conversion-test-result").contains("HTTP 403"));
      assertThat(ui.textContent("conversion-test-result")).contains("bad buyer postback key");

      ui.click("conversion-issue-key");
      wait.until(d -> !value("conversion-key").equals("not-the-key"));
      assertThat(value("conversion-key")).hasSizeGreaterThan(20);
      ui.click("conversion-test");
      wait.until(d -> ui.textContent("conversion-test-result").contains("accepted"));
      assertThat(ui.textContent("conversion-test-result"))
          .isEqualTo("Test conversion accepted (HTTP 200): the key is right.");
      assertThat(
              jdbc.sql("SELECT created_by FROM buyer_postback_keys WHERE buyer_id = 'bidder-one'")
                  .query(String.class)
                  .single())
          .isEqualTo("buyer");
      Browsers.shot(browser, "portal-postbacks-buyer");
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-portal-postbacks");
      throw e;
    }
  }

  /** Texas caller; Bidder Two is busy, so Acme takes the call, which settles billable. */
  private static CallScript texasCall(String caller) {
    return CallScript.demo()
        .withTrackingNumber("+18885550105")
        .withCaller(caller, "TX", "73301")
        .withLegs(List.of(Leg.BUSY));
  }

  private String postbackOf(CallTranscript call, String state) {
    String callId =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(call.callSid())
            .query(String.class)
            .single();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                jdbc.sql("SELECT count(*) FROM postbacks WHERE call_id = ?::uuid AND state = ?")
                        .params(callId, state)
                        .query(Long.class)
                        .single()
                    == 1);
    return jdbc.sql("SELECT id::text FROM postbacks WHERE call_id = ?::uuid")
        .param(callId)
        .query(String.class)
        .single();
  }

  private void awaitState(String postbackId, String state) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                state.equals(
                    jdbc.sql("SELECT state FROM postbacks WHERE id = ?::uuid")
                        .param(postbackId)
                        .query(String.class)
                        .single()));
  }

  private static boolean present(String id) {
    return !browser.findElements(By.id(id)).isEmpty();
  }

  private static void type(String id, String value) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value, Keys.TAB);
  }

  private static void pick(String id, String label) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(label);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(., '" + label + "')]")))
        .click();
    wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened]")).isEmpty());
  }

  private static String value(String id) {
    Object v =
        browser.executeScript(
            "const e = document.getElementById(arguments[0]); return e ? e.value : '';", id);
    return v == null ? "" : v.toString();
  }
}
