package org.alliance.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
 * The team page against the real server on H2. PHQ-9 (caseness at 10 or more, reliable improvement
 * a drop of 6 or more): ann-1 goes 15 to 9 (exactly 6: reliably improved and recovered), ben-1 10
 * to 5 (10 is clinical, a drop of 5 is not reliable), cay-1 in the other team 12 to 20 (reliably
 * deteriorated).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamPageTest {
  TestClinic clinic;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    score(
        "ann",
        "ann-1",
        new int[] {3, 3, 3, 2, 2, 1, 1, 0, 0},
        new int[] {2, 2, 1, 1, 1, 1, 1, 0, 0});
    score(
        "ben",
        "ben-1",
        new int[] {2, 2, 1, 1, 1, 1, 1, 1, 0},
        new int[] {1, 1, 1, 1, 1, 0, 0, 0, 0});
    score(
        "cay",
        "cay-1",
        new int[] {2, 2, 2, 2, 1, 1, 1, 1, 0},
        new int[] {3, 3, 3, 3, 2, 2, 2, 2, 0});
  }

  private void score(String clinician, String client, int[] first, int[] last) {
    String path = "/api/clients/" + clinic.clients.get(client) + "/administrations";
    clinic.post(path, clinician, TestClinic.phq9(1, first)).expect(201);
    clinic.post(path, clinician, TestClinic.phq9(6, last)).expect(201);
  }

  @AfterAll
  void stop() {
    clinic.close();
  }

  @Test
  void theSupervisorSeesTheirTeamPerClinicianWithDenominatorsAndIntervals() {
    String page = SignedIn.as(clinic, "north-sup").get("/team?measure=phq-9").expect(200).body();
    assertThat(page)
        .contains("Outcomes of your team")
        .contains("2 clients with at least two PHQ-9 scores");
    // All clients: 1 of 2 reliably improved, 1 of 2 recovered (both began at 10 or more), 0 of 2
    // deteriorated.
    assertThat(page)
        .contains("1 of 2: <strong>50.0%</strong> <span class=\"quiet\">(9.5\u201390.5%)</span>")
        .contains("0 of 2: <strong>0.0%</strong> <span class=\"quiet\">(0.0\u201365.8%)</span>");
    // ann: 1 of 1 (the drop of exactly 6 counts); ben: 0 of 1 (a drop of 5 does not).
    assertThat(page)
        .contains(">ann <span class=\"badge\">fewer than 15</span>")
        .contains(">ben <span class=\"badge\">");
    assertThat(page)
        .contains("1 of 1: <strong>100.0%</strong> <span class=\"quiet\">(20.7\u2013100.0%)</span>")
        .contains("0 of 1: <strong>0.0%</strong> <span class=\"quiet\">(0.0\u201379.3%)</span>");
    assertThat(page)
        .contains("too few clients for their rates")
        .contains("<img src=\"/team/chart?measure=phq-9\"")
        .contains("srcset=\"/team/chart?measure=phq-9&amp;width=320\"");
    assertThat(page).doesNotContain("cay").doesNotContain("South");
    // No client has a GAD-7, so there are no NHS Talking Therapies rates to show.
    assertThat(page).doesNotContain("NHS Talking Therapies");
    JsonNode answer = clinic.get("/api/cohort?measure=phq-9", "north-sup").expect(200).json();
    assertThat(answer.get("talkingTherapies").isNull()).isTrue();
  }

  @Test
  void theAdminSeesTheWholeClinic() {
    String page = SignedIn.as(clinic, "admin").get("/team").expect(200).body();
    assertThat(page)
        .contains("Outcomes of the whole clinic")
        .contains("3 clients with at least two PHQ-9 scores")
        .contains(">cay <span")
        .contains("1 of 3: <strong>33.3%</strong>");
  }

  @Test
  void theChartIsTheIoRateChartAsSvgOfTheTeamOnly() {
    Reply chart = SignedIn.as(clinic, "north-sup").get("/team/chart?measure=phq-9").expect(200);
    assertThat(chart.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(chart.body())
        .startsWith("<svg")
        .contains("All clients (n=2)")
        .contains("ann (n=1) *")
        .doesNotContain("cay");
    assertThat(
            SignedIn.as(clinic, "north-sup")
                .get("/team/chart?measure=phq-9&width=320")
                .expect(200)
                .body())
        .contains("width='320'");
  }

  @Test
  void aClinicianIsRefusedAndAStrangerSentToSignIn() {
    assertThat(SignedIn.as(clinic, "ann").get("/team").expect(403).body())
        .contains("supervisors and admins");
    assertThat(clinic.get("/team", null).expect(302).headers().firstValue("Location"))
        .contains("/login");
  }

  @Test
  void aTeamWithoutScoresGetsAnEmptyPageAndABadMeasureAClearError() {
    String page = SignedIn.as(clinic, "south-sup").get("/team?measure=gad-7").expect(200).body();
    assertThat(page).contains("0 clients with at least two GAD-7 scores");
    assertThat(SignedIn.as(clinic, "south-sup").get("/team?measure=srs").expect(400).body())
        .contains("srs is not an outcome measure");
  }

  @Test
  void everyViewIsAudited() {
    SignedIn.as(clinic, "north-sup").get("/team?measure=phq-9").expect(200);
    assertThat(clinic.get("/api/audit?limit=5", "admin").expect(200).body())
        .contains("cohort.read")
        .contains("phq-9, 2 clients");
  }
}
