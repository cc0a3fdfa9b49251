package org.alliance.web.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;

/** The users table: people who sign in, with their role, team and password hash. */
public final class Users {
  /** The columns of a {@link User}, for queries that join users. */
  static final String COLUMNS = "u.id, u.username, u.display_name, u.role, u.team_id, u.disabled";

  private Users() {}

  public static Optional<User> find(Handle handle, long id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id")
        .bind("id", id)
        .mapTo(User.class)
        .findOne();
  }

  public static Optional<User> findByUsername(Handle handle, String username) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.username = :username")
        .bind("username", username)
        .mapTo(User.class)
        .findOne();
  }

  public static List<User> all(Handle handle) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users u ORDER BY u.username")
        .mapTo(User.class)
        .list();
  }

  /** The argon2id hash of an enabled user's password. */
  public static Optional<String> passwordHash(Handle handle, long userId) {
    return handle
        .createQuery("SELECT password_hash FROM users WHERE id = :id AND NOT disabled")
        .bind("id", userId)
        .mapTo(String.class)
        .findOne();
  }

  /** Adds a user and returns it. */
  public static User create(
      Handle handle,
      String username,
      String displayName,
      Role role,
      Optional<Long> team,
      String passwordHash,
      Instant now) {
    long id =
        handle
            .createUpdate(
                "INSERT INTO users (username, display_name, role, team_id, password_hash, disabled, created_at)"
                    + " VALUES (:username, :displayName, :role, :team, :hash, FALSE, :now)")
            .bind("username", username)
            .bind("displayName", displayName)
            .bind("role", role.id())
            .bind("team", team.orElse(null))
            .bind("hash", passwordHash)
            .bind("now", Sql.time(now))
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return new User(id, username, displayName, role, team, false);
  }

  /** Whether anyone at all can sign in: false for a new clinic, until the first admin is added. */
  public static boolean any(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one() > 0;
  }

  /**
   * Gives a user a new password hash; {@code mustChange} makes them choose another at their next
   * sign-in before they can do anything else (after an admin's reset).
   */
  public static void setPassword(Handle handle, long id, String passwordHash, boolean mustChange) {
    handle
        .createUpdate(
            "UPDATE users SET password_hash = :hash, must_change_password = :mustChange WHERE id = :id")
        .bind("hash", passwordHash)
        .bind("mustChange", mustChange)
        .bind("id", id)
        .execute();
  }

  /** Gives a user another role and team. */
  public static void changeRole(Handle handle, long id, Role role, Optional<Long> team) {
    handle
        .createUpdate("UPDATE users SET role = :role, team_id = :team WHERE id = :id")
        .bind("role", role.id())
        .bind("team", team.orElse(null))
        .bind("id", id)
        .execute();
  }

  /**
   * Disables a user or enables them again. Disabling ends their sessions and revokes their API
   * tokens for good, so that enabling them later revives neither: they sign in afresh.
   */
  public static void setDisabled(Handle handle, long id, boolean disabled) {
    handle
        .createUpdate("UPDATE users SET disabled = :disabled WHERE id = :id")
        .bind("disabled", disabled)
        .bind("id", id)
        .execute();
    if (disabled) {
      handle
          .createUpdate("DELETE FROM login_sessions WHERE user_id = :id")
          .bind("id", id)
          .execute();
      handle.createUpdate("DELETE FROM api_tokens WHERE user_id = :id").bind("id", id).execute();
    }
  }
}
