package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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
 * Episodes of care in a real headless Chromium: the clinician ends a client's episode on their
 * page, opens a new one, and the chart then shows only the new episode's sessions, the earlier
 * episode a click away in the list.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpisodesBrowserTest {
  TestClinic clinic;
  BrowserSession session;
  ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    session = BrowserSession.start(clinic, profile, new Dimension(1280, 900));
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

  private String chartText() {
    return browser.findElement(By.cssSelector("figure.chart img")).getDomAttribute("alt");
  }

  @Test
  void theClinicianClosesAnEpisodeAndOpensANewOneWhoseChartIsItsOwn() {
    long client =
        clinic
            .post("/api/clients", "ann", Map.of("reference", "ep-browser"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String c = "/api/clients/" + client;
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(1, 3, 3, 3, 3, 3, 3, 3, 3, 0))
        .expect(201);
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(2, 2, 2, 2, 2, 2, 2, 2, 2, 0))
        .expect(201);

    session.signIn("ann", TestClinic.PASSWORD);
    session.go("/clients/" + client);
    assertThat(chartText()).contains("session 1 24").contains("session 2 16");

    // End the episode (behind its summary, so it does not stand above the alerts): a reason in
    // plain words, the day today unless changed.
    browser.findElement(By.cssSelector("#end-episode summary")).click();
    Select reasons = new Select(browser.findElement(By.id("episode-reason")));
    assertThat(reasons.getOptions().stream().map(WebElement::getText))
        .contains("finished", "dropped out", "referred on", "moved away", "other");
    reasons.selectByValue("finished");
    session.follow(browser.findElement(By.cssSelector("#close-episode button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .startsWith("The episode was closed");
    assertThat(browser.findElement(By.id("episode-list")).getText())
        .contains("Episode 1:")
        .contains("ended: finished");

    // Open a new one, with its referral date.
    browser.findElement(By.id("episode-referral")).sendKeys("03012025");
    session.follow(browser.findElement(By.cssSelector("#open-episode button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .startsWith("A new episode was opened");
    assertThat(browser.findElement(By.id("episode-list")).getText())
        .contains("Episode 2: referred 2025-03-01, open since 2025-03-01");
    assertThat(browser.findElements(By.cssSelector("figure.chart"))).isEmpty();

    // Session 1 again, in the new episode: the chart shows it alone.
    clinic
        .post(c + "/administrations", "ann", TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
        .expect(201);
    session.go("/clients/" + client);
    assertThat(browser.findElement(By.id("episode-shown")).getText())
        .startsWith("This page shows episode 2");
    assertThat(chartText()).contains("session 1 8").doesNotContain("session 2");
    session.screenshot("client-episodes.png");

    // The earlier episode is a click away, with its own chart.
    session.follow(browser.findElement(By.partialLinkText("Episode 1:")));
    assertThat(browser.getCurrentUrl()).contains("?episode=");
    assertThat(chartText()).contains("session 1 24").contains("session 2 16");
  }
}
