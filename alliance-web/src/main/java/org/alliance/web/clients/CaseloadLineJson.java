package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliance.web.platform.access.ClientSummary;

/**
 * A line of a caseload in {@code GET /api/clients}: the client, how many administrations they have,
 * and their latest session and its date (null before the first).
 */
public record CaseloadLineJson(
    long id,
    String reference,
    String clinician,
    Instant createdAt,
    int administrations,
    Integer lastSession,
    LocalDate lastDate) {
  public static CaseloadLineJson of(ClientSummary summary) {
    return new CaseloadLineJson(
        summary.client().id(),
        summary.client().reference(),
        summary.client().clinicianUsername(),
        summary.client().createdAt(),
        summary.administrations(),
        summary.lastSession().isPresent() ? summary.lastSession().getAsInt() : null,
        summary.lastDate().orElse(null));
  }

  /** {@code GET /api/clients}. */
  public record Answer(List<CaseloadLineJson> clients) {}
}
