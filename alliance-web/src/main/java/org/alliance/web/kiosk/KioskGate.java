package org.alliance.web.kiosk;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.Secrets;

/**
 * Runs before every route: a browser session in kiosk mode reaches the kiosk pages and nothing
 * else, whatever address is typed. A page asked for leads to the kiosk page; an API call is refused
 * with 403. The state is read from the database by the session cookie, so no change to the
 * browser's cookies or address leaves it: only the clinician's PIN or password does ({@code
 * /kiosk/exit}). An API call with a token but also the kiosk's cookie is refused too: the cookie
 * decides.
 */
public final class KioskGate {
  /** The kiosk's own pages: the questions, the thanks, and the way out for the clinician. */
  static final Set<String> KIOSK_PAGES = Set.of(KioskPages.PAGE, KioskPages.EXIT);

  private final Platform platform;

  public KioskGate(Platform platform) {
    this.platform = platform;
  }

  public void check(Context ctx) {
    String cookie = ctx.cookie(Authentication.SESSION_COOKIE);
    String path = ctx.path();
    if (cookie == null
        || cookie.isEmpty()
        || KIOSK_PAGES.contains(path)
        || path.startsWith("/static/")) {
      return;
    }
    String hash = Secrets.hash(cookie);
    if (!platform.database().read(handle -> Kiosks.isKiosk(handle, hash))) {
      return;
    }
    if (path.startsWith("/api/")) {
      throw WebException.forbidden(
          "this browser is in kiosk mode: it reaches nothing but the questions until the clinician"
              + " leaves kiosk mode");
    }
    ctx.redirect(KioskPages.PAGE, HttpStatus.SEE_OTHER);
    ctx.skipRemainingHandlers();
  }
}
