package org.alliance.web.platform.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A line of a caseload: the client, how many administrations they have, and their latest session.
 * No contacts: a list never carries them.
 *
 * @param language the code of the client's language, such as {@code en}
 * @param ageBand the code of the age band given instead of a date of birth
 * @param dischargedAt when the client was discharged; empty while on the active caseload
 * @param lastSession the highest session number with an administration; empty before the first
 */
public record ClientSummary(
    @Nested Client client,
    String language,
    Optional<LocalDate> birthDate,
    Optional<String> ageBand,
    Optional<Instant> dischargedAt,
    int administrations,
    OptionalInt lastSession,
    Optional<LocalDate> lastDate) {
  public ClientSummary {
    requireNonNull(client, "client");
    requireNonNull(language, "language");
    requireNonNull(birthDate, "birthDate");
    requireNonNull(ageBand, "ageBand");
    requireNonNull(dischargedAt, "dischargedAt");
    requireNonNull(lastSession, "lastSession");
    requireNonNull(lastDate, "lastDate");
  }
}
