package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliance.web.administrations.StoredAdministrationJson;

/**
 * {@code GET /api/clients/{id}}: the client with their details (as {@link ClientProfileJson}) and
 * every administration with its answers and score.
 */
public record ClientDetailJson(
    long id,
    String reference,
    String clinician,
    Instant createdAt,
    LocalDate birthDate,
    String ageBand,
    String language,
    String email,
    String mobile,
    Instant dischargedAt,
    String dischargedBy,
    List<StoredAdministrationJson> administrations) {
  public static ClientDetailJson of(
      ClientProfileJson profile, List<StoredAdministrationJson> administrations) {
    return new ClientDetailJson(
        profile.id(),
        profile.reference(),
        profile.clinician(),
        profile.createdAt(),
        profile.birthDate(),
        profile.ageBand(),
        profile.language(),
        profile.email(),
        profile.mobile(),
        profile.dischargedAt(),
        profile.dischargedBy(),
        administrations);
  }
}
