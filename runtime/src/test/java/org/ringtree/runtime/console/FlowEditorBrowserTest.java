package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.runtime.support.BrowserSteps.node;
import static org.ringtree.runtime.support.BrowserSteps.pause;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.PostgresTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.ringtree.tools.driver.TwilioDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator signs in and builds a flow on an empty canvas in headless Chromium, meets a
 * validation error and fixes it, simulates a call, publishes, and a signed Twilio webhook call then
 * follows the new version. Screenshots of each step go to target/screenshots (docs/operators.md
 * uses them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowEditorBrowserTest extends PostgresTest {

  static final String TOKEN = "ringtree-demo-auth-token";
  static final String PROMPT = "Press 1 to reach the new intake desk.";
  static final String GOODBYE = "Thanks, goodbye from the new flow.";
  static final int PORT = freePort();

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void web(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("ringtree.public-base-url", () -> "http://localhost:" + PORT);
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

  /** Leaves the page; the editor's "unsaved changes" prompt (beforeunload) is answered "leave". */
  @AfterEach
  void leavePage() {
    try {
      browser.get("about:blank");
    } catch (WebDriverException e) {
      // the prompt interrupted the navigation; it is accepted below
    }
    try {
      browser.switchTo().alert().accept();
    } catch (NoAlertPresentException e) {
      // no unsaved changes, no prompt
    }
  }

  @Test
  @Order(1)
  void aBadImportIsRefusedArrangeLaysTheDemoFlowOutAndSavingClearsUnsaved() throws IOException {
    try {
      refuseImportArrangeAndSave();
    } catch (RuntimeException | AssertionError | IOException e) {
      shot("failure-arrange");
      throw e;
    }
  }

  private void refuseImportArrangeAndSave() throws IOException {
    Browsers.signIn(browser, "http://localhost:" + PORT, "operator", "ringtree-operator-demo");
    browser.get("http://localhost:" + PORT + "/flows");
    new WebDriverWait(browser, Duration.ofSeconds(240))
        .until(ExpectedConditions.presenceOfElementLocated(node("reason")));
    int demoNodes = browser.findElements(By.cssSelector("flow-canvas .react-flow__node")).size();

    // a file with a node kind this version does not know is refused whole; the canvas stays
    Path file = Files.createTempFile("unknown-kind", ".json");
    Files.writeString(
        file,
        "{\"schemaVersion\":1,\"nodes\":[{\"id\":\"start\",\"kind\":\"start\"},"
            + "{\"id\":\"fax\",\"kind\":\"sendFax\"}],"
            + "\"edges\":[{\"from\":\"start\",\"port\":\"next\",\"to\":\"fax\"}]}");
    browser
        .findElement(By.id("import"))
        .getShadowRoot()
        .findElement(By.cssSelector("input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Import refused"));
    wait.until(
        d ->
            d.findElements(By.tagName("vaadin-notification-card")).stream()
                .anyMatch(c -> c.getText().contains("Unknown node kind \"sendFax\"")));
    assertThat(browser.findElements(By.cssSelector("flow-canvas .react-flow__node")))
        .hasSize(demoNodes);
    assertThat(browser.findElements(node("reason"))).hasSize(1);
    shot("09-import-refused");

    // Arrange lays the demo flow out so that no two nodes overlap
    ui.click("arrange");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Unsaved changes"));
    wait.until(d -> overlappingNodes().isEmpty());
    pause();
    assertThat(overlappingNodes()).isEmpty();

    // leaving with unsaved changes asks first; "Stay" keeps the editor and the changes
    followInAppLink("compliance");
    WebElement stay = wait.until(ExpectedConditions.elementToBeClickable(By.id("leave-stay")));
    shot("10-leave-unsaved");
    stay.click();
    wait.until(d -> d.findElements(By.id("leave-stay")).isEmpty());
    assertThat(browser.getCurrentUrl()).endsWith("/flows");
    assertThat(browser.findElement(By.id("status")).getText()).contains("Unsaved changes");

    // saving the draft clears "Unsaved changes"
    ui.click("save-draft");
    wait.until(
        d ->
            !d.findElement(By.id("status")).getText().contains("Unsaved changes")
                && d.findElement(By.id("status")).getText().contains("nodes"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM flows WHERE draft IS NOT NULL")
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.findElements(By.tagName("vaadin-notification-card")).isEmpty());
    shot("editor");

    // with nothing unsaved the same link leaves without a question
    followInAppLink("compliance");
    wait.until(ExpectedConditions.urlContains("/compliance"));
    assertThat(browser.findElements(By.id("leave-stay"))).isEmpty();
  }

  /** Clicks a plain in-app link, the way a menu entry navigates (through Vaadin's router). */
  private static void followInAppLink(String path) {
    browser.executeScript(
        """
        const a = document.createElement('a');
        a.href = arguments[0];
        a.textContent = 'in-app link';
        document.body.appendChild(a);
        a.click();
        a.remove();
        """,
        path);
  }

  /** Pairs of nodes whose boxes overlap on the canvas, as "a/b". */
  @SuppressWarnings("unchecked")
  private static List<String> overlappingNodes() {
    return (List<String>)
        browser.executeScript(
            """
            const boxes = [...document.querySelectorAll('flow-canvas .react-flow__node')]
              .map(n => ({id: n.dataset.id, r: n.getBoundingClientRect()}));
            const out = [];
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].r, b = boxes[j].r;
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
                  out.push(boxes[i].id + '/' + boxes[j].id);
              }
            return out;
            """);
  }

  @Test
  @Order(2)
  void operatorBuildsSimulatesAndPublishesAFlowThatTheNextCallFollows() {
    try {
      buildSimulateAndPublish();
    } catch (RuntimeException | AssertionError e) {
      shot("failure");
      throw e;
    }
  }

  private void buildSimulateAndPublish() {
    Browsers.signIn(browser, "http://localhost:" + PORT, "operator", "ringtree-operator-demo");
    browser.get("http://localhost:" + PORT + "/flows");
    // the first run after a frontend change may still be building the dev bundle
    new WebDriverWait(browser, Duration.ofSeconds(240))
        .until(ExpectedConditions.presenceOfElementLocated(node("reason")));
    shot("01-demo-flow-opened");

    ui.pickFromComboBox("template", "Empty canvas");
    wait.until(d -> d.findElements(By.cssSelector("flow-canvas .react-flow__node")).isEmpty());
    shot("02-empty-canvas");

    for (String kind : List.of("start", "menu", "route", "hangup")) {
      browser.findElement(By.cssSelector(".rt-palette-item[data-kind='" + kind + "']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(node(kind + "-1")));
    }
    ui.click("fit");
    pause();

    // the menu's prompt and its first option (which adds port "1")
    selectNode("menu-1");
    type("[data-field='prompt'] textarea", PROMPT);
    ui.click("add-options");
    wait.until(ExpectedConditions.presenceOfElementLocated(handle("menu-1", "1")));
    selectNode("hangup-1");
    type("[data-field='text'] textarea", GOODBYE);

    connect("start-1", "next", "menu-1");
    connect("menu-1", "1", "route-1");
    connect("route-1", "fallback", "hangup-1");
    wait.until(d -> d.findElements(By.cssSelector("flow-canvas .react-flow__edge")).size() == 3);

    // the route has no targets yet: an error on the node and in the list, and publishing refuses
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".react-flow__node[data-id='route-1'] .rt-has-errors")));
    ui.click("publish");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Not published"));
    assertThat(browser.findElement(By.id("issues")).getText()).contains("route-1");
    shot("03-validation-error");

    // clicking the problem selects its node; picking a target from the searchable list fixes it
    browser.findElements(By.cssSelector("#issues vaadin-grid-cell-content")).stream()
        .filter(c -> c.getText().equals("route-1"))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".react-flow__node.selected[data-id='route-1']")));
    WebElement targets =
        ui.scrolledIntoView(
            browser.findElement(By.cssSelector("#property-form [data-field='targets'] input")));
    targets.sendKeys("Acme");
    WebElement item =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-multi-select-combo-box-item[contains(., 'Acme intake line')]")));
    item.click();
    targets.sendKeys(Keys.ESCAPE);
    wait.until(
        d ->
            d.findElements(By.cssSelector("flow-canvas .rt-has-errors")).isEmpty()
                && d.findElement(By.id("status")).getText().contains("no errors"));
    shot("04-error-fixed");

    // simulate a caller pressing 1
    ui.tab("Simulate");
    ui.pickFromComboBox("sim-number", "+18885550101");
    type("#sim-inputs input", "1");
    ui.click("sim-run");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("sim-winner"), "Acme intake line"));
    assertThat(browser.findElement(By.id("sim-money")).getText()).contains("Revenue");
    assertThat(browser.findElements(By.cssSelector("flow-canvas .rt-lit"))).hasSizeGreaterThan(2);
    ui.scrolledIntoView(browser.findElement(By.id("sim-winner")));
    shot("05-simulation");

    ui.click("publish");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is live"));
    shot("06-published");

    // a signed webhook call to the running platform now follows the new version
    CallTranscript call =
        new TwilioDriver("http://localhost:" + PORT, TOKEN)
            .place(
                new CallScript(
                    "+18885550101",
                    "+13105550177",
                    "CA",
                    "90210",
                    "Beverly Hills",
                    List.of("1"),
                    List.of(CallScript.Leg.ANSWER),
                    40));
    assertThat(call.heard()).anyMatch(h -> h.contains(PROMPT));
    assertThat(call.heard()).anyMatch(h -> h.contains("dialling +15125550100"));
    assertThat(call.heard()).noneMatch(h -> h.contains("accident injury helpline"));
    assertThat(
            jdbc.sql(
                    "SELECT v.version FROM calls c JOIN flow_versions v ON v.id ="
                        + " c.flow_version_id WHERE c.call_sid = ?")
                .param(call.callSid())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    // the version carries the signed-in operator as its author
    assertThat(
            jdbc.sql("SELECT author FROM flow_versions WHERE version = 2")
                .query(String.class)
                .single())
        .isEqualTo("operator");

    // export: the file is the flow on the canvas
    String exported =
        (String)
            browser.executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);",
                browser.findElement(By.id("export")).getAttribute("href"));
    assertThat(exported).contains("\"menu-1\"", PROMPT, "\"acme-main\"");

    // versions: each shows its review state; comparing two leaves the canvas as it is
    ui.tab("Versions");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "was live"));
    assertThat(browser.findElement(By.id("versions")).getText()).contains("live");
    WebElement selectAll =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#versions vaadin-checkbox[aria-label='Select All']")));
    selectAll.click();
    ui.click("version-compare");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("diff-list"), "Removed menu “reason”."));
    assertThat(browser.findElement(By.id("diff-list")).getText())
        .contains(
            "the canvas is unchanged", "Added menu “menu-1”.", "Connected “menu-1” 1 → “route-1”.");
    assertThat(browser.findElements(node("menu-1"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("flow-canvas .rt-removed"))).isEmpty();
    assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("Unsaved");

    // one version against the canvas: its differences are drawn on the canvas
    selectAll.click();
    browser
        .findElements(By.cssSelector("#versions vaadin-checkbox[aria-label='Select Row']"))
        .stream()
        .reduce((first, second) -> second)
        .orElseThrow()
        .click();
    ui.click("version-compare");
    wait.until(d -> !d.findElements(By.cssSelector("flow-canvas .rt-removed")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("flow-canvas .rt-added"))).hasSize(4);
    ui.click("fit");
    shot("07-compare-versions");
  }

  @Test
  @Order(3)
  void aTwoHundredNodeFlowImportsAndStaysResponsive() throws IOException {
    try {
      importTwoHundredNodesAndEdit();
    } catch (RuntimeException | AssertionError e) {
      shot("failure-200");
      throw e;
    }
  }

  private void importTwoHundredNodesAndEdit() throws IOException {
    Path file = Files.createTempFile("big-flow", ".json");
    Files.writeString(file, bigFlow(200));
    Browsers.signIn(browser, "http://localhost:" + PORT, "operator", "ringtree-operator-demo");
    browser.get("http://localhost:" + PORT + "/flows");
    new WebDriverWait(browser, Duration.ofSeconds(240))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("flow-canvas .react-flow__node")));

    long started = System.nanoTime();
    browser
        .findElement(By.id("import"))
        .getShadowRoot()
        .findElement(By.cssSelector("input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "200 nodes"));
    wait.until(ExpectedConditions.presenceOfElementLocated(node("start")));
    long importMillis = (System.nanoTime() - started) / 1_000_000;

    // a change with 200 nodes on the canvas: add one and see it drawn
    started = System.nanoTime();
    browser.findElement(By.cssSelector(".rt-palette-item[data-kind='hangup']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "201 nodes"));
    long addMillis = (System.nanoTime() - started) / 1_000_000;
    // shifted below the steps it would cover, the new step is still brought into view
    wait.until(d -> inView("hangup-1"));

    // drag a step from the palette and drop it on the canvas (HTML5 drag and drop)
    browser.executeScript(
        """
        const item = document.querySelector(".rt-palette-item[data-kind='voicemail']");
        const pane = document.querySelector("flow-canvas .rt-flow");
        const box = pane.getBoundingClientRect();
        const data = new DataTransfer();
        const at = {clientX: box.left + 200, clientY: box.top + 150, bubbles: true,
                    cancelable: true, dataTransfer: data};
        item.dispatchEvent(new DragEvent("dragstart", at));
        pane.dispatchEvent(new DragEvent("dragover", at));
        pane.dispatchEvent(new DragEvent("drop", at));
        """);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "202 nodes"));
    wait.until(ExpectedConditions.presenceOfElementLocated(node("voicemail-1")));

    // drag a node; the move reaches the server (undo puts it back)
    WebElement start = browser.findElement(node("start"));
    String before = transform("start");
    new Actions(browser)
        .clickAndHold(start.findElement(By.cssSelector(".rt-node-title")))
        .moveByOffset(10, 10)
        .moveByOffset(60, 40)
        .release()
        .perform();
    wait.until(d -> !transform("start").equals(before));
    ui.click("undo");
    wait.until(d -> transform("start").equals(before));
    shot("08-two-hundred-nodes");

    assertThat(importMillis).isLessThan(10_000);
    assertThat(addMillis).isLessThan(3_000);
  }

  /** Whether a node is drawn wholly inside the visible canvas. */
  private static boolean inView(String nodeId) {
    return Boolean.TRUE.equals(
        browser.executeScript(
            """
            const n = document.querySelector("flow-canvas .react-flow__node[data-id='" + arguments[0] + "']");
            const pane = document.querySelector("flow-canvas .rt-flow");
            if (!n || !pane) return false;
            const a = n.getBoundingClientRect(), b = pane.getBoundingClientRect();
            return a.left >= b.left && a.top >= b.top && a.right <= b.right && a.bottom <= b.bottom;
            """,
            nodeId));
  }

  private static String transform(String nodeId) {
    return (String)
        browser.executeScript(
            "return arguments[0].style.transform;", browser.findElement(node(nodeId)));
  }

  /** start -> say-1 -> ... -> say-(n-1), ten to a row. */
  private static String bigFlow(int n) {
    StringBuilder nodes = new StringBuilder();
    StringBuilder edges = new StringBuilder();
    nodes.append(
        "{\"id\":\"start\",\"kind\":\"start\",\"position\":{\"x\":0,\"y\":0},\"config\":{}}");
    String previous = "start";
    for (int i = 1; i < n; i++) {
      String id = "say-" + i;
      nodes.append(
          ",{\"id\":\"%s\",\"kind\":\"say\",\"position\":{\"x\":%d,\"y\":%d},\"config\":{\"text\":\"Step %d\"}}"
              .formatted(id, (i % 10) * 260, (i / 10) * 160, i));
      if (edges.length() > 0) {
        edges.append(',');
      }
      edges.append("{\"from\":\"%s\",\"port\":\"next\",\"to\":\"%s\"}".formatted(previous, id));
      previous = id;
    }
    return "{\"schemaVersion\":1,\"id\":\"big\",\"name\":\"Big\",\"campaignId\":\"pi-accidents\","
        + "\"nodes\":["
        + nodes
        + "],\"edges\":["
        + edges
        + "]}";
  }

  private static By handle(String nodeId, String port) {
    return By.cssSelector(
        ".react-flow__node[data-id='"
            + nodeId
            + "'] .react-flow__handle.source[data-handleid='"
            + port
            + "']");
  }

  private static void selectNode(String id) {
    browser
        .findElement(By.cssSelector(".react-flow__node[data-id='" + id + "'] .rt-node-title"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#property-form h3"), id));
  }

  private static void connect(String from, String port, String to) {
    WebElement source = browser.findElement(handle(from, port));
    WebElement target =
        browser.findElement(
            By.cssSelector(".react-flow__node[data-id='" + to + "'] .react-flow__handle.target"));
    new Actions(browser)
        .clickAndHold(source)
        .moveByOffset(5, 5)
        .moveToElement(target)
        .release()
        .perform();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(
                ".react-flow__edge[data-id='" + from + "::" + port + "'], .react-flow__edge")));
  }

  private static void type(String css, String text) {
    WebElement input =
        browser.findElement(By.cssSelector(css.startsWith("#") ? css : "#property-form " + css));
    input.clear();
    input.sendKeys(text, Keys.TAB);
    pause();
  }

  private static void shot(String name) {
    Browsers.shot(browser, name);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
