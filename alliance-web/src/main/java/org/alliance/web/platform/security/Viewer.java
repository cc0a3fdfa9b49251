package org.alliance.web.platform.security;

import static java.util.Objects.requireNonNull;

/**
 * Who is looking at a clinician page, as the shared layout shows it: their name and role, and the
 * session's CSRF token that every form on the page repeats.
 */
public record Viewer(String displayName, String username, String role, String csrf) {
  public Viewer {
    requireNonNull(displayName, "displayName");
    requireNonNull(username, "username");
    requireNonNull(role, "role");
    requireNonNull(csrf, "csrf");
  }

  public static Viewer of(Principal principal) {
    return new Viewer(
        principal.user().displayName(),
        principal.user().username(),
        principal.role().id(),
        principal.csrfToken().orElse(""));
  }
}
