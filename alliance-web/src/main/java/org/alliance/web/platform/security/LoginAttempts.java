package org.alliance.web.platform.security;

import java.time.Instant;
import java.util.List;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;

/** The login_attempts table: every attempt to sign in, for throttling by account and by address. */
public final class LoginAttempts {
  private LoginAttempts() {}

  public static void record(
      Handle handle, String username, String address, boolean succeeded, Instant now) {
    handle
        .createUpdate(
            "INSERT INTO login_attempts (username, address, attempted_at, succeeded) "
                + "VALUES (:username, :address, :now, :succeeded)")
        .bind("username", username)
        .bind("address", address)
        .bind("now", Sql.time(now))
        .bind("succeeded", succeeded)
        .execute();
  }

  /**
   * The times of an account's failed attempts since its last success and after {@code since},
   * oldest first.
   */
  public static List<Instant> failuresOfAccount(Handle handle, String username, Instant since) {
    return handle
        .createQuery(
            "SELECT attempted_at FROM login_attempts WHERE username = :username AND NOT succeeded "
                + "AND attempted_at > :since AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempts "
                + "WHERE username = :username AND succeeded), :since) ORDER BY attempted_at")
        .bind("username", username)
        .bind("since", Sql.time(since))
        .mapTo(Instant.class)
        .list();
  }

  /** The times of an address's failed attempts after {@code since}, oldest first. */
  public static List<Instant> failuresOfAddress(Handle handle, String address, Instant since) {
    return handle
        .createQuery(
            "SELECT attempted_at FROM login_attempts WHERE address = :address AND NOT succeeded "
                + "AND attempted_at > :since ORDER BY attempted_at")
        .bind("address", address)
        .bind("since", Sql.time(since))
        .mapTo(Instant.class)
        .list();
  }
}
