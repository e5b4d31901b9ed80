package org.ringtree.runtime.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the console's browser tests, the form sign-in every console page
 * needs, and screenshots into target/screenshots (the docs' pictures are copies of these).
 */
public final class Browsers {

  public static final Path SHOTS = Path.of("target", "screenshots");

  private Browsers() {}

  public static ChromeDriver chromium() {
    if (!Files.isExecutable(Path.of("/usr/bin/chromium"))
        || !Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
      throw new IllegalStateException(
          "The UI tests drive Debian's Chromium: run the tests with ./ringtree test, which"
              + " installs it, or first: sudo apt-get install -y chromium chromium-driver");
    }
    try {
      Files.createDirectories(SHOTS);
      ChromeOptions opts = new ChromeOptions();
      opts.setBinary("/usr/bin/chromium");
      opts.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1600,1000",
          "--user-data-dir=" + Files.createTempDirectory("ringtree-chromium"));
      return new ChromeDriver(
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .build(),
          opts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs in through the console's sign-in page at /login (a fresh session: any earlier sign-in is
   * dropped first) and waits for the console frame to show the user.
   */
  public static void signIn(ChromeDriver browser, String baseUrl, String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(baseUrl + "/login");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // the inputs of Vaadin's login form, by the names the form posts them under
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[name=password]")).sendKeys(password, Keys.ENTER);
    // the first page after a sign-in may wait for the console's frontend to start
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("signed-in-user"), "Signed in as " + user));
  }

  public static void shot(ChromeDriver browser, String name) {
    try {
      Thread.sleep(300);
      File file = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
