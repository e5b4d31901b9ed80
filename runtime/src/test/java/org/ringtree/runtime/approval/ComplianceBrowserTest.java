package org.ringtree.runtime.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.runtime.support.BrowserSteps.node;
import static org.ringtree.runtime.support.BrowserSteps.pause;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.security.SecuredAppTest;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review → diff → approve → publish in headless Chromium, each step signed in as the person who
 * does it: with approval required, an operator changes the floor of a route in the editor and
 * submits it, and publishing is refused; compliance (refused the editor) reads the compiled tables,
 * sees the floor change in words and as a highlighted cell, and approves with a comment; the
 * operator publishes. The version is then live and the audit log has the approval and the publish.
 * The admin then rolls the flow back (refused without a reason) and switches approval off, which
 * compliance could only read. Screenshots of the review, the diff, the approval and the rollback go
 * to target/screenshots (docs/compliance.md uses them).
 */
class ComplianceBrowserTest extends SecuredAppTest {

  static final String FLOW_NAME = "Compliance browser flow";

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired FlowStore flows;
  @Autowired DirectoryStore directory;
  @Autowired ComplianceSettings settings;
  @Autowired JdbcClient jdbc;

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

  @AfterEach
  void approvalOffAgain() {
    settings.setRequireApproval(false, "test");
  }

  @Test
  void complianceReviewsDiffsAndApprovesWhatAnOperatorSubmittedAndTheOperatorPublishesIt() {
    try {
      reviewDiffApprovePublish();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-compliance");
      throw e;
    }
  }

  private void reviewDiffApprovePublish() {
    // version 1, written by the admin, is live before approval is switched on
    TestFlows.TestFlow flow = TestFlows.create(directory);
    FlowStore.StoredVersion v1 =
        flows.saveVersion(document(flow, 100), directory.snapshot(Set.of("do-not-call")), "admin");
    flows.makeLive(flow.flowId(), v1.id());
    settings.setRequireApproval(true, "test");

    // the operator raises the route's floor in the editor and submits it; publishing is refused
    signIn("operator");
    // operators land on the call log; the editor is one entry in the menu
    ui.click("nav-editor");
    ui.pickFromComboBox("flow-select", FLOW_NAME);
    wait.until(ExpectedConditions.presenceOfElementLocated(node("ring")));
    browser.findElement(By.cssSelector(".react-flow__node[data-id='ring'] .rt-node-title")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#property-form h3"), "ring"));
    WebElement floor =
        browser.findElement(By.cssSelector("#property-form [data-field='floor'] input"));
    floor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "120", Keys.TAB);
    pause();
    ui.click("submit-review");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("status"), "submitted for review"));
    long v2 = versionId(flow.flowId(), 2);
    assertThat(
            jdbc.sql("SELECT author FROM flow_versions WHERE id = ?")
                .param(v2)
                .query(String.class)
                .single())
        .isEqualTo("operator");
    ui.click("publish");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "approval required"));
    assertThat(liveVersionId(flow.flowId())).isEqualTo(v1.id());

    // the operator may read the review but not approve, and may not publish before approval
    open("/compliance/version/" + v2);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("decide-hint"), "Only compliance"));
    assertThat(ui.disabled("approve")).isTrue();
    assertThat(ui.disabled("publish-version")).isTrue();
    assertThat(ui.text("publish-hint")).contains("Approval is required");

    // compliance is refused the editor
    signIn("compliance");
    assertThat(browser.findElements(By.id("nav-editor"))).isEmpty();
    open("/flows");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
    assertThat(ui.text("access-denied")).contains("Not for your role");
    assertThat(browser.findElements(By.cssSelector("flow-canvas"))).isEmpty();

    // compliance finds the version, reads the compiled tables row by row
    ui.click("nav-compliance");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("compliance-flows")));
    // the approval switch is the admin's: compliance sees it on, read-only
    assertThat(browser.findElement(By.id("require-approval")).getAttribute("checked")).isNotNull();
    assertThat(browser.findElement(By.id("require-approval")).getAttribute("readonly")).isNotNull();
    browser.findElements(By.cssSelector("#compliance-flows vaadin-grid-cell-content")).stream()
        .filter(c -> c.getText().equals(FLOW_NAME))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("review-v2"))).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("review-title"), "version 2"));
    assertThat(ui.text("review-state")).contains("Waiting for review", "not live", "by operator");
    WebElement routing = browser.findElement(By.cssSelector("#review-tables .rt-decision-table"));
    assertThat(routing.getText())
        .contains("Hit policy: Unique: at most one row can match.")
        .contains("When Route node is ring: Method is ringTree, Minimum offer is max([120,")
        .contains("node ring (route)");
    assertThat(ui.text("review-tables")).contains("Publisher payout", "Talk seconds");
    // read-only beside the tables: the fraud policy on the flow's campaign, the score model
    assertThat(ui.text("review-safeguards"))
        .contains(
            "overrides nothing",
            "caller on the blocklist (number, prefix or area code)"
                + " → reject at the door (the call is not answered)");
    assertThat(ui.text("review-score-model"))
        .containsAnyOf("No score model is promoted", "Score model score-v");
    Browsers.shot(browser, "compliance-review");
    String routingDmn =
        (String)
            browser.executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);",
                browser.findElement(By.id("download-routing")).getAttribute("href"));
    assertThat(routingDmn).contains("<decisionTable", "max([120, Publisher payout + 20])");

    // the changes against the live version: in words, and the changed cell highlighted
    ui.tab("Changes");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff-summary")));
    assertThat(ui.text("diff-heading")).contains("from version 1 (live) to version 2");
    assertThat(ui.text("diff-summary")).contains("node ring: floor 100 → 120");
    WebElement changedCell = browser.findElement(By.cssSelector("#diff-tables td.rt-cell-changed"));
    assertThat(changedCell.getText()).contains("max([100,").contains("→").contains("max([120,");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", changedCell);
    Browsers.shot(browser, "compliance-diff");

    // approving needs a comment
    ui.click("approve");
    wait.until(d -> "true".equals(d.findElement(By.id("review-comment")).getAttribute("invalid")));
    browser
        .findElement(By.cssSelector("#review-comment textarea"))
        .sendKeys("Floor 120 confirmed with legal.");
    ui.click("approve");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("review-state"), "Approved"));
    assertThat(ui.text("decisions"))
        .contains("approved by compliance: Floor 120 confirmed with legal.");
    assertThat(ui.disabled("publish-version")).isTrue();
    assertThat(ui.text("publish-hint")).contains("Only operators and admins publish");
    Browsers.shot(browser, "compliance-approve");

    // the operator publishes the approved version
    signIn("operator");
    open("/compliance/version/" + v2);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("publish-version"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-state"), "· live"));
    assertThat(liveVersionId(flow.flowId())).isEqualTo(v2);
    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action FROM audit_log WHERE (object_type = 'flow-version'"
                        + " AND object_id = ?) OR (object_type = 'flow' AND object_id = ?) ORDER BY id")
                .params(Long.toString(v2), flow.flowId())
                .query(String.class)
                .list())
        .containsSubsequence(
            "operator flow.version.create", "compliance version.approve", "operator flow.publish");

    // four eyes: the admin wrote version 1 and is not offered to approve it
    signIn("admin");
    open("/compliance/version/" + v1.id());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("decide-hint"), "four eyes"));
    assertThat(ui.disabled("approve")).isTrue();
    assertThat(ui.disabled("reject")).isTrue();

    rollBackAndSwitchApprovalOff(flow.flowId(), v1.id(), v2);
  }

  /** The admin rolls the flow back to version 1 (a reason is required), then turns approval off. */
  private void rollBackAndSwitchApprovalOff(String flowId, long v1, long v2) {
    open("/compliance");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("compliance-flows")));
    browser.findElements(By.cssSelector("#compliance-flows vaadin-grid-cell-content")).stream()
        .filter(c -> c.getText().equals(FLOW_NAME))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-v2")));

    // without a reason nothing changes, and the refusal says why
    ui.click("rollback");
    confirmRollback();
    // a notification renders as a card in the page's notification container
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-notification-card[contains(., 'needs a reason')]")));
    assertThat(liveVersionId(flowId)).isEqualTo(v2);

    ui.click("rollback");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#rollback-reason textarea")))
        .sendKeys("Floor 120 priced us out of two buyers.");
    Browsers.shot(browser, "compliance-rollback");
    confirmRollback();
    wait.until(d -> v1 == liveVersionId(flowId));
    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action || ' ' || (after->>'comment') FROM audit_log"
                        + " WHERE object_type = 'flow' AND object_id = ? AND action = 'flow.rollback'")
                .param(flowId)
                .query(String.class)
                .list())
        .containsExactly("admin flow.rollback Floor 120 priced us out of two buyers.");

    // the admin turns approval off; the setting is changed and audited
    assertThat(browser.findElement(By.id("require-approval")).getAttribute("readonly")).isNull();
    browser.findElement(By.cssSelector("#require-approval input")).click();
    wait.until(d -> !settings.requireApproval());
    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action || ' ' || (after->>'value') FROM audit_log"
                        + " WHERE object_type = 'setting' AND object_id = 'requireApproval'"
                        + " ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single())
        .isEqualTo("admin settings.update false");
  }

  private void confirmRollback() {
    // the dialog's buttons render in its overlay; "Roll back…" on the page opens it
    By confirm = By.xpath("//vaadin-button[normalize-space(.)='Roll back']");
    wait.until(ExpectedConditions.elementToBeClickable(confirm)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(confirm));
  }

  private static FlowDocument document(TestFlows.TestFlow flow, int floor) {
    String json = flow.json(floor).replace("Accident injury ring tree (demo)", FLOW_NAME);
    return FlowJson.read(json).document().orElseThrow();
  }

  private long versionId(String flowId, int version) {
    return jdbc.sql("SELECT id FROM flow_versions WHERE flow_id = ? AND version = ?")
        .params(flowId, version)
        .query(Long.class)
        .single();
  }

  private Long liveVersionId(String flowId) {
    return jdbc.sql("SELECT live_version_id FROM flows WHERE id = ?")
        .param(flowId)
        .query(Long.class)
        .single();
  }

  private void signIn(String user) {
    Browsers.signIn(browser, base(), user, "ringtree-" + user + "-demo");
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private void open(String path) {
    browser.get(base() + path);
  }
}
