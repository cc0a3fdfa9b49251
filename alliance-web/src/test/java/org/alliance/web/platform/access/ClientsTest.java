package org.alliance.web.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.alliance.web.platform.http.WebException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientsTest {
  @TempDir Path dataDir;

  /**
   * Two requests (two imports, say) that each found no client "race-1" and both add it: the second
   * is a 409 to send again, not a server error (found by the HTTP fuzzer).
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
              "the client reference 'race-1' was taken by another request at the same moment, so"
                  + " nothing of this request was stored; send it again");
    }
  }
}
