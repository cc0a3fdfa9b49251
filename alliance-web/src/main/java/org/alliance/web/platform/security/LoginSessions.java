package org.alliance.web.platform.security;

import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;

/**
 * The login_sessions table: signed-in browsers, by the SHA-256 of their session cookie, with when
 * each was last used (for the idle time) and when it ends at the latest.
 */
public final class LoginSessions {
  private LoginSessions() {}

  /**
   * A session that has not reached its end of life: its user, CSRF token, whether the user must
   * change their password first, when it was last used and when it ends at the latest. Whether it
   * has been idle too long is for the caller to judge.
   */
  public record LiveSession(
      @Nested User user,
      String csrfToken,
      boolean mustChangePassword,
      Instant lastSeenAt,
      Instant expiresAt) {}

  public static void create(
      Handle handle, String idHash, long userId, String csrfToken, Instant now, Instant expires) {
    handle
        .createUpdate(
            "INSERT INTO login_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                + "VALUES (:hash, :user, :csrf, :now, :now, :expires)")
        .bind("hash", idHash)
        .bind("user", userId)
        .bind("csrf", csrfToken)
        .bind("now", Sql.time(now))
        .bind("expires", Sql.time(expires))
        .execute();
  }

  /** The session with this hash, when it has not reached its end of life. */
  public static Optional<LiveSession> find(Handle handle, String idHash, Instant now) {
    return handle
        .createQuery(
            "SELECT s.csrf_token, u.must_change_password, s.last_seen_at, s.expires_at, "
                + Users.COLUMNS
                + " FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = :hash AND s.expires_at > :now")
        .bind("hash", idHash)
        .bind("now", Sql.time(now))
        .mapTo(LiveSession.class)
        .findOne();
  }

  /** Records that the session was used now, which starts its idle time again. */
  public static void touch(Handle handle, String idHash, Instant now) {
    handle
        .createUpdate(
            "UPDATE login_sessions SET last_seen_at = :now WHERE id_hash = :hash AND last_seen_at < :now")
        .bind("now", Sql.time(now))
        .bind("hash", idHash)
        .execute();
  }

  /**
   * Ends a session that was last used at or before {@code lastUsedBy}; true when this call ended it
   * (so that two requests arriving together record its end once).
   */
  public static boolean endIdle(Handle handle, String idHash, Instant lastUsedBy) {
    return handle
            .createUpdate(
                "DELETE FROM login_sessions WHERE id_hash = :hash AND last_seen_at <= :lastUsedBy")
            .bind("hash", idHash)
            .bind("lastUsedBy", Sql.time(lastUsedBy))
            .execute()
        == 1;
  }

  public static void delete(Handle handle, String idHash) {
    handle
        .createUpdate("DELETE FROM login_sessions WHERE id_hash = :hash")
        .bind("hash", idHash)
        .execute();
  }

  /**
   * Ends a user's sessions but the one with {@code keptHash} (none with an empty one); returns how
   * many ended.
   */
  public static int endOthers(Handle handle, long userId, Optional<String> keptHash) {
    return handle
        .createUpdate("DELETE FROM login_sessions WHERE user_id = :user AND id_hash <> :kept")
        .bind("user", userId)
        .bind("kept", keptHash.orElse(""))
        .execute();
  }

  /**
   * Forgets sessions that have reached their end of life. One idle for too long is ended by its
   * next request, which can then say why; one that never comes back is forgotten here.
   */
  public static int deleteExpired(Handle handle, Instant now) {
    return handle
        .createUpdate("DELETE FROM login_sessions WHERE expires_at <= :now")
        .bind("now", Sql.time(now))
        .execute();
  }
}
