package org.alliance.web.platform.security;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A person who signs in to the clinic server: an admin, a supervisor of a team, or a clinician.
 *
 * @param team the team, always present for a supervisor; a clinician's team puts them under its
 *     supervisor
 * @param disabled a disabled user can no longer sign in or use their tokens
 */
public record User(
    long id,
    String username,
    String displayName,
    Role role,
    @ColumnName("team_id") Optional<Long> team,
    boolean disabled) {
  public User {
    requireNonNull(username, "username");
    requireNonNull(displayName, "displayName");
    requireNonNull(role, "role");
    requireNonNull(team, "team");
  }
}
