package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.db.Sql;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The clients table beyond who may reach a client: the details, the discharge, and the clinician
 * whose caseload holds the client. Callers check access first ({@code Access.client}).
 */
public final class ClientRecords {
  private ClientRecords() {}

  /**
   * A client's details and whether they are discharged.
   *
   * @param dischargedAt when the client was discharged; empty while on the active caseload
   * @param dischargedBy the username of who discharged them
   */
  public record ClientRecord(
      ClientDetails details, Optional<Instant> dischargedAt, Optional<String> dischargedBy) {
    public ClientRecord {
      requireNonNull(details, "details");
      requireNonNull(dischargedAt, "dischargedAt");
      requireNonNull(dischargedBy, "dischargedBy");
    }

    public boolean discharged() {
      return dischargedAt.isPresent();
    }
  }

  /** The columns as stored, before they are read into their types. */
  private record Row(
      Optional<LocalDate> birthDate,
      Optional<String> ageBand,
      String language,
      Optional<String> email,
      Optional<String> mobile,
      Optional<Instant> dischargedAt,
      Optional<String> dischargedBy) {}

  public static Optional<ClientRecord> find(Handle handle, long id) {
    return handle
        .createQuery(
            "SELECT c.birth_date, c.age_band, c.language, c.email, c.mobile, c.discharged_at, "
                + "d.username AS discharged_by FROM clients c "
                + "LEFT JOIN users d ON d.id = c.discharged_by WHERE c.id = :id")
        .bind("id", id)
        .mapTo(Row.class)
        .findOne()
        .map(
            row ->
                new ClientRecord(
                    new ClientDetails(
                        row.birthDate(),
                        row.ageBand().flatMap(AgeBand::ofCode),
                        ClientLanguage.ofCode(row.language()).orElse(ClientLanguage.DEFAULT),
                        row.email().map(EmailAddress::new),
                        row.mobile().map(MobileNumber::new)),
                    row.dischargedAt(),
                    row.dischargedBy()));
  }

  /** Stores a client's details. */
  public static void setDetails(Handle handle, long id, ClientDetails details) {
    handle
        .createUpdate(
            "UPDATE clients SET birth_date = :birthDate, age_band = :ageBand, language = :language, "
                + "email = :email, mobile = :mobile WHERE id = :id")
        .bind("birthDate", Sql.date(details.birthDate()))
        .bind("ageBand", details.ageBand().map(AgeBand::code).orElse(null))
        .bind("language", details.language().code())
        .bind("email", details.email().map(EmailAddress::value).orElse(null))
        .bind("mobile", details.mobile().map(MobileNumber::value).orElse(null))
        .bind("id", id)
        .execute();
  }

  /**
   * Gives a client a new reference; the caller has checked it with {@code Clients.isReference}.
   *
   * @throws WebException 409 when another client has it
   */
  public static void setReference(Handle handle, long id, String reference) {
    boolean taken =
        handle
                .createQuery(
                    "SELECT COUNT(*) FROM clients WHERE reference = :reference AND id <> :id")
                .bind("reference", reference)
                .bind("id", id)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (taken) {
      throw referenceTaken(reference);
    }
    try {
      handle
          .createUpdate("UPDATE clients SET reference = :reference WHERE id = :id")
          .bind("reference", reference)
          .bind("id", id)
          .execute();
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        throw referenceTaken(reference);
      }
      throw e;
    }
  }

  private static WebException referenceTaken(String reference) {
    // Whose client holds it is nobody's business here; only that it cannot be used.
    String message =
        "reference '" + reference + "' cannot be used, as another client has it; choose another";
    return new WebException(
        409, message, List.of(new FieldProblem(ClientFields.REFERENCE, message)));
  }

  /** Takes a client off the active caseload; false when they were already discharged. */
  public static boolean discharge(Handle handle, long id, long by, Instant now) {
    return handle
            .createUpdate(
                "UPDATE clients SET discharged_at = :now, discharged_by = :by "
                    + "WHERE id = :id AND discharged_at IS NULL")
            .bind("now", Sql.time(now))
            .bind("by", by)
            .bind("id", id)
            .execute()
        == 1;
  }

  /** Puts a discharged client back on the active caseload; false when they were not discharged. */
  public static boolean readmit(Handle handle, long id) {
    return handle
            .createUpdate(
                "UPDATE clients SET discharged_at = NULL, discharged_by = NULL "
                    + "WHERE id = :id AND discharged_at IS NOT NULL")
            .bind("id", id)
            .execute()
        == 1;
  }

  /** Moves a client to another clinician's caseload. */
  public static void reassign(Handle handle, long id, long clinicianId) {
    handle
        .createUpdate("UPDATE clients SET clinician_id = :clinician WHERE id = :id")
        .bind("clinician", clinicianId)
        .bind("id", id)
        .execute();
  }
}
