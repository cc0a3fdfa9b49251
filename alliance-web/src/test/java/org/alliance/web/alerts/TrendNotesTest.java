package org.alliance.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.alliance.web.ClinicServer;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client is told only about the measures they filled in: the clinic has too few PHQ-9 and ORS
 * episodes for an expected course of either, and the ORS-only client's trend says so for the ORS,
 * never for the PHQ-9 (issue 12: notes about instruments the client never had).
 */
class TrendNotesTest {
  @TempDir Path dataDir;

  @Test
  void aTrendNotesOnlyTheMeasuresTheClientFilledIn() {
    String token;
    long phqClient;
    long orsClient;
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      token = "Bearer " + clinic.tokens.get("ann");
      phqClient = clinic.clients.get("ann-1");
      orsClient =
          clinic
              .post("/api/clients", "ann", java.util.Map.of("reference", "ann-ors"))
              .expect(201)
              .json()
              .get("id")
              .asLong();
      clinic
          .post(
              "/api/clients/" + phqClient + "/administrations",
              "ann",
              TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
          .expect(201);
      clinic
          .post(
              "/api/clients/" + orsClient + "/administrations",
              "ann",
              TestClinic.vas("ors", 1, 5, 5, 5, 5))
          .expect(201);
    }
    // The expected courses are fitted when the server starts (and every few minutes after).
    try (ClinicServer again =
        ClinicServer.start(
            TestDatabase.H2.settings(dataDir), Clock.systemUTC(), LoginThrottle.defaults())) {
      TestClinic clinic = TestClinic.around(again);
      assertThat(notes(clinic, phqClient, token))
          .singleElement()
          .asString()
          .startsWith("PHQ-9 has no expected course yet");
      List<String> ors = notes(clinic, orsClient, token);
      assertThat(ors).singleElement().asString().startsWith("ORS has no expected course yet");
      assertThat(ors).noneMatch(note -> note.contains("PHQ-9") || note.contains("phq-9"));
    }
  }

  private static List<String> notes(TestClinic clinic, long client, String token) {
    JsonNode trend = clinic.get("/api/clients/" + client + "/trend", token).expect(200).json();
    List<String> notes = new ArrayList<>();
    trend.get("notes").forEach(note -> notes.add(note.asText()));
    return notes;
  }
}
