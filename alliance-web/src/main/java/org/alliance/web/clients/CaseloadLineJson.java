package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliance.web.platform.access.ClientSummary;
import org.alliance.web.platform.http.Paging.Paged;

/**
 * A line of a caseload in {@code GET /api/clients}: the client, their language and age band, when
 * they were discharged (null while active), how many administrations they have, and their latest
 * session and its date (null before the first). A list carries no contacts.
 */
public record CaseloadLineJson(
    long id,
    String reference,
    String clinician,
    Instant createdAt,
    String language,
    String ageBand,
    Instant dischargedAt,
    int administrations,
    Integer lastSession,
    LocalDate lastDate) {
  public static CaseloadLineJson of(ClientSummary summary, LocalDate today) {
    return new CaseloadLineJson(
        summary.client().id(),
        summary.client().reference(),
        summary.client().clinicianUsername(),
        summary.client().createdAt(),
        summary.language(),
        summary
            .birthDate()
            .map(born -> AgeBand.of(born, today).code())
            .or(summary::ageBand)
            .orElse(null),
        summary.dischargedAt().orElse(null),
        summary.administrations(),
        summary.lastSession().isPresent() ? summary.lastSession().getAsInt() : null,
        summary.lastDate().orElse(null));
  }

  /**
   * {@code GET /api/clients}: one page of the list.
   *
   * @param total how many clients pass the filter, over all pages
   */
  public record Answer(
      List<CaseloadLineJson> clients, int total, int page, int pageSize, int pages) {
    public static Answer of(Paged<ClientSummary> paged, LocalDate today) {
      return new Answer(
          paged.items().stream().map(summary -> CaseloadLineJson.of(summary, today)).toList(),
          paged.total(),
          paged.paging().number(),
          paged.paging().size(),
          paged.pages());
    }
  }
}
