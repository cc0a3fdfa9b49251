package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An admin erases a client's personal data in a real headless Chromium: from the client's page to
 * the confirmation page, which counts what is held; a mistyped reference is refused beside its
 * field with nothing erased; the right one anonymises the client.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureBrowserTest {
  TestClinic clinic;
  BrowserSession session;
  ChromeDriver browser;
  long client;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reference", "kim-0042");
    fields.put("email", "kim@example.org");
    client = clinic.post("/api/clients", "ann", fields).expect(201).json().get("id").asLong();
    for (int session = 1; session <= 2; session++) {
      clinic
          .post(
              "/api/clients/" + client + "/administrations",
              "ann",
              TestClinic.phq9(session, 2, 2, 2, 1, 1, 1, 1, 0, 0))
          .expect(201);
    }
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

  @Test
  void anAdminConfirmsAndAnonymisesAClient() {
    session.signIn("admin", TestClinic.PASSWORD);
    session.go("/clients/" + client);
    assertThat(browser.findElement(By.id("subject-access")).getText())
        .contains("Everything we hold about this client");
    session.follow(browser.findElement(By.id("erase-client")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Erase the personal data of client kim-0042");
    assertThat(browser.findElement(By.id("holdings")).getText())
        .contains("2 questionnaires")
        .contains("a date of birth or contact details");
    browser.findElement(By.id("mode-anonymise")).click();
    browser.findElement(By.id("erasure-reason")).sendKeys("The client asked for erasure");
    browser.findElement(By.id("erasure-confirm")).sendKeys("kim-042");
    session.screenshot("erasure-confirm.png");
    session.follow(browser.findElement(By.id("erase")));
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("Nothing was erased");
    assertThat(browser.findElement(By.cssSelector(".field-problem")).getText())
        .contains("not the client's reference");
    // What was typed stays, but the confirmation is typed again.
    assertThat(browser.findElement(By.id("erasure-reason")).getAttribute("value"))
        .isEqualTo("The client asked for erasure");
    browser.findElement(By.id("erasure-confirm")).sendKeys("kim-0042");
    session.follow(browser.findElement(By.id("erase")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("The client's personal data was erased");
    String erased = browser.findElement(By.id("erased")).getText();
    assertThat(erased).contains("erased-").doesNotContain("kim-0042");
    session.screenshot("erasure-done.png");
    assertThat(clinic.get("/api/clients/" + client, "admin").json().get("email").isNull()).isTrue();
  }
}
