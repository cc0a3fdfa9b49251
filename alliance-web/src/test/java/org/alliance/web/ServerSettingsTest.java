package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.alliance.web.platform.db.Dialect;
import org.alliance.web.platform.http.BodyLimits;
import org.alliance.web.platform.security.Authentication;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
  @Test
  void theEmbeddedDatabaseWritesEachCommitBeforeItReturns() {
    String url = ServerSettings.embedded(Path.of("/srv/alliance")).jdbcUrl();
    assertThat(url).isEqualTo("jdbc:h2:file:/srv/alliance/alliance;WRITE_DELAY=0");
    assertThat(Dialect.of(url)).isEqualTo(Dialect.H2);
  }

  @Test
  void aGivenUrlWins() {
    ServerSettings settings =
        ServerSettings.embedded(Path.of("data"))
            .withDatabase(
                "jdbc:postgresql://db:5432/alliance", Optional.of("alliance"), Optional.empty());
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/alliance");
    assertThat(Dialect.of(settings.jdbcUrl())).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void portsAndDatabasesAreChecked() {
    assertThatThrownBy(
            () ->
                new ServerSettings(
                    65_536,
                    Path.of("data"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    false,
                    ServerSettings.LOCAL_HOST,
                    Optional.empty(),
                    BodyLimits.DEFAULTS,
                    Authentication.DEFAULT_IDLE))
        .hasMessageContaining("0..65535");
    assertThatThrownBy(
            () -> ServerSettings.embedded(Path.of("data")).withSessionIdle(Duration.ZERO))
        .hasMessageContaining("--session-idle-minutes must lie in 1..720");
    assertThatThrownBy(
            () -> ServerSettings.embedded(Path.of("data")).withSessionIdle(Duration.ofHours(13)))
        .hasMessageContaining("--session-idle-minutes");
    assertThat(ServerSettings.embedded(Path.of("data")).sessionIdle()).hasMinutes(30);
    assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/alliance"))
        .hasMessageContaining("unsupported database URL");
  }
}
