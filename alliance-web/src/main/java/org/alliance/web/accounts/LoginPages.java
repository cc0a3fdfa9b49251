package org.alliance.web.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.Cookies;
import org.alliance.web.platform.security.LoginService;
import org.alliance.web.platform.security.LoginService.Outcome;
import org.alliance.web.platform.security.Secrets;
import org.alliance.web.platform.security.Users;

/**
 * Signing in and out in the browser. The login form is protected from cross-site forgery before
 * there is a session by a double-submit token: a random value in a strict cookie that the form must
 * repeat. Session cookies are HttpOnly and SameSite=Strict, and Secure behind TLS.
 */
public final class LoginPages {
  static final String LOGIN_CSRF_COOKIE = "alliance_login_csrf";

  private final Platform platform;
  // Users are never deleted, so once there is one the question need not be asked again.
  private final AtomicBoolean hasUsers = new AtomicBoolean();

  public LoginPages(Platform platform) {
    this.platform = platform;
  }

  /**
   * {@code GET /login}; says why when a session just ended for going unused, and how to add the
   * first admin while the clinic has no users.
   */
  public void form(Context ctx) {
    showForm(ctx, 200, "", null);
  }

  /** {@code POST /login}: username, password and the form's CSRF token. */
  public void signIn(Context ctx) {
    String cookie = ctx.cookie(LOGIN_CSRF_COOKIE);
    String sent = ctx.formParam(Authentication.CSRF_FIELD);
    if (cookie == null || sent == null || !Secrets.same(cookie, sent)) {
      throw WebException.forbidden(
          "the sign-in form has expired or did not come from this site; open the sign-in page again");
    }
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (username.isEmpty()
        || password.isEmpty()
        || username.length() > 100
        || password.length() > 1_000) {
      showForm(
          ctx, 400, username.length() > 100 ? "" : username, "Enter your username and password.");
      return;
    }
    Outcome outcome = platform.logins().signIn(username, password, ctx.ip());
    if (outcome instanceof Outcome.SignedIn signedIn) {
      ctx.cookie(
          cookie(
              Authentication.SESSION_COOKIE,
              signedIn.sessionId(),
              "/",
              (int) LoginService.SESSION_LIFETIME.toSeconds()));
      ctx.removeCookie(LOGIN_CSRF_COOKIE, "/login");
      ctx.removeCookie(Authentication.SIGNED_OUT_COOKIE, "/login");
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    } else if (outcome instanceof Outcome.Throttled throttled) {
      long seconds =
          Math.max(
              1,
              throttled.retryAfter().toSeconds()
                  + (throttled.retryAfter().toMillisPart() > 0 ? 1 : 0));
      ctx.header("Retry-After", Long.toString(seconds));
      showForm(
          ctx, 429, username, "Too many failed attempts. Try again in " + describe(seconds) + ".");
    } else {
      showForm(ctx, 401, username, "Wrong username or password.");
    }
  }

  /** {@code POST /logout}: ends the session (the form carries the session's CSRF token). */
  public void signOut(Context ctx) {
    platform.authentication().require(ctx);
    String session = ctx.cookie(Authentication.SESSION_COOKIE);
    if (session != null) {
      platform.logins().signOut(session);
      ctx.removeCookie(Authentication.SESSION_COOKIE, "/");
    }
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void showForm(Context ctx, int status, String username, String message) {
    String csrf = Secrets.random();
    ctx.cookie(cookie(LOGIN_CSRF_COOKIE, csrf, "/login", 3_600));
    String notice = null;
    if (message == null
        && Authentication.SIGNED_OUT_IDLE.equals(ctx.cookie(Authentication.SIGNED_OUT_COOKIE))) {
      notice =
          "You were signed out after "
              + Authentication.minutes(platform.authentication().idle())
              + " without activity, to keep your clients' data safe on an unattended screen."
              + " Sign in again to go on.";
      ctx.removeCookie(Authentication.SIGNED_OUT_COOKIE, "/login");
    }
    ctx.status(status);
    Pages.render(
        ctx,
        "accounts/login.jte",
        "csrf",
        csrf,
        "username",
        username,
        "message",
        message,
        "notice",
        notice,
        "firstAdmin",
        !hasUsers());
  }

  private boolean hasUsers() {
    if (!hasUsers.get() && platform.database().read(Users::any)) {
      hasUsers.set(true);
    }
    return hasUsers.get();
  }

  private Cookie cookie(String name, String value, String path, int maxAge) {
    return Cookies.strict(name, value, path, maxAge, platform.secureCookies());
  }

  private static String describe(long seconds) {
    return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
  }
}
