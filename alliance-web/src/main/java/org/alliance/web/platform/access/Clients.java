package org.alliance.web.platform.access;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliance.web.platform.db.Sql;
import org.alliance.web.platform.http.Paging;
import org.alliance.web.platform.http.Paging.Paged;
import org.alliance.web.platform.http.WebException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The clients table: each client's pseudonymous reference and clinician. */
public final class Clients {
  private static final String SELECT =
      "SELECT c.id, c.reference, c.clinician_id, u.username AS clinician_username, "
          + "u.team_id, c.created_at FROM clients c JOIN users u ON u.id = c.clinician_id";

  private Clients() {}

  public static Optional<Client> find(Handle handle, long id) {
    return handle
        .createQuery(SELECT + " WHERE c.id = :id")
        .bind("id", id)
        .mapTo(Client.class)
        .findOne();
  }

  public static Optional<Client> findByReference(Handle handle, String reference) {
    return handle
        .createQuery(SELECT + " WHERE c.reference = :reference")
        .bind("reference", reference)
        .mapTo(Client.class)
        .findOne();
  }

  /**
   * One page of the clients in a scope that pass the filter, by reference, with their number of
   * administrations and latest session.
   */
  public static Paged<ClientSummary> list(
      Handle handle, ClientScope scope, ClientFilter filter, Paging paging) {
    String where = " WHERE " + scope.condition() + " AND " + filter.condition();
    Query count =
        handle.createQuery(
            "SELECT COUNT(*) FROM clients c JOIN users u ON u.id = c.clinician_id" + where);
    int total = filter.bind(scope.bind(count)).mapTo(Integer.class).one();
    Query query =
        handle.createQuery(
            "SELECT c.id, c.reference, c.clinician_id, u.username AS clinician_username, "
                + "u.team_id, c.created_at, c.language, c.birth_date, c.age_band, c.discharged_at, "
                + "COUNT(a.id) AS administrations, MAX(a.session_number) AS last_session, "
                + "MAX(a.administered_on) AS last_date FROM clients c JOIN users u ON u.id = c.clinician_id "
                + "LEFT JOIN administrations a ON a.client_id = c.id"
                + where
                + " GROUP BY c.id, c.reference, c.clinician_id, u.username, u.team_id, c.created_at, "
                + "c.language, c.birth_date, c.age_band, c.discharged_at "
                + "ORDER BY c.reference LIMIT :limit OFFSET :offset");
    List<ClientSummary> clients =
        filter
            .bind(scope.bind(query))
            .bind("limit", paging.size())
            .bind("offset", paging.offset())
            .mapTo(ClientSummary.class)
            .list();
    return new Paged<>(clients, total, paging);
  }

  /** The language of a client's own pages; empty when there is no such client. */
  public static Optional<ClientLanguage> language(Handle handle, long id) {
    return handle
        .createQuery("SELECT language FROM clients WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .map(code -> ClientLanguage.ofCode(code).orElse(ClientLanguage.DEFAULT));
  }

  /** Sets the language of a client's own pages. */
  public static void setLanguage(Handle handle, long id, ClientLanguage language) {
    handle
        .createUpdate("UPDATE clients SET language = :language WHERE id = :id")
        .bind("language", language.code())
        .bind("id", id)
        .execute();
  }

  /**
   * A pseudonymous reference: letters, digits, dot, underscore and hyphen, starting with a letter
   * or digit. One rule wherever a client is created (the API, an import, the demo), so no reference
   * can carry markup or a path.
   */
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** What a client reference may be, for messages that refuse one. */
  public static final String REFERENCE_RULE =
      "use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit "
          + "(a pseudonym, never a name)";

  /** Whether {@code reference} may name a new client. */
  public static boolean isReference(String reference) {
    return REFERENCE.matcher(reference).matches();
  }

  /**
   * Adds a client to a clinician's caseload, with their first episode of care open, and returns its
   * id; the caller has checked the reference with {@link #isReference}.
   *
   * @throws WebException 409 when another request added the same reference since the caller looked
   *     (two imports with the same new client, say); the transaction cannot go on then (PostgreSQL
   *     aborts it), so the whole request is refused and can be sent again
   */
  public static long create(Handle handle, String reference, long clinicianId, Instant now) {
    checkArgument(isReference(reference), "not a client reference: %s", reference);
    try {
      long id =
          handle
              .createUpdate(
                  "INSERT INTO clients (reference, clinician_id, created_at) VALUES (:reference, :clinician, :now)")
              .bind("reference", reference)
              .bind("clinician", clinicianId)
              .bind("now", Sql.time(now))
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
      // A new client's first episode of care opens with them, here where every way of adding a
      // client (page, API, import, demo) passes, so none can leave a client unable to record.
      handle
          .createUpdate(
              "INSERT INTO episodes (client_id, episode_number, opened_at, open_for) "
                  + "VALUES (:client, 1, :now, :client)")
          .bind("client", id)
          .bind("now", Sql.time(now))
          .execute();
      return id;
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        throw WebException.conflict(
            "the client '"
                + reference
                + "' could not be added just now, as another request was adding clients at the"
                + " same moment; nothing of this request was stored: send it again");
      }
      throw e;
    }
  }
}
