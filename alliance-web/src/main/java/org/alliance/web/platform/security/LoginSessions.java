package org.alliance.web.platform.security;

import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;

/** The login_sessions table: signed-in browsers, by the SHA-256 of their session cookie. */
public final class LoginSessions {
  private LoginSessions() {}

  /** A live session's user and CSRF token. */
  public record LiveSession(@Nested User user, String csrfToken) {}

  public static void create(
      Handle handle, String idHash, long userId, String csrfToken, Instant now, Instant expires) {
    handle
        .createUpdate(
            "INSERT INTO login_sessions (id_hash, user_id, csrf_token, created_at, expires_at) "
                + "VALUES (:hash, :user, :csrf, :now, :expires)")
        .bind("hash", idHash)
        .bind("user", userId)
        .bind("csrf", csrfToken)
        .bind("now", Sql.time(now))
        .bind("expires", Sql.time(expires))
        .execute();
  }

  /** The session with this hash, when it has not expired. */
  public static Optional<LiveSession> find(Handle handle, String idHash, Instant now) {
    return handle
        .createQuery(
            "SELECT s.csrf_token, "
                + Users.COLUMNS
                + " FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = :hash AND s.expires_at > :now")
        .bind("hash", idHash)
        .bind("now", Sql.time(now))
        .mapTo(LiveSession.class)
        .findOne();
  }

  public static void delete(Handle handle, String idHash) {
    handle
        .createUpdate("DELETE FROM login_sessions WHERE id_hash = :hash")
        .bind("hash", idHash)
        .execute();
  }

  /** Forgets sessions that have expired. */
  public static int deleteExpired(Handle handle, Instant now) {
    return handle
        .createUpdate("DELETE FROM login_sessions WHERE expires_at <= :now")
        .bind("now", Sql.time(now))
        .execute();
  }
}
