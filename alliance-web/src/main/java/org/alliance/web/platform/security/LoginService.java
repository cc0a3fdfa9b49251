package org.alliance.web.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in and out: checks the password (argon2id), throttles failed attempts per account and per
 * address, records every attempt, and opens a session whose id only the browser's cookie holds.
 */
public final class LoginService {
  /** How long a session lasts: a working day. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  private final Jdbi jdbi;
  private final Clock clock;
  private final LoginThrottle throttle;

  public LoginService(Jdbi jdbi, Clock clock, LoginThrottle throttle) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.throttle = throttle;
  }

  /** What came of an attempt to sign in. */
  public sealed interface Outcome {
    /** Signed in: the session id for the cookie. */
    record SignedIn(User user, String sessionId) implements Outcome {}

    /** Wrong username or password (which of the two is not said). */
    record Refused() implements Outcome {}

    /** Too many failures: try again after the wait; the password was not even checked. */
    record Throttled(Duration retryAfter) implements Outcome {}

    /** A signed-in user's password was right ({@link #confirm}). */
    record Confirmed() implements Outcome {}
  }

  public Outcome signIn(String username, String password, String address) {
    Instant now = clock.instant();
    Optional<Duration> wait = wait(username, address, now);
    if (wait.isPresent()) {
      return new Outcome.Throttled(wait.get());
    }
    Optional<User> user =
        jdbi.withHandle(handle -> Users.findByUsername(handle, username))
            .filter(found -> !found.disabled());
    Optional<String> hash =
        user.flatMap(found -> jdbi.withHandle(handle -> Users.passwordHash(handle, found.id())));
    boolean matched = Passwords.matches(password, hash);
    if (!matched) {
      jdbi.useHandle(handle -> LoginAttempts.record(handle, username, address, false, now));
      return new Outcome.Refused();
    }
    String sessionId = Secrets.random();
    jdbi.useTransaction(
        handle -> {
          LoginAttempts.record(handle, username, address, true, now);
          LoginSessions.create(
              handle,
              Secrets.hash(sessionId),
              user.get().id(),
              Secrets.random(),
              now,
              now.plus(SESSION_LIFETIME));
          AuditLog.record(
              handle,
              Optional.of(user.get().id()),
              AuditAction.SIGN_IN,
              Optional.empty(),
              "from " + address,
              now);
        });
    return new Outcome.SignedIn(user.get(), sessionId);
  }

  /**
   * Checks a signed-in user's password again, before they change it: throttled and recorded like a
   * sign-in, so that a session left open on a shared computer cannot be used to guess it.
   */
  public Outcome confirm(User user, String password, String address) {
    Instant now = clock.instant();
    Optional<Duration> wait = wait(user.username(), address, now);
    if (wait.isPresent()) {
      return new Outcome.Throttled(wait.get());
    }
    Optional<String> hash = jdbi.withHandle(handle -> Users.passwordHash(handle, user.id()));
    boolean matched = Passwords.matches(password, hash);
    jdbi.useHandle(handle -> LoginAttempts.record(handle, user.username(), address, matched, now));
    return matched ? new Outcome.Confirmed() : new Outcome.Refused();
  }

  /** How long an account or an address must wait before its next attempt, if at all. */
  private Optional<Duration> wait(String username, String address, Instant now) {
    Instant since = throttle.since(now);
    return jdbi.withHandle(
        handle ->
            longer(
                throttle.accountWait(LoginAttempts.failuresOfAccount(handle, username, since), now),
                throttle.addressWait(
                    LoginAttempts.failuresOfAddress(handle, address, since), now)));
  }

  /** Ends the session with this cookie value. */
  public void signOut(String sessionId) {
    jdbi.useHandle(handle -> LoginSessions.delete(handle, Secrets.hash(sessionId)));
  }

  private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
  }
}
