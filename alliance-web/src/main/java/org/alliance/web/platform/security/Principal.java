package org.alliance.web.platform.security;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The signed-in user a request acts for, and how they proved it: a browser session (which carries
 * the CSRF token every form and unsafe request must repeat) or a personal API token (exempt from
 * CSRF).
 *
 * @param csrfToken the session's CSRF token; empty for a request with an API token
 * @param passwordChangeDue an admin reset the user's password: a session may do nothing but choose
 *     a new one
 * @param sessionLeft how long the session lasts without another request; empty for a token
 */
public record Principal(
    User user,
    Optional<String> csrfToken,
    boolean passwordChangeDue,
    Optional<Duration> sessionLeft) {
  public Principal {
    requireNonNull(user, "user");
    requireNonNull(csrfToken, "csrfToken");
    requireNonNull(sessionLeft, "sessionLeft");
  }

  /** A user acting with a personal API token. */
  public static Principal withToken(User user) {
    return new Principal(user, Optional.empty(), false, Optional.empty());
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
