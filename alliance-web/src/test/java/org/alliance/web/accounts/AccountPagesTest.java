package org.alliance.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.Browser;
import org.alliance.web.ClinicServer;
import org.alliance.web.ServerSettings;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account page against the real server on H2: a user changes their own password (and every
 * refusal names its field), an admin resets one and its user can do nothing but choose a new one,
 * personal API tokens are created, listed and revoked, each audited; and a clinic without users
 * says on its sign-in page how to add the first admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountPagesTest {
  private static final Pattern TEMPORARY =
      Pattern.compile("id=\"temporary-password\" class=\"token\" value=\"([a-z0-9-]+)\"");
  private static final Pattern NEW_TOKEN =
      Pattern.compile("id=\"token-value\" class=\"token\" value=\"(alliance_[A-Za-z0-9_-]+)\"");

  TestClinic clinic;
  SignedIn admin;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    admin = SignedIn.as(clinic, "admin");
  }

  @AfterAll
  void stop() {
    clinic.close();
  }

  private String audit() {
    return clinic.get("/api/audit?limit=50", "admin").expect(200).body();
  }

  private Browser signedIn(String username, String password) {
    Browser browser = new Browser(clinic);
    browser.signIn(username, password).expect(303);
    return browser;
  }

  private static Reply changePassword(Browser browser, String current, String next, String repeat) {
    String csrf = Browser.csrf(browser.get("/account/password").expect(200));
    return browser.postForm(
        "/account/password",
        Map.of(
            "_csrf",
            csrf,
            "currentPassword",
            current,
            "newPassword",
            next,
            "repeatPassword",
            repeat));
  }

  @Test
  void aUserChangesTheirPasswordAndSignsInWithTheNewOne() {
    Browser desk = signedIn("ben", TestClinic.PASSWORD);
    Browser phone = signedIn("ben", TestClinic.PASSWORD);
    String next = "kettle harbour violet 42";

    // Each refusal shows the form again, naming the field and saying why, and changes nothing.
    assertThat(changePassword(desk, "not my password", next, next).expect(400).body())
        .contains("Current password: that is not your current password");
    assertThat(changePassword(desk, TestClinic.PASSWORD, "short", "short").expect(400).body())
        .contains("New password: a password needs at least 10 characters");
    assertThat(
            changePassword(desk, TestClinic.PASSWORD, "1234567890", "1234567890")
                .expect(400)
                .body())
        .contains("New password: this is one of the 100,000 most common passwords");
    assertThat(
            changePassword(desk, TestClinic.PASSWORD, "Qwertyuiop2024!", "Qwertyuiop2024!")
                .expect(400)
                .body())
        .contains("New password: this is a common password with digits or symbols added");
    assertThat(
            changePassword(desk, TestClinic.PASSWORD, "abababababab", "abababababab")
                .expect(400)
                .body())
        .contains("New password: a password needs more than a few different characters");
    assertThat(changePassword(desk, TestClinic.PASSWORD, "Ben1234567", "Ben1234567").body())
        .contains("New password: a password may not be your own name");
    assertThat(changePassword(desk, TestClinic.PASSWORD, next, next + "!").expect(400).body())
        .contains("New password again: the two new passwords differ");
    assertThat(
            changePassword(desk, TestClinic.PASSWORD, TestClinic.PASSWORD, TestClinic.PASSWORD)
                .expect(400)
                .body())
        .contains("New password: this is your current password");

    Reply changed = changePassword(desk, TestClinic.PASSWORD, next, next).expect(303);
    assertThat(changed.headers().firstValue("Location")).contains("/account?done=password");
    assertThat(desk.get("/account?done=password").expect(200).body())
        .contains("Your password was changed");
    // The browser that changed it stays signed in; every other one is signed out.
    desk.get("/").expect(200);
    phone.get("/").expect(302);
    new Browser(clinic).signIn("ben", TestClinic.PASSWORD).expect(401);
    new Browser(clinic).signIn("ben", next).expect(303);
    // API tokens are separate credentials and keep working.
    clinic.get("/api/me", "ben").expect(200);
    assertThat(audit()).contains("password.change").contains("1 other session ended");
  }

  @Test
  void aWrongCurrentPasswordCountsAsAFailedSignIn() {
    Browser browser = signedIn("north-sup", TestClinic.PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertThat(
              changePassword(
                      browser,
                      "wrong password " + i,
                      "kettle harbour violet",
                      "kettle harbour violet")
                  .expect(400)
                  .body())
          .contains("Current password: that is not your current password");
    }
    assertThat(
            changePassword(
                    browser,
                    TestClinic.PASSWORD,
                    "kettle harbour violet 7",
                    "kettle harbour violet 7")
                .expect(429)
                .body())
        .contains("Current password: too many wrong passwords; try again in");
  }

  @Test
  void anAdminResetsAPasswordAndTheUserCanDoNothingElseUntilTheyChooseANewOne() {
    long cay = clinic.users.get("cay").id();
    Browser before = signedIn("cay", TestClinic.PASSWORD);
    Reply reset = admin.post("/admin/users/" + cay + "/password", Map.of()).expect(200);
    Matcher temporary = TEMPORARY.matcher(reset.body());
    assertThat(temporary.find()).as(reset.body()).isTrue();
    String password = temporary.group(1);
    assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    assertThat(reset.body()).contains("Their 1 open session was ended");
    // Whoever was signed in as cay is signed out; the old password no longer works.
    before.get("/").expect(302);
    new Browser(clinic).signIn("cay", TestClinic.PASSWORD).expect(401);

    Browser browser = signedIn("cay", password);
    for (String page : new String[] {"/", "/account", "/team", "/admin/users", "/guides/risk"}) {
      Reply reply = browser.get(page).expect(303);
      assertThat(reply.headers().firstValue("Location")).contains("/account/password");
    }
    Reply form = browser.get("/account/password").expect(200);
    assertThat(form.body())
        .contains("An admin has reset your password")
        .doesNotContain("href=\"/\">Caseload");
    String csrf = Browser.csrf(form);
    assertThat(browser.get("/api/me").expect(403).body()).contains("/account/password");
    assertThat(
            browser
                .postForm("/account/tokens", Map.of("_csrf", csrf, "name", "sneaky"))
                .expect(403)
                .body())
        .contains("an admin reset your password");
    // Their API token still works: it is a separate credential.
    clinic.get("/api/me", "cay").expect(200);

    String mine = "lantern meadow copper 19";
    changePassword(browser, password, mine, mine).expect(303);
    browser.get("/").expect(200);
    new Browser(clinic).signIn("cay", mine).expect(303);
    assertThat(audit())
        .contains("password.reset")
        .contains("cay (user " + cay + "): must choose a new password at the next sign-in")
        .contains("after an admin's reset");
  }

  @Test
  void anAdminChangesTheirOwnPasswordOnTheAccountPageNotByReset() {
    long self = clinic.users.get("admin").id();
    assertThat(admin.post("/admin/users/" + self + "/password", Map.of()).expect(400).body())
        .contains("change it on your account page");
    assertThat(admin.get("/admin/users").expect(200).body())
        .contains("href=\"/account/password\">Change yours")
        .contains("/admin/users/" + clinic.users.get("ann").id() + "/password");
    admin.post("/admin/users/999999/password", Map.of()).expect(404);
  }

  @Test
  void tokensAreCreatedShownOnceListedAndRevoked() {
    SignedIn ann = SignedIn.as(clinic, "ann");
    assertThat(ann.get("/account").expect(200).body())
        .contains("Your account")
        .contains("ANN")
        .contains("after 30 minutes without activity")
        .contains("<th scope=\"row\">test</th>");

    Reply created = ann.post("/account/tokens", Map.of("name", "laptop")).expect(200);
    Matcher token = NEW_TOKEN.matcher(created.body());
    assertThat(token.find()).as(created.body()).isTrue();
    String secret = token.group(1);
    assertThat(
            clinic.get("/api/me", "Bearer " + secret).expect(200).json().get("username").asText())
        .isEqualTo("ann");
    // Listed with when it was made and last used; never shown again.
    String page = ann.get("/account").expect(200).body();
    assertThat(page).contains("<th scope=\"row\">laptop</th>").doesNotContain(secret);
    long id = idOf("laptop");
    assertThat(page).contains("/account/tokens/" + id + "/revoke");

    assertThat(ann.post("/account/tokens", Map.of("name", " ")).expect(400).body())
        .contains("name: give the token a name of 1-100 characters");
    assertThat(ann.post("/account/tokens", Map.of("name", "x".repeat(101))).expect(400).body())
        .contains("name: give the token a name");
    // Another user's token is not found, exactly like one that does not exist.
    SignedIn.as(clinic, "south-sup")
        .post("/account/tokens/" + id + "/revoke", Map.of())
        .expect(404);

    Reply revoked = ann.post("/account/tokens/" + id + "/revoke", Map.of()).expect(303);
    assertThat(revoked.headers().firstValue("Location")).contains("/account?done=revoked");
    clinic.get("/api/me", "Bearer " + secret).expect(401);
    assertThat(ann.get("/account?done=revoked").expect(200).body())
        .contains("The token was revoked")
        .doesNotContain("<th scope=\"row\">laptop</th>");
    assertThat(audit()).contains("token " + id + " laptop").contains("\"token " + id + "\"");
  }

  private long idOf(String name) {
    for (var token : clinic.get("/api/tokens", "ann").json().get("tokens")) {
      if (token.get("name").asText().equals(name)) {
        return token.get("id").asLong();
      }
    }
    throw new AssertionError("no token " + name);
  }

  @Test
  void aClinicWithoutUsersSaysHowToAddTheFirstAdmin(@TempDir Path empty) {
    assertThat(clinic.get("/login", null).expect(200).body()).doesNotContain("first-admin");
    try (TestClinic bare = TestClinic.around(ClinicServer.start(ServerSettings.embedded(empty)))) {
      assertThat(bare.server.hasUsers()).isFalse();
      assertThat(bare.get("/login", null).expect(200).body())
          .contains("No one can sign in yet")
          .contains("--create-admin admin")
          .contains("./alliance-web.sh add-user --username admin --role admin");
    }
  }
}
