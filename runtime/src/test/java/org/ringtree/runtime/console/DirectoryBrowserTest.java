package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.runtime.support.BrowserSteps.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator builds a new buyer with an RTB target, a publisher and a tracking number for it
 * entirely in the network screens, meeting an inline refusal on the way; every save lands in the
 * directory and the audit log under the operator's name. Then, still in the console, the demo
 * flow's route gets the new target and is published, and a signed webhook call to the new number is
 * routed to it after its bidder (a loopback server this test runs) outbids the demo buyers.
 * Screenshots go to target/screenshots (docs/screenshots holds copies).
 */
class DirectoryBrowserTest extends RunningPlatformTest {

  static final String NUMBER = "+18885550188";

  /** Where the new buyer takes its calls; above every demo bid (310.00 is the highest). */
  static final String SUNRISE_LINE = "+15125550188";

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;
  static HttpServer bidder;
  static final List<JsonNode> pings = new CopyOnWriteArrayList<>();

  @Autowired JdbcClient jdbc;

  /**
   * Its own platform: this test publishes a flow version whose route pings a bidder that stops with
   * the test, which the demo network shared by the other platform tests must not inherit.
   */
  @DynamicPropertySource
  static void ownPlatform(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
  }

  @BeforeAll
  static void startBrowserAndBidder() throws IOException {
    bidder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ObjectMapper json = new ObjectMapper();
    // answers every ping with a bid in Ringtree's own format (docs/rtb.md)
    bidder.createContext(
        "/bid",
        exchange -> {
          pings.add(json.readTree(exchange.getRequestBody()));
          byte[] body =
              ("{\"bidId\":\"sunrise-%d\",\"accepted\":true,\"amount\":\"400.00\","
                      + "\"currency\":\"USD\",\"destination\":\"%s\",\"expiresInSeconds\":60}")
                  .formatted(pings.size(), SUNRISE_LINE)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    bidder.start();
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    ui = new BrowserSteps(browser, wait);
  }

  @AfterAll
  static void stopBrowserAndBidder() {
    if (browser != null) {
      browser.quit();
    }
    if (bidder != null) {
      bidder.stop(0);
    }
  }

  private static String bidUrl() {
    return "http://127.0.0.1:" + bidder.getAddress().getPort() + "/bid";
  }

  @Test
  void anOperatorAddsABuyerAnRtbTargetAPublisherAndATrackingNumberAndACallReachesThem() {
    try {
      buildTheNetwork();
      routeToTheNewTargetAndPublish();
      callTheNewNumber();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "directory-failure");
      throw e;
    }
  }

  private void buildTheNetwork() {
    Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");

    // a buyer with a daily cap
    browser.get(baseUrl + "/buyers");
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("grid-buyer")));
    ui.click("new-buyer");
    type("f-id", "sunrise-legal");
    type("f-name", "Sunrise Legal");
    type("f-capsDaily", "40");
    ui.click("form-save");
    ui.waitGone("form-buyer");
    type("search-buyer", "sunrise");
    // select it: its targets are listed, and a new target starts with it
    ui.clickCell("grid-buyer", "Sunrise Legal");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("targets-scope"), "sunrise-legal"));
    ui.click("new-target");
    type("f-id", "sunrise-rtb");
    type("f-name", "Sunrise bids");
    browser.findElements(By.cssSelector("#f-destinationKind vaadin-radio-button")).stream()
        .filter(b -> b.getText().contains("RTB"))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-rtbUrl")));
    type("f-rtbUrl", bidUrl() + "?bridgeEndpoint=true");
    type("f-rtbTimeout", "800");
    type("f-fixedPrice", "");
    ui.click("form-save");
    // refused inline, with the field marked and the API's words; nothing saved
    wait.until(
        d ->
            d.findElement(By.id("f-rtbUrl")).getAttribute("invalid") != null
                && errorOf("f-rtbUrl") != null);
    assertThat(errorOf("f-rtbUrl")).startsWith("target sunrise-rtb: RTB URL: ");
    assertThat(count("SELECT count(*) FROM targets WHERE id = 'sunrise-rtb'")).isZero();
    clear("f-rtbUrl");
    type("f-rtbUrl", bidUrl());
    Browsers.shot(browser, "target-form");
    ui.click("form-save");
    ui.waitGone("form-target");
    ui.cell("grid-target", "Sunrise bids");
    Browsers.shot(browser, "buyers");

    // a publisher
    browser.get(baseUrl + "/publishers");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid-publisher")));
    ui.click("new-publisher");
    type("f-id", "dawn-media");
    type("f-name", "Dawn Media");
    ui.click("form-save");
    ui.waitGone("form-publisher");

    // a tracking number for it, on the demo campaign, with a source tag
    browser.get(baseUrl + "/numbers");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid-tracking-number")));
    ui.click("new-tracking-number");
    type("f-id", NUMBER);
    pick("f-campaignId", "accidents", "pi-accidents");
    pick("f-publisherId", "dawn", "dawn-media");
    browser.findElement(By.cssSelector("#f-sourceTags textarea")).sendKeys("channel=radio");
    ui.click("form-save");
    ui.waitGone("form-tracking-number");
    type("search-tracking-number", "5550188");
    ui.cell("grid-tracking-number", NUMBER);
    ui.cell("grid-tracking-number", "channel=radio");
    Browsers.shot(browser, "numbers");

    assertThat(
            jdbc.sql(
                    "SELECT kind || ' ' || destination || ' ' || buyer_id FROM targets WHERE id = ?")
                .param("sunrise-rtb")
                .query(String.class)
                .single())
        .isEqualTo("RTB " + bidUrl() + " sunrise-legal");
    assertThat(
            jdbc.sql("SELECT (settings #>> '{caps,daily}') FROM buyers WHERE id = 'sunrise-legal'")
                .query(String.class)
                .single())
        .isEqualTo("40");
    assertThat(
            jdbc.sql(
                    "SELECT campaign_id || ' ' || publisher_id || ' ' || (source_tags ->> 'channel')"
                        + " || ' ' || enabled FROM tracking_numbers WHERE number = ?")
                .param(NUMBER)
                .query(String.class)
                .single())
        .isEqualTo("pi-accidents dawn-media radio true");
    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action FROM audit_log WHERE object_id IN (?, ?, ?, ?)"
                        + " ORDER BY id")
                .params("sunrise-legal", "sunrise-rtb", "dawn-media", NUMBER)
                .query(String.class)
                .list())
        .containsExactly(
            "operator directory.buyer.create",
            "operator directory.target.create",
            "operator directory.publisher.create",
            "operator directory.tracking-number.create");
  }

  /**
   * Targets are compiled into flow versions, so a new target takes calls only once a published
   * version names it: the operator adds it to the demo route in the editor and publishes.
   */
  private void routeToTheNewTargetAndPublish() {
    browser.get(baseUrl + "/flows");
    new WebDriverWait(browser, Duration.ofSeconds(240))
        .until(ExpectedConditions.presenceOfElementLocated(node("ring")));
    ui.click("fit");
    WebElement title =
        browser.findElement(By.cssSelector(".react-flow__node[data-id='ring'] .rt-node-title"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", title);
    title.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#property-form h3"), "ring"));
    WebElement targets =
        browser.findElement(By.cssSelector("#property-form [data-field='targets'] input"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", targets);
    targets.sendKeys("Sunrise");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-multi-select-combo-box-item[contains(., 'Sunrise bids')]")))
        .click();
    targets.sendKeys(Keys.ESCAPE);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Unsaved changes"));
    Browsers.shot(browser, "route-new-target");
    ui.click("publish");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is live"));
    assertThat(
            jdbc.sql(
                    "SELECT v.author FROM flows f JOIN flow_versions v ON v.id = f.live_version_id"
                        + " WHERE v.version = 2")
                .query(String.class)
                .list())
        .containsExactly("operator");
  }

  /** A signed webhook call to the number made in the console reaches the new buyer's bid. */
  private void callTheNewNumber() {
    CallTranscript call =
        driver()
            .place(
                CallScript.demo()
                    .withTrackingNumber(NUMBER)
                    .withCaller("+13105550188", "CA", "90210")
                    .withLegs(List.of(CallScript.Leg.ANSWER)));
    assertThat(call.heard()).anyMatch(h -> h.contains("dialling " + SUNRISE_LINE));
    assertThat(
            jdbc.sql(
                    "SELECT target_id || ' ' || buyer_id || ' ' || tracking_number || ' ' || revenue"
                        + " FROM calls"
                        + " WHERE call_sid = ?")
                .param(call.callSid())
                .query(String.class)
                .single())
        .isEqualTo("sunrise-rtb sunrise-legal " + NUMBER + " 400.00");
    // the bidder was asked, about this call from the new publisher's number
    assertThat(pings)
        .anySatisfy(
            ping -> {
              assertThat(ping.path("campaignId").asText()).isEqualTo("pi-accidents");
              assertThat(ping.path("publisherId").asText()).isEqualTo("dawn-media");
              assertThat(ping.path("caller").path("zip").asText()).isEqualTo("90210");
              assertThat(ping.path("tags").path("channel").asText()).isEqualTo("radio");
            });

    // the call's detail in the console names the new target as the winner
    browser.get(baseUrl + "/calls/" + call.callSid());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-auction")));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#call-auction vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("sunrise-rtb")));
    Browsers.shot(browser, "new-number-call-detail");
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  /** Types into a Vaadin text field and leaves it, so its value reaches the server. */
  private static void type(String id, String text) {
    WebElement field = ui.input(id);
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
  }

  private static void clear(String id) {
    WebElement field = ui.input(id);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
  }

  private static String errorOf(String id) {
    return browser.findElement(By.id(id)).getDomProperty("errorMessage");
  }

  /**
   * Clicks the grid cell showing {@code text}, again while the grid is still re-rendering what the
   * search filtered (a cell found mid-render may sit under the header or be replaced).
   */

  /**
   * Types part of a name into a lazy combo box and picks the entry whose label holds {@code id}.
   */
  private static void pick(String id, String typed, String label) {
    ui.input(id).sendKeys(typed);
    WebElement item =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(., '" + label + "')]")));
    item.click();
    wait.until(
        d ->
            d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .noneMatch(WebElement::isDisplayed));
  }
}
