package org.alliance.web.platform.access;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A line of a caseload: the client, how many administrations they have, and their latest session.
 *
 * @param lastSession the highest session number with an administration; empty before the first
 */
public record ClientSummary(
    @Nested Client client,
    int administrations,
    OptionalInt lastSession,
    Optional<LocalDate> lastDate) {
  public ClientSummary {
    requireNonNull(client, "client");
    requireNonNull(lastSession, "lastSession");
    requireNonNull(lastDate, "lastDate");
  }
}
