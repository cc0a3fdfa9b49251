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
          .containsExactly("1", "2", "3", "4", "30", "31", "32", "33", "34", "40", "45", "55");
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

  /**
   * V40: a database from before episodes of care gives every client one episode holding all their
   * administrations, acknowledgements and notes: open for an active client, closed on the discharge
   * day for a discharged one, with only what is known (no referral date, no opener). Sessions are
   * then unique per episode, so session 1 may come again in a new episode.
   */
  @Test
  void aDatabaseFromBeforeEpisodesGetsOneEpisodePerClient() {
    ServerSettings settings = database().settings(dataDir);
    try (Database v34 =
        Database.open(
            settings.jdbcUrl(), settings.dbUser(), settings.dbPassword(), Optional.of("34"))) {
      v34.write(
          handle -> {
            handle.execute(
                "INSERT INTO users (username, display_name, role, password_hash, created_at) "
                    + "VALUES ('olden', 'Old Clinician', 'clinician', 'x', CURRENT_TIMESTAMP)");
            handle.execute(
                "INSERT INTO clients (reference, clinician_id, created_at) "
                    + "SELECT 'old-active', id, TIMESTAMP WITH TIME ZONE '2024-02-01 09:00:00+00' FROM users WHERE username = 'olden'");
            handle.execute(
                "INSERT INTO clients (reference, clinician_id, created_at, discharged_at, discharged_by) "
                    + "SELECT 'old-gone', id, TIMESTAMP WITH TIME ZONE '2024-01-01 09:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2024-06-30 12:00:00+00', id FROM users WHERE username = 'olden'");
            for (String reference : java.util.List.of("old-active", "old-gone")) {
              for (int session = 1; session <= 3; session++) {
                handle.execute(
                    "INSERT INTO administrations (client_id, instrument_id, instrument_version, session_number, "
                        + "administered_on, answers, total, valid, created_by, created_at) "
                        + "SELECT c.id, 'ors', '1.0', "
                        + session
                        + ", DATE '2024-03-0"
                        + session
                        + "', '{}', "
                        + (20 + session)
                        + ", TRUE, c.clinician_id, CURRENT_TIMESTAMP FROM clients c WHERE c.reference = '"
                        + reference
                        + "'");
              }
            }
            handle.execute(
                "INSERT INTO alert_acknowledgements (client_id, rule_id, rule_version, session_number, "
                    + "follow_up, acknowledged_by, acknowledged_at) SELECT c.id, 'rupture', '1', 2, "
                    + "'talked', c.clinician_id, CURRENT_TIMESTAMP FROM clients c WHERE c.reference = 'old-active'");
            handle.execute(
                "INSERT INTO chart_notes (client_id, session_number, note, created_by, created_at) "
                    + "SELECT c.id, 2, 'moved house', c.clinician_id, CURRENT_TIMESTAMP FROM clients c "
                    + "WHERE c.reference = 'old-gone'");
            return null;
          });
    }

    try (TestClinic clinic =
        TestClinic.start(
            settings,
            java.time.Clock.systemUTC(),
            org.alliance.web.platform.security.LoginThrottle.defaults())) {
      Database upgraded = clinic.server.database();
      record Row(
          String reference,
          int episodes,
          int open,
          String closedOn,
          String reason,
          String note,
          int administrations,
          int unassigned) {}
      java.util.List<Row> rows =
          upgraded.read(
              handle ->
                  handle
                      .createQuery(
                          "SELECT c.reference, "
                              + "(SELECT COUNT(*) FROM episodes e WHERE e.client_id = c.id) AS episodes, "
                              + "(SELECT COUNT(*) FROM episodes e WHERE e.open_for = c.id) AS open, "
                              + "(SELECT CAST(MAX(e.closed_on) AS VARCHAR(10)) FROM episodes e WHERE e.client_id = c.id) AS closed_on, "
                              + "(SELECT MAX(e.ending_reason) FROM episodes e WHERE e.client_id = c.id) AS reason, "
                              + "(SELECT MAX(e.ending_note) FROM episodes e WHERE e.client_id = c.id) AS note, "
                              + "(SELECT COUNT(*) FROM administrations a JOIN episodes e ON e.id = a.episode_id "
                              + "WHERE a.client_id = c.id AND e.client_id = c.id) AS administrations, "
                              + "(SELECT COUNT(*) FROM administrations a WHERE a.client_id = c.id AND a.episode_id IS NULL) AS unassigned "
                              + "FROM clients c WHERE c.reference LIKE 'old-%' ORDER BY c.reference")
                      .map(
                          (rs, ctx) ->
                              new Row(
                                  rs.getString(1),
                                  rs.getInt(2),
                                  rs.getInt(3),
                                  rs.getString(4),
                                  rs.getString(5),
                                  rs.getString(6),
                                  rs.getInt(7),
                                  rs.getInt(8)))
                      .list());
      assertThat(rows)
          .containsExactly(
              new Row("old-active", 1, 1, null, null, null, 3, 0),
              new Row(
                  "old-gone",
                  1,
                  0,
                  "2024-06-30",
                  "other",
                  "discharged before episodes were recorded",
                  3,
                  0));
      // Nothing was invented: no referral date, no first session, nobody who opened them.
      int invented =
          upgraded.read(
              handle ->
                  handle
                      .createQuery(
                          "SELECT COUNT(*) FROM episodes WHERE referred_on IS NOT NULL "
                              + "OR first_session_on IS NOT NULL OR opened_by IS NOT NULL")
                      .mapTo(Integer.class)
                      .one());
      assertThat(invented).isZero();
      // The acknowledgement and the note went with their client into the episode.
      int unplaced =
          upgraded.read(
              handle ->
                  handle
                      .createQuery(
                          "SELECT (SELECT COUNT(*) FROM alert_acknowledgements k JOIN episodes e ON e.id = k.episode_id "
                              + "WHERE e.client_id <> k.client_id) + (SELECT COUNT(*) FROM chart_notes n "
                              + "JOIN episodes e ON e.id = n.episode_id WHERE e.client_id <> n.client_id) "
                              + "+ (SELECT COUNT(*) FROM chart_notes WHERE episode_id IS NULL)")
                      .mapTo(Integer.class)
                      .one());
      assertThat(unplaced).isZero();

      long active =
          upgraded.read(
              handle ->
                  handle
                      .createQuery("SELECT id FROM clients WHERE reference = 'old-active'")
                      .mapTo(Long.class)
                      .one());
      String c = "/api/clients/" + active;
      String episodes = clinic.get(c + "/episodes", "admin").expect(200).body();
      assertThat(episodes).contains("\"number\":1").contains("\"administrations\":3");
      // The old client's course goes on in its episode; a new episode starts at session 1.
      clinic.post(c + "/discharge", "admin", "{\"reason\": \"finished\"}").expect(200);
      clinic.post(c + "/readmit", "admin", "{}").expect(200);
      clinic
          .post(c + "/administrations", "admin", TestClinic.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
          .expect(201);
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
