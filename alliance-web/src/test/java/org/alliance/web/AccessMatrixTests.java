package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.security.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route of the server as every kind of caller: an admin, the supervisor of another
 * team, the clinician who owns the client ({@code ann}), a colleague in the same team ({@code
 * ben}), a stranger without credentials, and a made-up token. Each answer's status is checked
 * against the table below, and no answer to a caller who may not see {@code ann-1} contains its
 * reference or its data. The table must name exactly the routes the server has, so a new route
 * cannot be added without deciding who may use it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessMatrixTests {
  /** Closes the open episode as a discharge must: with why and when. */
  private static final String DISCHARGE = "{\"reason\": \"finished\"}";

  /** The callers, by the name the clinic knows them under; null is no credentials. */
  enum Caller {
    ADMIN("admin"),
    OTHER_SUPERVISOR("south-sup"),
    OWNER("ann"),
    COLLEAGUE("ben"),
    STRANGER(null),
    BAD_TOKEN("Bearer alliance_madeUpTokenThatIsNotInTheDatabase");

    final String user;

    Caller(String user) {
      this.user = user;
    }

    /** Whether this caller may see ann's client. */
    boolean mayReach() {
      return this == ADMIN || this == OWNER;
    }
  }

  /**
   * A distinctive date of ann-1's administration: if it appears in an answer, ann-1's data leaked.
   */
  private static final String MARKER_DATE = "2024-02-29";

  TestClinic clinic;
  long client;
  long spareToken;
  long pageToken;

  abstract TestDatabase database();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(database(), dataDir);
    client = clinic.clients.get("ann-1");
    Map<String, Object> phq9 = TestClinic.phq9(1, 3, 3, 3, 2, 2, 2, 1, 1, 2);
    phq9.put("date", MARKER_DATE);
    clinic.post("/api/clients/" + client + "/administrations", "ann", phq9).expect(201);
    clinic
        .post(
            "/api/clients/" + client + "/administrations",
            "ann",
            TestClinic.vas("srs", 1, 7, 7, 7, 7))
        .expect(201);
    spareToken =
        clinic
            .server
            .database()
            .write(
                handle ->
                    ApiTokens.create(
                        handle,
                        clinic.users.get("ann").id(),
                        "spare",
                        Secrets.hash(Secrets.apiToken()),
                        Instant.now()));
    pageToken =
        clinic
            .server
            .database()
            .write(
                handle ->
                    ApiTokens.create(
                        handle,
                        clinic.users.get("ann").id(),
                        "revoked on the account page",
                        Secrets.hash(Secrets.apiToken()),
                        Instant.now()));
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  private record Expected(
      BiFunction<Caller, Integer, Reply> call,
      Map<Caller, Integer> status,
      boolean echoesReference) {}

  /** Statuses in Caller order: admin, other supervisor, owner, colleague, stranger, bad token. */
  private static Map<Caller, Integer> statuses(int... codes) {
    Map<Caller, Integer> map = new LinkedHashMap<>();
    for (Caller caller : Caller.values()) {
      map.put(caller, codes[caller.ordinal()]);
    }
    return map;
  }

  private Map<String, Expected> table() {
    String c = "/api/clients/" + client;
    Map<String, Expected> table = new LinkedHashMap<>();
    table.put(
        "GET /health",
        new Expected(
            (who, i) -> clinic.get("/health", who.user),
            statuses(200, 200, 200, 200, 200, 200),
            false));
    table.put(
        "GET /openapi.json",
        new Expected(
            (who, i) -> clinic.get("/openapi.json", who.user),
            statuses(200, 200, 200, 200, 200, 200),
            false));
    table.put(
        "GET /",
        new Expected(
            (who, i) -> clinic.get("/", who.user), statuses(200, 200, 200, 200, 302, 302), false));
    table.put(
        "GET /login",
        new Expected(
            (who, i) -> clinic.get("/login", who.user),
            statuses(200, 200, 200, 200, 200, 200),
            false));
    // Without the form's double-submit token, nobody signs in.
    table.put(
        "POST /login",
        new Expected(
            (who, i) ->
                clinic.send(
                    clinic
                        .request("/login", who.user)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                "username=ann&password=" + TestClinic.PASSWORD))
                        .build()),
            statuses(403, 403, 403, 403, 403, 403),
            false));
    table.put(
        "POST /logout",
        new Expected(
            (who, i) -> clinic.post("/logout", who.user, "{}"),
            statuses(303, 303, 303, 303, 401, 401),
            false));
    String page = "/clients/" + client;
    table.put(
        "GET /clients/{id}",
        new Expected(
            (who, i) -> clinic.get(page, who.user), statuses(200, 404, 200, 404, 302, 302), false));
    table.put(
        "GET /clients/{id}/report",
        new Expected(
            (who, i) -> clinic.get(page + "/report", who.user),
            statuses(200, 404, 200, 404, 302, 302),
            false));
    table.put(
        "GET /clients/{id}/charts/{measure}",
        new Expected(
            (who, i) -> clinic.get(page + "/charts/srs", who.user),
            statuses(200, 404, 200, 404, 302, 302),
            false));
    table.put(
        "GET /clients/{id}/entry",
        new Expected(
            (who, i) -> clinic.get(page + "/entry?instrument=ors", who.user),
            statuses(200, 404, 200, 404, 302, 302),
            false));
    table.put(
        "POST /clients/{id}/entry",
        new Expected(
            (who, i) ->
                form(
                    page + "/entry",
                    who.user,
                    "instrument=ors&session=" + (60 + i) + "&ors_1=5&ors_2=5&ors_3=5&ors_4=5"),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    // Entry 999999 is nobody's: 404 for those signed in, whether they reach the client or not.
    table.put(
        "GET /clients/{id}/administrations/{administration}/correct",
        new Expected(
            (who, i) -> clinic.get(page + "/administrations/999999/correct", who.user),
            statuses(404, 404, 404, 404, 302, 302),
            false));
    table.put(
        "POST /clients/{id}/administrations/{administration}/correct",
        new Expected(
            (who, i) ->
                form(page + "/administrations/999999/correct", who.user, "session=1&reason=matrix"),
            statuses(404, 404, 404, 404, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/administrations/{administration}/void",
        new Expected(
            (who, i) -> form(page + "/administrations/999999/void", who.user, "reason=matrix"),
            statuses(404, 404, 404, 404, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/notes/{note}",
        new Expected(
            (who, i) -> form(page + "/notes/999999", who.user, "note=matrix"),
            statuses(404, 404, 404, 404, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/notes",
        new Expected(
            (who, i) -> form(page + "/notes", who.user, "note=matrix+note+" + i),
            statuses(303, 404, 303, 404, 401, 401),
            false));
    // An alert the client does not have cannot be acknowledged; those who may not reach the client
    // learn nothing.
    table.put(
        "POST /clients/{id}/acknowledgements",
        new Expected(
            (who, i) ->
                form(
                    page + "/acknowledgements",
                    who.user,
                    "rule=not-on-track&session=999&followUp=seen"),
            statuses(400, 404, 400, 404, 401, 401),
            false));
    // Nothing stands to re-open at session 999: 409 for those who reach the client, 404 for others.
    table.put(
        "POST /clients/{id}/acknowledgements/reopen",
        new Expected(
            (who, i) ->
                form(page + "/acknowledgements/reopen", who.user, "rule=not-on-track&session=999"),
            statuses(409, 404, 409, 404, 401, 401),
            false));
    // Team outcomes: supervisors (their team, here one without scores) and admins; clinicians are
    // refused.
    table.put(
        "GET /guides/{kind}",
        new Expected(
            (who, i) -> clinic.get("/guides/relationship", who.user),
            statuses(200, 200, 200, 200, 302, 302),
            false));
    table.put(
        "GET /team",
        new Expected(
            (who, i) -> clinic.get("/team?measure=phq-9", who.user),
            statuses(200, 200, 403, 403, 302, 302),
            false));
    table.put(
        "GET /team/chart",
        new Expected(
            (who, i) -> clinic.get("/team/chart?measure=phq-9", who.user),
            statuses(200, 200, 403, 403, 302, 302),
            false));
    // The admin pages: admins only; a form sent with an API token needs no CSRF token.
    long ben = clinic.users.get("ben").id();
    table.put(
        "GET /admin/users",
        new Expected(
            (who, i) -> clinic.get("/admin/users", who.user),
            statuses(200, 403, 403, 403, 302, 302),
            false));
    table.put(
        "POST /admin/users",
        new Expected(
            (who, i) ->
                form(
                    "/admin/users",
                    who.user,
                    "username=matrix-" + i + "&role=clinician&password=" + TestClinic.PASSWORD),
            statuses(303, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /admin/users/{id}",
        new Expected(
            (who, i) -> form("/admin/users/" + ben, who.user, "role=clinician&team=North"),
            statuses(303, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /admin/users/{id}/disabled",
        new Expected(
            (who, i) -> form("/admin/users/" + ben + "/disabled", who.user, "disabled=false"),
            statuses(303, 403, 403, 403, 401, 401),
            false));
    // Resetting a password: admins only (cay's, who takes no other part here).
    long cay = clinic.users.get("cay").id();
    table.put(
        "POST /admin/users/{id}/password",
        new Expected(
            (who, i) -> form("/admin/users/" + cay + "/password", who.user, ""),
            statuses(200, 403, 403, 403, 401, 401),
            false));
    // The account page: anyone signed in sees their own; a password is changed and a token made
    // only from a browser session, never with a token.
    table.put(
        "GET /account",
        new Expected(
            (who, i) -> clinic.get("/account", who.user),
            statuses(200, 200, 200, 200, 302, 302),
            false));
    table.put(
        "GET /account/password",
        new Expected(
            (who, i) -> clinic.get("/account/password", who.user),
            statuses(200, 200, 200, 200, 302, 302),
            false));
    table.put(
        "POST /account/password",
        new Expected(
            (who, i) ->
                form(
                    "/account/password",
                    who.user,
                    "currentPassword=x&newPassword=a+new+password+" + i + "&repeatPassword=x"),
            statuses(403, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /account/tokens",
        new Expected(
            (who, i) -> form("/account/tokens", who.user, "name=matrix"),
            statuses(403, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /account/tokens/{id}/revoke",
        new Expected(
            (who, i) -> form("/account/tokens/" + pageToken + "/revoke", who.user, ""),
            statuses(404, 404, 303, 404, 401, 401),
            false));
    // The kiosk PIN is set from a browser session with the password; a token is refused.
    table.put(
        "GET /account/kiosk-pin",
        new Expected(
            (who, i) -> clinic.get("/account/kiosk-pin", who.user),
            statuses(200, 200, 200, 200, 302, 302),
            false));
    table.put(
        "POST /account/kiosk-pin",
        new Expected(
            (who, i) ->
                form("/account/kiosk-pin", who.user, "pin=4827&repeatPin=4827&currentPassword=x"),
            statuses(403, 403, 403, 403, 401, 401),
            false));
    // How long a browser session has left: a token has no idle time.
    table.put(
        "GET /api/session",
        new Expected(
            (who, i) -> clinic.get("/api/session", who.user),
            statuses(403, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /api/session",
        new Expected(
            (who, i) -> clinic.post("/api/session", who.user, "{}"),
            statuses(403, 403, 403, 403, 401, 401),
            false));
    table.put(
        "GET /admin/audit",
        new Expected(
            (who, i) -> clinic.get("/admin/audit?client=ann-1", who.user),
            statuses(200, 403, 403, 403, 302, 302),
            false));
    table.put(
        "GET /admin/import",
        new Expected(
            (who, i) -> clinic.get("/admin/import", who.user),
            statuses(200, 403, 403, 403, 302, 302),
            false));
    table.put(
        "POST /admin/import/preview",
        new Expected(
            (who, i) ->
                upload(
                    "/admin/import/preview",
                    who.user,
                    "file",
                    "a.csv",
                    "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nann-1,"
                        + (60 + i)
                        + ",0,0,0,0,0,0,0,0,0\n"),
            statuses(200, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /admin/import/confirm",
        new Expected(
            (who, i) -> form("/admin/import/confirm", who.user, "upload=unknown&strict=true"),
            statuses(404, 403, 403, 403, 401, 401),
            false));
    // The instruments page: admins only. An empty definition is shown with its problems, and never
    // stored.
    table.put(
        "GET /admin/instruments",
        new Expected(
            (who, i) -> clinic.get("/admin/instruments", who.user),
            statuses(200, 403, 403, 403, 302, 302),
            false));
    table.put(
        "POST /admin/instruments/preview",
        new Expected(
            (who, i) ->
                upload("/admin/instruments/preview", who.user, "definition", "empty.json", "{}"),
            statuses(400, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /admin/instruments/confirm",
        new Expected(
            (who, i) -> form("/admin/instruments/confirm", who.user, "definition=%7B%7D"),
            statuses(400, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /admin/instruments/{id}/use",
        new Expected(
            (who, i) -> form("/admin/instruments/srs/use", who.user, "in_use=true"),
            statuses(303, 403, 403, 403, 401, 401),
            false));
    table.put(
        "GET /api/instruments",
        new Expected(
            (who, i) -> clinic.get("/api/instruments", who.user),
            statuses(200, 200, 200, 200, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/links",
        new Expected(
            (who, i) -> form(page + "/links", who.user, "instrument=srs"),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    // Kiosk mode: whoever may enter scores for the client starts it, but only from a browser
    // session, so every token is refused (after the client's reach is checked). The kiosk pages
    // lead a browser that is not in kiosk mode away; a browser in kiosk mode is tested in
    // KioskTests.
    table.put(
        "POST /clients/{id}/kiosk",
        new Expected(
            (who, i) -> form(page + "/kiosk", who.user, "instrument=srs&session=50"),
            statuses(403, 404, 403, 404, 401, 401),
            false));
    table.put(
        "GET /kiosk",
        new Expected(
            (who, i) -> clinic.get("/kiosk", who.user),
            statuses(303, 303, 303, 303, 302, 302),
            false));
    table.put(
        "POST /kiosk",
        new Expected(
            (who, i) -> form("/kiosk", who.user, "srs_1=5"),
            statuses(303, 303, 303, 303, 401, 401),
            false));
    table.put(
        "GET /kiosk/exit",
        new Expected(
            (who, i) -> clinic.get("/kiosk/exit", who.user),
            statuses(303, 303, 303, 303, 302, 302),
            false));
    table.put(
        "POST /kiosk/exit",
        new Expected(
            (who, i) -> form("/kiosk/exit", who.user, "secret=1234"),
            statuses(303, 303, 303, 303, 401, 401),
            false));
    // An unknown link answers everyone alike; without the form's cookie nothing is sent.
    table.put(
        "GET /f/{token}",
        new Expected(
            (who, i) -> clinic.get("/f/" + Secrets.random(), who.user),
            statuses(404, 404, 404, 404, 404, 404),
            false));
    table.put(
        "POST /f/{token}",
        new Expected(
            (who, i) -> form("/f/" + Secrets.random(), who.user, "srs_1=5"),
            statuses(403, 403, 403, 403, 403, 403),
            false));
    table.put(
        "POST /f/{token}/language",
        new Expected(
            (who, i) -> form("/f/" + Secrets.random() + "/language", who.user, "language=de"),
            statuses(403, 403, 403, 403, 403, 403),
            false));
    table.put(
        "GET /api/me",
        new Expected(
            (who, i) -> clinic.get("/api/me", who.user),
            statuses(200, 200, 200, 200, 401, 401),
            false));
    table.put(
        "GET /api/tokens",
        new Expected(
            (who, i) -> clinic.get("/api/tokens", who.user),
            statuses(200, 200, 200, 200, 401, 401),
            false));
    // Tokens are minted only from a browser session, never with another token.
    table.put(
        "POST /api/tokens",
        new Expected(
            (who, i) -> clinic.post("/api/tokens", who.user, Map.of("name", "x")),
            statuses(403, 403, 403, 403, 401, 401),
            false));
    table.put(
        "DELETE /api/tokens/{id}",
        new Expected(
            (who, i) -> clinic.delete("/api/tokens/" + spareToken, who.user),
            statuses(404, 404, 204, 404, 401, 401),
            false));
    table.put(
        "GET /api/clients",
        new Expected(
            (who, i) -> clinic.get("/api/clients", who.user),
            statuses(200, 200, 200, 200, 401, 401),
            false));
    table.put(
        "POST /api/clients",
        new Expected(
            (who, i) -> clinic.post("/api/clients", who.user, Map.of("reference", "matrix-" + i)),
            statuses(400, 400, 201, 201, 401, 401),
            false));
    table.put(
        "GET /api/clients/{id}",
        new Expected(
            (who, i) -> clinic.get(c, who.user), statuses(200, 404, 200, 404, 401, 401), false));
    table.put(
        "POST /api/clients/{id}/administrations",
        new Expected(
            (who, i) ->
                clinic.post(
                    c + "/administrations",
                    who.user,
                    TestClinic.phq9(20 + i, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            statuses(201, 404, 201, 404, 401, 401),
            false));
    // No administration 999999 to change: 404 for everyone, whether they reach the client or not,
    // after the reason is checked.
    table.put(
        "POST /api/clients/{id}/administrations/{administration}/correction",
        new Expected(
            (who, i) ->
                clinic.post(
                    c + "/administrations/999999/correction",
                    who.user,
                    java.util.Map.of(
                        "reason",
                        "matrix",
                        "administration",
                        TestClinic.phq9(40 + i, 0, 0, 0, 0, 0, 0, 0, 0, 0))),
            statuses(404, 404, 404, 404, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/administrations/{administration}/void",
        new Expected(
            (who, i) ->
                clinic.post(
                    c + "/administrations/999999/void",
                    who.user,
                    java.util.Map.of("reason", "matrix")),
            statuses(404, 404, 404, 404, 401, 401),
            false));
    table.put(
        "GET /api/clients/{id}/trend",
        new Expected(
            (who, i) -> clinic.get(c + "/trend", who.user),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "GET /api/clients/{id}/fhir",
        new Expected(
            (who, i) -> clinic.get(c + "/fhir", who.user),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "GET /api/alerts",
        new Expected(
            (who, i) -> clinic.get("/api/alerts", who.user),
            statuses(200, 200, 200, 200, 401, 401),
            false));
    table.put(
        "GET /api/cohort",
        new Expected(
            (who, i) -> clinic.get("/api/cohort?measure=phq-9", who.user),
            statuses(200, 200, 200, 200, 401, 401),
            false));
    // Importing a row for ann-1: taken for those who may reach the client, a row problem for the
    // others.
    table.put(
        "POST /api/import",
        new Expected(
            (who, i) ->
                clinic.postCsv(
                    "/api/import?instrument=phq-9",
                    who.user,
                    "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nann-1,"
                        + (40 + i)
                        + ",0,0,0,0,0,0,0,0,0\n"),
            statuses(200, 200, 200, 200, 401, 401),
            true));
    table.put(
        "GET /api/audit",
        new Expected(
            (who, i) -> clinic.get("/api/audit", who.user),
            statuses(200, 403, 403, 403, 401, 401),
            false));
    // Adding a client from the caseload: as with the API, an admin or supervisor must name a
    // clinician of theirs.
    table.put(
        "POST /clients",
        new Expected(
            (who, i) -> form("/clients", who.user, "reference=matrix-page-" + i + "&language=de"),
            statuses(400, 400, 303, 303, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/details",
        new Expected(
            (who, i) -> form(page + "/details", who.user, "language=de"),
            statuses(303, 404, 303, 404, 401, 401),
            false));
    // Discharging and re-admitting: whoever reaches the client; each call leaves ann-1 active and
    // on ann's caseload again, so the other routes see it as before.
    table.put(
        "POST /clients/{id}/discharge",
        new Expected(
            (who, i) ->
                restoring(
                    form(
                        page + "/discharge",
                        who.user,
                        "reason=finished&date="
                            + java.time.LocalDate.now(java.time.ZoneOffset.UTC))),
            statuses(303, 404, 303, 404, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/readmit",
        new Expected(
            (who, i) -> {
              clinic.post(c + "/discharge", "admin", DISCHARGE).expect(200);
              return restoring(form(page + "/readmit", who.user, ""));
            },
            statuses(303, 404, 303, 404, 401, 401),
            false));
    // Episodes of care: whoever reaches the client; each call leaves ann-1 with an open episode.
    table.put(
        "POST /clients/{id}/episodes",
        new Expected(
            (who, i) -> {
              clinic.post(c + "/discharge", "admin", DISCHARGE).expect(200);
              return restoring(form(page + "/episodes", who.user, ""));
            },
            statuses(303, 404, 303, 404, 401, 401),
            false));
    table.put(
        "POST /clients/{id}/episodes/{episode}/close",
        new Expected(
            (who, i) ->
                restoring(
                    form(
                        page + "/episodes/" + openEpisode() + "/close",
                        who.user,
                        "reason=finished&date="
                            + java.time.LocalDate.now(java.time.ZoneOffset.UTC))),
            statuses(303, 404, 303, 404, 401, 401),
            false));
    // Moving a client: supervisors (within their team) and admins; clinicians are refused.
    table.put(
        "POST /clients/{id}/reassign",
        new Expected(
            (who, i) -> restoring(form(page + "/reassign", who.user, "clinician=ben")),
            statuses(303, 404, 403, 403, 401, 401),
            false));
    table.put(
        "PATCH /api/clients/{id}",
        new Expected(
            (who, i) -> clinic.patch(c, who.user, Map.of("language", "fr")),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/discharge",
        new Expected(
            (who, i) -> restoring(clinic.post(c + "/discharge", who.user, DISCHARGE)),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/readmit",
        new Expected(
            (who, i) -> {
              clinic.post(c + "/discharge", "admin", DISCHARGE).expect(200);
              return restoring(clinic.post(c + "/readmit", who.user, "{}"));
            },
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "GET /api/clients/{id}/episodes",
        new Expected(
            (who, i) -> clinic.get(c + "/episodes", who.user),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/episodes",
        new Expected(
            (who, i) -> {
              clinic.post(c + "/discharge", "admin", DISCHARGE).expect(200);
              return restoring(clinic.post(c + "/episodes", who.user, "{}"));
            },
            statuses(201, 404, 201, 404, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/episodes/{episode}/close",
        new Expected(
            (who, i) ->
                restoring(
                    clinic.post(c + "/episodes/" + openEpisode() + "/close", who.user, DISCHARGE)),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/reassign",
        new Expected(
            (who, i) ->
                restoring(clinic.post(c + "/reassign", who.user, Map.of("clinician", "ben"))),
            statuses(200, 404, 403, 403, 401, 401),
            false));
    // Erasure: admins only (clinicians and supervisors are refused, even the client's own); the
    // admin's wrong confirmation leaves ann-1 as it is.
    table.put(
        "GET /clients/{id}/erasure",
        new Expected(
            (who, i) -> clinic.get(page + "/erasure", who.user),
            statuses(200, 403, 403, 403, 302, 302),
            false));
    table.put(
        "POST /clients/{id}/erasure",
        new Expected(
            (who, i) ->
                form(page + "/erasure", who.user, "mode=remove&reason=matrix&confirm=not-ann"),
            statuses(400, 403, 403, 403, 401, 401),
            false));
    table.put(
        "POST /api/clients/{id}/erasure",
        new Expected(
            (who, i) ->
                clinic.post(
                    c + "/erasure",
                    who.user,
                    Map.of("mode", "remove", "reason", "matrix", "confirm", "not-ann")),
            statuses(400, 403, 403, 403, 401, 401),
            false));
    // The subject-access export: whoever reaches the client.
    table.put(
        "GET /clients/{id}/subject-access.pdf",
        new Expected(
            (who, i) -> clinic.get(page + "/subject-access.pdf", who.user),
            statuses(200, 404, 200, 404, 302, 302),
            false));
    table.put(
        "GET /api/clients/{id}/subject-access",
        new Expected(
            (who, i) -> clinic.get(c + "/subject-access", who.user),
            statuses(200, 404, 200, 404, 401, 401),
            false));
    // The client pages: those who may reach the client; a made-up client id looks the same as
    // another's.
    return table;
  }

  /** The id of ann-1's open episode of care. */
  private long openEpisode() {
    for (JsonNode episode :
        clinic
            .get("/api/clients/" + client + "/episodes", "admin")
            .expect(200)
            .json()
            .get("episodes")) {
      if (episode.get("open").asBoolean()) {
        return episode.get("id").asLong();
      }
    }
    throw new AssertionError("ann-1 has no open episode");
  }

  /**
   * The reply, once ann-1 is back as the table's other routes expect it: active, on ann's caseload.
   */
  private Reply restoring(Reply reply) {
    String c = "/api/clients/" + client;
    JsonNode now = clinic.get(c, "admin").expect(200).json();
    if (!now.get("dischargedAt").isNull()) {
      clinic.post(c + "/readmit", "admin", "{}").expect(200);
    }
    if (!now.get("clinician").asText().equals("ann")) {
      clinic.post(c + "/reassign", "admin", Map.of("clinician", "ann")).expect(200);
    }
    return reply;
  }

  private Reply form(String path, String user, String body) {
    return clinic.send(
        clinic
            .request(path, user)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * A multipart form with one file (and the instrument field the import page sends), as a browser
   * sends it.
   */
  private Reply upload(String path, String user, String field, String fileName, String content) {
    String boundary = "matrix-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"instrument\"\r\n\r\nphq-9\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return clinic.send(
        clinic
            .request(path, user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void theTableNamesExactlyTheServersRoutes() {
    assertThat(new TreeSet<>(table().keySet())).isEqualTo(Routes.of(clinic.server));
  }

  @Test
  void everyRouteAnswersEveryCallerAsTheTableSaysAndLeaksNothing() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Expected> route : table().entrySet()) {
      for (Caller caller : Caller.values()) {
        Reply reply = route.getValue().call().apply(caller, caller.ordinal());
        int expected = route.getValue().status().get(caller);
        if (reply.status() != expected) {
          wrong.add(
              route.getKey()
                  + " as "
                  + caller
                  + ": "
                  + reply.status()
                  + " instead of "
                  + expected
                  + " "
                  + reply.body());
        }
        if (!caller.mayReach()
            && !route.getKey().equals("GET /api/audit")
            && !route.getKey().equals("GET /admin/audit")) {
          if (reply.body().contains(MARKER_DATE)
              || (!route.getValue().echoesReference() && reply.body().contains("ann-1"))) {
            wrong.add(route.getKey() + " as " + caller + " shows ann-1's data: " + reply.body());
          }
        }
        if (reply.body().contains("Exception") || reply.body().contains("\tat ")) {
          wrong.add(route.getKey() + " as " + caller + " shows a stack trace: " + reply.body());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theImportOfAnotherClinicsClientTakesNothing() {
    Reply reply =
        clinic
            .postCsv(
                "/api/import?instrument=phq-9",
                "south-sup",
                "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nann-1,90,0,0,0,0,0,0,0,0,0\n")
            .expect(200);
    assertThat(reply.json().get("taken").asInt()).isZero();
    assertThat(clinic.get("/api/clients/" + client, "ann").json().get("administrations").toString())
        .doesNotContain("\"session\":90");
  }

  /** The supervisor of the client's own team reaches the client. */
  @Test
  void theTeamsSupervisorReachesTheClient() {
    clinic.get("/api/clients/" + client, "north-sup").expect(200);
    clinic.get("/api/clients/" + client + "/trend", "north-sup").expect(200);
    assertThat(clinic.get("/api/alerts", "north-sup").expect(200).body()).contains("ann-1");
  }
}
