package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The clinician pages and the client's phone form in a real headless Chromium (Debian's chromium
 * and chromium-driver): sign in, open a client, enter an ORS and an SRS on the tablet form by
 * moving its sliders, create a client link and fill it in on a phone-sized window, and acknowledge
 * an alert. Screenshots of the main pages go to {@code target/screenshots}, or to the folder named
 * by {@code -Dalliance.screenshots} (the documentation's are made with {@code
 * -Dalliance.screenshots=../docs/screenshots}).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  private static final Dimension DESK = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(390, 844);

  TestClinic clinic;
  BrowserSession session;
  ChromeDriver browser;
  long client;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    client = clinic.clients.get("ann-1");
    // A course worth a look: the outcome improving, then a PHQ-9 with its risk item answered (a
    // critical alert).
    double[][] ors = {{3, 4, 3, 4}, {4, 5, 4, 5}, {5, 6, 5, 6}};
    for (int session = 1; session <= ors.length; session++) {
      clinic
          .post(
              "/api/clients/" + client + "/administrations",
              "ann",
              TestClinic.vas("ors", session, ors[session - 1]))
          .expect(201);
      clinic
          .post(
              "/api/clients/" + client + "/administrations",
              "ann",
              TestClinic.vas("srs", session, 9, 9, 8.5, 9))
          .expect(201);
    }
    clinic
        .post(
            "/api/clients/" + client + "/administrations",
            "ann",
            TestClinic.phq9(3, 2, 2, 1, 2, 1, 1, 1, 0, 1))
        .expect(201);
    // Colleagues on the caseload, so the dashboard shows its order: one on track, one new.
    long onTrack =
        clinic
            .post("/api/clients", "ann", java.util.Map.of("reference", "ann-2"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    for (int session = 1; session <= 4; session++) {
      double mark = 4 + session;
      clinic
          .post(
              "/api/clients/" + onTrack + "/administrations",
              "ann",
              TestClinic.vas("ors", session, mark, mark, mark - 1, mark))
          .expect(201);
      clinic
          .post(
              "/api/clients/" + onTrack + "/administrations",
              "ann",
              TestClinic.vas("srs", session, 9.5, 9.5, 9.2, 9.6))
          .expect(201);
    }
    clinic.post("/api/clients", "ann", java.util.Map.of("reference", "ann-3")).expect(201);

    session = BrowserSession.start(clinic, profile, DESK);
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

  /**
   * Moves a slider as a person would, by keyboard: Home to 0, then one step (0.1) per arrow press.
   */
  private void slide(String id, double value) {
    WebElement slider = browser.findElement(By.id(id));
    slider.sendKeys(Keys.HOME);
    int steps = (int) Math.round(value * 10);
    slider.sendKeys(Keys.ARROW_RIGHT.toString().repeat(steps));
    assertThat(Double.parseDouble(slider.getDomProperty("value"))).isEqualTo(value);
    // The page's own script puts the value in the field the form sends.
    assertThat(browser.findElement(By.id(id + "-answer")).getDomProperty("value"))
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", value));
  }

  @Test
  @Order(1)
  void aClinicianSignsInAndSeesTheCaseload() {
    session.go("/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.id("username")).sendKeys("ann");
    browser.findElement(By.id("password")).sendKeys(TestClinic.PASSWORD);
    session.follow(
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Caseload");
    assertThat(browser.getPageSource()).contains("ann-1").contains("Risk item answered");
    session.screenshotFromTop("dashboard.png");
  }

  @Test
  @Order(2)
  void theClientPageShowsChartsAndTheAlert() {
    session.follow(browser.findElement(By.linkText("ann-1")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Client ann-1");
    assertThat(browser.findElements(By.cssSelector("figure.chart img")))
        .isNotEmpty()
        .allSatisfy(
            image ->
                assertThat(
                        ((Number)
                                ((JavascriptExecutor) browser)
                                    .executeScript("return arguments[0].naturalWidth", image))
                            .intValue())
                    .isPositive());
    session.screenshotFromTop("client.png");
  }

  @Test
  @Order(3)
  void anOrsAndAnSrsAreEnteredOnTheTabletForm() {
    session.follow(browser.findElement(By.linkText("Enter ORS")));
    assertThat(browser.findElement(By.id("session")).getDomProperty("value")).isEqualTo("4");
    // Sliders nobody moved send nothing: the form comes back naming each question.
    session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("Question 1: not answered yet")
        .contains("Question 4: not answered yet");
    slide("ors_1", 6.2);
    slide("ors_2", 7);
    slide("ors_3", 5.5);
    slide("ors_4", 6.8);
    session.screenshotFromTop("entry-ors.png");
    session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("25.5");

    session.follow(browser.findElement(By.linkText("Enter SRS")));
    slide("srs_1", 9.1);
    slide("srs_2", 8.7);
    slide("srs_3", 9);
    slide("srs_4", 8.2);
    session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("35");
    assertThat(clinic.get("/api/clients/" + client, "ann").body())
        .contains("\"instrument\":\"srs\"");
  }

  @Test
  @Order(4)
  void aClientLinkIsCreatedAndFilledInOnAPhone() {
    session.go("/clients/" + client);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("link-instrument")))
        .selectByValue("self-check");
    session.follow(browser.findElement(By.cssSelector("form.send-link button[type=submit]")));
    WebElement link = browser.findElement(By.id("client-link"));
    String url = link.getDomProperty("href");
    assertThat(browser.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();

    browser.manage().window().setSize(PHONE);
    try {
      browser.manage().deleteAllCookies();
      browser.get(url);
      assertThat(browser.getPageSource())
          .contains("Alliance self-check")
          .doesNotContain("ann-1")
          .doesNotContain("Sign out");
      List<WebElement> questions = browser.findElements(By.cssSelector("form.measure fieldset"));
      assertThat(questions).hasSize(8);
      for (int i = 0; i < questions.size(); i++) {
        // "No" to the third question, "yes" to the others; the buttons are labels around hidden
        // radios.
        String answer = i == 2 ? "0" : "1";
        questions
            .get(i)
            .findElement(By.cssSelector("input[value='" + answer + "'] + span"))
            .click();
      }
      session.screenshotFromTop("client-form-phone.png");
      session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
      assertThat(browser.findElement(By.id("guidance")).getText())
          .contains("talk with my therapist about anything");
      session.screenshotFromTop("client-form-done-phone.png");
      browser.get(url);
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("This link cannot be used");
    } finally {
      browser.manage().window().setSize(DESK);
    }
  }

  @Test
  @Order(5)
  void theClinicianSeesTheThemeAndAcknowledgesTheAlert() {
    // The phone's visit cleared the cookies: sign in again.
    session.signIn("ann", TestClinic.PASSWORD);
    session.go("/clients/" + client);
    assertThat(browser.getPageSource())
        .contains("Self-check: answered")
        .contains("Can talk about anything");
    WebElement form = browser.findElement(By.cssSelector("form.acknowledge"));
    form.findElement(By.tagName("textarea")).sendKeys("Discussed in session; safety plan reviewed");
    session.follow(form.findElement(By.cssSelector("button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".acknowledged")).getText())
        .contains("Done, recorded by ANN")
        .contains("safety plan reviewed");
  }

  @Test
  @Order(6)
  void anAdminAddsAnInstrumentFromItsDefinitionAfterSeeingIt() {
    session.signIn("admin", TestClinic.PASSWORD);
    session.follow(browser.findElement(By.linkText("Instruments")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Instruments");
    browser
        .findElement(By.id("definition"))
        .sendKeys(
            Path.of("../examples/instruments/clinic-stress-4.json")
                .toAbsolutePath()
                .normalize()
                .toString());
    session.follow(
        browser.findElement(
            By.cssSelector("form[action='/admin/instruments/preview'] button[type=submit]")));
    assertThat(browser.getPageSource()).contains("Clinic weekly stress check").contains("stress_4");
    session.screenshotFromTop("instrument-preview.png");
    session.follow(
        browser.findElement(
            By.cssSelector("form[action='/admin/instruments/confirm'] button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .contains("The instrument was added");
    assertThat(browser.getPageSource()).contains("clinic-stress-4").contains("added by the clinic");
    session.screenshotFromTop("instruments.png");
  }
}
