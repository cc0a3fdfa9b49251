package org.alliance.web.links;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * The client_links table: single-use links a client opens to fill in one measure without an
 * account. Only the SHA-256 of a link's token is kept, so the table alone cannot open any form.
 */
public final class ClientLinks {
  private ClientLinks() {}

  /** A link as the clinician's page lists it: never its token, which is shown once. */
  public record LinkInfo(
      long id,
      String instrumentId,
      @ColumnName("session_number") int session,
      Instant createdAt,
      Instant expiresAt,
      Optional<Instant> usedAt) {
    /** "filled in", "expired" or "open" at this time. */
    public String state(Instant now) {
      return usedAt.isPresent() ? "filled in" : expiresAt.isAfter(now) ? "open" : "expired";
    }
  }

  /**
   * A link that may still be filled in: what it asks for, of whom, who sent it, until when, and the
   * language of the client's pages (English when the stored one is not offered).
   */
  public record OpenLink(
      long id,
      long clientId,
      String instrumentId,
      int session,
      long createdBy,
      Instant expiresAt,
      ClientLanguage clientLanguage) {}

  /** The columns of an open link as stored. */
  private record OpenRow(
      long id,
      long clientId,
      String instrumentId,
      @ColumnName("session_number") int session,
      long createdBy,
      Instant expiresAt,
      String language) {}

  public static long create(
      Handle handle,
      String tokenHash,
      long clientId,
      String instrumentId,
      int session,
      Instant expiresAt,
      long createdBy,
      Instant now) {
    return handle
        .createUpdate(
            "INSERT INTO client_links (token_hash, client_id, instrument_id, session_number, expires_at, "
                + "created_by, created_at) VALUES (:hash, :client, :instrument, :session, :expires, :by, :now)")
        .bind("hash", tokenHash)
        .bind("client", clientId)
        .bind("instrument", instrumentId)
        .bind("session", session)
        .bind("expires", Sql.time(expiresAt))
        .bind("by", createdBy)
        .bind("now", Sql.time(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /**
   * The link with this token hash, when it is neither used nor expired at {@code now} and its
   * client has an open episode of care.
   */
  public static Optional<OpenLink> open(Handle handle, String tokenHash, Instant now) {
    return handle
        .createQuery(
            "SELECT l.id, l.client_id, l.instrument_id, l.session_number, l.created_by, l.expires_at, "
                + "c.language FROM client_links l JOIN clients c ON c.id = l.client_id "
                + "WHERE l.token_hash = :hash AND l.used_at IS NULL AND l.expires_at > :now "
                // A link is answered into the client's open episode of care: without one it
                // cannot be used, and the client sees the same neutral page as for any other.
                + "AND EXISTS (SELECT 1 FROM episodes e WHERE e.open_for = l.client_id)")
        .bind("hash", tokenHash)
        .bind("now", Sql.time(now))
        .mapTo(OpenRow.class)
        .findOne()
        .map(
            row ->
                new OpenLink(
                    row.id(),
                    row.clientId(),
                    row.instrumentId(),
                    row.session(),
                    row.createdBy(),
                    row.expiresAt(),
                    ClientLanguage.ofCode(row.language()).orElse(ClientLanguage.DEFAULT)));
  }

  /**
   * Marks a link used; false when it was used (or expired) meanwhile. The condition is in the
   * UPDATE itself, so of two submissions racing for one link exactly one changes the row.
   */
  public static boolean markUsed(Handle handle, long id, Instant now) {
    return handle
            .createUpdate(
                "UPDATE client_links SET used_at = :now WHERE id = :id AND used_at IS NULL AND expires_at > :now")
            .bind("id", id)
            .bind("now", Sql.time(now))
            .execute()
        == 1;
  }

  /** A client's links, newest first. */
  public static List<LinkInfo> ofClient(Handle handle, long clientId) {
    return handle
        .createQuery(
            "SELECT id, instrument_id, session_number, created_at, expires_at, used_at FROM client_links "
                + "WHERE client_id = :client ORDER BY id DESC")
        .bind("client", clientId)
        .mapTo(LinkInfo.class)
        .list();
  }
}
