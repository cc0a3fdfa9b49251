package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.support.ui.Select;

/**
 * A client fills in the phone form in French, in a real headless Chromium: their clinician set
 * German, the client picks Français in the form's language menu, and the form, its problems and the
 * thank-you page with the guidance are French from then on; the choice is kept for the next link.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLanguageBrowserTest {
  private static final Dimension PHONE = new Dimension(390, 844);
  private static final Pattern LINK = Pattern.compile("id=\"client-link\" href=\"([^\"]+)\"");

  TestClinic clinic;
  BrowserSession session;
  ChromeDriver browser;
  long client;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    client =
        clinic
            .post("/api/clients", "ann", Map.of("reference", "ann-fr", "language", "de"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    session = BrowserSession.start(clinic, profile, PHONE);
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

  /** A new self-check link for the client, as the clinician makes it; its address. */
  private String link() {
    String page =
        clinic
            .send(
                clinic
                    .request("/clients/" + client + "/links", "ann")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("instrument=self-check"))
                    .build())
            .expect(200)
            .body();
    Matcher matcher = LINK.matcher(page);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1).replace("&#61;", "=");
  }

  private String lang() {
    return browser.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  @Test
  void aFrenchClientFillsInThePhoneFormInFrench() {
    String url = link();
    browser.get(url);
    assertThat(lang()).isEqualTo("de");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Selbstcheck zur therapeutischen Beziehung");

    // The client prefers French.
    new Select(browser.findElement(By.id("language"))).selectByValue("fr");
    session.follow(browser.findElement(By.cssSelector("#language-choice button[type=submit]")));
    assertThat(lang()).isEqualTo("fr");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Auto-évaluation de la relation thérapeutique");
    assertThat(browser.findElement(By.id("until")).getText())
        .matches("Vous pouvez remplir ce questionnaire jusqu'au \\d{1,2} \\S+ \\d{4}\\.");
    List<WebElement> questions = browser.findElements(By.cssSelector("form.measure fieldset"));
    assertThat(questions).hasSize(8);
    assertThat(questions.get(1).findElement(By.tagName("legend")).getText())
        .isEqualTo("2. J'ai envie de revenir à la prochaine séance.");

    // Sent with a question left out: the problem is named in French.
    for (int i = 0; i < questions.size() - 1; i++) {
      String answer = i == 4 ? "0" : "1";
      questions.get(i).findElement(By.cssSelector("input[value='" + answer + "'] + span")).click();
    }
    session.screenshotFromTop("client-form-french-phone.png");
    session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("Veuillez vérifier :")
        .contains("Question 8 : pas encore de réponse ; choisissez une réponse.");

    // The answers given stay chosen; the last one is added and the form sent.
    questions = browser.findElements(By.cssSelector("form.measure fieldset"));
    questions.get(7).findElement(By.cssSelector("input[value='1'] + span")).click();
    assertThat(browser.findElement(By.cssSelector("form.measure button[type=submit]")).getText())
        .isEqualTo("Envoyer");
    session.follow(browser.findElement(By.cssSelector("form.measure button[type=submit]")));
    assertThat(lang()).isEqualTo("fr");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Merci");
    assertThat(browser.findElement(By.id("guidance")).getText())
        .contains("Vous avez répondu « non » à :")
        .contains("Mon thérapeute me demande ce que je pense de notre travail ensemble")
        .contains("J'aimerais parler du questionnaire.");
    session.screenshotFromTop("client-form-french-done-phone.png");

    // The choice is kept: the next link opens in French, and the clinician sees it.
    browser.manage().deleteAllCookies();
    browser.get(link());
    assertThat(lang()).isEqualTo("fr");
    assertThat(clinic.get("/api/clients/" + client, "ann").json().get("language").asText())
        .isEqualTo("fr");
  }
}
