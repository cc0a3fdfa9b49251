package org.alliance.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.alliance.web.TestClinic;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium pointed at one clinic, with what every browser test does with it: open a
 * page, follow a link or a form to the next page, sign in, and take a screenshot into the folder
 * named by {@code -Dalliance.screenshots} ({@code target/screenshots} without it). The caller
 * checks {@link Chromium#assumeInstalled()} first, before starting its clinic.
 */
final class BrowserSession implements AutoCloseable {
  private final ChromeDriver browser;
  private final int port;
  private final Duration timeout;
  private final Path screenshots;

  private BrowserSession(ChromeDriver browser, int port, Duration timeout, Path screenshots) {
    this.browser = browser;
    this.port = port;
    this.timeout = timeout;
    this.screenshots = screenshots;
  }

  /** A window of the given size on the test clinic, waiting up to 20 seconds for a page. */
  static BrowserSession start(TestClinic clinic, Path profile, Dimension size) throws IOException {
    BrowserSession session =
        start(clinic.server.port(), Chromium.options(profile), Duration.ofSeconds(20));
    session.browser.manage().window().setSize(size);
    return session;
  }

  /**
   * A browser with the caller's options (a phone's emulation, say) on the server at {@code port},
   * waiting up to {@code timeout} for a page to load and for {@link #follow} to arrive.
   */
  static BrowserSession start(int port, ChromeOptions options, Duration timeout)
      throws IOException {
    Path screenshots = Path.of(System.getProperty("alliance.screenshots", "target/screenshots"));
    Files.createDirectories(screenshots);
    return new BrowserSession(Chromium.start(options, timeout), port, timeout, screenshots);
  }

  ChromeDriver driver() {
    return browser;
  }

  /** Opens a page of the clinic by its path, such as {@code /clients/7}. */
  void go(String path) {
    browser.get("http://localhost:" + port + path);
  }

  /** Clicks something that loads a new page, and waits until the new page has loaded. */
  void follow(WebElement element) {
    // A mark on the old page, gone once the new page has loaded. Waiting for the element to go
    // stale instead races with Chrome swapping the document and can fail with "Node with given
    // id does not belong to the document"; while the page is swapped the script itself may fail,
    // hence the ignoring.
    browser.executeScript("window.leaving = true;");
    element.click();
    new WebDriverWait(browser, timeout)
        .ignoring(WebDriverException.class)
        .until(
            driver ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "return window.leaving === undefined"
                            + " && document.readyState === 'complete';")));
  }

  /** Signs in afresh through the sign-in form: any earlier session's cookies are dropped first. */
  void signIn(String username, String password) {
    browser.manage().deleteAllCookies();
    go("/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    follow(browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
  }

  /** The window as it is now, scrolled where it is, into the screenshots folder. */
  void screenshot(String name) {
    try {
      Files.write(screenshots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top of the page, with no field focused (no caret or focus ring in the picture). */
  void screenshotFromTop(String name) {
    browser.executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
    screenshot(name);
  }

  @Override
  public void close() {
    browser.quit();
  }
}
