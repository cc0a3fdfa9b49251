package org.alliance.web.episodes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.web.episodes.EpisodeFields.Ending;
import org.alliance.web.episodes.EpisodeFields.Opening;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Sql;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The episodes table and the one place that opens and closes an episode of care, for the client
 * page, the API, discharge and re-admission. A client has at most one open episode; it is what puts
 * them on the active caseload, so closing it discharges the client and opening one re-admits them.
 * Callers check access first ({@code Access.client}); each change is audited in the caller's
 * transaction.
 */
public final class Episodes {
  private static final String SELECT =
      "SELECT e.id, e.client_id, e.episode_number, e.referred_on, e.first_session_on, "
          + "(SELECT MIN(a.administered_on) FROM administrations a WHERE a.episode_id = e.id) "
          + "AS first_scored_on, o.username AS opened_by, e.opened_at, e.closed_on, "
          + "e.ending_reason, e.ending_note, k.username AS closed_by, e.closed_at, "
          + "(SELECT COUNT(*) FROM administrations a WHERE a.episode_id = e.id) AS administrations "
          + "FROM episodes e LEFT JOIN users o ON o.id = e.opened_by "
          + "LEFT JOIN users k ON k.id = e.closed_by ";

  private Episodes() {}

  /** The columns as stored, before the ending reason is read into its type. */
  private record Row(
      long id,
      long clientId,
      int episodeNumber,
      Optional<LocalDate> referredOn,
      Optional<LocalDate> firstSessionOn,
      Optional<LocalDate> firstScoredOn,
      Optional<String> openedBy,
      Instant openedAt,
      Optional<LocalDate> closedOn,
      Optional<String> endingReason,
      Optional<String> endingNote,
      Optional<String> closedBy,
      Optional<Instant> closedAt,
      int administrations) {
    EpisodeOfCare episode() {
      return new EpisodeOfCare(
          id,
          clientId,
          episodeNumber,
          referredOn,
          firstSessionOn,
          firstScoredOn,
          openedBy,
          openedAt,
          closedOn,
          endingReason.flatMap(EndingReason::ofCode),
          endingNote,
          closedBy,
          closedAt,
          administrations);
    }
  }

  /** A client's episodes, the first first. */
  public static List<EpisodeOfCare> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(SELECT + "WHERE e.client_id = :client ORDER BY e.episode_number")
        .bind("client", clientId)
        .mapTo(Row.class)
        .map(Row::episode)
        .list();
  }

  /** The id of the client's open episode, if they have one. */
  public static Optional<Long> openOf(Handle handle, long clientId) {
    return handle
        .createQuery("SELECT id FROM episodes WHERE open_for = :client")
        .bind("client", clientId)
        .mapTo(Long.class)
        .findOne();
  }

  /** The client's episode asked for, else the latest (read here). */
  public static EpisodeOfCare chosen(
      Handle handle, org.alliance.web.platform.access.Client client, Optional<Long> asked) {
    return chosen(ofClient(handle, client.id()), asked, client.reference());
  }

  /**
   * The episode a page or an answer shows: the one asked for (404 when the client has no such
   * episode), else the latest, which is the open one while there is one.
   */
  public static EpisodeOfCare chosen(
      List<EpisodeOfCare> episodes, Optional<Long> asked, String reference) {
    if (asked.isPresent()) {
      return episodes.stream()
          .filter(episode -> episode.id() == asked.get())
          .findFirst()
          .orElseThrow(
              () ->
                  WebException.notFound(
                      "the client " + reference + " has no episode " + asked.get()));
    }
    // Every client has had an episode since they were added (or since V40 for those before).
    return episodes.get(episodes.size() - 1);
  }

  /**
   * The client's open episode, for recording an administration; 409 when there is none, so that
   * nothing is recorded outside an episode and none is opened unasked.
   */
  public static long openForRecording(Handle handle, long clientId) {
    return openOf(handle, clientId)
        .orElseThrow(
            () -> {
              String reference =
                  handle
                      .createQuery("SELECT reference FROM clients WHERE id = :id")
                      .bind("id", clientId)
                      .mapTo(String.class)
                      .findOne()
                      .orElse("with id " + clientId);
              return WebException.conflict(
                  "the client "
                      + reference
                      + " has no open episode of care (they were discharged), so nothing was"
                      + " recorded; open a new episode (re-admit them) on their page first");
            });
  }

  /**
   * Records who added a client and the referral, on the first episode that opened with them
   * (without an audit entry of its own: {@code client.create} says it).
   */
  public static void recordFirstOpening(Handle handle, long clientId, Opening opening, long by) {
    handle
        .createUpdate(
            "UPDATE episodes SET opened_by = :by, referred_on = :referred, "
                + "first_session_on = :first WHERE client_id = :client AND episode_number = 1")
        .bind("by", by)
        .bind("referred", Sql.date(opening.referralDate()))
        .bind("first", Sql.date(opening.firstSessionDate()))
        .bind("client", clientId)
        .execute();
  }

  /**
   * Opens a new episode for a client without an open one, which puts them back on the active
   * caseload; 409 when they have an open episode.
   */
  public static EpisodeOfCare open(
      Handle handle, Client client, Opening opening, long by, Instant now) {
    lockClient(handle, client.id());
    Optional<EpisodeOfCare> open =
        ofClient(handle, client.id()).stream().filter(EpisodeOfCare::open).findFirst();
    if (open.isPresent()) {
      throw alreadyOpen(client, open.get());
    }
    int number =
        handle
                .createQuery(
                    "SELECT COALESCE(MAX(episode_number), 0) FROM episodes WHERE client_id = :client")
                .bind("client", client.id())
                .mapTo(Integer.class)
                .one()
            + 1;
    long id;
    try {
      id =
          handle
              .createUpdate(
                  "INSERT INTO episodes (client_id, episode_number, referred_on, first_session_on,"
                      + " opened_by, opened_at, open_for) VALUES (:client, :number, :referred,"
                      + " :first, :by, :now, :client)")
              .bind("client", client.id())
              .bind("number", number)
              .bind("referred", Sql.date(opening.referralDate()))
              .bind("first", Sql.date(opening.firstSessionDate()))
              .bind("by", by)
              .bind("now", Sql.time(now))
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        throw WebException.conflict(
            "another request opened an episode for the client "
                + client.reference()
                + " at the same moment; nothing of this one was stored");
      }
      throw e;
    }
    handle
        .createUpdate(
            "UPDATE clients SET discharged_at = NULL, discharged_by = NULL WHERE id = :client")
        .bind("client", client.id())
        .execute();
    AuditLog.record(
        handle,
        Optional.of(by),
        AuditAction.EPISODE_OPEN,
        Optional.of(client.id()),
        "episode "
            + number
            + " (id "
            + id
            + ")"
            + opening.referralDate().map(day -> ", referred on " + day).orElse("")
            + opening.firstSessionDate().map(day -> ", first session on " + day).orElse(""),
        now);
    return find(handle, client.id(), id).orElseThrow();
  }

  /**
   * Closes a client's open episode, which discharges them; 404 when the client has no such episode,
   * 409 when it is closed already, 400 naming {@code date} when the episode cannot end that day
   * (before its referral or its first session).
   */
  public static EpisodeOfCare close(
      Handle handle, Client client, long episodeId, Ending ending, long by, Instant now) {
    lockClient(handle, client.id());
    EpisodeOfCare episode =
        find(handle, client.id(), episodeId)
            .orElseThrow(
                () ->
                    WebException.notFound(
                        "the client " + client.reference() + " has no episode " + episodeId));
    if (!episode.open()) {
      throw WebException.conflict(
          "episode "
              + episode.number()
              + " of the client "
              + client.reference()
              + " was closed already, on "
              + episode.closedOn().orElseThrow()
              + " ("
              + episode.endingInWords()
              + ")");
    }
    Optional<String> tooEarly =
        episode
            .referredOn()
            .filter(ending.date()::isBefore)
            .map(day -> "the referral (" + day + ")")
            .or(
                () ->
                    episode
                        .firstSession()
                        .filter(ending.date()::isBefore)
                        .map(day -> "the first session (" + day + ")"));
    if (tooEarly.isPresent()) {
      String message = "the episode cannot end on " + ending.date() + ", before " + tooEarly.get();
      throw WebException.badRequest(
          EpisodeFields.DATE + ": " + message,
          List.of(new FieldProblem(EpisodeFields.DATE, message)));
    }
    handle
        .createUpdate(
            "UPDATE episodes SET closed_on = :day, ending_reason = :reason, ending_note = :note, "
                + "closed_by = :by, closed_at = :now, open_for = NULL WHERE id = :id")
        .bind("day", ending.date())
        .bind("reason", ending.reason().code())
        .bind("note", ending.note().orElse(null))
        .bind("by", by)
        .bind("now", Sql.time(now))
        .bind("id", episodeId)
        .execute();
    handle
        .createUpdate(
            "UPDATE clients SET discharged_at = :now, discharged_by = :by WHERE id = :client")
        .bind("now", Sql.time(now))
        .bind("by", by)
        .bind("client", client.id())
        .execute();
    AuditLog.record(
        handle,
        Optional.of(by),
        AuditAction.EPISODE_CLOSE,
        Optional.of(client.id()),
        // The reason's code only: the note is the clinician's free text, kept in the episode.
        "episode "
            + episode.number()
            + " (id "
            + episodeId
            + "), ended on "
            + ending.date()
            + ", "
            + ending.reason().code(),
        now);
    return find(handle, client.id(), episodeId).orElseThrow();
  }

  public static Optional<EpisodeOfCare> find(Handle handle, long clientId, long episodeId) {
    return handle
        .createQuery(SELECT + "WHERE e.client_id = :client AND e.id = :id")
        .bind("client", clientId)
        .bind("id", episodeId)
        .mapTo(Row.class)
        .map(Row::episode)
        .findOne();
  }

  private static WebException alreadyOpen(Client client, EpisodeOfCare open) {
    return WebException.conflict(
        "the client "
            + client.reference()
            + " has an open episode already ("
            + open.inWords()
            + "); close it before opening another");
  }

  /** Two requests for one client's episodes take turns, so neither sees a state about to go. */
  private static void lockClient(Handle handle, long clientId) {
    handle
        .createQuery("SELECT id FROM clients WHERE id = :client FOR UPDATE")
        .bind("client", clientId)
        .mapTo(Long.class)
        .one();
  }
}
