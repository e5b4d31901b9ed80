package org.ringtree.runtime.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.rules.billing.PolicyOverride;
import org.ringtree.runtime.billing.BillingPolicies;
import org.ringtree.runtime.billing.OverrideChanges;
import org.ringtree.runtime.security.SecuredAppTest;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The billing-table review in headless Chromium: with approval required, the admin asks for a
 * publisher's payout override; the admin sees the pending table but is told why the buttons are off
 * (four eyes); compliance finds it from the compliance page, reads the rows and the changed amount,
 * and approves it, after which the table is live; a rival change reviewed against the replaced
 * table is then refused with the reason shown. Screenshot: billing-review.png.
 */
class BillingReviewBrowserTest extends SecuredAppTest {

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired OverrideChanges changes;
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
  void cleanUp() {
    settings.setRequireApproval(false, "test");
    changes
        .list(OverrideChanges.State.PENDING)
        .forEach(c -> changes.reject(c.id(), "test", "test"));
    changes.delete(BillingPolicies.Scope.PUBLISHER, "blue-billboard", "pi-accidents", "test");
  }

  @Test
  void complianceApprovesAPendingBillingTableTheAdminAskedFor() {
    try {
      reviewAndApprove();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-billing-review");
      throw e;
    }
  }

  private void reviewAndApprove() {
    settings.setRequireApproval(true, "test");
    OverrideChanges.Outcome asked =
        changes.save(
            BillingPolicies.Scope.PUBLISHER,
            "blue-billboard",
            "pi-accidents",
            fixed("150"),
            "admin");
    long id = asked.tables().get(0).id();
    // a rival change asked for against the same live table, which the approval below replaces
    long rival =
        changes
            .save(
                BillingPolicies.Scope.PUBLISHER,
                "blue-billboard",
                "pi-accidents",
                fixed("160"),
                "admin")
            .tables()
            .get(0)
            .id();

    // the admin who asked sees it waiting, and why the buttons are off
    signIn("admin");
    open("/compliance/billing/" + id);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("billing-decide-hint"), "four eyes"));
    assertThat(ui.disabled("billing-approve")).isTrue();
    assertThat(ui.disabled("billing-reject")).isTrue();

    // compliance goes from the compliance page to the list, pending first
    signIn("compliance");
    open("/compliance");
    ui.click("billing-review-link");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("billing-tables")));
    assertThat(ui.text("billing-pending-count")).contains("waiting for review");
    assertThat(ui.text("billing-tables")).contains("pi-accidents", "Waiting for review", "admin");
    ui.click("billing-open-" + id);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("billing-title"), "#" + id));
    assertThat(ui.text("billing-state")).contains("Waiting for review", "asked by admin");
    assertThat(ui.text("billing-table-rows")).contains("Hit policy");
    WebElement changed = browser.findElement(By.cssSelector("#diff-tables td.rt-cell-changed"));
    assertThat(changed.getText()).contains("→").contains("150");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", changed);
    Browsers.shot(browser, "billing-review");

    browser.findElement(By.cssSelector("#billing-note textarea")).sendKeys("Agreed rate.");
    ui.click("billing-approve");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("billing-state"), "Live"));
    assertThat(ui.text("billing-state")).contains("decided by compliance");
    assertThat(
            jdbc.sql("SELECT state FROM billing_table_versions WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("LIVE");
    assertThat(
            jdbc.sql("SELECT state, note FROM billing_override_changes WHERE id = ?")
                .param(asked.pending().id())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
                .single())
        .isEqualTo("APPLIED Agreed rate.");

    // the rival was reviewed against the $200 table: its approval is refused, in words
    open("/compliance/billing/" + rival);
    ui.click("billing-approve");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("billing-refusal"), "changed since this change was asked for"));
    assertThat(ui.text("billing-state")).contains("Waiting for review");
  }

  private static PolicyOverride fixed(String amount) {
    return new PolicyOverride(
        null, null, null, new BigDecimal(amount), null, null, null, null, null, null, null, null);
  }

  private void signIn(String user) {
    Browsers.signIn(browser, "http://127.0.0.1:" + port, user, "ringtree-" + user + "-demo");
  }

  private void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }
}
