package org.ringtree.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The small steps the console's browser tests take on a page, by element id: click, read, wait for
 * an element or its absence, find a grid cell, pick from a combo box. One copy, so that a fix
 * (scrolling a button into view, reading a grid the server re-renders) reaches every test.
 */
public final class BrowserSteps {

  private final ChromeDriver browser;
  private final WebDriverWait wait;

  public BrowserSteps(ChromeDriver browser, WebDriverWait wait) {
    this.browser = browser;
    this.wait = wait;
  }

  /** A React Flow node on the flow canvas, by its id. */
  public static By node(String id) {
    return By.cssSelector("flow-canvas .react-flow__node[data-id='" + id + "']");
  }

  /** A person's pause, where the page animates (a tab, an overlay closing). */
  public static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Clicks the element once it is there and clickable, scrolled into view first: inside the
   * console's layout, a button scrolled out of the content area counts as hidden to WebDriver. A
   * server round trip may re-render it between finding and clicking; then it is found again.
   */
  public void click(String id) {
    wait.until(
        d -> {
          try {
            WebElement e = scrolledIntoView(d.findElement(By.id(id)));
            if (!e.isDisplayed() || !e.isEnabled()) {
              return false;
            }
            e.click();
            return true;
          } catch (StaleElementReferenceException | ElementClickInterceptedException again) {
            return false;
          }
        });
  }

  public WebElement scrolledIntoView(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    return e;
  }

  /** The element's visible text. */
  public String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** The element's text content, hidden parts included, trimmed; empty if there is none yet. */
  public String textContent(String id) {
    Object t =
        browser.executeScript(
            "const e = document.getElementById(arguments[0]); return e ? e.textContent : '';", id);
    return t == null ? "" : t.toString().strip();
  }

  /** Waits until every element is on the page; true, to read as an assertion. */
  public boolean present(String... ids) {
    for (String id : ids) {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }
    return true;
  }

  /** Asserts that no element has any of these ids; true, to read as an assertion. */
  public boolean absent(String... ids) {
    for (String id : ids) {
      assertThat(browser.findElements(By.id(id))).as(id).isEmpty();
    }
    return true;
  }

  public boolean disabled(String id) {
    return browser.findElement(By.id(id)).getAttribute("disabled") != null;
  }

  public void waitGone(String id) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
  }

  /** The input inside a Vaadin field (an id may hold a "+", as a tracking number's does). */
  public WebElement input(String id) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#" + id.replace("+", "\\+") + " input")));
  }

  /** The first grid cell on the page showing exactly this text, once there is one. */
  public WebElement cell(String text) {
    return cellIn("vaadin-grid-cell-content", text);
  }

  /** The cell of this grid showing exactly this text, once there is one. */
  public WebElement cell(String gridId, String text) {
    return cellIn("#" + gridId + " vaadin-grid-cell-content", text);
  }

  private WebElement cellIn(String css, String text) {
    // a pushed update re-renders the grid: look again until one pass holds still
    return wait.until(
        d -> {
          try {
            return d.findElements(By.cssSelector(css)).stream()
                .filter(c -> c.getText().equals(text))
                .findFirst()
                .orElse(null);
          } catch (StaleElementReferenceException rerendered) {
            return null;
          }
        });
  }

  /**
   * Clicks the grid's cell showing this text; while the grid re-renders (a search filtering it),
   * the cell is found again until a click lands.
   */
  public void clickCell(String gridId, String text) {
    wait.until(
        d -> {
          try {
            scrolledIntoView(cell(gridId, text)).click();
            return true;
          } catch (ElementNotInteractableException | StaleElementReferenceException rerendered) {
            // ElementClickInterceptedException is an ElementNotInteractableException
            return false;
          }
        });
  }

  /** The texts of the grid's cells as rendered now, trimmed. */
  public List<String> cellTexts(String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }

  public void tab(String label) {
    browser.findElement(By.xpath("//vaadin-tab[contains(., '" + label + "')]")).click();
  }

  /** Types into a combo box, picks the item that shows the text and waits for it to close. */
  public void pickFromComboBox(String id, String text) {
    WebElement input =
        scrolledIntoView(
            wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input"))));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(., '" + text + "')]")))
        .click();
    wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened]")).isEmpty());
    pause();
  }
}
