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

  private static final String EPISODE_COLUMNS = "a.episode_id, e.episode_number, ";

  /** The latest episode of the client {@code c}: the open one while there is one. */
  private static final String LATEST_EPISODE =
      "(SELECT MAX(x.id) FROM episodes x WHERE x.client_id = c.id)";

  private ScoreHistory() {}

  /**
   * How far the data of a client's episode of care has come: administrations are only ever added (a
   * correction adds its new entry), so their number and the highest id change whenever anything a
   * trend depends on changes.
   */
  public record ClientVersion(
      @Nested Client client, long episodeId, long administrations, long lastId) {}

  /**
   * One score of one of many clients, read in client and episode order.
   *
   * @param episodeNumber the episode's place among the client's episodes, from 1
   */
  public record ClientSessionScore(
      Client client, long episodeId, int episodeNumber, SessionScore score) {}

  /** The valid scores of one episode of care, by instrument and session: its courses. */
  public static List<SessionScore> scores(Handle handle, long episodeId) {
    return scores(
            handle.createQuery(
                "SELECT "
                    + SCORE_COLUMNS
                    + " FROM administrations a WHERE a.episode_id = :episode AND a.valid "
                    + "ORDER BY a.instrument_id, a.session_number"))
        .bind("episode", episodeId)
        .mapTo(SessionScore.class)
        .list();
  }

  /**
   * The valid scores of every episode of every client in a scope (or of their open episodes only),
   * streamed in client and episode order (then instrument and session), so that many courses are
   * read in one query and one episode at a time.
   */
  public static void scoresInScope(
      Handle handle,
      ClientScope scope,
      Optional<String> instrument,
      boolean openEpisodesOnly,
      Consumer<ClientSessionScore> each) {
    Query query =
        scores(
            handle.createQuery(
                "SELECT "
                    + CLIENT_COLUMNS
                    + EPISODE_COLUMNS
                    + SCORE_COLUMNS
                    + " FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id "
                    + "JOIN episodes e ON e.id = a.episode_id WHERE "
                    + scope.condition()
                    + (instrument.isPresent() ? " AND a.instrument_id = :instrument" : "")
                    + (openEpisodesOnly ? " AND e.open_for IS NOT NULL" : "")
                    + " AND a.valid ORDER BY c.id, a.episode_id, a.instrument_id, a.session_number"));
    instrument.ifPresent(id -> query.bind("instrument", id));
    scope.bind(query).setFetchSize(1_000).map(clientScores()).forEach(each);
  }

  /**
   * One client with the version of the data of one of their episodes (the latest when none is asked
   * for; zero administrations when it has none yet). Empty when there is no such client; an episode
   * that is not the client's has no rows, so is empty too.
   */
  public static Optional<ClientVersion> version(
      Handle handle, long clientId, Optional<Long> episodeId) {
    Query query =
        handle.createQuery(
            "SELECT "
                + CLIENT_COLUMNS
                + "e.id AS episode_id, COUNT(a.id) AS administrations, COALESCE(MAX(a.id), 0) AS last_id "
                + "FROM clients c JOIN users u ON u.id = c.clinician_id "
                + "JOIN episodes e ON e.client_id = c.id AND e.id = "
                + (episodeId.isPresent() ? ":episode" : LATEST_EPISODE)
                + " LEFT JOIN administrations a ON a.episode_id = e.id AND a.valid "
                + "WHERE c.id = :id GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at, e.id");
    episodeId.ifPresent(id -> query.bind("episode", id));
    return query.bind("id", clientId).mapTo(ClientVersion.class).findOne();
  }

  /**
   * Every client of a scope whose open episode of care has valid administrations, with the version
   * of that episode's data, by client id. A closed episode's alerts are nobody's to act on.
   */
  public static List<ClientVersion> versionsInScope(Handle handle, ClientScope scope) {
    Query query =
        handle.createQuery(
            "SELECT "
                + CLIENT_COLUMNS
                + "e.id AS episode_id, COUNT(a.id) AS administrations, MAX(a.id) AS last_id "
                + "FROM clients c JOIN users u ON u.id = c.clinician_id JOIN episodes e ON e.open_for = c.id "
                + "JOIN administrations a ON a.episode_id = e.id WHERE "
                + scope.condition()
                + " AND a.valid "
                + "GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at, e.id "
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

  /** The valid scores of these episodes, in client, episode, instrument and session order. */
  public static void scoresOfEpisodes(
      Handle handle, List<Long> episodes, Consumer<ClientSessionScore> each) {
    scores(
            handle.createQuery(
                "SELECT "
                    + CLIENT_COLUMNS
                    + EPISODE_COLUMNS
                    + SCORE_COLUMNS
                    + " FROM clients c JOIN users u ON u.id = c.clinician_id JOIN administrations a ON a.client_id = c.id "
                    + "JOIN episodes e ON e.id = a.episode_id "
                    + "WHERE a.episode_id IN (<episodes>) AND a.valid ORDER BY c.id, a.episode_id, a.instrument_id, a.session_number"))
        .bindList("episodes", episodes)
        .map(clientScores())
        .forEach(each);
  }

  /**
   * The valid scores of one instrument over the whole clinic, in client, episode and session order.
   */
  public static void scoresOfInstrument(
      Handle handle, String instrumentId, Consumer<ClientSessionScore> each) {
    scores(
            handle.createQuery(
                "SELECT "
                    + CLIENT_COLUMNS
                    + EPISODE_COLUMNS
                    + SCORE_COLUMNS
                    + " FROM administrations a JOIN clients c ON c.id = a.client_id JOIN users u ON u.id = c.clinician_id "
                    + "JOIN episodes e ON e.id = a.episode_id "
                    + "WHERE a.instrument_id = :instrument AND a.valid ORDER BY a.client_id, a.episode_id, a.session_number"))
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
      return new ClientSessionScore(
          current[0],
          row.getColumn("episode_id", Long.class),
          row.getColumn("episode_number", Integer.class),
          row.getRow(SessionScore.class));
    };
  }
}
