package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliance.web.administrations.Corrections;
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
    List<StoredAdministrationJson> administrations,
    List<HistoryJson> history) {
  public static ClientDetailJson of(
      ClientProfileJson profile,
      List<StoredAdministrationJson> administrations,
      List<Corrections.HistoryEntry> history) {
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
      LocalDate date,
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
