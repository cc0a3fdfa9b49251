package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * The chart_notes table: what a clinician noted on a client's chart, such as a medication change.
 */
public final class ChartNotes {
  private ChartNotes() {}

  /** A note on the chart, at a session or a date (or neither), with who wrote it. */
  public record ChartNote(
      long id,
      long clientId,
      @ColumnName("session_number") OptionalInt session,
      @ColumnName("noted_on") Optional<LocalDate> date,
      String note,
      @ColumnName("display_name") String author,
      Instant createdAt) {
    public ChartNote {
      requireNonNull(session, "session");
      requireNonNull(date, "date");
      requireNonNull(note, "note");
      requireNonNull(author, "author");
      requireNonNull(createdAt, "createdAt");
    }
  }

  /** Adds a note to the client's latest episode, whose chart the page shows by default. */
  public static long add(
      Handle handle,
      long clientId,
      OptionalInt session,
      Optional<LocalDate> date,
      String note,
      long by,
      Instant now) {
    return handle
        .createUpdate(
            "INSERT INTO chart_notes (client_id, episode_id, session_number, noted_on, note, created_by,"
                + " created_at) VALUES (:client, (SELECT MAX(id) FROM episodes WHERE client_id ="
                + " :client), :session, :date, :note, :by, :now)")
        .bind("client", clientId)
        .bind("session", session.isPresent() ? Integer.valueOf(session.getAsInt()) : null)
        .bind("date", Sql.date(date))
        .bind("note", note)
        .bind("by", by)
        .bind("now", Sql.time(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** A note as it was before an edit, with who edited it and when. */
  public record EarlierVersion(
      long noteId,
      @ColumnName("session_number") OptionalInt session,
      @ColumnName("noted_on") Optional<LocalDate> date,
      String note,
      @ColumnName("display_name") String editedBy,
      Instant editedAt) {}

  /**
   * Changes a note of a client, keeping the version before in the history; false when the client
   * has no such note.
   */
  public static boolean edit(
      Handle handle,
      long clientId,
      long noteId,
      OptionalInt session,
      Optional<LocalDate> date,
      String note,
      long by,
      Instant now) {
    int kept =
        handle
            .createUpdate(
                "INSERT INTO chart_note_history (note_id, session_number, noted_on, note, edited_by,"
                    + " edited_at) SELECT id, session_number, noted_on, note, :by, :now FROM"
                    + " chart_notes WHERE id = :id AND client_id = :client")
            .bind("by", by)
            .bind("now", Sql.time(now))
            .bind("id", noteId)
            .bind("client", clientId)
            .execute();
    if (kept == 0) {
      return false;
    }
    handle
        .createUpdate(
            "UPDATE chart_notes SET session_number = :session, noted_on = :date, note = :note "
                + "WHERE id = :id")
        .bind("session", session.isPresent() ? Integer.valueOf(session.getAsInt()) : null)
        .bind("date", Sql.date(date))
        .bind("note", note)
        .bind("id", noteId)
        .execute();
    return true;
  }

  /** The earlier versions of a client's notes, oldest first. */
  public static List<EarlierVersion> historyOf(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT h.note_id, h.session_number, h.noted_on, h.note, u.display_name, h.edited_at"
                + " FROM chart_note_history h JOIN chart_notes n ON n.id = h.note_id"
                + " JOIN users u ON u.id = h.edited_by WHERE n.client_id = :client"
                + " ORDER BY h.edited_at, h.id")
        .bind("client", clientId)
        .mapTo(EarlierVersion.class)
        .list();
  }

  /** A client's notes, oldest first. */
  public static List<ChartNote> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT n.*, u.display_name FROM chart_notes n JOIN users u ON u.id = n.created_by "
                + "WHERE n.client_id = :client ORDER BY n.created_at, n.id")
        .bind("client", clientId)
        .mapTo(ChartNote.class)
        .list();
  }

  /** The notes on one episode's charts, oldest first. */
  public static List<ChartNote> ofEpisode(Handle handle, long episodeId) {
    return handle
        .createQuery(
            "SELECT n.*, u.display_name FROM chart_notes n JOIN users u ON u.id = n.created_by "
                + "WHERE n.episode_id = :episode ORDER BY n.created_at, n.id")
        .bind("episode", episodeId)
        .mapTo(ChartNote.class)
        .list();
  }
}
