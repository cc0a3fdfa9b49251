package org.alliance.web.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may see: an admin the whole clinic, a supervisor their team, a clinician their own
 * clients.
 */
public enum Role {
  ADMIN,
  SUPERVISOR,
  CLINICIAN;

  /**
   * The name stored in the database and used in the API: {@code admin}, {@code supervisor}, {@code
   * clinician}. Jdbi reads it back as the constant of that name, ignoring case.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String id) {
    for (Role role : values()) {
      if (role.id().equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
