package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Kiosk mode in a real headless Chromium on a tablet-sized window (820 x 1180, an iPad Air held
 * upright): the clinician starts it on the client's page, the client answers the PHQ-9 (with the
 * risk question), sees only the thanks, typed addresses lead back to the kiosk, a wrong password is
 * refused, and the clinician's password brings back the client's page with the new entry and its
 * alert. Screenshots go where {@link BrowserTest}'s go.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskBrowserTest {
  private static final Dimension TABLET = new Dimension(820, 1180);

  TestClinic clinic;
  ChromeDriver browser;
  Path screenshots;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    screenshots = Path.of(System.getProperty("alliance.screenshots", "target/screenshots"));
    Files.createDirectories(screenshots);
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    browser = Chromium.start(Chromium.options(profile), Duration.ofSeconds(20));
    browser.manage().window().setSize(TABLET);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (clinic != null) {
      clinic.close();
    }
  }

  private void go(String path) {
    browser.get("http://localhost:" + clinic.server.port() + path);
  }

  private String path() {
    return browser.getCurrentUrl().replaceFirst("^http://localhost:\\d+", "");
  }

  private void screenshot(String name) {
    try {
      Files.write(screenshots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Clicks something that loads a new page, and waits until the old one is gone. */
  private void follow(WebElement element) {
    // A mark on the old page: gone once the new page has loaded (staleness checks can race
    // with Chrome swapping the document and fail with an inspector error).
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.leaving = true;");
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            driver ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                            "return window.leaving === undefined && document.readyState === 'complete';")));
  }

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  @Test
  void theClinicianHandsTheTabletOverAndTakesItBackWithThePassword() {
    long client = clinic.clients.get("ann-1");
    go("/login");
    browser.findElement(By.id("username")).sendKeys("ann");
    browser.findElement(By.id("password")).sendKeys(TestClinic.PASSWORD);
    follow(browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    go("/clients/" + client);

    // Start: the measure and the suggested session, shown and changeable.
    WebElement start = browser.findElement(By.cssSelector("form.kiosk-start"));
    new org.openqa.selenium.support.ui.Select(start.findElement(By.id("kiosk-instrument")))
        .selectByValue("phq-9");
    WebElement session = start.findElement(By.id("kiosk-session"));
    assertThat(session.getDomProperty("value")).isEqualTo("1");
    session.clear();
    session.sendKeys("2");
    screenshot("kiosk-start-tablet.png");
    follow(start.findElement(By.cssSelector("button[type=submit]")));

    // The client's view: the questions only.
    assertThat(path()).isEqualTo("/kiosk");
    assertThat(heading()).contains("Patient Health Questionnaire");
    String page = browser.getPageSource();
    assertThat(page)
        .doesNotContain("ann-1")
        .doesNotContain("ANN")
        .doesNotContain("Sign out")
        .doesNotContain("Caseload");
    assertThat(browser.findElements(By.cssSelector("header.top"))).isEmpty();
    List<WebElement> questions = browser.findElements(By.cssSelector("form.measure fieldset"));
    assertThat(questions).hasSize(9);
    int[] answers = {1, 2, 1, 0, 1, 2, 1, 0, 1};
    for (int i = 0; i < questions.size(); i++) {
      questions
          .get(i)
          .findElement(By.cssSelector("input[value='" + answers[i] + "'] + span"))
          .click();
    }
    screenshot("kiosk-questions-tablet.png");
    follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));

    // The thanks, and nothing else.
    assertThat(heading()).isEqualTo("Thank you, please hand the tablet back.");
    String thanks = browser.findElement(By.tagName("main")).getText();
    assertThat(thanks)
        .isEqualTo("Thank you, please hand the tablet back.\nFor the clinician: leave kiosk mode");
    screenshot("kiosk-thanks-tablet.png");

    // Typed addresses lead back to the kiosk.
    for (String typed : List.of("/", "/clients/" + client, "/account", "/admin/users")) {
      go(typed);
      assertThat(path()).as(typed).isEqualTo("/kiosk");
      assertThat(browser.getPageSource()).as(typed).doesNotContain("ann-1");
    }
    go("/api/clients");
    assertThat(browser.getPageSource()).contains("kiosk mode").doesNotContain("ann-1");

    // The way out: a wrong password is refused, the right one leads to the client's page.
    go("/kiosk");
    follow(browser.findElement(By.id("kiosk-exit")));
    assertThat(heading()).isEqualTo("Leave kiosk mode");
    browser.findElement(By.id("secret")).sendKeys("not my password");
    follow(browser.findElement(By.cssSelector("form.kiosk-exit-form button[type=submit]")));
    assertThat(browser.findElement(By.id("exit-problem")).getText()).contains("That is not right");
    assertThat(path()).isEqualTo("/kiosk/exit");
    browser.findElement(By.id("secret")).sendKeys(TestClinic.PASSWORD);
    screenshot("kiosk-exit-tablet.png");
    follow(browser.findElement(By.cssSelector("form.kiosk-exit-form button[type=submit]")));

    assertThat(path()).isEqualTo("/clients/" + client + "?done=kiosk-saved");
    assertThat(heading()).isEqualTo("Client ann-1");
    String clientPage = browser.getPageSource();
    assertThat(clientPage).contains("Kiosk mode has ended").contains("Risk item answered");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("PHQ-9");
    screenshot("kiosk-back-on-client-page-tablet.png");
    go("/");
    assertThat(heading()).isEqualTo("Caseload");
  }
}
