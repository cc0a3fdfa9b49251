package org.alliance.web.administrations;

import org.alliance.web.alerts.SessionScore;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.web.platform.access.ClientScope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The administrations table: every questionnaire filled in, with its score at the time it was written. */
public final class Administrations {
  private static final String SCORE_COLUMNS = "a.instrument_id, a.session_number, a.administered_on, a.total, a.risk_flags";

  private Administrations() {}

  /**
   * How far a client's data has come: administrations are only ever added, so their number and the
   * highest id change whenever anything a trend depends on changes.
   */
  public record ClientVersion(Client client, long administrations, long lastId) {}

  /** One score of one of many clients, read in client order. */
  public record ClientSessionScore(Client client, SessionScore score) {}

  private static final String CLIENT_COLUMNS = "c.id, c.reference, c.clinician_id, u.username AS clinician_username, u.team_id, "
      + "c.created_at, ";

  /**
   * Stores a scored administration and returns its id.
   *
   * @param version the instrument version it was scored with
   * @param flags risk items answered above their minimum, with their answers
   * @throws SessionAlreadyRecorded when a concurrent submission for the same session was committed first
   */
  public static long insert(Handle handle, long clientId, Administration administration, String version, Score score,
      Map<String, Double> flags, long createdBy, Instant now) {
    try {
      return handle.createUpdate("INSERT INTO administrations (client_id, instrument_id, instrument_version, session_number, "
              + "administered_on, answers, total, valid, band, risk_flags, created_by, created_at) VALUES (:client, :instrument, "
              + ":version, :session, :date, :answers, :total, :valid, :band, :flags, :by, :now)")
          .bind("client", clientId)
          .bind("instrument", score.instrumentId())
          .bind("version", version)
          .bind("session", administration.session())
          .bind("date", Sql.date(administration.date()))
          .bind("answers", AnswersJson.write(administration.answers()))
          .bind("total", Sql.number(score.total()))
          .bind("valid", score.valid())
          .bind("band", score.band().map(band -> band.label()).orElse(null))
          .bind("flags", AnswersJson.writeFlags(flags))
          .bind("by", createdBy)
          .bind("now", Sql.time(now))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        throw new SessionAlreadyRecorded(score.instrumentId(), administration.session(), e);
      }
      throw e;
    }
  }

  /** Whether the client already has this instrument at this session. */
  public static boolean exists(Handle handle, long clientId, String instrumentId, int session) {
    return handle.createQuery("SELECT COUNT(*) FROM administrations WHERE client_id = :client AND instrument_id = :instrument "
            + "AND session_number = :session")
        .bind("client", clientId).bind("instrument", instrumentId).bind("session", session)
        .mapTo(Integer.class).one() > 0;
  }

  /** A client's administrations, by session and then instrument. */
  public static List<StoredAdministration> ofClient(Handle handle, long clientId) {
    return handle.createQuery("SELECT * FROM administrations WHERE client_id = :client ORDER BY session_number, instrument_id")
        .bind("client", clientId).map((rs, ctx) -> map(rs)).list();
  }

  /** A client's valid scores, by instrument and session: the courses of their episode. */
  public static List<SessionScore> scores(Handle handle, long clientId) {
    return handle.createQuery("SELECT " + SCORE_COLUMNS + " FROM administrations a WHERE a.client_id = :client AND a.valid "
            + "ORDER BY a.instrument_id, a.session_number")
        .bind("client", clientId).map((rs, ctx) -> score(rs)).list();
  }

  /**
   * The valid scores of every client in a scope, streamed in client order (then instrument and session),
   * so that many clients' courses are read in one query and one client at a time.
   */
  public static void scoresInScope(Handle handle, ClientScope scope, Optional<String> instrument,
      Consumer<ClientSessionScore> each) {
    Query query = handle.createQuery("SELECT " + CLIENT_COLUMNS + SCORE_COLUMNS
        + " FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id WHERE "
        + scope.condition() + (instrument.isPresent() ? " AND a.instrument_id = :instrument" : "")
        + " AND a.valid ORDER BY c.id, a.instrument_id, a.session_number");
    instrument.ifPresent(id -> query.bind("instrument", id));
    Client[] current = new Client[1];
    scope.bind(query).setFetchSize(1_000)
        .map((rs, ctx) -> {
          // A client's rows come together: read the client's columns once, not once per score.
          if (current[0] == null || current[0].id() != rs.getLong("id")) {
            current[0] = Clients.map(rs);
          }
          return new ClientSessionScore(current[0], score(rs));
        })
        .forEach(each);
  }

  /** One client with the version of their data (zero administrations when they have none yet). */
  public static Optional<ClientVersion> version(Handle handle, long clientId) {
    return handle.createQuery("SELECT " + CLIENT_COLUMNS + "COUNT(a.id) AS administrations, COALESCE(MAX(a.id), 0) AS last_id "
            + "FROM clients c JOIN users u ON u.id = c.clinician_id LEFT JOIN administrations a ON a.client_id = c.id AND a.valid "
            + "WHERE c.id = :id GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at")
        .bind("id", clientId)
        .map((rs, ctx) -> new ClientVersion(Clients.map(rs), rs.getLong("administrations"), rs.getLong("last_id")))
        .findOne();
  }

  /** Every client in a scope that has valid administrations, with the version of its data, by client id. */
  public static List<ClientVersion> versionsInScope(Handle handle, ClientScope scope) {
    Query query = handle.createQuery("SELECT " + CLIENT_COLUMNS + "COUNT(a.id) AS administrations, MAX(a.id) AS last_id "
        + "FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id WHERE "
        + scope.condition() + " AND a.valid GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at "
        + "ORDER BY c.id");
    return scope.bind(query)
        .map((rs, ctx) -> new ClientVersion(Clients.map(rs), rs.getLong("administrations"), rs.getLong("last_id")))
        .list();
  }

  /** How many clients in a scope have valid administrations of each instrument. */
  public static Map<String, Integer> clientsByInstrument(Handle handle, ClientScope scope) {
    Query query = handle.createQuery("SELECT a.instrument_id, COUNT(DISTINCT c.id) AS clients FROM clients c "
        + "JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id WHERE " + scope.condition()
        + " AND a.valid GROUP BY a.instrument_id");
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    scope.bind(query).map((rs, ctx) -> Map.entry(rs.getString("instrument_id"), rs.getInt("clients")))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  /** The valid scores of these clients, in client, instrument and session order. */
  public static void scoresOfClients(Handle handle, List<Long> clients, Consumer<ClientSessionScore> each) {
    Client[] current = new Client[1];
    handle.createQuery("SELECT " + CLIENT_COLUMNS + SCORE_COLUMNS
            + " FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id "
            + "WHERE c.id IN (<clients>) AND a.valid ORDER BY c.id, a.instrument_id, a.session_number")
        .bindList("clients", clients)
        .map((rs, ctx) -> {
          if (current[0] == null || current[0].id() != rs.getLong("id")) {
            current[0] = Clients.map(rs);
          }
          return new ClientSessionScore(current[0], score(rs));
        })
        .forEach(each);
  }

  /** The valid scores of one instrument over the whole clinic, in client and session order. */
  public static void scoresOfInstrument(Handle handle, String instrumentId, Consumer<ClientSessionScore> each) {
    handle.createQuery("SELECT " + CLIENT_COLUMNS + SCORE_COLUMNS
            + " FROM administrations a JOIN clients c ON c.id = a.client_id JOIN users u ON u.id = c.clinician_id "
            + "WHERE a.instrument_id = :instrument AND a.valid ORDER BY a.client_id, a.session_number")
        .bind("instrument", instrumentId).setFetchSize(1_000)
        .map((rs, ctx) -> new ClientSessionScore(Clients.map(rs), score(rs)))
        .forEach(each);
  }

  /** How many administrations the clinic holds; the expected courses are refitted as this grows. */
  public static long count(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM administrations").mapTo(Long.class).one();
  }

  private static SessionScore score(ResultSet rs) throws SQLException {
    return new SessionScore(rs.getString("instrument_id"), rs.getInt("session_number"),
        Sql.optionalDate(rs, "administered_on"), rs.getDouble("total"), AnswersJson.readFlags(rs.getString("risk_flags")));
  }

  private static StoredAdministration map(ResultSet rs) throws SQLException {
    Optional<LocalDate> date = Sql.optionalDate(rs, "administered_on");
    return new StoredAdministration(rs.getLong("id"), rs.getLong("client_id"), rs.getString("instrument_id"),
        rs.getString("instrument_version"), rs.getInt("session_number"), date, AnswersJson.read(rs.getString("answers")),
        Sql.optionalDouble(rs, "total"), rs.getBoolean("valid"), Optional.ofNullable(rs.getString("band")),
        AnswersJson.readFlags(rs.getString("risk_flags")), rs.getLong("created_by"), Sql.instant(rs, "created_at"));
  }
}
