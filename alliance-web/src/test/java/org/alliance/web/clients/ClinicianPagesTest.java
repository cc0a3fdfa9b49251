package org.alliance.web.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.alliance.core.trend.AlertRule;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.alerts.AlertAcknowledgements;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clinician pages end to end over HTTP on H2: dashboard, client page, tablet entry,
 * acknowledgement, notes, report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianPagesTest {
  TestClinic clinic;
  long client;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    client = clinic.clients.get("ann-1");
    // A risk item at the latest session: the dashboard must put ann-1 first with a critical alert.
    clinic
        .post(
            "/api/clients/" + client + "/administrations",
            "ann",
            TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
        .expect(201);
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  private Reply form(String path, String body) {
    return clinic.send(
        clinic
            .request(path, "ann")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void theDashboardShowsOnlyTheCaseloadWithTheRiskAlertFirst() {
    String page = clinic.get("/", "ann").expect(200).body();
    assertThat(page)
        .contains("ann-1")
        .contains("Risk item answered")
        .contains("PHQ-9")
        .doesNotContain("ben-1", "cay-1");
    assertThat(clinic.get("/?alert=vicious-circle", "ann").expect(200).body())
        .doesNotContain("href=\"/clients/" + client + "\"");
    assertThat(clinic.get("/?alert=no-such-kind", "ann").expect(400).body())
        .contains("no-such-kind");
  }

  @Test
  void theClientPageSaysWhyTheClientIsWhereTheyAreAndLinksEachAlertToItsGuide() {
    String page = clinic.get("/clients/" + client, "ann").expect(200).body();
    assertThat(page)
        .contains("Red: risk item answered at session 1, to act on in the next session.")
        .contains("href=\"/guides/risk\"")
        .contains("href=\"/guides/order\"")
        .doesNotContain("phq9_9")
        .doesNotContain("CRITICAL_ITEM")
        .doesNotContain("critical-item</");
  }

  @Test
  void theGuidesSayWhatToDoWithTheirSourcesAndTheOrderGivesTheExactRules() {
    assertThat(clinic.get("/guides/relationship", "ann").expect(200).body())
        .contains("Invite criticism")
        .contains("Eubanks, C. F., Muran, J. C., &amp; Safran, J. D. (2018)");
    assertThat(clinic.get("/guides/progress", "ann").expect(200).body())
        .contains("Social support")
        .contains("Lambert, M. J., Whipple, J. L., &amp; Kleinstäuber, M. (2018)");
    assertThat(clinic.get("/guides/risk", "ann").expect(200).body())
        .contains("risk protocol")
        .contains("Stanley, B., &amp; Brown, G. K. (2012)");
    String order = clinic.get("/guides/order", "ann").expect(200).body();
    int previous = -1;
    for (AlertRule rule : AlertRule.values()) {
      int at = order.indexOf("<td>" + rule.title() + "</td>");
      assertThat(at).as(rule.title()).isGreaterThan(previous);
      previous = at;
    }
    assertThat(order)
        .contains("at least 5 points below the previous one")
        .doesNotContain("ALLIANCE_DROP")
        .doesNotContain("alliance-drop");
    assertThat(clinic.get("/guides/nonsense", "ann").expect(404).body())
        .contains("there is no such guide");
  }

  @Test
  void aWrongEntryIsCorrectedOrVoidedFromTheClientPageKeepingTheOriginal() {
    // A client of its own: the class's other tests read ann-1's record.
    long client =
        clinic
            .post("/api/clients", "ann", java.util.Map.of("reference", "ann-corrections"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    long entry =
        clinic
            .post(
                "/api/clients/" + client + "/administrations",
                "ann",
                TestClinic.vas("srs", 40, 9, 9, 9, 9))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String page = clinic.get("/clients/" + client, "ann").expect(200).body();
    String path = "/clients/" + client + "/administrations/" + entry;
    assertThat(page).contains("href=\"" + path + "/correct\"");
    String form = clinic.get(path + "/correct", "ann").expect(200).body();
    assertThat(form)
        .contains("Correct SRS of session 40")
        .contains("value=\"40\"")
        .contains("name=\"reason\"")
        .contains("Void this entry");

    // Without a reason the form comes back and nothing changes.
    String refused =
        form(path + "/correct", "session=41&srs_1=9&srs_2=9&srs_3=9&srs_4=8&reason=")
            .expect(400)
            .body();
    assertThat(refused).contains("Reason: say why the entry is changed");
    form(path + "/correct", "session=41&srs_1=9&srs_2=9&srs_3=9&srs_4=8&reason=wrong+session")
        .expect(303);
    String corrected = clinic.get("/clients/" + client, "ann").expect(200).body();
    assertThat(corrected)
        .contains("Corrected and voided entries")
        .contains("Session 40, SRS (total 36): corrected by ANN on")
        .contains("because: wrong session");
    clinic.get(path + "/correct", "ann").expect(404);

    JsonNode record = clinic.get("/api/clients/" + client, "ann").expect(200).json();
    long replacement = record.get("history").get(0).get("replacedBy").asLong();
    form("/clients/" + client + "/administrations/" + replacement + "/void", "reason=").expect(400);
    form(
            "/clients/" + client + "/administrations/" + replacement + "/void",
            "reason=not+this+client")
        .expect(303);
    assertThat(clinic.get("/clients/" + client, "ann").expect(200).body())
        .contains("Session 41, SRS (total 35): voided by ANN on")
        .contains("because: not this client");
  }

  @Test
  void aTabletOrsIsScoredStoredAndShownAtOnce() {
    Reply reply =
        form(
            "/clients/" + client + "/entry",
            "instrument=ors&session=2&date=2025-03-10&ors_1=2.5&ors_2=3&ors_3=4.1&ors_4=0");
    assertThat(reply.expect(200).body()).contains("id=\"total\">9.6<");
    assertThat(clinic.get("/api/clients/" + client, "ann").body()).contains("\"session\":2");
  }

  @Test
  void aTabletFormWithAMissingItemComesBackNamingTheItem() {
    Reply reply =
        form(
            "/clients/" + client + "/entry",
            "instrument=srs&session=3&srs_1=9&srs_2=9&srs_3=&srs_4=11");
    assertThat(reply.expect(400).body())
        .contains("Please check")
        .contains("Question 3: not answered yet; move the slider")
        .contains("Question 4: expected 0.0-10.0, found 11")
        .doesNotContain("srs_4:");
    assertThat(clinic.get("/api/clients/" + client, "ann").body())
        .doesNotContain("\"instrument\":\"srs\"");
  }

  @Test
  void aTabletFormWhoseSlidersWereNeverMovedStoresNothing() {
    String before = clinic.get("/api/clients/" + client, "ann").body();
    assertThat(clinic.get("/clients/" + client + "/entry?instrument=ors", "ann").body())
        .doesNotContain("value=\"5.0\"")
        .contains("Not answered yet");
    Reply reply =
        form(
            "/clients/" + client + "/entry",
            "instrument=ors&session=7&ors_1=&ors_2=&ors_3=&ors_4=");
    assertThat(reply.expect(400).body())
        .contains("Question 1: not answered yet")
        .contains("Question 4: not answered yet");
    assertThat(clinic.get("/api/clients/" + client, "ann").body()).isEqualTo(before);
  }

  @Test
  void anAcknowledgementIsRecordedWithWhoAndWhenOnce() {
    String body = "rule=critical-item&session=1&followUp=safety+plan+reviewed";
    form("/clients/" + client + "/acknowledgements", body).expect(303);
    List<AlertAcknowledgements.Acknowledgement> stored =
        clinic.server.database().read(handle -> AlertAcknowledgements.ofClient(handle, client));
    assertThat(stored)
        .singleElement()
        .satisfies(
            ack -> {
              assertThat(ack.by()).isEqualTo("ANN");
              assertThat(ack.followUp()).isEqualTo("safety plan reviewed");
            });
    form("/clients/" + client + "/acknowledgements", body).expect(409);
    assertThat(clinic.get("/clients/" + client, "ann").expect(200).body())
        .contains("Done, recorded by ANN")
        .contains("safety plan reviewed");
    // The loop closes in the printable report too.
    assertThat(clinic.get("/clients/" + client + "/report", "ann").expect(200).body())
        .contains("What was done about alerts")
        .contains("safety plan reviewed");
    // Acted on, the alert looks different on the caseload and the client page.
    assertThat(clinic.get("/", "ann").expect(200).body())
        .contains("<li class=\"done\">Risk item answered")
        .contains("session 1, done)");
    assertThat(clinic.get("/clients/" + client, "ann").expect(200).body())
        .contains("class=\"card done\"")
        .contains("Re-open");
    // Re-opened, it can be acted on again, and the earlier record stays.
    form("/clients/" + client + "/acknowledgements/reopen", "rule=critical-item&session=1")
        .expect(303);
    form("/clients/" + client + "/acknowledgements/reopen", "rule=critical-item&session=1")
        .expect(409);
    String reopened = clinic.get("/clients/" + client, "ann").expect(200).body();
    assertThat(reopened)
        .contains("class=\"card critical\"")
        .contains("Earlier: recorded by ANN")
        .contains("re-opened by ANN")
        .contains("Record what was done");
    form(
            "/clients/" + client + "/acknowledgements",
            "rule=critical-item&session=1&followUp=called+back")
        .expect(303);
    List<AlertAcknowledgements.Acknowledgement> all =
        clinic.server.database().read(handle -> AlertAcknowledgements.ofClient(handle, client));
    assertThat(all)
        .extracting(AlertAcknowledgements.Acknowledgement::followUp)
        .containsExactly("safety plan reviewed", "called back");
    assertThat(clinic.get("/clients/" + client + "/report", "ann").expect(200).body())
        .contains("(re-opened by ANN on")
        .contains("called back");
    List<AuditEntry> audit =
        clinic
            .server
            .database()
            .read(
                handle ->
                    AuditLog.latest(
                        handle, java.util.Optional.of(client), java.util.Optional.empty(), 50));
    assertThat(audit).extracting(AuditEntry::action).contains("alert.acknowledge", "alert.reopen");
  }

  @Test
  void notesShowOnTheChartAndTheReportIsTheIoReport() {
    form("/clients/" + client + "/notes", "note=started+sertralin&session=1").expect(303);
    // A typo is edited; the earlier version stays.
    long note =
        clinic.server.database().read(handle -> ChartNotes.ofClient(handle, client)).get(0).id();
    form("/clients/" + client + "/notes/" + note, "note=started+sertraline&session=1").expect(303);
    form("/clients/" + client + "/notes/999999", "note=x").expect(404);
    // A note at no session or date is listed, marks no chart, and breaks nothing.
    form("/clients/" + client + "/notes", "note=family+visit+planned").expect(303);
    assertThat(clinic.get("/clients/" + client, "ann").expect(200).body())
        .contains("family visit planned");
    clinic.get("/clients/" + client + "/charts/phq-9", "ann").expect(200);
    assertThat(clinic.get("/clients/" + client, "ann").body())
        .contains("Before an edit by ANN on")
        .contains("started sertralin</span>");
    assertThat(clinic.get("/clients/" + client, "ann").body())
        .contains("Session 1")
        .contains("started sertraline");
    Reply report = clinic.get("/clients/" + client + "/report", "ann").expect(200);
    assertThat(report.body())
        .contains("Client report")
        .contains("<svg")
        .contains("Chart notes")
        .contains("Note at session 1: started sertraline.");
    // The chart draws the note as a mark, and its description says it.
    assertThat(clinic.get("/clients/" + client, "ann").body())
        .contains("Note at session 1: started sertraline.");
    assertThat(report.headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain("script-src 'unsafe");
    assertThat(
            clinic
                .get("/clients/" + client + "/charts/phq-9", "ann")
                .expect(200)
                .headers()
                .firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
  }

  @Test
  void eachChartIsOfferedAtThePhonesWidthsAndNoOther() {
    // The page offers a drawing per range of screen widths; the browser fetches the one that fits.
    assertThat(clinic.get("/clients/" + client, "ann").body())
        .contains(
            "<source media=\"(max-width: 30rem)\" srcset=\"/clients/"
                + client
                + "/charts/phq-9?width=320\">")
        .contains("<img src=\"/clients/" + client + "/charts/phq-9\"");
    assertThat(
            clinic.get("/clients/" + client + "/charts/phq-9?width=320", "ann").expect(200).body())
        .startsWith("<svg")
        .contains("width='320'");
    assertThat(clinic.get("/clients/" + client + "/charts/phq-9", "ann").expect(200).body())
        .contains("width='880'");
    // No request draws a chart of any size it likes.
    assertThat(
            clinic
                .get("/clients/" + client + "/charts/phq-9?width=100000", "ann")
                .expect(400)
                .body())
        .contains("320, 440, 580 or 880 pixels wide");
  }
}
