package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator builds a new buyer with an RTB target, a publisher and a tracking number for it
 * entirely in the network screens, meeting an inline refusal on the way; every save lands in the
 * directory and the audit log under the operator's name. Screenshots go to target/screenshots
 * (docs/screenshots holds copies).
 */
class DirectoryBrowserTest extends RunningPlatformTest {

  static final String NUMBER = "+18885550188";

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
  void anOperatorAddsABuyerAnRtbTargetAPublisherAndATrackingNumberInTheConsole() {
    try {
      buildTheNetwork();
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
    click("new-buyer");
    type("f-id", "sunrise-legal");
    type("f-name", "Sunrise Legal");
    type("f-capsDaily", "40");
    click("form-save");
    waitGone("form-buyer");
    type("search-buyer", "sunrise");
    WebElement buyerCell = cell("grid-buyer", "Sunrise Legal");

    // select it: its targets are listed, and a new target starts with it
    buyerCell.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("targets-scope"), "sunrise-legal"));
    click("new-target");
    type("f-id", "sunrise-rtb");
    type("f-name", "Sunrise bids");
    browser.findElements(By.cssSelector("#f-destinationKind vaadin-radio-button")).stream()
        .filter(b -> b.getText().contains("RTB"))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-rtbUrl")));
    type("f-rtbUrl", "http://127.0.0.1:9/bid?bridgeEndpoint=true");
    type("f-rtbTimeout", "800");
    type("f-fixedPrice", "");
    click("form-save");
    // refused inline, with the field marked and the API's words; nothing saved
    wait.until(d -> d.findElement(By.id("f-rtbUrl")).getAttribute("invalid") != null);
    assertThat(errorOf("f-rtbUrl")).startsWith("target sunrise-rtb: RTB URL: ");
    assertThat(count("SELECT count(*) FROM targets WHERE id = 'sunrise-rtb'")).isZero();
    clear("f-rtbUrl");
    type("f-rtbUrl", "http://127.0.0.1:9/bid");
    Browsers.shot(browser, "target-form");
    click("form-save");
    waitGone("form-target");
    cell("grid-target", "Sunrise bids");
    Browsers.shot(browser, "buyers");

    // a publisher
    browser.get(baseUrl + "/publishers");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid-publisher")));
    click("new-publisher");
    type("f-id", "dawn-media");
    type("f-name", "Dawn Media");
    click("form-save");
    waitGone("form-publisher");

    // a tracking number for it, on the demo campaign, with a source tag
    browser.get(baseUrl + "/numbers");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid-tracking-number")));
    click("new-tracking-number");
    type("f-id", NUMBER);
    pick("f-campaignId", "accidents", "pi-accidents");
    pick("f-publisherId", "dawn", "dawn-media");
    browser.findElement(By.cssSelector("#f-sourceTags textarea")).sendKeys("channel=radio");
    click("form-save");
    waitGone("form-tracking-number");
    type("search-tracking-number", "5550188");
    cell("grid-tracking-number", NUMBER);
    cell("grid-tracking-number", "channel=radio");
    Browsers.shot(browser, "numbers");

    assertThat(
            jdbc.sql(
                    "SELECT kind || ' ' || destination || ' ' || buyer_id FROM targets WHERE id = ?")
                .param("sunrise-rtb")
                .query(String.class)
                .single())
        .isEqualTo("RTB http://127.0.0.1:9/bid sunrise-legal");
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

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private static void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  private static WebElement input(String id) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#" + id.replace("+", "\\+") + " input")));
  }

  /** Types into a Vaadin text field and leaves it, so its value reaches the server. */
  private static void type(String id, String text) {
    WebElement field = input(id);
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
  }

  private static void clear(String id) {
    WebElement field = input(id);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
  }

  private static String errorOf(String id) {
    return browser.findElement(By.id(id)).getAttribute("errorMessage");
  }

  private static void waitGone(String id) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
  }

  private static WebElement cell(String gridId, String text) {
    return wait.until(
        d ->
            d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(text))
                .findFirst()
                .orElse(null));
  }

  /**
   * Types part of a name into a lazy combo box and picks the entry whose label holds {@code id}.
   */
  private static void pick(String id, String typed, String label) {
    input(id).sendKeys(typed);
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
