package org.alliance.web.platform.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every response carries: a content security policy that allows only this server's own
 * scripts, styles and images (and no inline script), no framing, no MIME sniffing, no referrer, no
 * caching of clinical data, and with TLS, HSTS.
 */
public final class SecurityHeaders {
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Map<String, String> headers = new LinkedHashMap<>();

  /**
   * @param tls whether the server is reached over TLS (it sets Secure cookies), which adds HSTS
   */
  public SecurityHeaders(boolean tls) {
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Cross-Origin-Resource-Policy", "same-origin");
    headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    headers.put("Cache-Control", "no-store");
    if (tls) {
      headers.put("Strict-Transport-Security", "max-age=31536000");
    }
  }

  public void apply(Context ctx) {
    headers.forEach(ctx::header);
  }

  /** The headers by name, for answers Jetty writes itself ({@link ProtocolErrors}). */
  Map<String, String> all() {
    return headers;
  }
}
