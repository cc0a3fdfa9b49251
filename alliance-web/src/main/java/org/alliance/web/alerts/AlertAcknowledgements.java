package org.alliance.web.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * The alert_acknowledgements table: a clinician saw an alert of an episode of care and recorded the
 * follow-up, with who and when. A re-opened acknowledgement stays, marked with who re-opened it and
 * when.
 */
public final class AlertAcknowledgements {
  private AlertAcknowledgements() {}

  /**
   * One acknowledgement of the alert of a rule at a session; {@code reopenedBy} and {@code
   * reopenedAt} are null while it stands.
   */
  public record Acknowledgement(
      long clientId,
      String ruleId,
      String ruleVersion,
      @ColumnName("session_number") int session,
      String followUp,
      @ColumnName("display_name") String by,
      @ColumnName("acknowledged_at") Instant at,
      @ColumnName("reopened_name") String reopenedBy,
      @ColumnName("reopened_at") Instant reopenedAt) {
    public Acknowledgement {
      requireNonNull(ruleId, "ruleId");
      requireNonNull(ruleVersion, "ruleVersion");
      requireNonNull(followUp, "followUp");
      requireNonNull(by, "by");
      requireNonNull(at, "at");
    }

    /** Whether it still stands: it was not re-opened. */
    public boolean open() {
      return reopenedAt == null;
    }

    /** Whether it is about this alert. */
    public boolean isFor(String rule, int alertSession) {
      return ruleId.equals(rule) && session == alertSession;
    }
  }

  /**
   * Records an acknowledgement; false when this alert (episode, rule, session) was already
   * acknowledged.
   */
  public static boolean add(
      Handle handle,
      long clientId,
      long episodeId,
      String ruleId,
      String ruleVersion,
      int session,
      String followUp,
      long by,
      Instant now) {
    // The client's row is locked so that two submissions of one alert cannot both be stored.
    handle
        .createQuery("SELECT id FROM clients WHERE id = :client FOR UPDATE")
        .bind("client", clientId)
        .mapTo(Long.class)
        .one();
    boolean exists =
        handle
                .createQuery(
                    "SELECT COUNT(*) FROM alert_acknowledgements WHERE episode_id = :episode "
                        + "AND rule_id = :rule AND session_number = :session AND reopened_at IS NULL")
                .bind("episode", episodeId)
                .bind("rule", ruleId)
                .bind("session", session)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (exists) {
      return false;
    }
    handle
        .createUpdate(
            "INSERT INTO alert_acknowledgements (client_id, episode_id, rule_id, rule_version, session_number, follow_up, "
                + "acknowledged_by, acknowledged_at) VALUES (:client, :episode, :rule, :version, :session, :followUp, :by, :now)")
        .bind("client", clientId)
        .bind("episode", episodeId)
        .bind("rule", ruleId)
        .bind("version", ruleVersion)
        .bind("session", session)
        .bind("followUp", followUp)
        .bind("by", by)
        .bind("now", Sql.time(now))
        .execute();
    return true;
  }

  /** Re-opens the open acknowledgement of an alert of an episode; false when it has none. */
  public static boolean reopen(
      Handle handle,
      long clientId,
      long episodeId,
      String ruleId,
      int session,
      long by,
      Instant now) {
    return handle
            .createUpdate(
                "UPDATE alert_acknowledgements SET reopened_by = :by, reopened_at = :now "
                    + "WHERE client_id = :client AND episode_id = :episode AND rule_id = :rule "
                    + "AND session_number = :session AND reopened_at IS NULL")
            .bind("by", by)
            .bind("now", Sql.time(now))
            .bind("client", clientId)
            .bind("episode", episodeId)
            .bind("rule", ruleId)
            .bind("session", session)
            .execute()
        > 0;
  }

  /** The open acknowledgements in these clients' open episodes of care, for the caseload. */
  public static List<Acknowledgement> openOf(Handle handle, java.util.Collection<Long> clientIds) {
    if (clientIds.isEmpty()) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT k.*, u.display_name, NULL AS reopened_name FROM alert_acknowledgements k "
                + "JOIN users u ON u.id = k.acknowledged_by "
                + "JOIN episodes e ON e.id = k.episode_id AND e.open_for IS NOT NULL "
                + "WHERE k.client_id IN (<clients>) AND k.reopened_at IS NULL")
        .bindList("clients", List.copyOf(clientIds))
        .mapTo(Acknowledgement.class)
        .list();
  }

  /** The acknowledgements of alerts in one episode of care, re-opened ones too, oldest first. */
  public static List<Acknowledgement> ofEpisode(Handle handle, long episodeId) {
    return handle
        .createQuery(
            "SELECT k.*, u.display_name, r.display_name AS reopened_name FROM alert_acknowledgements k "
                + "JOIN users u ON u.id = k.acknowledged_by "
                + "LEFT JOIN users r ON r.id = k.reopened_by "
                + "WHERE k.episode_id = :episode ORDER BY k.acknowledged_at, k.id")
        .bind("episode", episodeId)
        .mapTo(Acknowledgement.class)
        .list();
  }

  /** A client's acknowledgements over all their episodes, re-opened ones too, oldest first. */
  public static List<Acknowledgement> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT k.*, u.display_name, r.display_name AS reopened_name FROM alert_acknowledgements k "
                + "JOIN users u ON u.id = k.acknowledged_by "
                + "LEFT JOIN users r ON r.id = k.reopened_by "
                + "WHERE k.client_id = :client ORDER BY k.acknowledged_at, k.id")
        .bind("client", clientId)
        .mapTo(Acknowledgement.class)
        .list();
  }
}
