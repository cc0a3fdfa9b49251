package org.alliance.web.administrations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.alliance.web.administrations.RecordAdministration.Scored;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Sql;
import org.alliance.web.platform.http.WebException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * Corrects or voids a stored administration without losing it: the original moves to the
 * administration_history table with the reason, who and when; a correction stores the corrected
 * entry as a new administration. Scores, trends and exports read only the administrations table, so
 * they use the corrected data at once.
 */
public final class Corrections {
  /** The most characters a reason may have. */
  public static final int MAX_REASON = 1000;

  private Corrections() {}

  /** One earlier version of an entry, as the client's page lists it. */
  public record HistoryEntry(
      long administrationId,
      String instrumentId,
      @ColumnName("session_number") int session,
      @ColumnName("administered_on") Optional<LocalDate> date,
      OptionalDouble total,
      @ColumnName("change_kind") String kind,
      String reason,
      OptionalLong replacedBy,
      @ColumnName("display_name") String changedBy,
      Instant changedAt) {
    public HistoryEntry {
      requireNonNull(instrumentId, "instrumentId");
      requireNonNull(date, "date");
      requireNonNull(total, "total");
      requireNonNull(kind, "kind");
      requireNonNull(reason, "reason");
      requireNonNull(replacedBy, "replacedBy");
      requireNonNull(changedBy, "changedBy");
      requireNonNull(changedAt, "changedAt");
    }

    public boolean voided() {
      return kind.equals("voided");
    }
  }

  /** The reason given, trimmed; 400 naming the field when missing, too short or too long. */
  public static String reason(Optional<String> given) {
    String reason = given.map(String::trim).orElse("");
    if (reason.length() < 3) {
      throw WebException.badRequest(
          "reason: say why the entry is changed, such as \"wrong session\" or \"typed 4 for 1\"");
    }
    if (reason.length() > MAX_REASON) {
      throw WebException.badRequest(
          "reason: at most " + MAX_REASON + " characters, found " + reason.length());
    }
    return reason;
  }

  /**
   * Replaces an administration of a client with its corrected form and returns the new entry's id.
   *
   * @throws WebException 404 when the client has no such administration
   * @throws SessionAlreadyRecorded when the corrected session and instrument are another entry's
   */
  public static long correct(
      Handle handle,
      RecordAdministration record,
      long clientId,
      long administrationId,
      Scored corrected,
      String reason,
      long by,
      Instant now) {
    StoredAdministration original =
        keep(handle, clientId, administrationId, "corrected", reason, by, now);
    // The corrected entry stays in the episode of the one it replaces, open or closed.
    long replacement =
        record.storeIn(
            handle,
            clientId,
            original.episodeId(),
            corrected,
            Source.correction(by, administrationId),
            now);
    handle
        .createUpdate(
            "UPDATE administration_history SET replaced_by = :replacement "
                + "WHERE administration_id = :id AND change_kind = 'corrected'")
        .bind("replacement", replacement)
        .bind("id", administrationId)
        .execute();
    return replacement;
  }

  /**
   * Takes an administration of a client out of its scores, keeping it in the history.
   *
   * @throws WebException 404 when the client has no such administration
   */
  public static void voidEntry(
      Handle handle, long clientId, long administrationId, String reason, long by, Instant now) {
    StoredAdministration voided =
        keep(handle, clientId, administrationId, "voided", reason, by, now);
    AuditLog.record(
        handle,
        Optional.of(by),
        AuditAction.ADMINISTRATION_VOID,
        Optional.of(clientId),
        voided.instrumentId()
            + " session "
            + voided.session()
            + " (administration "
            + administrationId
            + ")",
        now);
  }

  /** Copies an administration into the history and takes it out of the administrations table. */
  private static StoredAdministration keep(
      Handle handle,
      long clientId,
      long administrationId,
      String kind,
      String reason,
      long by,
      Instant now) {
    StoredAdministration stored =
        Administrations.ofClient(handle, clientId).stream()
            .filter(administration -> administration.id() == administrationId)
            .findFirst()
            .orElseThrow(
                () ->
                    WebException.notFound(
                        "the client has no administration " + administrationId + " to change"));
    handle
        .createUpdate(
            "INSERT INTO administration_history (administration_id, client_id, episode_id, instrument_id,"
                + " instrument_version, session_number, administered_on, answers, total, valid,"
                + " band, risk_flags, created_by, created_at, change_kind, reason, changed_by,"
                + " changed_at) SELECT id, client_id, episode_id, instrument_id, instrument_version,"
                + " session_number, administered_on, answers, total, valid, band, risk_flags,"
                + " created_by, created_at, :kind, :reason, :by, :now FROM administrations"
                + " WHERE id = :id")
        .bind("kind", kind)
        .bind("reason", reason)
        .bind("by", by)
        .bind("now", Sql.time(now))
        .bind("id", administrationId)
        .execute();
    handle
        .createUpdate("DELETE FROM administrations WHERE id = :id")
        .bind("id", administrationId)
        .execute();
    return stored;
  }

  /** A client's corrected and voided entries, most recent change first. */
  public static List<HistoryEntry> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT h.*, u.display_name FROM administration_history h "
                + "JOIN users u ON u.id = h.changed_by WHERE h.client_id = :client "
                + "ORDER BY h.changed_at DESC, h.id DESC")
        .bind("client", clientId)
        .mapTo(HistoryEntry.class)
        .list();
  }
}
