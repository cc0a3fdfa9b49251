package org.alliance.web.alerts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientScope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The scores trends are built from, read from the administrations table without the answers: one
 * client's valid scores, many clients' at once, and the version of a client's data that cached
 * trends are checked against.
 */
public final class ScoreHistory {
  private static final String SCORE_COLUMNS =
      "a.instrument_id, a.session_number, a.administered_on, a.total, a.risk_flags";

  private static final String CLIENT_COLUMNS =
      "c.id, c.reference, c.clinician_id, u.username AS clinician_username, u.team_id, "
          + "c.created_at, ";

  private ScoreHistory() {}

  /**
   * How far a client's data has come: administrations are only ever added, so their number and the
   * highest id change whenever anything a trend depends on changes.
   */
  public record ClientVersion(@Nested Client client, long administrations, long lastId) {}

  /** One score of one of many clients, read in client order. */
  public record ClientSessionScore(Client client, SessionScore score) {}

  /** A client's valid scores, by instrument and session: the courses of their episode. */
  public static List<SessionScore> scores(Handle handle, long clientId) {
    return scores(
            handle.createQuery(
                "SELECT "
                    + SCORE_COLUMNS
                    + " FROM administrations a WHERE a.client_id = :client AND a.valid "
                    + "ORDER BY a.instrument_id, a.session_number"))
        .bind("client", clientId)
        .mapTo(SessionScore.class)
        .list();
  }

  /**
   * The valid scores of every client in a scope, streamed in client order (then instrument and
   * session), so that many clients' courses are read in one query and one client at a time.
   */
  public static void scoresInScope(
      Handle handle,
      ClientScope scope,
      Optional<String> instrument,
      Consumer<ClientSessionScore> each) {
    Query query =
        scores(
            handle.createQuery(
                "SELECT "
                    + CLIENT_COLUMNS
                    + SCORE_COLUMNS
                    + " FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id WHERE "
                    + scope.condition()
                    + (instrument.isPresent() ? " AND a.instrument_id = :instrument" : "")
                    + " AND a.valid ORDER BY c.id, a.instrument_id, a.session_number"));
    instrument.ifPresent(id -> query.bind("instrument", id));
    scope.bind(query).setFetchSize(1_000).map(clientScores()).forEach(each);
  }

  /** One client with the version of their data (zero administrations when they have none yet). */
  public static Optional<ClientVersion> version(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT "
                + CLIENT_COLUMNS
                + "COUNT(a.id) AS administrations, COALESCE(MAX(a.id), 0) AS last_id "
                + "FROM clients c JOIN users u ON u.id = c.clinician_id LEFT JOIN administrations a ON a.client_id = c.id AND a.valid "
                + "WHERE c.id = :id GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at")
        .bind("id", clientId)
        .mapTo(ClientVersion.class)
        .findOne();
  }

  /**
   * Every client on the active caseload of a scope that has valid administrations, with the version
   * of its data, by client id. A discharged client's alerts are nobody's to act on.
   */
  public static List<ClientVersion> versionsInScope(Handle handle, ClientScope scope) {
    Query query =
        handle.createQuery(
            "SELECT "
                + CLIENT_COLUMNS
                + "COUNT(a.id) AS administrations, MAX(a.id) AS last_id "
                + "FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id WHERE "
                + scope.condition()
                + " AND c.discharged_at IS NULL AND a.valid "
                + "GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at "
                + "ORDER BY c.id");
    return scope.bind(query).mapTo(ClientVersion.class).list();
  }

  /** How many clients in a scope have valid administrations of each instrument. */
  public static Map<String, Integer> clientsByInstrument(Handle handle, ClientScope scope) {
    Query query =
        handle.createQuery(
            "SELECT a.instrument_id, COUNT(DISTINCT c.id) AS clients FROM clients c "
                + "JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id WHERE "
                + scope.condition()
                + " AND a.valid GROUP BY a.instrument_id");
    return scope
        .bind(query)
        .setMapKeyColumn("instrument_id")
        .setMapValueColumn("clients")
        .collectInto(new GenericType<Map<String, Integer>>() {});
  }

  /** The valid scores of these clients, in client, instrument and session order. */
  public static void scoresOfClients(
      Handle handle, List<Long> clients, Consumer<ClientSessionScore> each) {
    scores(
            handle.createQuery(
                "SELECT "
                    + CLIENT_COLUMNS
                    + SCORE_COLUMNS
                    + " FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id "
                    + "WHERE c.id IN (<clients>) AND a.valid ORDER BY c.id, a.instrument_id, a.session_number"))
        .bindList("clients", clients)
        .map(clientScores())
        .forEach(each);
  }

  /** The valid scores of one instrument over the whole clinic, in client and session order. */
  public static void scoresOfInstrument(
      Handle handle, String instrumentId, Consumer<ClientSessionScore> each) {
    scores(
            handle.createQuery(
                "SELECT "
                    + CLIENT_COLUMNS
                    + SCORE_COLUMNS
                    + " FROM administrations a JOIN clients c ON c.id = a.client_id JOIN users u ON u.id = c.clinician_id "
                    + "WHERE a.instrument_id = :instrument AND a.valid ORDER BY a.client_id, a.session_number"))
        .bind("instrument", instrumentId)
        .setFetchSize(1_000)
        .map(clientScores())
        .forEach(each);
  }

  /** The instruments with valid administrations anywhere in the clinic, by id. */
  public static List<String> instruments(Handle handle) {
    return handle
        .createQuery(
            "SELECT DISTINCT instrument_id FROM administrations WHERE valid ORDER BY instrument_id")
        .mapTo(String.class)
        .list();
  }

  /**
   * A number that changes whenever administrations are added, corrected or voided (their count plus
   * the highest id: a correction stores a new entry); the expected courses are refitted when it
   * does.
   */
  public static long version(Handle handle) {
    return handle
        .createQuery("SELECT COUNT(*) + COALESCE(MAX(id), 0) FROM administrations")
        .mapTo(Long.class)
        .one();
  }

  /** A query of scores, whose risk flags are read from their JSON column. */
  private static Query scores(Query query) {
    return query.registerColumnMapper(RiskFlagsJson.TYPE, RiskFlagsJson.COLUMN);
  }

  /**
   * Maps rows of clients' scores that come in client order: a client's rows come together, so the
   * client's columns are read once for all of them, not once per score.
   */
  private static RowViewMapper<ClientSessionScore> clientScores() {
    Client[] current = new Client[1];
    return row -> {
      if (current[0] == null || current[0].id() != row.getColumn("id", Long.class)) {
        current[0] = row.getRow(Client.class);
      }
      return new ClientSessionScore(current[0], row.getRow(SessionScore.class));
    };
  }
}
