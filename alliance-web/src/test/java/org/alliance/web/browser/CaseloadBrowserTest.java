package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.access.Clients;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clinician's caseload in a real headless Chromium: adding a client with contacts from the
 * caseload, finding them among 120 others by typing two characters (filtered as you type), changing
 * their language, and discharging them; then a supervisor moves a client to another clinician of
 * the team. Screenshots go where {@link BrowserTest}'s go.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseloadBrowserTest {
  TestClinic clinic;
  BrowserSession session;
  ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    // A long caseload: more than two pages.
    clinic
        .server
        .database()
        .write(
            handle -> {
              long ann = clinic.users.get("ann").id();
              for (int i = 1; i <= 120; i++) {
                Clients.create(handle, String.format("c-%04d", i), ann, Instant.now());
              }
              // One that the first keystroke also finds.
              Clients.create(handle, "ty-0001", ann, Instant.now());
              return null;
            });
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

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /** The references listed, read in one go: the list may be replaced while it is read. */
  @SuppressWarnings("unchecked")
  private List<String> listedReferences() {
    return (List<String>)
        browser.executeScript(
            "return Array.from(document.querySelectorAll('#caseload-results tbody th a'))"
                + ".map(link => link.textContent);");
  }

  @Test
  @Order(1)
  void aClinicianAddsAClientWithContactsFromTheCaseload() {
    session.signIn("ann", TestClinic.PASSWORD);
    assertThat(browser.findElement(By.id("found")).getText()).contains("122 clients, page 1 of 3");
    assertThat(listedReferences()).hasSize(50);
    browser.findElement(By.cssSelector("details.add-client summary")).click();
    browser.findElement(By.id("new-reference")).sendKeys("tx-2024");
    new Select(browser.findElement(By.id("new-language"))).selectByVisibleText("Spanish (Español)");
    new Select(browser.findElement(By.id("new-ageBand"))).selectByVisibleText("26 to 35");
    browser.findElement(By.id("new-email")).sendKeys("tx.client@example.org");
    browser.findElement(By.id("new-mobile")).sendKeys("+34 612 345 678");
    session.screenshotFromTop("caseload-add-client.png");
    session.follow(browser.findElement(By.cssSelector("details.add-client button[type=submit]")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Client tx-2024");
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .contains("The client tx-2024 was added");
    assertThat(browser.findElement(By.id("fact-language")).getText())
        .isEqualTo("Spanish (Español)");
    assertThat(browser.findElement(By.id("fact-email")).getText())
        .isEqualTo("tx.client@example.org");
    assertThat(browser.findElement(By.id("fact-mobile")).getText()).isEqualTo("+34612345678");
    assertThat(browser.findElement(By.id("fact-age")).getText()).isEqualTo("26 to 35 (age band)");
  }

  @Test
  @Order(2)
  void twoCharactersFindTheClientAsYouType() {
    session.follow(browser.findElement(By.linkText("Caseload")));
    WebElement search = browser.findElement(By.id("caseload-search"));
    search.sendKeys("t");
    waiting().until(driver -> listedReferences().equals(List.of("tx-2024", "ty-0001")));
    search.sendKeys("x");
    // The list is replaced in place, without a new page: the box keeps its focus and text.
    waiting().until(driver -> listedReferences().equals(List.of("tx-2024")));
    assertThat(browser.findElement(By.id("found")).getText())
        .isEqualTo("1 client whose reference contains “tx”.");
    assertThat(browser.switchTo().activeElement().getDomAttribute("id"))
        .isEqualTo("caseload-search");
    assertThat(browser.getCurrentUrl()).contains("q=tx");
    session.screenshotFromTop("caseload-search.png");
    // Deleting a character widens the search again.
    search.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    waiting().until(driver -> listedReferences().equals(List.of("tx-2024", "ty-0001")));
    search.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    waiting().until(driver -> listedReferences().size() == 50);
    search.sendKeys("t");
    search.sendKeys("x");
    waiting().until(driver -> listedReferences().equals(List.of("tx-2024")));
    session.follow(browser.findElement(By.linkText("tx-2024")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Client tx-2024");
  }

  @Test
  @Order(3)
  void theClinicianChangesTheLanguage() {
    browser.findElement(By.cssSelector("#change-details summary")).click();
    new Select(browser.findElement(By.id("edit-language"))).selectByVisibleText("German (Deutsch)");
    session.follow(browser.findElement(By.cssSelector("#change-details button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .isEqualTo("The details were saved.");
    assertThat(browser.findElement(By.id("fact-language")).getText()).isEqualTo("German (Deutsch)");
    assertThat(browser.findElement(By.id("fact-email")).getText())
        .isEqualTo("tx.client@example.org");
    session.screenshotFromTop("client-details.png");
  }

  @Test
  @Order(4)
  void theClinicianDischargesTheClient() {
    // Discharge closes the episode of care, with why (the day is today unless changed).
    browser.findElement(By.cssSelector("#end-episode summary")).click();
    new Select(browser.findElement(By.id("episode-reason"))).selectByValue("finished");
    session.follow(browser.findElement(By.cssSelector("#close-episode button[type=submit]")));
    assertThat(browser.findElement(By.id("discharged")).getText())
        .contains("Off the active caseload: discharged on")
        .contains("by ann");
    session.follow(browser.findElement(By.linkText("Caseload")));
    browser.findElement(By.id("caseload-search")).sendKeys("tx");
    waiting().until(driver -> listedReferences().isEmpty());
    assertThat(browser.findElement(By.cssSelector("#caseload-results .empty")).getText())
        .contains("No clients to show whose reference contains “tx”");
    // The discharged list, asked for with the form's button as without JavaScript.
    new Select(browser.findElement(By.id("status"))).selectByValue("discharged");
    session.follow(browser.findElement(By.cssSelector("#caseload-filters button[type=submit]")));
    assertThat(listedReferences()).containsExactly("tx-2024");
    assertThat(browser.findElement(By.id("found")).getText()).startsWith("Discharged: 1 client");
  }

  @Test
  @Order(5)
  void aSupervisorMovesAClientToAnotherClinicianOfTheTeam() {
    session.signIn("north-sup", TestClinic.PASSWORD);
    session.go("/clients/" + clinic.clients.get("ann-1"));
    Select clinicians = new Select(browser.findElement(By.id("reassign-clinician")));
    assertThat(clinicians.getOptions().stream().map(o -> o.getDomAttribute("value")).toList())
        .containsExactly("ben");
    clinicians.selectByValue("ben");
    session.follow(browser.findElement(By.cssSelector("#reassign button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .isEqualTo("The client is now on the caseload of ben.");
    assertThat(clinic.get("/api/clients/" + clinic.clients.get("ann-1"), "ben").status())
        .isEqualTo(200);
  }
}
