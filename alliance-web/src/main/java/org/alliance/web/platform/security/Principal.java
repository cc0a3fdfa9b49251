package org.alliance.web.platform.security;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The signed-in user a request acts for, and how they proved it: a browser session (which carries
 * the CSRF token every form and unsafe request must repeat) or a personal API token (exempt from
 * CSRF).
 *
 * @param csrfToken the session's CSRF token; empty for a request with an API token
 */
public record Principal(User user, Optional<String> csrfToken) {
  public Principal {
    requireNonNull(user, "user");
    requireNonNull(csrfToken, "csrfToken");
  }

  public long userId() {
    return user.id();
  }

  public Role role() {
    return user.role();
  }

  public boolean viaSession() {
    return csrfToken.isPresent();
  }
}
