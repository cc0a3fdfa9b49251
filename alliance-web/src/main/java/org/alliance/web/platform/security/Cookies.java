package org.alliance.web.platform.security;

import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The server's cookies: HttpOnly and SameSite=Strict, and Secure when the server is reached over
 * HTTPS.
 */
public final class Cookies {
  private Cookies() {}

  public static Cookie strict(String name, String value, String path, int maxAge, boolean secure) {
    return new Cookie(name, value, path, maxAge, secure, true, null, SameSite.STRICT);
  }
}
