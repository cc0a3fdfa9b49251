package org.alliance.web.accounts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.Set;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.Principal;

/**
 * Runs before every route: a user whose password an admin reset reaches nothing with their browser
 * session but the page to choose a new one (and signing out). Pages they open lead there; anything
 * else is refused with 403 saying why. Requests with an API token, and the pages anyone may open,
 * pass.
 */
public final class PasswordChangeGate {
  /** The only page a user with a reset password may use. */
  public static final String PAGE = "/account/password";

  private static final Set<String> OPEN =
      Set.of(PAGE, "/login", "/logout", "/api/session", "/health", "/openapi.json");

  private final Authentication authentication;

  public PasswordChangeGate(Authentication authentication) {
    this.authentication = authentication;
  }

  public void check(Context ctx) {
    String path = ctx.path();
    if (ctx.cookie(Authentication.SESSION_COOKIE) == null
        || ctx.header("Authorization") != null
        || OPEN.contains(path)
        || path.startsWith("/static/")
        || path.startsWith("/f/")) {
      return;
    }
    Optional<Principal> signedIn = authentication.find(ctx);
    if (signedIn.isEmpty() || !signedIn.get().passwordChangeDue()) {
      return;
    }
    if (ctx.method() == HandlerType.GET && !path.startsWith("/api/")) {
      ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    throw WebException.forbidden(
        "an admin reset your password: choose a new one at " + PAGE + " before anything else");
  }
}
