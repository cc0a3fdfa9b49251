package org.alliance.web.platform.security;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds who a request acts for: a personal API token in {@code Authorization: Bearer ...}, or a
 * browser session cookie. A request with a session that changes anything must repeat the session's
 * CSRF token (header {@code X-CSRF-Token} or form field {@code _csrf}); a token request is exempt,
 * since a browser never adds a bearer token to a forged request by itself.
 */
public final class Authentication {
  public static final String SESSION_COOKIE = "alliance_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "_csrf";

  /**
   * Set, for the sign-in page only, when a session ended because it went unused for the idle time,
   * so that the page can say so.
   */
  public static final String SIGNED_OUT_COOKIE = "alliance_signed_out";

  /** The value of {@link #SIGNED_OUT_COOKIE} for a session that went unused too long. */
  public static final String SIGNED_OUT_IDLE = "idle";

  /** The request attribute with the acting user's id, for the request log. */
  public static final String USER_ATTRIBUTE = "alliance.user";

  /** How long a session lasts without a request unless the server is told otherwise. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

  private static final String PRINCIPAL_ATTRIBUTE = "alliance.principal";
  private static final String ENDED_IDLE_ATTRIBUTE = "alliance.session.idle";
  // A session's last use is written at most this often, so that a page with its charts and a
  // script's checks make one write, not one per request; the idle time is that much shorter at
  // worst.
  private static final Duration SEEN_INTERVAL = Duration.ofSeconds(15);
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  // last_used_at is written at most this often per token, so reads stay reads.
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  // A script reading thousands of times a second need not ask the database each time whose its
  // token is.
  // A change to any user or token forgets every owner at once (forgetTokenOwners), so the delay
  // only bounds how late a change made outside this server is seen: by the add-token command, or
  // on another server on the same database.
  private static final Duration TOKEN_MEMORY = Duration.ofSeconds(10);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration idle;
  private final boolean secureCookies;
  private final Cache<String, Principal> tokenOwners;

  public Authentication(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, DEFAULT_IDLE, false);
  }

  /**
   * @param idle how long a browser session lasts without a request
   * @param secureCookies whether cookies are sent over HTTPS only
   */
  public Authentication(Jdbi jdbi, Clock clock, Duration idle, boolean secureCookies) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.idle = idle;
    this.secureCookies = secureCookies;
    // The memory runs on the server's clock, like every other expiry here, so a test can move it.
    this.tokenOwners =
        CacheBuilder.newBuilder()
            .ticker(
                new Ticker() {
                  @Override
                  public long read() {
                    return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                  }
                })
            .expireAfterWrite(TOKEN_MEMORY)
            .maximumSize(10_000)
            .build();
  }

  /**
   * How long this server may go on accepting an API token after it was revoked, or its user
   * disabled, on another server sharing the database (on this server: not at all). Browser sessions
   * are not remembered: a session ended on one server is refused by every server at once.
   */
  public static Duration tokenMemory() {
    return TOKEN_MEMORY;
  }

  /** How long a browser session lasts without a request. */
  public Duration idle() {
    return idle;
  }

  /**
   * The user the request acts for; 401 without valid credentials, 403 for a session request without
   * its CSRF token.
   */
  public Principal require(Context ctx) {
    return check(ctx, find(ctx));
  }

  /**
   * The same, looked up with a handle the request already has open, so that a request that reads or
   * writes anyway does not open a second one just to find out who is asking.
   */
  public Principal require(Context ctx, Handle handle) {
    Principal cached = ctx.attribute(PRINCIPAL_ATTRIBUTE);
    return check(ctx, cached != null ? Optional.of(cached) : remember(ctx, resolve(ctx, handle)));
  }

  private Principal check(Context ctx, Optional<Principal> found) {
    Principal principal =
        found.orElseThrow(
            () ->
                WebException.unauthorized(
                    ctx.header("Authorization") != null
                        ? "unknown or revoked API token, or a disabled account"
                        : endedIdle(ctx)
                            ? "you were signed out after "
                                + minutes(idle)
                                + " without activity, so nothing of this request was saved;"
                                + " sign in again and send it again"
                            : "sign in, or send a personal API token as 'Authorization: Bearer TOKEN'"));
    if (principal.viaSession() && !SAFE.contains(ctx.method())) {
      // A file upload is a multipart form, which carries the field like any other form.
      String sent =
          Optional.ofNullable(ctx.header(CSRF_HEADER))
              .orElseGet(
                  () ->
                      ctx.isFormUrlencoded() || ctx.isMultipartFormData()
                          ? ctx.formParam(CSRF_FIELD)
                          : null);
      if (sent == null || !Secrets.same(sent, principal.csrfToken().orElseThrow())) {
        throw WebException.forbidden(
            "missing or wrong CSRF token: a form must send its "
                + CSRF_FIELD
                + " field, a script the "
                + CSRF_HEADER
                + " header");
      }
    }
    return principal;
  }

  /** The user the request acts for, if any; checks no CSRF token (for pages that only show). */
  public Optional<Principal> find(Context ctx) {
    Principal cached = ctx.attribute(PRINCIPAL_ATTRIBUTE);
    if (cached != null) {
      return Optional.of(cached);
    }
    return remember(ctx, lookUp(ctx, true));
  }

  /**
   * The same without counting this request as a use of the session, for a page script that asks how
   * long the session has left; checks no CSRF token.
   */
  public Optional<Principal> peek(Context ctx) {
    return remember(ctx, lookUp(ctx, false));
  }

  /**
   * Counts this moment as a use of the signed-in user's session ("stay signed in"), and returns the
   * user with the time the session has left from now.
   */
  public Principal renew(Principal principal, Context ctx) {
    String session = ctx.cookie(SESSION_COOKIE);
    if (!principal.viaSession() || session == null) {
      return principal;
    }
    Instant now = clock.instant();
    return jdbi.withHandle(
        handle -> {
          LoginSessions.touch(handle, Secrets.hash(session), now);
          return LoginSessions.find(handle, Secrets.hash(session), now)
              .map(live -> principal(live, now, now))
              .orElse(principal);
        });
  }

  /** Whether this request came with a session that has just ended for going unused too long. */
  public static boolean endedIdle(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(ENDED_IDLE_ATTRIBUTE));
  }

  /** "30 minutes", "1 minute", "2 hours". */
  public static String minutes(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes >= 120 && minutes % 60 == 0) {
      return minutes / 60 + " hours";
    }
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  private Optional<Principal> lookUp(Context ctx, boolean use) {
    boolean credentials = ctx.header("Authorization") != null || ctx.cookie(SESSION_COOKIE) != null;
    return credentials ? jdbi.withHandle(handle -> resolve(ctx, handle, use)) : Optional.empty();
  }

  /**
   * Forgets the remembered owners of API tokens; called once a change to a user (role, team,
   * disabled) or the revocation of a token is committed, so that the next request sees it.
   */
  public void forgetTokenOwners() {
    tokenOwners.invalidateAll();
  }

  private static Optional<Principal> remember(Context ctx, Optional<Principal> found) {
    found.ifPresent(
        principal -> {
          ctx.attribute(PRINCIPAL_ATTRIBUTE, principal);
          ctx.attribute(USER_ATTRIBUTE, principal.userId());
        });
    return found;
  }

  private Optional<Principal> resolve(Context ctx, Handle handle) {
    return resolve(ctx, handle, true);
  }

  /**
   * @param use whether this request counts as a use of a browser session, starting its idle time
   *     again
   */
  private Optional<Principal> resolve(Context ctx, Handle handle, boolean use) {
    String authorization = ctx.header("Authorization");
    Instant now = clock.instant();
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Optional.empty();
      }
      String hash = Secrets.hash(authorization.substring(7).trim());
      Principal remembered = tokenOwners.getIfPresent(hash);
      if (remembered != null) {
        return Optional.of(remembered);
      }
      Optional<Principal> owner =
          ApiTokens.owner(handle, hash)
              .filter(found -> !found.user().disabled())
              .map(
                  found -> {
                    if (found
                        .lastUsedAt()
                        .map(last -> last.plus(TOUCH_INTERVAL).isBefore(now))
                        .orElse(true)) {
                      ApiTokens.touch(handle, found.tokenId(), now);
                    }
                    return Principal.withToken(found.user());
                  });
      owner.ifPresent(principal -> tokenOwners.put(hash, principal));
      return owner;
    }
    String session = ctx.cookie(SESSION_COOKIE);
    if (session == null || session.isEmpty()) {
      return Optional.empty();
    }
    String hash = Secrets.hash(session);
    Optional<LoginSessions.LiveSession> found =
        LoginSessions.find(handle, hash, now).filter(live -> !live.user().disabled());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    LoginSessions.LiveSession live = found.get();
    if (!live.lastSeenAt().plus(idle).isAfter(now)) {
      endIdle(ctx, handle, hash, live, now);
      return Optional.empty();
    }
    Instant seen = live.lastSeenAt();
    if (use && seen.plus(SEEN_INTERVAL).isBefore(now)) {
      LoginSessions.touch(handle, hash, now);
      seen = now;
    }
    return Optional.of(principal(live, seen, now));
  }

  private Principal principal(LoginSessions.LiveSession live, Instant seen, Instant now) {
    Duration idleLeft = Duration.between(now, seen.plus(idle));
    Duration lifeLeft = Duration.between(now, live.expiresAt());
    return new Principal(
        live.user(),
        Optional.of(live.csrfToken()),
        live.mustChangePassword(),
        Optional.of(idleLeft.compareTo(lifeLeft) < 0 ? idleLeft : lifeLeft));
  }

  /**
   * Ends a session that went unused for the idle time, audited once, and leaves the browser a
   * cookie for the sign-in page to say why it is there.
   */
  private void endIdle(
      Context ctx, Handle handle, String hash, LoginSessions.LiveSession live, Instant now) {
    if (LoginSessions.endIdle(handle, hash, now.minus(idle))) {
      AuditLog.record(
          handle,
          Optional.of(live.user().id()),
          AuditAction.SESSION_EXPIRE,
          Optional.empty(),
          "after " + minutes(idle) + " without activity",
          now);
    }
    ctx.attribute(ENDED_IDLE_ATTRIBUTE, true);
    ctx.removeCookie(SESSION_COOKIE, "/");
    ctx.cookie(Cookies.strict(SIGNED_OUT_COOKIE, SIGNED_OUT_IDLE, "/login", 3_600, secureCookies));
  }
}
