package org.alliance.web.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.LoginService.Outcome;
import org.alliance.web.platform.security.LoginSessions;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;

/**
 * A user changing their own password (the current one required), and an admin resetting another
 * user's to a temporary one that its user must replace at the next sign-in. Either ends the user's
 * other browser sessions, since whoever knew the old password may be signed in with it; API tokens
 * are separate credentials and stay. Each is audited in the same transaction.
 */
public final class PasswordChanges {
  private final Platform platform;

  public PasswordChanges(Platform platform) {
    this.platform = platform;
  }

  /** An admin's reset: the user and the temporary password to hand them, shown once. */
  public record Reset(User user, String temporaryPassword, int sessionsEnded) {}

  /**
   * Changes the signed-in user's password; refuses (naming the field) a wrong current password, a
   * new one that is weak or the same as before, or a repeat that differs. Only from a browser
   * session: a token may not take over the account it belongs to.
   *
   * @param sessionHash the hash of the session making the change, which stays signed in
   * @return how many other sessions of the user ended
   */
  public int change(
      Principal principal,
      String current,
      String next,
      String repeat,
      String address,
      Optional<String> sessionHash) {
    if (!principal.viaSession()) {
      throw WebException.forbidden(
          "change your password while signed in to the web app, not with an API token");
    }
    User user = principal.user();
    if (current.isEmpty()) {
      throw WebException.badRequest("currentPassword: enter your current password");
    }
    if (current.length() > Passwords.MAX_LENGTH) {
      throw WebException.badRequest("currentPassword: that is not your current password");
    }
    Passwords.weakness(next, List.of(user.username(), user.displayName()))
        .ifPresent(
            weakness -> {
              throw WebException.badRequest("newPassword: " + weakness);
            });
    if (!next.equals(repeat)) {
      throw WebException.badRequest(
          "repeatPassword: the two new passwords differ; type the same one twice");
    }
    if (next.equals(current)) {
      throw WebException.badRequest(
          "newPassword: this is your current password; choose a different one");
    }
    Outcome confirmed = platform.logins().confirm(user, current, address);
    if (confirmed instanceof Outcome.Throttled throttled) {
      long seconds = seconds(throttled.retryAfter());
      throw new WebException(
          429,
          "currentPassword: too many wrong passwords; try again in " + describe(seconds) + ".");
    }
    if (!(confirmed instanceof Outcome.Confirmed)) {
      throw WebException.badRequest("currentPassword: that is not your current password");
    }
    String hash = Passwords.hash(next);
    Instant now = platform.clock().instant();
    return platform
        .database()
        .write(
            handle -> {
              Users.setPassword(handle, user.id(), hash, false);
              int ended = LoginSessions.endOthers(handle, user.id(), sessionHash);
              AuditLog.record(
                  handle,
                  Optional.of(user.id()),
                  AuditAction.PASSWORD_CHANGE,
                  Optional.empty(),
                  (principal.passwordChangeDue() ? "after an admin's reset; " : "")
                      + ended
                      + (ended == 1 ? " other session" : " other sessions")
                      + " ended",
                  now);
              return ended;
            });
  }

  /**
   * Resets a user's password to a new temporary one and ends all their sessions; they must choose
   * their own at the next sign-in. An admin changes their own password on their account page
   * instead.
   */
  public Reset reset(Principal admin, long userId) {
    if (admin.userId() == userId) {
      throw WebException.badRequest(
          "you cannot reset your own password here; change it on your account page");
    }
    String temporary = Passwords.temporary();
    String hash = Passwords.hash(temporary);
    Instant now = platform.clock().instant();
    return platform
        .database()
        .write(
            handle -> {
              User user =
                  Users.find(handle, userId)
                      .orElseThrow(() -> WebException.notFound("no user " + userId));
              Users.setPassword(handle, userId, hash, true);
              int ended = LoginSessions.endOthers(handle, userId, Optional.empty());
              AuditLog.record(
                  handle,
                  Optional.of(admin.userId()),
                  AuditAction.PASSWORD_RESET,
                  Optional.empty(),
                  user.username()
                      + " (user "
                      + userId
                      + "): must choose a new password at the next sign-in; "
                      + ended
                      + (ended == 1 ? " session" : " sessions")
                      + " ended",
                  now);
              return new Reset(user, temporary, ended);
            });
  }

  private static String describe(long seconds) {
    return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
  }

  /** A wait in whole seconds, rounded up. */
  private static long seconds(Duration duration) {
    return Math.max(1, duration.toSeconds() + (duration.toMillisPart() > 0 ? 1 : 0));
  }
}
