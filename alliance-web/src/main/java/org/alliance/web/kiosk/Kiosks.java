package org.alliance.web.kiosk;

import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * The kiosks table: browser sessions in kiosk mode, by the SHA-256 of their session cookie (as
 * login_sessions keeps them), each for one client, one measure and one session number. A row ends
 * with its login session (a foreign key with ON DELETE CASCADE).
 */
public final class Kiosks {
  /** Wrong PINs or passwords after which the PIN no longer leaves this kiosk: only the password. */
  public static final int PIN_TRIES = 3;

  private Kiosks() {}

  /**
   * A browser session in kiosk mode.
   *
   * @param userId the clinician who started it, whose PIN or password leaves it
   * @param finishedAt when the client's answers were stored; empty while the questions are open
   * @param failedExits wrong PINs or passwords given so far
   */
  public record Kiosk(
      long id,
      long userId,
      long clientId,
      String instrumentId,
      @ColumnName("session_number") int session,
      Instant startedAt,
      Optional<Instant> finishedAt,
      Optional<Long> administrationId,
      int failedExits) {
    public boolean finished() {
      return finishedAt.isPresent();
    }

    /** Whether the PIN may still leave this kiosk (the password always may). */
    public boolean pinAllowed() {
      return failedExits < PIN_TRIES;
    }
  }

  public static long start(
      Handle handle,
      String sessionHash,
      long userId,
      long clientId,
      String instrumentId,
      int session,
      Instant now) {
    return handle
        .createUpdate(
            "INSERT INTO kiosks (session_hash, user_id, client_id, instrument_id, session_number,"
                + " started_at) VALUES (:hash, :user, :client, :instrument, :session, :now)")
        .bind("hash", sessionHash)
        .bind("user", userId)
        .bind("client", clientId)
        .bind("instrument", instrumentId)
        .bind("session", session)
        .bind("now", Sql.time(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** The kiosk of the browser session with this hash, if it is in kiosk mode. */
  public static Optional<Kiosk> ofSession(Handle handle, String sessionHash) {
    return handle
        .createQuery(
            "SELECT id, user_id, client_id, instrument_id, session_number, started_at, finished_at,"
                + " administration_id, failed_exits FROM kiosks WHERE session_hash = :hash")
        .bind("hash", sessionHash)
        .mapTo(Kiosk.class)
        .findOne();
  }

  /** Whether the browser session with this hash is in kiosk mode. */
  public static boolean isKiosk(Handle handle, String sessionHash) {
    return handle
            .createQuery("SELECT COUNT(*) FROM kiosks WHERE session_hash = :hash")
            .bind("hash", sessionHash)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * Claims the kiosk for the answers being stored; false when they were stored meanwhile. The
   * condition is in the UPDATE itself, so of two submissions racing (a double tap) exactly one
   * stores; the other waits for its commit and then finds the kiosk finished.
   */
  public static boolean claim(Handle handle, long id, Instant now) {
    return handle
            .createUpdate(
                "UPDATE kiosks SET finished_at = :now WHERE id = :id AND finished_at IS NULL")
            .bind("id", id)
            .bind("now", Sql.time(now))
            .execute()
        == 1;
  }

  /** Records which administration the answers became. */
  public static void stored(Handle handle, long id, long administrationId) {
    handle
        .createUpdate("UPDATE kiosks SET administration_id = :administration WHERE id = :id")
        .bind("id", id)
        .bind("administration", administrationId)
        .execute();
  }

  /**
   * Takes one of the kiosk's PIN tries before the PIN is checked, so that tries sent at once cannot
   * get past the limit: the wrong tries so far with this one, or empty when none is left. A right
   * PIN ends the kiosk, so only wrong ones stay counted.
   */
  public static Optional<Integer> takePinTry(Handle handle, long id) {
    int taken =
        handle
            .createUpdate(
                "UPDATE kiosks SET failed_exits = failed_exits + 1 WHERE id = :id"
                    + " AND failed_exits < :tries")
            .bind("id", id)
            .bind("tries", PIN_TRIES)
            .execute();
    if (taken == 0) {
      return Optional.empty();
    }
    return handle
        .createQuery("SELECT failed_exits FROM kiosks WHERE id = :id")
        .bind("id", id)
        .mapTo(Integer.class)
        .findOne();
  }

  /** Counts one more wrong PIN or password; returns how many there are now. */
  public static int failedExit(Handle handle, long id) {
    handle
        .createUpdate("UPDATE kiosks SET failed_exits = failed_exits + 1 WHERE id = :id")
        .bind("id", id)
        .execute();
    return handle
        .createQuery("SELECT failed_exits FROM kiosks WHERE id = :id")
        .bind("id", id)
        .mapTo(Integer.class)
        .findOne()
        .orElse(PIN_TRIES);
  }

  /** Ends kiosk mode; false when it had ended already. */
  public static boolean end(Handle handle, long id) {
    return handle.createUpdate("DELETE FROM kiosks WHERE id = :id").bind("id", id).execute() == 1;
  }

  /** The clinician's kiosk PIN hash, when they set one. */
  public static Optional<String> pinHash(Handle handle, long userId) {
    return handle
        .createQuery("SELECT kiosk_pin_hash FROM users WHERE id = :id")
        .bind("id", userId)
        .mapTo(String.class)
        .findOne();
  }

  /** Sets (or, with an empty hash, removes) a clinician's kiosk PIN. */
  public static void setPin(Handle handle, long userId, Optional<String> hash) {
    handle
        .createUpdate("UPDATE users SET kiosk_pin_hash = :hash WHERE id = :id")
        .bind("id", userId)
        .bind("hash", hash.orElse(null))
        .execute();
  }
}
