package org.alliance.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.security.LoginThrottle;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account pages in a real headless Chromium: a clinician changes their password on the account
 * page and signs in with the new one; an admin resets a password and its user, signed in with the
 * temporary one, is taken to the change-password page and nowhere else until they choose their own;
 * a personal API token is created (shown once, and working) and revoked; and the page script warns
 * before an idle session ends, keeps it on "Stay signed in", and at the end goes to the sign-in
 * page, which says why. The server's clock is moved by the test; the script's own timers are woken
 * by telling the page it became visible, as a person coming back to the tab does. Screenshots go
 * where {@link BrowserTest}'s go.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountBrowserTest {
  private static final String NEW_PASSWORD = "orchard lantern pebble 8";

  /** The server's clock, moved by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  TestClinic clinic;
  BrowserSession session;
  ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
    Chromium.assumeInstalled();
    clinic = TestClinic.start(TestDatabase.H2.settings(dataDir), clock, LoginThrottle.defaults());
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

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private void changePassword(String current, String next) {
    browser.findElement(By.id("currentPassword")).sendKeys(current);
    browser.findElement(By.id("newPassword")).sendKeys(next);
    browser.findElement(By.id("repeatPassword")).sendKeys(next);
    session.follow(browser.findElement(By.cssSelector("form[action='/account/password'] button")));
  }

  @Test
  @Order(1)
  void aClinicianChangesTheirPasswordAndSignsInWithTheNewOne() {
    session.signIn("ben", TestClinic.PASSWORD);
    assertThat(heading()).isEqualTo("Caseload");
    session.follow(browser.findElement(By.cssSelector("a.who[href='/account']")));
    assertThat(heading()).isEqualTo("Your account");
    session.follow(browser.findElement(By.linkText("Change your password")));
    // A common password is refused, naming the field, and the form comes back.
    changePassword(TestClinic.PASSWORD, "password1234");
    assertThat(browser.findElement(By.cssSelector("p.message")).getText())
        .contains("New password:")
        .contains("common password");
    changePassword(TestClinic.PASSWORD, NEW_PASSWORD);
    assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
        .contains("Your password was changed");

    session.follow(browser.findElement(By.cssSelector("form[action='/logout'] button")));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    session.signIn("ben", TestClinic.PASSWORD);
    assertThat(browser.findElement(By.cssSelector("p.message")).getText())
        .contains("Wrong username or password");
    session.signIn("ben", NEW_PASSWORD);
    assertThat(heading()).isEqualTo("Caseload");
  }

  @Test
  @Order(2)
  void anAdminResetsAPasswordAndTheUserIsMadeToChangeIt() {
    session.signIn("admin", TestClinic.PASSWORD);
    session.go("/admin/users");
    session.follow(
        browser.findElement(By.cssSelector("button[aria-label='Reset the password of cay']")));
    assertThat(heading()).isEqualTo("Password reset for cay");
    String temporary =
        browser.findElement(By.id("temporary-password")).getDomProperty("value").trim();
    assertThat(temporary).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    session.screenshot("password-reset.png");

    session.signIn("cay", temporary);
    assertThat(browser.getCurrentUrl()).endsWith("/account/password");
    assertThat(browser.findElement(By.id("password-due")).getText())
        .contains("An admin has reset your password");
    // Nothing else opens, and the top bar offers nothing else.
    assertThat(browser.findElements(By.linkText("Caseload"))).isEmpty();
    session.screenshot("password-due.png");
    session.go("/");
    assertThat(browser.getCurrentUrl()).endsWith("/account/password");
    session.go("/account");
    assertThat(browser.getCurrentUrl()).endsWith("/account/password");

    changePassword(temporary, "saffron tidepool 31");
    assertThat(heading()).isEqualTo("Your account");
    session.go("/");
    assertThat(heading()).isEqualTo("Caseload");
  }

  @Test
  @Order(3)
  void aTokenIsCreatedShownOnceAndRevokedOnTheAccountPage() {
    session.signIn("ann", TestClinic.PASSWORD);
    session.go("/account");
    browser.findElement(By.id("token-name")).sendKeys("laptop");
    session.follow(browser.findElement(By.cssSelector("form[action='/account/tokens'] button")));
    String token = browser.findElement(By.id("token-value")).getDomProperty("value");
    assertThat(token).startsWith("alliance_");
    session.screenshot("account.png");
    assertThat(clinic.get("/api/me", "Bearer " + token).expect(200).body()).contains("\"ann\"");

    session.go("/account");
    assertThat(browser.getPageSource()).doesNotContain(token);
    WebElement row =
        browser.findElement(By.xpath("//table[@class='tokens']//tr[th[text()='laptop']]"));
    // Used once just now, so it is no longer "never" used.
    assertThat(row.getText()).doesNotContain("never");
    session.follow(row.findElement(By.cssSelector("button[aria-label='Revoke the token laptop']")));
    assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
        .contains("The token was revoked");
    assertThat(browser.findElements(By.xpath("//table[@class='tokens']//th[text()='laptop']")))
        .isEmpty();
    clinic.get("/api/me", "Bearer " + token).expect(401);
  }

  @Test
  @Order(4)
  void thePageWarnsBeforeAnIdleSessionEndsAndSignsOutAtTheEnd() {
    session.signIn("ann", TestClinic.PASSWORD);
    session.go("/account");
    WebElement warning = browser.findElement(By.id("session-warning"));
    assertThat(warning.isDisplayed()).isFalse();

    // 29 minutes later the person comes back to the tab: one minute is left.
    clock.advance(Duration.ofMinutes(29));
    cameBack();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOf(warning));
    assertThat(warning.getText()).contains("You will be signed out in").contains("Stay signed in");
    assertThat(browser.findElement(By.id("session-countdown")).getText()).matches("[01]:\\d\\d");
    session.screenshot("session-warning.png");
    browser.findElement(By.id("session-stay")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.invisibilityOf(warning));

    // Staying signed in started the 30 minutes again: 29 minutes on, the page still works.
    clock.advance(Duration.ofMinutes(29));
    session.go("/account");
    assertThat(heading()).isEqualTo("Your account");

    // Then nothing for 30 minutes: the script finds the session over and goes to sign in.
    clock.advance(Duration.ofMinutes(30));
    cameBack();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/login"));
    assertThat(browser.findElement(By.id("signed-out")).getText())
        .contains("You were signed out after 30 minutes without activity");
    session.screenshot("signed-out.png");
  }

  /** What the browser does when a person returns to the tab. */
  private void cameBack() {
    browser.executeScript("document.dispatchEvent(new Event('visibilitychange'));");
  }
}
