package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.quality.QualityCallsFixture;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The publisher quality screen in headless Chromium, over generated traffic with a call farm: an
 * operator runs the tests, sees the farm's flag with its evidence and the score bands, pauses the
 * farm's numbers after a confirmation that says how many, resumes them, and sees a private alert
 * URL refused in the guard's words.
 */
@TestPropertySource(properties = "ringtree.quality.cron=-")
class PublisherQualityBrowserTest extends RunningPlatformTest {

  static ChromeDriver browser;
  static WebDriverWait wait;

  @Autowired DirectoryStore directory;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void start() {
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void operatorRunsTheTestsSeesTheFarmPausesItsNumbersAndResumesThem() {
    QualityCallsFixture.insert(
        directory, jdbcTemplate, QualityCallsFixture.farmTraffic(Instant.now(), 4_000));
    try {
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      click("nav-publisher-quality");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publisher-quality-view")));
      assertThat(text("quality-run")).startsWith("No run yet");

      click("quality-run-now");
      wait.until(d -> text("quality-result").startsWith("Run "));
      assertThat(text("quality-result")).contains("4000 calls");
      wait.until(d -> text("quality-flags").contains("past the billable threshold"));
      assertThat(text("quality-flags")).contains("pub-farm", QualityCallsFixture.FARM_NUMBER);
      wait.until(d -> text("quality-bands").contains("pub-farm"));

      long flag =
          jdbc.sql(
                  "SELECT id FROM quality_flags WHERE kind = 'THRESHOLD_CLUSTERING'"
                      + " AND publisher_id = 'pub-farm'")
              .query(Long.class)
              .single();
      click("quality-pause-" + flag);
      wait.until(d -> text("quality-pause-question").contains("Pause 2 tracking numbers"));
      click("quality-pause-confirm");
      wait.until(d -> text("quality-result").equals("Paused 2 numbers of pub-farm."));
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM tracking_numbers WHERE publisher_id = 'pub-farm'"
                          + " AND NOT enabled")
                  .query(Long.class)
                  .single())
          .isEqualTo(2);
      Browsers.shot(browser, "publisher-quality");

      click("quality-resume-pub-farm");
      wait.until(d -> text("quality-result").equals("Resumed 2 numbers of pub-farm."));

      type("quality-alert-url", "http://10.1.2.3/hook");
      click("quality-alert-save");
      wait.until(d -> text("quality-alert-result").contains("refused"));
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "publisher-quality-failure");
      throw e;
    }
  }

  /** Scrolled into view and retried while a re-render or the layout covers it. */
  private static void click(String id) {
    new BrowserSteps(browser, wait).click(id);
  }

  private static void type(String id, String value) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value, Keys.TAB);
  }

  private static String text(String id) {
    Object t =
        browser.executeScript(
            "const e = document.getElementById(arguments[0]); return e ? e.textContent : '';", id);
    return t == null ? "" : t.toString();
  }
}
