package org.alliance.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.alliance.web.SignedIn;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team page and {@code GET /api/cohort} over a period: only scores dated in it count. */
class TeamPeriodTest {
  @TempDir Path dataDir;
  TestClinic clinic;

  @BeforeEach
  void start() {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    String path = "/api/clients/" + clinic.clients.get("ann-1") + "/administrations";
    clinic.post(path, "ann", TestClinic.phq9(1, 2, 2, 2, 2, 2, 2, 2, 2, 0)).expect(201);
    clinic.post(path, "ann", TestClinic.phq9(6, 1, 1, 1, 1, 0, 0, 0, 0, 0)).expect(201);
  }

  @AfterEach
  void stop() {
    clinic.close();
  }

  @Test
  void aPeriodKeepsOnlyTheScoresDatedInIt() {
    long dated =
        clinic
            .post("/api/clients", "ann", java.util.Map.of("reference", "ann-dated"))
            .expect(201)
            .json()
            .get("id")
            .asLong();
    String path = "/api/clients/" + dated + "/administrations";
    java.util.Map<String, Object> first =
        new java.util.LinkedHashMap<>(TestClinic.phq9(1, 3, 3, 3, 3, 3, 3, 3, 3, 0));
    first.put("date", "2026-01-10");
    java.util.Map<String, Object> last =
        new java.util.LinkedHashMap<>(TestClinic.phq9(6, 1, 1, 1, 1, 1, 0, 0, 0, 0));
    last.put("date", "2026-03-01");
    clinic.post(path, "ann", first).expect(201);
    clinic.post(path, "ann", last).expect(201);

    // Both scores in the period: the dated client alone (ann-1's scores have no date).
    JsonNode both =
        clinic
            .get("/api/cohort?measure=phq-9&from=2026-01-01&to=2026-03-31", "admin")
            .expect(200)
            .json();
    assertThat(both.get("clients").asInt()).isEqualTo(1);
    assertThat(both.get("period").get("from").asText()).isEqualTo("2026-01-01");
    // The first score before the period: no client has two scores in it.
    assertThat(
            clinic
                .get("/api/cohort?measure=phq-9&from=2026-01-11", "admin")
                .expect(200)
                .json()
                .get("clients")
                .asInt())
        .isZero();
    // Without a period, everyone: ann-1, whose scores have no date, counts too.
    assertThat(
            clinic
                .get("/api/cohort?measure=phq-9", "admin")
                .expect(200)
                .json()
                .get("clients")
                .asInt())
        .isEqualTo(2);

    String page =
        SignedIn.as(clinic, "admin")
            .get("/team?measure=phq-9&from=2026-01-01&to=2026-03-31")
            .expect(200)
            .body();
    assertThat(page)
        .contains(
            "1 clients with at least two PHQ-9 scores (scores dated from 2026-01-01 to 2026-03-31)")
        .contains("value=\"2026-01-01\"")
        .contains("/team/chart?measure=phq-9&amp;from=2026-01-01&amp;to=2026-03-31");
    assertThat(
            clinic
                .get("/api/cohort?measure=phq-9&from=2026-13-01", "admin")
                .expect(400)
                .json()
                .get("error")
                .asText())
        .isEqualTo("from: write a date as YYYY-MM-DD, not \"2026-13-01\"");
    assertThat(
            clinic
                .get("/api/cohort?measure=phq-9&from=2026-03-01&to=2026-01-01", "admin")
                .expect(400)
                .body())
        .contains("from: 2026-03-01 is after to: 2026-01-01");
    assertThat(SignedIn.as(clinic, "admin").get("/team?from=1850-01-01").expect(400).body())
        .contains("from: 1850-01-01 is not between 1900-01-01 and today");
  }
}
