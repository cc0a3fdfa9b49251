package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.db.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway upgrades an existing database: a database made by V1 alone, with data in it, is opened by
 * the current server, which applies the later migrations (V2 makes the audit log append-only) and
 * serves the old data (V33 adds when a session was last used, from when it began). Run on H2 and
 * PostgreSQL by the subclasses.
 */
abstract class MigrationTests {
  @TempDir Path dataDir;

  abstract TestDatabase database();

  @Test
  void aVersion1DatabaseIsUpgradedAndKeepsItsData() {
    ServerSettings settings = database().settings(dataDir);
    try (Database v1 =
        Database.open(
            settings.jdbcUrl(), settings.dbUser(), settings.dbPassword(), Optional.of("1"))) {
      assertThat(versions(v1)).containsExactly("1");
      v1.write(
          handle -> {
            handle.execute(
                "INSERT INTO teams (name, created_at) VALUES ('Legacy', CURRENT_TIMESTAMP)");
            handle.execute(
                "INSERT INTO users (username, display_name, role, password_hash, created_at) "
                    + "VALUES ('legacy', 'Legacy Clinician', 'clinician', 'x', CURRENT_TIMESTAMP)");
            handle.execute(
                "INSERT INTO clients (reference, clinician_id, created_at) "
                    + "SELECT 'legacy-client', id, CURRENT_TIMESTAMP FROM users WHERE username = 'legacy'");
            handle.execute(
                "INSERT INTO login_sessions (id_hash, user_id, csrf_token, created_at, expires_at) "
                    + "SELECT 'legacy-session', id, 'csrf', TIMESTAMP WITH TIME ZONE '2025-01-02 03:04:05+00', "
                    + "TIMESTAMP WITH TIME ZONE '2025-01-02 15:04:05+00' FROM users WHERE username = 'legacy'");
            handle.execute(
                "INSERT INTO audit_log (occurred_at, action, detail) VALUES (CURRENT_TIMESTAMP, 'legacy', 'before V2')");
            // Before V2 nothing stops a change to the log: V2 is what adds the guard.
            handle.execute(
                "UPDATE audit_log SET detail = 'changed before V2' WHERE action = 'legacy'");
            return null;
          });
    }

    try (TestClinic clinic =
        TestClinic.start(
            settings,
            java.time.Clock.systemUTC(),
            org.alliance.web.platform.security.LoginThrottle.defaults())) {
      assertThat(versions(clinic.server.database()))
          .containsExactly("1", "2", "3", "4", "30", "31", "32", "33", "34", "45", "55");
      // V45: no client from before is erased.
      assertThat(
              (int)
                  clinic
                      .server
                      .database()
                      .<Integer>read(
                          handle ->
                              handle
                                  .createQuery(
                                      "SELECT COUNT(*) FROM clients WHERE erased_at IS NOT NULL")
                                  .mapTo(Integer.class)
                                  .one()))
          .isZero();
      // V33: a session open during the upgrade was last seen when it began; no one must change
      // their password.
      int sessionsSeenWhenBegun =
          clinic
              .server
              .database()
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "SELECT COUNT(*) FROM login_sessions s JOIN users u ON u.id = s.user_id"
                                  + " WHERE s.last_seen_at = s.created_at AND NOT u.must_change_password")
                          .mapTo(Integer.class)
                          .one());
      assertThat(sessionsSeenWhenBegun).isEqualTo(1);
      assertThat(clinic.get("/api/clients", "admin").expect(200).body())
          .contains("legacy-client")
          // V34: a client from before has English, no details and is on the active caseload.
          .contains("\"language\":\"en\",\"ageBand\":null,\"dischargedAt\":null");

      Database upgraded = clinic.server.database();
      assertThatThrownBy(
              () ->
                  upgraded.write(
                      handle -> handle.execute("UPDATE audit_log SET detail = 'tampered'")))
          .hasStackTraceContaining("append-only");
      assertThatThrownBy(() -> upgraded.write(handle -> handle.execute("DELETE FROM audit_log")))
          .hasStackTraceContaining("append-only");
      if (upgraded.dialect() == Dialect.POSTGRESQL) {
        assertThatThrownBy(() -> upgraded.write(handle -> handle.execute("TRUNCATE audit_log")))
            .hasStackTraceContaining("append-only");
      }
      int entries =
          upgraded
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("SELECT COUNT(*) FROM audit_log")
                          .mapTo(Integer.class)
                          .one());
      assertThat(entries).isGreaterThanOrEqualTo(2);
      String detail =
          upgraded
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("SELECT detail FROM audit_log WHERE action = 'legacy'")
                          .mapTo(String.class)
                          .one());
      assertThat(detail).isEqualTo("changed before V2");
    }
  }

  private static java.util.List<String> versions(Database database) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                    .mapTo(String.class)
                    .list());
  }
}
