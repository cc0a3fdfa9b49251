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

  /** The request attribute with the acting user's id, for the request log. */
  public static final String USER_ATTRIBUTE = "alliance.user";

  private static final String PRINCIPAL_ATTRIBUTE = "alliance.principal";
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
  private final Cache<String, Principal> tokenOwners;

  public Authentication(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
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
    boolean credentials = ctx.header("Authorization") != null || ctx.cookie(SESSION_COOKIE) != null;
    return remember(
        ctx, credentials ? jdbi.withHandle(handle -> resolve(ctx, handle)) : Optional.empty());
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
                    return new Principal(found.user(), Optional.empty());
                  });
      owner.ifPresent(principal -> tokenOwners.put(hash, principal));
      return owner;
    }
    String session = ctx.cookie(SESSION_COOKIE);
    if (session == null || session.isEmpty()) {
      return Optional.empty();
    }
    return LoginSessions.find(handle, Secrets.hash(session), now)
        .filter(live -> !live.user().disabled())
        .map(live -> new Principal(live.user(), Optional.of(live.csrfToken())));
  }
}
