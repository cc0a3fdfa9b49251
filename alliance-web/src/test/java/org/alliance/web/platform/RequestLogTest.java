package org.alliance.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import org.alliance.web.TestClinic;
import org.alliance.web.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A monitor asking /health every few seconds does not fill the request log at INFO. */
class RequestLogTest {
  @Test
  void healthChecksAreLoggedAtDebugOnlyAndOtherRequestsAtInfo(@TempDir Path dataDir) {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger requests = (Logger) LoggerFactory.getLogger("alliance.request");
    Level before = requests.getLevel();
    requests.setLevel(Level.DEBUG);
    requests.addAppender(log);
    log.start();
    try (TestClinic clinic = TestClinic.start(TestDatabase.H2, dataDir)) {
      clinic.get("/health", null);
      clinic.get("/login", null);
    } finally {
      requests.detachAppender(log);
      requests.setLevel(before);
    }

    assertThat(log.list)
        .filteredOn(event -> event.getKeyValuePairs().toString().contains("/health"))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
    assertThat(log.list)
        .filteredOn(event -> event.getKeyValuePairs().toString().contains("/login"))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
  }
}
