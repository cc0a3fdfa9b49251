package org.alliance.web.platform.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A client of the clinic, known only by a pseudonymous reference, in one clinician's caseload.
 *
 * @param reference the clinic's reference for the client (never a name), unique in the clinic
 * @param team the clinician's team, which decides the supervisor who may see the client
 */
public record Client(
    long id,
    String reference,
    long clinicianId,
    String clinicianUsername,
    @ColumnName("team_id") Optional<Long> team,
    Instant createdAt) {
  public Client {
    requireNonNull(reference, "reference");
    requireNonNull(clinicianUsername, "clinicianUsername");
    requireNonNull(team, "team");
    requireNonNull(createdAt, "createdAt");
  }
}
