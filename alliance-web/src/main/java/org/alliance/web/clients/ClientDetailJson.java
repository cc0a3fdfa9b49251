package org.alliance.web.clients;

import java.time.Instant;
import java.util.List;
import org.alliance.web.administrations.Corrections;
import org.alliance.web.administrations.StoredAdministrationJson;
import org.alliance.web.platform.access.Client;

/**
 * {@code GET /api/clients/{id}}: the client and every administration with its answers and score.
 */
public record ClientDetailJson(
    long id,
    String reference,
    String clinician,
    Instant createdAt,
    List<StoredAdministrationJson> administrations,
    List<HistoryJson> history) {
  public static ClientDetailJson of(
      Client client,
      List<StoredAdministrationJson> administrations,
      List<Corrections.HistoryEntry> history) {
    return new ClientDetailJson(
        client.id(),
        client.reference(),
        client.clinicianUsername(),
        client.createdAt(),
        administrations,
        history.stream().map(HistoryJson::of).toList());
  }

  /**
   * An entry as it was before it was corrected or voided: {@code change} is {@code corrected} (with
   * the id of the entry that replaced it) or {@code voided}.
   */
  public record HistoryJson(
      long administrationId,
      String instrument,
      int session,
      java.time.LocalDate date,
      Double total,
      String change,
      String reason,
      Long replacedBy,
      String changedBy,
      Instant changedAt) {
    static HistoryJson of(Corrections.HistoryEntry entry) {
      return new HistoryJson(
          entry.administrationId(),
          entry.instrumentId(),
          entry.session(),
          entry.date().orElse(null),
          entry.total().isPresent() ? entry.total().getAsDouble() : null,
          entry.kind(),
          entry.reason(),
          entry.replacedBy().isPresent() ? entry.replacedBy().getAsLong() : null,
          entry.changedBy(),
          entry.changedAt());
    }
  }
}
