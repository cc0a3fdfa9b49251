package org.alliance.web.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * The alert_acknowledgements table: a clinician saw an alert and recorded the follow-up, with who
 * and when.
 */
public final class AlertAcknowledgements {
  private AlertAcknowledgements() {}

  /** One acknowledgement of the alert of a rule at a session. */
  public record Acknowledgement(
      long clientId,
      String ruleId,
      String ruleVersion,
      @ColumnName("session_number") int session,
      String followUp,
      @ColumnName("display_name") String by,
      @ColumnName("acknowledged_at") Instant at) {
    public Acknowledgement {
      requireNonNull(ruleId, "ruleId");
      requireNonNull(ruleVersion, "ruleVersion");
      requireNonNull(followUp, "followUp");
      requireNonNull(by, "by");
      requireNonNull(at, "at");
    }
  }

  /**
   * Records an acknowledgement; false when this alert (client, rule, session) was already
   * acknowledged.
   */
  public static boolean add(
      Handle handle,
      long clientId,
      String ruleId,
      String ruleVersion,
      int session,
      String followUp,
      long by,
      Instant now) {
    boolean exists =
        handle
                .createQuery(
                    "SELECT COUNT(*) FROM alert_acknowledgements WHERE client_id = :client "
                        + "AND rule_id = :rule AND session_number = :session")
                .bind("client", clientId)
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
            "INSERT INTO alert_acknowledgements (client_id, rule_id, rule_version, session_number, follow_up, "
                + "acknowledged_by, acknowledged_at) VALUES (:client, :rule, :version, :session, :followUp, :by, :now)")
        .bind("client", clientId)
        .bind("rule", ruleId)
        .bind("version", ruleVersion)
        .bind("session", session)
        .bind("followUp", followUp)
        .bind("by", by)
        .bind("now", Sql.time(now))
        .execute();
    return true;
  }

  /** A client's acknowledgements, oldest first. */
  public static List<Acknowledgement> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT k.*, u.display_name FROM alert_acknowledgements k JOIN users u ON u.id = k.acknowledged_by "
                + "WHERE k.client_id = :client ORDER BY k.acknowledged_at, k.id")
        .bind("client", clientId)
        .mapTo(Acknowledgement.class)
        .list();
  }
}
