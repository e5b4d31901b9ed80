package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Fraud screen in Chromium (docs/fraud.md): an operator uploads a blocklist — a malformed file
 * is refused with its bad line and nothing imported, a good one imports, a prefix of a whole
 * country code asks for confirmation — and changes the network's policy (one that would stop most
 * calls asks for confirmation first); a call from a listed number, through a signed webhook, is
 * rejected at the door, and its finding is on the screen. Screenshot: docs/screenshots/fraud.png.
 */
class FraudBrowserTest extends RunningPlatformTest {

  private static final String LISTED = "+13105550666";

  static ChromeDriver browser;
  static WebDriverWait wait;

  /** Its own platform: the blocklist and policy it saves must not reach the shared demo network. */
  @DynamicPropertySource
  static void ownPlatform(DynamicPropertyRegistry registry) {
    registry.add("ringtree.test.context", () -> "fraud-browser");
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

  @Test
  void anOperatorListsANumberChangesThePolicyAndSeesACallFromItRejected() throws Exception {
    Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
    browser.get(baseUrl + "/fraud");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fraud-view")));
    String before = text("fraud-entry-count");

    // a bad third line refuses the whole file: named, nothing imported
    upload("bad-list", LISTED + ",litigator\n+1512555*,dialer\nnot a number\n");
    wait.until(d -> text("fraud-import-result").contains("line 3"));
    assertThat(text("fraud-import-result"))
        .startsWith("the blocklist has 1 bad line (first: line 3); nothing was imported");
    assertThat(text("fraud-entry-count")).isEqualTo(before);

    upload("list", LISTED + ",litigator list 2026\n+1512555*,rotating dialer\n");
    wait.until(d -> text("fraud-import-result").equals("Imported 2 entries."));
    assertThat(text("fraud-entry-count")).isEqualTo("2 entries");
    cell("fraud-blocklist", "number " + LISTED + " (litigator list 2026)");

    // +1* would catch every caller: it asks for confirmation, and without it nothing is added
    upload("country", "+1*\n");
    wait.until(d -> text("fraud-import-result").contains("tick the confirmation"));
    assertThat(text("fraud-import-result"))
        .contains("prefix +1… catches every caller of country code +1")
        .endsWith("(tick the confirmation to save it anyway)");
    assertThat(text("fraud-entry-count")).isEqualTo("2 entries");

    // a policy that would stop most calls asks for confirmation; a mild change saves
    combo("fraud-action-stir-unattested", "REJECT");
    click("fraud-policy-save");
    wait.until(d -> text("fraud-policy-result").contains("tick the confirmation"));
    assertThat(text("fraud-policy-result")).startsWith("this change would stop most calls");
    combo("fraud-action-stir-unattested", "");
    WebElement message = input("fraud-message");
    message.sendKeys(Keys.chord(Keys.CONTROL, "a"), "This number cannot take your call.");
    message.sendKeys(Keys.TAB);
    click("fraud-policy-save");
    wait.until(d -> text("fraud-policy-result").startsWith("Saved: version "));

    // the listed number calls: the network's blocklist rejects it at the door
    CallTranscript call = driver().place(CallScript.demo().withCaller(LISTED, "CA", "90210"));
    assertThat(call.twiml().get(0)).contains("<Reject");

    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fraud-findings")));
    cell("fraud-findings", LISTED);
    cell("fraud-findings", "BLOCKLIST");
    assertThat(input("fraud-message").getDomProperty("value"))
        .isEqualTo("This number cannot take your call.");
    scrollTo(browser.findElement(By.id("fraud-findings")));
    Browsers.shot(browser, "fraud");
    Files.createDirectories(Path.of("..", "docs", "screenshots"));
    Files.copy(
        Browsers.SHOTS.resolve("fraud.png"),
        Path.of("..", "docs", "screenshots", "fraud.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void upload(String name, String content) throws IOException {
    Path file = Files.createTempFile(name, ".csv");
    Files.writeString(file, content);
    WebElement upload = browser.findElement(By.id("fraud-upload"));
    // the upload takes one file at a time: the last file must have left its list first
    wait.until(
        d ->
            ((Number) browser.executeScript("return arguments[0].files.length;", upload)).intValue()
                == 0);
    WebElement picker = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
    // ChromeDriver adds to a multiple file input's selection: empty it before each file
    browser.executeScript("arguments[0].value = '';", picker);
    picker.sendKeys(file.toAbsolutePath().toString());
  }

  /** Chooses {@code item} in a combo box by typing it; an empty item clears the box. */
  private static void combo(String id, String item) {
    WebElement field = input(id);
    scrollTo(field);
    field.click();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    if (!item.isEmpty()) {
      field.sendKeys(item);
      wait.until(
          d ->
              d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                  .anyMatch(i -> i.isDisplayed() && i.getText().equals(item)));
      field.sendKeys(Keys.ENTER);
    }
    field.sendKeys(Keys.TAB);
    wait.until(d -> input(id).getDomProperty("value").equals(item));
  }

  private static void scrollTo(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
  }

  private static void click(String id) {
    WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    scrollTo(e);
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  private static WebElement input(String id) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input")));
  }

  /** The first cell of the grid whose text contains {@code text}. */
  private static WebElement cell(String gridId, String text) {
    return wait.until(
        d ->
            d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(text))
                .findFirst()
                .orElse(null));
  }
}
