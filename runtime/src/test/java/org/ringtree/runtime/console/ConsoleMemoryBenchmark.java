package org.ringtree.runtime.console;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Console memory per signed-in session: the platform's heap after a full collection with no one
 * signed in, then with {@code console.bench.sessions} operators (default 8), each in a browser of
 * its own, signed in and looking at the call log, their landing page. A measurement, not a test:
 * runs only with {@code -Dconsole.bench=true}; figures in docs/benchmarks.md ("Console memory").
 */
@EnabledIfSystemProperty(named = "console.bench", matches = "true")
class ConsoleMemoryBenchmark extends RunningPlatformTest {

  static final int SESSIONS = Integer.getInteger("console.bench.sessions", 8);

  @DynamicPropertySource
  static void console(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
  }

  @Test
  void heapPerSignedInSession() throws InterruptedException {
    // one sign-in first, so the console's own classes and caches are not counted per session
    ChromeDriver warm = Browsers.chromium();
    openCallLog(warm);
    warm.quit();
    long before = heapAfterGc();
    List<ChromeDriver> browsers = new ArrayList<>();
    try {
      for (int i = 0; i < SESSIONS; i++) {
        ChromeDriver b = Browsers.chromium();
        browsers.add(b);
        openCallLog(b);
      }
      long after = heapAfterGc();
      String line =
          String.format(
              Locale.ROOT,
              "console memory: heap after GC %.1f MB with no session, %.1f MB with %d signed-in"
                  + " sessions on the call log: %.2f MB per session",
              before / 1e6,
              after / 1e6,
              SESSIONS,
              (after - before) / 1e6 / SESSIONS);
      System.err.println(line);
    } finally {
      browsers.forEach(ChromeDriver::quit);
    }
  }

  private void openCallLog(ChromeDriver b) {
    Browsers.signIn(b, baseUrl, "operator", "ringtree-operator-demo");
    b.get(baseUrl + "/calls");
    new WebDriverWait(b, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid")));
  }

  private static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(500);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
