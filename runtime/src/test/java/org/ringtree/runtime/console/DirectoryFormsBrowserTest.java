package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The network forms' richer fields in Chromium: a target's hours set in the weekly grid with a
 * holiday, its ZIP list uploaded from a file (a bad file refused by line first), saved and read
 * back over REST; a buyer paused and resumed on its form; and a flow started in the editor for a
 * campaign without one, then exported. Screenshots go to target/screenshots.
 */
class DirectoryFormsBrowserTest extends RunningPlatformTest {

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired JdbcClient jdbc;
  @Autowired DirectoryStore store;

  /** Its own platform: it adds a campaign and a flow that the shared demo network must not get. */
  @DynamicPropertySource
  static void ownPlatform(DynamicPropertyRegistry registry) {
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

  @Test
  void hoursAreSetInTheWeeklyGridAndAZipListIsUploadedThenReadBackOverRest() throws Exception {
    store.save(
        new Target(
            "grid-desk",
            "Grid desk",
            "acme-law",
            new Destination.PhoneNumber("+15125550177"),
            Money.usd("20"),
            1,
            1,
            Schedule.ALWAYS,
            GeoFilter.ANYWHERE,
            List.of(),
            null,
            null,
            true));
    try {
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      openEntry("/buyers", "target", "grid-desk", "Grid desk");

      // the week: around the clock until unticked; Monday two windows, Saturday past midnight
      openSection("Hours of operation");
      WebElement always = browser.findElement(By.id("f-aroundTheClock"));
      assertThat(always.getAttribute("checked")).isNotNull();
      always.click();
      wait.until(d -> d.findElement(By.id("f-aroundTheClock")).getAttribute("checked") == null);
      choose("f-hoursMONDAY", "Open from");
      time("hours-MONDAY-0-from", "08:00");
      time("hours-MONDAY-0-to", "12:00");
      ui.click("hours-MONDAY-add");
      time("hours-MONDAY-1-to", "18:00");
      choose("f-hoursSATURDAY", "Open from");
      time("hours-SATURDAY-0-from", "22:00");
      time("hours-SATURDAY-0-to", "02:00");
      choose("f-hoursSUNDAY", "Closed");
      WebElement holiday = ui.input("f-holidays");
      holiday.sendKeys("2026-12-25", Keys.ENTER);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holiday-2026-12-25")));
      // Saturday's late window shows on Sunday's bar, which is otherwise empty
      wait.until(
          d ->
              d.findElements(By.cssSelector("#hours-SUNDAY-bar .hours-spill")).size() == 1
                  && d.findElements(By.cssSelector("#hours-SUNDAY-bar .hours-open")).isEmpty());
      assertThat(browser.findElements(By.cssSelector("#hours-MONDAY-bar .hours-open"))).hasSize(2);
      ui.scrolledIntoView(browser.findElement(By.id("hours-grid")));
      Browsers.shot(browser, "target-hours");

      // a ZIP file with bad lines is refused by line and changes nothing; a good one fills the list
      openSection("Geo");
      upload("zip-upload", "bad-zips", ".txt", "90210\n9021\nBeverly Hills\n");
      // the field's state arrives property by property: wait for the message itself
      wait.until(
          d ->
              d.findElement(By.id("f-zips")).getAttribute("invalid") != null
                  && d.findElement(By.id("f-zips")).getDomProperty("errorMessage") != null
                  && d.findElement(By.id("f-zips"))
                      .getDomProperty("errorMessage")
                      .contains("line 2"));
      assertThat(browser.findElement(By.id("f-zips")).getDomProperty("errorMessage"))
          .contains("line 2: a ZIP code is five digits such as 90210; got \"9021\"")
          .contains("line 3:");
      assertThat(textArea("f-zips")).isEmpty();
      upload("zip-upload", "zips", ".csv", "city,zip\nBeverly Hills,90210\nAustin,73301\n");
      wait.until(d -> textArea("f-zips").equals("90210\n73301"));
      // textContent, not the visible text: the note is read whether or not the section is open
      wait.until(
          d ->
              d.findElement(By.id("zip-upload-note"))
                  .getAttribute("textContent")
                  .startsWith("2 ZIP codes read from zips"));
      assertThat(browser.findElement(By.id("f-zips")).getAttribute("invalid")).isIn(null, "false");
      openSection("Geo");
      ui.scrolledIntoView(browser.findElement(By.id("zip-upload")));
      Browsers.shot(browser, "zip-upload");
      ui.click("form-save");
      ui.waitGone("form-target");
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "directory-forms-failure");
      throw e;
    }

    Target saved =
        RingtreeJson.mapper().readValue(get("/api/directory/targets/grid-desk"), Target.class);
    LocalTime midnight = LocalTime.MIDNIGHT;
    assertThat(saved.schedule())
        .isEqualTo(
            new Schedule(
                "UTC",
                List.of(
                    new Schedule.OpenHours(
                        EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new Schedule.OpenHours(
                        EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(13, 0), LocalTime.of(18, 0)),
                    new Schedule.OpenHours(
                        EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), midnight, midnight),
                    new Schedule.OpenHours(
                        EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0))),
                Set.of(LocalDate.of(2026, 12, 25))));
    assertThat(saved.geo().zips()).containsExactly("73301", "90210");
  }

  @Test
  void aBuyerIsPausedAndResumedOnItsFormLiveAndAudited() throws Exception {
    try {
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      openEntry("/buyers", "buyer", "bidder-two", "Bidder Two Intake");
      WebElement active = browser.findElement(By.id("f-active"));
      assertThat(active.getAttribute("checked")).isNotNull();
      active.click();
      Browsers.shot(browser, "buyer-pause");
      ui.click("form-save");
      ui.waitGone("form-buyer");
      // the grid says so, and the live settings every node routes with say so at once
      ui.cell("grid-buyer", "no");
      JsonNode live = new ObjectMapper().readTree(get("/api/directory/live-settings"));
      assertThat(live.path("buyers").path("bidder-two").path("active").asBoolean(true)).isFalse();

      openEntry("/buyers", "buyer", "bidder-two", "Bidder Two Intake");
      active = browser.findElement(By.id("f-active"));
      assertThat(active.getAttribute("checked")).isNull();
      active.click();
      ui.click("form-save");
      ui.waitGone("form-buyer");
      ui.cell("grid-buyer", "yes");
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "buyer-pause-failure");
      throw e;
    }
    JsonNode live = new ObjectMapper().readTree(get("/api/directory/live-settings"));
    assertThat(live.path("buyers").path("bidder-two").path("active").asBoolean(false)).isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action FROM audit_log WHERE object_id = 'bidder-two'"
                        + " AND actor = 'operator' ORDER BY id")
                .query(String.class)
                .list())
        .containsExactly("operator directory.buyer.pause", "operator directory.buyer.resume");
  }

  @Test
  void aFlowIsStartedForACampaignWithoutOneSavedAsADraftAndExported() throws Exception {
    String vertical =
        jdbc.sql("SELECT vertical_id FROM campaigns WHERE id = 'pi-accidents'")
            .query(String.class)
            .single();
    store.save(
        new Campaign(
            "solar-leads",
            "Solar leads",
            vertical,
            Money.USD,
            PayoutPolicy.fixed(60, 30, Money.usd("10"), 0),
            null,
            null,
            null),
        "America/Denver");
    try {
      Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
      browser.get(baseUrl + "/flows");
      new WebDriverWait(browser, Duration.ofSeconds(240))
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("flow-canvas .react-flow__node")));
      ui.click("new-flow");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-flow-campaign")));
      ui.input("new-flow-campaign").sendKeys("Solar");
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//vaadin-combo-box-item[contains(., 'solar-leads')]")))
          .click();
      wait.until(d -> ui.input("new-flow-name").getAttribute("value").equals("Solar leads flow"));
      Browsers.shot(browser, "new-flow");
      ui.click("new-flow-create");
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("flow-canvas .react-flow__node[data-id='start']")));
      wait.until(d -> d.findElements(By.cssSelector("flow-canvas .react-flow__node")).size() == 1);
      wait.until(
          ExpectedConditions.attributeContains(
              By.cssSelector("#flow-select input"), "value", "Solar leads flow"));
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "new-flow-failure");
      throw e;
    }
    assertThat(
            jdbc.sql(
                    "SELECT id || ' ' || name || ' ' || (draft IS NOT NULL) || ' '"
                        + " || (live_version_id IS NULL) FROM flows WHERE campaign_id = ?")
                .param("solar-leads")
                .query(String.class)
                .single())
        .isEqualTo("solar-leads-flow Solar leads flow true true");

    // Export JSON (a DownloadHandler) serves the flow on the canvas to the signed-in browser
    String href = browser.findElement(By.id("export")).getAttribute("href");
    Object exported =
        browser.executeAsyncScript(
            "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", href);
    JsonNode doc = new ObjectMapper().readTree(String.valueOf(exported));
    assertThat(doc.path("campaignId").asText()).isEqualTo("solar-leads");
    assertThat(doc.path("nodes")).hasSize(1);
  }

  private void openEntry(String page, String kind, String id, String label) {
    browser.get(baseUrl + page);
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("grid-" + kind)));
    ui.input("search-" + kind).sendKeys(id, Keys.TAB);
    // The grid re-renders when the search applies (lazily), and a double-click on a cell it has
    // just recycled opens nothing: find the cell again and retry a few times.
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement row = ui.cell("grid-" + kind, label);
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(row).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("form-" + kind)));
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
  }

  /** Opens a collapsed section of the form by its title. */
  private static void openSection(String title) {
    WebElement details =
        wait.until(
            d ->
                (WebElement)
                    browser.executeScript(
                        "return [...document.querySelectorAll('vaadin-details')].find(d =>"
                            + " (d.querySelector('[slot=summary]') || {}).textContent"
                            + " === arguments[0]) || null",
                        title));
    browser.executeScript("arguments[0].opened = true", details);
    ui.scrolledIntoView(details);
  }

  /** Picks an option of a Vaadin select by the start of its label. */
  private static void choose(String id, String label) {
    WebElement select = browser.findElement(By.id(id));
    ui.scrolledIntoView(select);
    select.click();
    // every select keeps its own items, and a copy of the chosen one (id value-…) in itself
    wait.until(
            d ->
                d
                    .findElements(
                        By.xpath(
                            "//vaadin-select-item[not(starts-with(@id, 'value-')) and"
                                + " starts-with(normalize-space(.), '"
                                + label
                                + "')]"))
                    .stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null))
        .click();
    // the chosen item is also drawn inside the select itself: wait for the overlay to close
    wait.until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
  }

  /** Types a 24-hour time into a time picker and commits it. */
  private static void time(String id, String value) {
    WebElement field = ui.input(id);
    ui.scrolledIntoView(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER);
    field.sendKeys(Keys.TAB);
    wait.until(d -> ui.input(id).getAttribute("value").equals(value));
  }

  private static void upload(String id, String name, String suffix, String content)
      throws IOException {
    Path file = Files.createTempFile(name, suffix);
    Files.writeString(file, content);
    WebElement upload = browser.findElement(By.id(id));
    WebElement picker = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
    // ChromeDriver adds to a multiple file input's selection: without emptying it first, the
    // second upload sent the first file again beside it, and whichever answered last won
    browser.executeScript("arguments[0].value = '';", picker);
    picker.sendKeys(file.toAbsolutePath().toString());
  }

  private static String textArea(String id) {
    return browser.findElement(By.cssSelector("#" + id + " textarea")).getAttribute("value");
  }

  /** A GET over REST as the demo operator (HTTP Basic, as scripts do). */
  private String get(String path) throws IOException, InterruptedException {
    String auth =
        Base64.getEncoder()
            .encodeToString("operator:ringtree-operator-demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Basic " + auth)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }
}
