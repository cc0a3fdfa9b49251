package org.alliance.web.administrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.security.LoginThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form dated after today is refused wherever a date comes in; tomorrow is still taken, since the
 * clinic may be up to a day ahead of the server's UTC clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FutureDateTest {
  /** 2025-03-03 in UTC: today is the 3rd, tomorrow the 4th. */
  static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  TestClinic clinic;
  long client;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic =
        TestClinic.start(
            TestDatabase.H2.settings(dataDir),
            Clock.fixed(NOW, ZoneOffset.UTC),
            LoginThrottle.defaults());
    client = clinic.clients.get("ann-1");
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  private Reply api(int session, String date) {
    Map<String, Object> body = new LinkedHashMap<>(TestClinic.vas("ors", session, 5, 5, 5, 5));
    body.put("date", date);
    return clinic.post("/api/clients/" + client + "/administrations", "ann", body);
  }

  @Test
  void theApiTakesTomorrowAndRefusesTheDayAfter() {
    api(1, "2025-03-03").expect(201);
    api(2, "2025-03-04").expect(201);
    JsonNode refused = api(3, "2025-03-05").expect(400).json();
    assertThat(refused.get("problems").get(0).get("field").asText()).isEqualTo("date");
    assertThat(refused.get("problems").get(0).get("message").asText())
        .isEqualTo(
            "2025-03-05 is in the future; give the day the questionnaire was filled in (today at the latest)");
    api(4, "2999-01-01").expect(400);
  }

  @Test
  void theTabletRefusesAFutureDate() {
    Reply reply =
        clinic.send(
            clinic
                .request("/clients/" + client + "/entry", "ann")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "instrument=srs&session=9&date=2999-01-01&srs_1=9&srs_2=9&srs_3=9&srs_4=9"))
                .build());
    assertThat(reply.expect(400).body()).contains("Date: 2999-01-01 is in the future");
  }

  @Test
  void anImportRowWithAFutureDateIsNotTaken() {
    String csv =
        "client,session,date,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
            + "ann-1,20,2025-03-01,phq-9,1,1,1,1,1,1,1,1,0\n"
            + "ann-1,21,2999-01-01,phq-9,1,1,1,1,1,1,1,1,0\n";
    JsonNode result = clinic.postCsv("/api/import", "ann", csv).expect(200).json();
    assertThat(result.get("taken").asInt()).isEqualTo(1);
    assertThat(result.get("problems").get(0).get("line").asInt()).isEqualTo(3);
    assertThat(result.get("problems").get(0).get("message").asText())
        .contains("2999-01-01 is in the future");
  }
}
