package org.alliance.web.administrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session numbers beyond 1,000 are refused wherever a session comes in, and a record that holds a
 * huge one from before that limit still shows its chart, report and a sensible next session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLimitTest {
  TestClinic clinic;
  long ann;
  long ben;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    clinic = TestClinic.start(TestDatabase.H2, dataDir);
    ann = clinic.clients.get("ann-1");
    ben = clinic.clients.get("ben-1");
  }

  @AfterAll
  void stop() {
    if (clinic != null) {
      clinic.close();
    }
  }

  private Reply form(String path, String user, String body) {
    return clinic.send(
        clinic
            .request(path, user)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void theApiTakesSession1000AndRefusesTheNext() {
    String path = "/api/clients/" + ann + "/administrations";
    clinic.post(path, "ann", TestClinic.vas("ors", 1000, 5, 5, 5, 5)).expect(201);
    for (int session : new int[] {1001, 100_000, Integer.MAX_VALUE}) {
      Reply refused = clinic.post(path, "ann", TestClinic.vas("ors", session, 5, 5, 5, 5));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("a whole number from 0 to 1000");
    }
    Reply tooLong =
        clinic.send(
            clinic
                .request(path, "ann")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"instrument\":\"ors\",\"session\":99999999999999999999,"
                            + "\"answers\":{\"ors_1\":5,\"ors_2\":5,\"ors_3\":5,\"ors_4\":5}}"))
                .build());
    assertThat(tooLong.status()).isEqualTo(400);
  }

  @Test
  void theTabletAndTheLinkFormRefuseSessionsBeyondTheLimit() {
    Reply tablet =
        form(
            "/clients/" + ann + "/entry",
            "ann",
            "instrument=ors&session=2147483647&ors_1=5&ors_2=5&ors_3=5&ors_4=5");
    assertThat(tablet.status()).isEqualTo(400);
    assertThat(tablet.body()).contains("a whole number from 0 to 1000");
    Reply link = form("/clients/" + ann + "/links", "ann", "instrument=ors&session=1001");
    assertThat(link.status()).isEqualTo(400);
    assertThat(link.body()).contains("a whole number from 0 to 1000");
    assertThat(clinic.get("/api/clients/" + ann, "ann").body()).doesNotContain("2147483647");
  }

  @Test
  void aRecordWithAHugeSessionFromBeforeTheLimitStillShowsItsChartAndReport() {
    String path = "/api/clients/" + ben + "/administrations";
    clinic.post(path, "ben", TestClinic.vas("ors", 1, 2, 1, 1, 1)).expect(201);
    clinic.post(path, "ben", TestClinic.vas("ors", 2, 5, 2, 2, 2)).expect(201);
    clinic.post(path, "ben", TestClinic.vas("ors", 3, 8, 3, 3, 3)).expect(201);
    // As an older version stored it, before session numbers had a limit.
    clinic
        .server
        .database()
        .write(
            handle ->
                handle.execute(
                    "UPDATE administrations SET session_number = ? WHERE client_id = ? "
                        + "AND session_number = 3",
                    Integer.MAX_VALUE,
                    ben));

    assertThat(clinic.get("/clients/" + ben, "ben").expect(200).body()).contains("value=\"1000\"");
    assertThat(clinic.get("/clients/" + ben + "/charts/ors", "ben").status()).isEqualTo(200);
    assertThat(clinic.get("/clients/" + ben + "/report", "ben").expect(200).body())
        .contains("sessions in between");
    assertThat(clinic.get("/clients/" + ben + "/entry?instrument=srs", "ben").expect(200).body())
        .contains("value=\"1000\"");
    assertThat(clinic.get("/api/clients/" + ben + "/trend", "ben").status()).isEqualTo(200);
    assertThat(clinic.get("/api/clients/" + ben + "/fhir", "ben").status()).isEqualTo(200);
    assertThat(clinic.get("/", "ben").status()).isEqualTo(200);
  }
}
