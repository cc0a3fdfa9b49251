package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

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
  BrowserSession session;
  ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    session = BrowserSession.start(clinic, profile, TABLET);
    browser = session.driver();
  }

  @AfterAll
  void stop() {
    if (session != null) {
      session.close();
    }
    if (clinic != null) {
      clinic.close();
    }
  }

  private String path() {
    return browser.getCurrentUrl().replaceFirst("^http://localhost:\\d+", "");
  }

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  @Test
  void theClinicianHandsTheTabletOverAndTakesItBackWithThePassword() {
    long client = clinic.clients.get("ann-1");
    session.signIn("ann", TestClinic.PASSWORD);
    session.go("/clients/" + client);

    // Start: the measure and the suggested session, shown and changeable.
    WebElement start = browser.findElement(By.cssSelector("form.kiosk-start"));
    new org.openqa.selenium.support.ui.Select(start.findElement(By.id("kiosk-instrument")))
        .selectByValue("phq-9");
    WebElement sessionNumber = start.findElement(By.id("kiosk-session"));
    assertThat(sessionNumber.getDomProperty("value")).isEqualTo("1");
    sessionNumber.clear();
    sessionNumber.sendKeys("2");
    session.screenshot("kiosk-start-tablet.png");
    session.follow(start.findElement(By.cssSelector("button[type=submit]")));

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
    session.screenshot("kiosk-questions-tablet.png");
    session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));

    // The thanks, and nothing else.
    assertThat(heading()).isEqualTo("Thank you, please hand the tablet back.");
    String thanks = browser.findElement(By.tagName("main")).getText();
    assertThat(thanks)
        .isEqualTo("Thank you, please hand the tablet back.\nFor the clinician: leave kiosk mode");
    session.screenshot("kiosk-thanks-tablet.png");

    // Typed addresses lead back to the kiosk.
    for (String typed : List.of("/", "/clients/" + client, "/account", "/admin/users")) {
      session.go(typed);
      assertThat(path()).as(typed).isEqualTo("/kiosk");
      assertThat(browser.getPageSource()).as(typed).doesNotContain("ann-1");
    }
    session.go("/api/clients");
    assertThat(browser.getPageSource()).contains("kiosk mode").doesNotContain("ann-1");

    // The way out: a wrong password is refused, the right one leads to the client's page.
    session.go("/kiosk");
    session.follow(browser.findElement(By.id("kiosk-exit")));
    assertThat(heading()).isEqualTo("Leave kiosk mode");
    browser.findElement(By.id("secret")).sendKeys("not my password");
    session.follow(browser.findElement(By.cssSelector("form.kiosk-exit-form button[type=submit]")));
    assertThat(browser.findElement(By.id("exit-problem")).getText()).contains("That is not right");
    assertThat(path()).isEqualTo("/kiosk/exit");
    browser.findElement(By.id("secret")).sendKeys(TestClinic.PASSWORD);
    session.screenshot("kiosk-exit-tablet.png");
    session.follow(browser.findElement(By.cssSelector("form.kiosk-exit-form button[type=submit]")));

    assertThat(path()).isEqualTo("/clients/" + client + "?done=kiosk-saved");
    assertThat(heading()).isEqualTo("Client ann-1");
    String clientPage = browser.getPageSource();
    assertThat(clientPage).contains("Kiosk mode has ended").contains("Risk item answered");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("PHQ-9");
    session.screenshot("kiosk-back-on-client-page-tablet.png");
    session.go("/");
    assertThat(heading()).isEqualTo("Caseload");
  }
}
