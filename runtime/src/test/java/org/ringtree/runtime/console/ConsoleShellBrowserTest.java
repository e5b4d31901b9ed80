package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.security.SecuredAppTest;
import org.ringtree.runtime.security.UserAccounts;
import org.ringtree.runtime.support.BrowserSteps;
import org.ringtree.runtime.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's frame in headless Chromium: the styled sign-in page and its wrong-password message,
 * sign-out back to it, the drawer and the server-side checks per role, the not-found page inside
 * the frame, and an admin creating a user and an API key, then finding both in the audit log and
 * its CSV export. Screenshots go to target/screenshots (docs/operators.md uses copies).
 */
class ConsoleShellBrowserTest extends SecuredAppTest {

  static ChromeDriver browser;
  static WebDriverWait wait;
  static BrowserSteps ui;

  @Autowired UserAccounts accounts;

  @BeforeAll
  static void startBrowser() {
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    ui = new BrowserSteps(browser, wait);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theSignInPageIsVaadinsStyledFormAndAWrongPasswordSaysSo() {
    run(
        "sign-in",
        () -> {
          browser.manage().deleteAllCookies();
          browser.get(base() + "/login");
          WebElement user =
              wait.until(
                  ExpectedConditions.elementToBeClickable(
                      By.cssSelector("vaadin-login-form input[name=username]")));
          // the web component is defined (its styles and shadow DOM are there), not bare HTML
          assertThat(
                  browser.executeScript(
                      "return !!customElements.get('vaadin-login-form')"
                          + " && !!document.querySelector('vaadin-login-form vaadin-button')"
                          + ".shadowRoot"))
              .isEqualTo(true);
          Browsers.shot(browser, "sign-in");

          user.sendKeys("operator");
          browser
              .findElement(By.cssSelector("input[name=password]"))
              .sendKeys("not-the-password", Keys.ENTER);
          wait.until(ExpectedConditions.urlContains("/login?error"));
          wait.until(
              d ->
                  Boolean.TRUE.equals(
                      browser.executeScript(
                          "const f = document.querySelector('vaadin-login-form');"
                              + " return !!f && f.error === true")));
          assertThat(
                  browser.executeScript(
                      "return document.querySelector('vaadin-login-form')"
                          + ".i18n.errorMessage.title"))
              .isEqualTo("Incorrect username or password");
          Browsers.shot(browser, "sign-in-error");
        });
  }

  @Test
  void signingOutLandsOnTheSignInPageAndTheConsoleAsksForItAgain() {
    run(
        "sign-out",
        () -> {
          signIn(OPERATOR);
          // operators land on the P&L dashboard, not inside the editor
          wait.until(ExpectedConditions.urlMatches(".*/dashboard$"));
          ui.click("sign-out");
          wait.until(ExpectedConditions.urlContains("/login?logout"));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("login-notice"), "You are signed out."));
          assertThat(browser.getPageSource()).doesNotContain("Could not navigate");

          browser.get(base() + "/flows");
          wait.until(ExpectedConditions.urlMatches(".*/login$"));
          wait.until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")));
        });
  }

  @Test
  void eachRoleSeesOnlyItsScreensAndAPublisherCannotOpenOthersByAddress() {
    run(
        "roles",
        () -> {
          signIn(OPERATOR);
          assertThat(ui.present("nav-calls", "nav-buyers", "nav-numbers", "nav-editor")).isTrue();
          assertThat(ui.absent("nav-users", "nav-audit", "nav-settings")).isTrue();

          signIn(COMPLIANCE);
          wait.until(ExpectedConditions.urlMatches(".*/compliance$"));
          assertThat(ui.present("nav-compliance", "nav-audit")).isTrue();
          assertThat(ui.absent("nav-editor", "nav-calls", "nav-buyers", "nav-users")).isTrue();

          signIn(ADMIN);
          assertThat(ui.present("nav-calls", "nav-buyers", "nav-editor", "nav-users", "nav-audit"))
              .isTrue();
          open("/flows");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-group-network")));
          Browsers.shot(browser, "console-shell");

          signIn(PUBLISHER);
          // publishers land on their portal's overview
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-overview")));
          assertThat(ui.absent("nav-group-network", "nav-buyers", "nav-calls", "nav-users"))
              .isTrue();
          for (String path : List.of("/users", "/audit", "/flows", "/settings")) {
            open(path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
            assertThat(ui.text("access-denied")).contains("Not for your role");
            assertThat(browser.findElements(By.id("users-grid"))).isEmpty();
            assertThat(browser.findElements(By.id("audit-grid"))).isEmpty();
          }
        });
  }

  @Test
  void anUnknownAddressShowsNotFoundInsideTheFrameWithAWayHome() {
    run(
        "not-found",
        () -> {
          signIn(COMPLIANCE);
          open("/no-such-screen");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
          assertThat(ui.text("not-found")).contains("Page not found").contains("/no-such-screen");
          assertThat(ui.present("signed-in-user", "nav-compliance")).isTrue();
          Browsers.shot(browser, "not-found");
          ui.click("not-found-home");
          wait.until(ExpectedConditions.urlMatches(".*/compliance$"));
        });
  }

  @Test
  void anAdminCreatesAUserAndTheirOwnApiKeyAndFindsTheUserInTheAuditLog() {
    run(
        "users",
        () -> {
          signIn(ADMIN);
          ui.click("nav-users");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users-grid")));

          // a short password is refused with the API's sentence on the password field
          ui.click("new-user");
          type("user-username", "dana.ops");
          ui.pickFromComboBox("user-role", "OPERATOR");
          type("user-password", "short");
          ui.click("user-save");
          wait.until(
              d ->
                  "a password needs at least 12 characters"
                      .equals(
                          browser.executeScript(
                              "const f = document.querySelector('#user-password');"
                                  + " return f.invalid ? f.errorMessage : null")));
          assertThat(accounts.find("dana.ops")).isEmpty();

          type("user-password", "dana-long-password-1");
          ui.click("user-save");
          wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-dialog")));
          // the new user is selected in the grid, ready for the next step
          ui.cell("dana.ops");
          assertThat(accounts.find("dana.ops").orElseThrow().role().name()).isEqualTo("OPERATOR");
          assertThat(as("dana.ops", "dana-long-password-1").get("/api/users/me").status())
              .isEqualTo(200);

          // someone else's keys: listed, but only their owner creates one
          ui.click("user-keys");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("keys-owner-only"), "created by its owner"));
          assertThat(browser.findElements(By.id("key-create"))).isEmpty();
          ui.click("keys-close");
          wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("keys-dialog")));

          // the admin's own key: the secret is shown once and works against the REST API
          ui.cell("admin").click();
          ui.click("user-keys");
          type("key-name", "reporting script");
          ui.click("key-create");
          wait.until(
              d ->
                  String.valueOf(
                          browser.executeScript(
                              "const f = document.querySelector('#key-secret');"
                                  + " return f ? f.value : ''"))
                      .startsWith("rt_"));
          String secret =
              (String) browser.executeScript("return document.querySelector('#key-secret').value");
          assertThat(withKey(secret).get("/api/users/me").status()).isEqualTo(200);
          Browsers.shot(browser, "users-api-key");
          WebElement revoke =
              wait.until(
                  ExpectedConditions.elementToBeClickable(
                      By.cssSelector("#keys-grid vaadin-button[id^=revoke-]")));
          revoke.click();
          wait.until(
              d ->
                  browser
                      .findElements(By.cssSelector("#keys-grid vaadin-button[id^=revoke-]"))
                      .isEmpty());
          assertThat(withKey(secret).get("/api/users/me").status()).isEqualTo(401);
          ui.click("keys-close");
          wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("keys-dialog")));
          Browsers.shot(browser, "users");

          // the audit log finds the new user by action, newest first, and exports it as CSV
          ui.click("nav-audit");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-grid")));
          type("audit-actor", "admin");
          type("audit-action", "user.");
          type("audit-object-id", "dana.ops");
          ui.click("audit-search");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("audit-count"), "1 entry"));
          ui.cell("user.create");
          Browsers.shot(browser, "audit");
          String csv = download(browser.findElement(By.id("audit-export")).getAttribute("href"));
          assertThat(csv)
              .startsWith("id,at,actor,action,object_type,object_id,before,after")
              .contains(",admin,user.create,user,dana.ops,");
          assertThat(csv.lines()).hasSize(2);
        });
  }

  private void run(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "failure-shell-" + name);
      throw e;
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private void signIn(String user) {
    Browsers.signIn(browser, base(), user, "ringtree-" + user + "-demo");
  }

  private void open(String path) {
    browser.get(base() + path);
  }

  /** The CSV as the signed-in browser would download it, with the browser's session cookie. */
  private String download(String href) {
    String cookie = browser.manage().getCookieNamed("RINGTREE_SESSION").getValue();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(href))
                      .header("Cookie", "RINGTREE_SESSION=" + cookie)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void type(String id, String value) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
  }
}
