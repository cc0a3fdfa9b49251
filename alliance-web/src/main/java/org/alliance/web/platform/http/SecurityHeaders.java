package org.alliance.web.platform.http;

import io.javalin.http.Context;

/**
 * Headers every response carries: a content security policy that allows only this server's own
 * scripts, styles and images (and no inline script), no framing, no MIME sniffing, no referrer, no
 * caching of clinical data, and with TLS, HSTS.
 */
public final class SecurityHeaders {
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final boolean tls;

  /**
   * @param tls whether the server is reached over TLS (it sets Secure cookies), which adds HSTS
   */
  public SecurityHeaders(boolean tls) {
    this.tls = tls;
  }

  public void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    ctx.header("Cache-Control", "no-store");
    if (tls) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
