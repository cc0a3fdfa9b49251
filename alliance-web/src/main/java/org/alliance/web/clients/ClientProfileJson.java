package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import org.alliance.web.clients.ClientRecords.ClientRecord;
import org.alliance.web.platform.access.Client;

/**
 * A client with their details, as {@code POST /api/clients}, {@code PATCH /api/clients/{id}} and
 * the discharge, re-admission and reassignment answer: null where nothing is recorded.
 *
 * @param ageBand the band given, or the one the date of birth falls in today
 * @param dischargedAt null while the client is on the active caseload
 */
public record ClientProfileJson(
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
    String dischargedBy) {
  public static ClientProfileJson of(Client client, ClientRecord record, LocalDate today) {
    ClientDetails details = record.details();
    return new ClientProfileJson(
        client.id(),
        client.reference(),
        client.clinicianUsername(),
        client.createdAt(),
        details.birthDate().orElse(null),
        details.ageBandOn(today).map(AgeBand::code).orElse(null),
        details.language().code(),
        details.email().map(EmailAddress::value).orElse(null),
        details.mobile().map(MobileNumber::value).orElse(null),
        record.dischargedAt().orElse(null),
        record.dischargedBy().orElse(null));
  }
}
