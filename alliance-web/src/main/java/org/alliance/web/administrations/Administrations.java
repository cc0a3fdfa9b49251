package org.alliance.web.administrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answers;
import org.alliance.core.scoring.Score;
import org.alliance.web.alerts.RiskFlagsJson;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The administrations table: every questionnaire filled in, with its score at the time it was
 * written. The scores that trends are built from are read by {@link
 * org.alliance.web.alerts.ScoreHistory}.
 */
public final class Administrations {
  private Administrations() {}

  /**
   * Stores a scored administration and returns its id.
   *
   * @param version the instrument version it was scored with
   * @param flags risk items answered above their minimum, with their answers
   * @throws SessionAlreadyRecorded when a concurrent submission for the same session was committed
   *     first
   */
  public static long insert(
      Handle handle,
      long clientId,
      long episodeId,
      Administration administration,
      String version,
      Score score,
      Map<String, Double> flags,
      long createdBy,
      Instant now) {
    try {
      return handle
          .createUpdate(
              "INSERT INTO administrations (client_id, episode_id, instrument_id, instrument_version, session_number, "
                  + "administered_on, answers, total, valid, band, risk_flags, created_by, created_at) VALUES (:client, :episode, :instrument, "
                  + ":version, :session, :date, :answers, :total, :valid, :band, :flags, :by, :now)")
          .bind("client", clientId)
          .bind("episode", episodeId)
          .bind("instrument", score.instrumentId())
          .bind("version", version)
          .bind("session", administration.session())
          .bind("date", Sql.date(administration.date()))
          .bind("answers", AnswersJson.write(administration.answers()))
          .bind("total", Sql.number(score.total()))
          .bind("valid", score.valid())
          .bind("band", score.band().map(band -> band.label()).orElse(null))
          .bind("flags", RiskFlagsJson.write(flags))
          .bind("by", createdBy)
          .bind("now", Sql.time(now))
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        throw new SessionAlreadyRecorded(score.instrumentId(), administration.session(), e);
      }
      throw e;
    }
  }

  /** Whether the episode already has this instrument at this session. */
  public static boolean exists(Handle handle, long episodeId, String instrumentId, int session) {
    return handle
            .createQuery(
                "SELECT COUNT(*) FROM administrations WHERE episode_id = :episode AND instrument_id = :instrument "
                    + "AND session_number = :session")
            .bind("episode", episodeId)
            .bind("instrument", instrumentId)
            .bind("session", session)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The administrations of one episode of care, by session and then instrument. */
  public static List<StoredAdministration> ofEpisode(Handle handle, long episodeId) {
    return handle
        .createQuery(
            "SELECT * FROM administrations WHERE episode_id = :episode ORDER BY session_number, instrument_id")
        .bind("episode", episodeId)
        .registerColumnMapper(Answers.class, AnswersJson.COLUMN)
        .registerColumnMapper(RiskFlagsJson.TYPE, RiskFlagsJson.COLUMN)
        .mapTo(StoredAdministration.class)
        .list();
  }

  /**
   * The administrations of the client's open episode of care, by session and then instrument; none
   * when the client has no open episode. What the next session is counted from.
   */
  public static List<StoredAdministration> ofOpenEpisode(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT a.* FROM administrations a JOIN episodes e ON e.id = a.episode_id "
                + "WHERE e.open_for = :client ORDER BY a.session_number, a.instrument_id")
        .bind("client", clientId)
        .registerColumnMapper(Answers.class, AnswersJson.COLUMN)
        .registerColumnMapper(RiskFlagsJson.TYPE, RiskFlagsJson.COLUMN)
        .mapTo(StoredAdministration.class)
        .list();
  }

  /** A client's administrations over all their episodes, by episode, session and instrument. */
  public static List<StoredAdministration> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT * FROM administrations WHERE client_id = :client ORDER BY episode_id, session_number, instrument_id")
        .bind("client", clientId)
        .registerColumnMapper(Answers.class, AnswersJson.COLUMN)
        .registerColumnMapper(RiskFlagsJson.TYPE, RiskFlagsJson.COLUMN)
        .mapTo(StoredAdministration.class)
        .list();
  }
}
