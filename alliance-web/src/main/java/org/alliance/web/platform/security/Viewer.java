package org.alliance.web.platform.security;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Who is looking at a clinician page, as the shared layout shows it: their name and role, the
 * session's CSRF token that every form on the page repeats, how many seconds the session lasts
 * without another request (0 with an API token: no warning to show), and whether they must choose a
 * new password before anything else (the layout then offers nothing else).
 */
public record Viewer(
    String displayName,
    String username,
    String role,
    String csrf,
    long sessionSeconds,
    boolean passwordChangeDue) {
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
        principal.csrfToken().orElse(""),
        principal.sessionLeft().map(Duration::toSeconds).orElse(0L),
        principal.passwordChangeDue());
  }
}
