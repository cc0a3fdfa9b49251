package org.alliance.web.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.http.WebException;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding clients when other requests add the same ones at the same moment (found by the fuzzer).
 */
class ClientsTest {
  @TempDir Path dataDir;

  /**
   * Two requests (two imports, say) that each found no client "race-1" and both add it: the second
   * is a 409 to send again, not a server error.
   */
  @Test
  void aReferenceTakenByAConcurrentRequestIsAConflictNotAServerError() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      long ann = clinic.users.get("ann").id();
      Instant now = Instant.now();
      clinic.server.database().write(handle -> Clients.create(handle, "race-1", ann, now));
      WebException refused =
          catchThrowableOfType(
              WebException.class,
              () ->
                  clinic
                      .server
                      .database()
                      .write(handle -> Clients.create(handle, "race-1", ann, now)));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.getMessage())
          .isEqualTo(
              "the client 'race-1' could not be added just now, as another request was adding"
                  + " clients at the same moment; nothing of this request was stored: send it again");
    }
  }

  /**
   * An import that must wait for another request's uncommitted new client until the database gives
   * up (two imports adding the same clients in opposite orders deadlock like this): a 409 to send
   * again, not a server error.
   */
  @Test
  void anImportThatWaitsTooLongForAnotherRequestsLockIsAConflict() {
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir);
        Handle other = clinic.server.database().jdbi().open()) {
      other.begin();
      Clients.create(other, "locked-1", clinic.users.get("ann").id(), Instant.now());
      var reply =
          clinic.postCsv(
              "/api/import?instrument=phq-9",
              "ann",
              "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\nlocked-1,1,0,0,0,0,0,0,0,0,0\n");
      other.rollback();
      reply.expect(409);
      assertThat(reply.json().get("error").asText())
          .isEqualTo(
              "another request was changing the same data at the same moment, so nothing of this"
                  + " request was stored; send it again");
    }
  }
}
