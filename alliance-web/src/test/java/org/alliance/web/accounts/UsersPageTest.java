package org.alliance.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's users page against the real server on H2: listing, adding, changing and disabling
 * users, each audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersPageTest {
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
    return clinic.get("/api/audit?limit=20", "admin").expect(200).body();
  }

  @Test
  void listsEveryUserWithRoleAndTeamAndAFormWithTheCsrfToken() {
    String page = admin.get("/admin/users").expect(200).body();
    assertThat(page)
        .contains("north-sup", "south-sup", "ann", "ben", "cay")
        .contains("value=\"North\"")
        .contains("value=\"South\"")
        .contains("name=\"_csrf\" value=\"" + admin.csrf + "\"")
        .contains("active (you)");
  }

  @Test
  void anAddedUserCanSignInWithAnArgon2idHash() {
    admin
        .post(
            "/admin/users",
            Map.of(
                "username",
                "dee",
                "displayName",
                "Dee D",
                "role",
                "clinician",
                "team",
                "East",
                "password",
                TestClinic.PASSWORD))
        .expect(303);
    String hash =
        clinic
            .server
            .database()
            .read(
                handle ->
                    Users.passwordHash(
                            handle, Users.findByUsername(handle, "dee").orElseThrow().id())
                        .orElseThrow());
    assertThat(hash).startsWith("$argon2id$");
    assertThat(Passwords.matches(TestClinic.PASSWORD, java.util.Optional.of(hash))).isTrue();
    assertThat(admin.get("/admin/users").body()).contains("Dee D").contains("value=\"East\"");
    assertThat(SignedIn.as(clinic, "dee").get("/").expect(200).body()).contains("Dee D");
    assertThat(audit()).contains("user.create").contains("dee (user ");
  }

  @Test
  void badFormsAreRefusedWithTheFieldNamed() {
    assertThat(
            admin
                .post(
                    "/admin/users",
                    Map.of(
                        "username",
                        "Bad Name",
                        "role",
                        "clinician",
                        "password",
                        "a long enough password"))
                .expect(400)
                .body())
        .contains("username:");
    assertThat(
            admin
                .post(
                    "/admin/users",
                    Map.of("username", "eve", "role", "clinician", "password", "123456789"))
                .expect(400)
                .body())
        .contains("password: a password needs at least 10 characters");
    assertThat(
            admin
                .post(
                    "/admin/users",
                    Map.of(
                        "username",
                        "eve",
                        "role",
                        "supervisor",
                        "password",
                        "a long enough password"))
                .expect(400)
                .body())
        .contains("team: a supervisor needs");
    assertThat(
            admin
                .post(
                    "/admin/users",
                    Map.of(
                        "username", "eve", "role", "owner", "password", "a long enough password"))
                .expect(400)
                .body())
        .contains("role: expected clinician, supervisor or admin");
    assertThat(
            admin
                .post(
                    "/admin/users",
                    Map.of(
                        "username",
                        "ann",
                        "role",
                        "clinician",
                        "password",
                        "a long enough password"))
                .expect(409)
                .body())
        .contains("already a user ann");
  }

  @Test
  void changingRoleAndTeamMovesWhatTheUserSees() {
    long ben = clinic.users.get("ben").id();
    admin.post("/admin/users/" + ben, Map.of("role", "clinician", "team", "South")).expect(303);
    // ben's client is now in South: its supervisor reaches it, North's no longer does.
    long client = clinic.clients.get("ben-1");
    clinic.get("/api/clients/" + client, "south-sup").expect(200);
    clinic.get("/api/clients/" + client, "north-sup").expect(404);
    assertThat(audit())
        .contains("user.change")
        .contains("ben (user " + ben + ") from clinician to clinician in team South");
    admin.post("/admin/users/" + ben, Map.of("role", "clinician", "team", "North")).expect(303);
  }

  @Test
  void anAdminCannotDisableOrDemoteThemself() {
    long self = clinic.users.get("admin").id();
    assertThat(
            admin
                .post("/admin/users/" + self + "/disabled", Map.of("disabled", "true"))
                .expect(400)
                .body())
        .contains("you cannot disable yourself");
    assertThat(admin.post("/admin/users/" + self, Map.of("role", "clinician")).expect(400).body())
        .contains("cannot take away your own admin role");
    clinic.get("/api/me", "admin").expect(200);
  }

  @Test
  void disablingEndsSessionsAndTokensForGoodAndEnablingRevivesNeither() {
    long cay = clinic.users.get("cay").id();
    SignedIn session = SignedIn.as(clinic, "cay");
    admin.post("/admin/users/" + cay + "/disabled", Map.of("disabled", "true")).expect(303);
    clinic.get("/api/me", "cay").expect(401);
    session.get("/api/me").expect(401);
    assertThat(admin.get("/admin/users").body()).contains("class=\"disabled\"");
    admin.post("/admin/users/" + cay + "/disabled", Map.of("disabled", "false")).expect(303);
    // Enabled again: the old session and token stay dead; a new sign-in works.
    session.get("/api/me").expect(401);
    clinic.get("/api/me", "cay").expect(401);
    SignedIn.as(clinic, "cay").get("/api/me").expect(200);
    assertThat(audit())
        .contains("user.disable")
        .contains("user.enable")
        .contains("cay (user " + cay + ")");
  }

  @Test
  void onlyAnAdminWithTheFormsTokenChangesAnything() {
    long ann = clinic.users.get("ann").id();
    SignedIn supervisor = SignedIn.as(clinic, "north-sup");
    supervisor.get("/admin/users").expect(403);
    supervisor.post("/admin/users/" + ann + "/disabled", Map.of("disabled", "true")).expect(403);
    admin
        .postForm("/admin/users/" + ann + "/disabled", Map.of("disabled", "true", "_csrf", "wrong"))
        .expect(403);
    admin.postForm("/admin/users/" + ann + "/disabled", Map.of("disabled", "true")).expect(403);
    clinic.get("/api/me", "ann").expect(200);
    assertThat(clinic.get("/admin/users", null).expect(302).headers().firstValue("Location"))
        .contains("/login");
  }
}
