package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.web.episodes.EpisodeFields;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;
import org.jdbi.v3.core.Handle;

/**
 * Adding a client to a caseload, with their details: the one place for the caseload page and {@code
 * POST /api/clients}. Audited with the clinician and which details were given, never the contacts
 * themselves.
 */
public final class AddClient {
  /** The fields a new client takes. */
  public static final Set<String> FIELDS = Set.copyOf(ClientFields.ALL);

  private AddClient() {}

  /**
   * Checks the fields, adds the client to the caseload of the clinician named (or the user's own)
   * with their first episode of care open (with the referral date and first session given, checked
   * by the caller) and returns them; 400 listing every problem, 409 when the reference is taken.
   */
  public static Client add(
      Handle handle,
      Principal principal,
      ClientFields.Given given,
      EpisodeFields.Opening opening,
      Instant now) {
    ClientFields.Changed fields =
        ClientFields.apply(
            "",
            ClientDetails.NONE,
            withReference(given),
            FIELDS,
            LocalDate.ofInstant(now, ZoneOffset.UTC));
    String reference = fields.reference();
    User owner =
        Access.clinicianForNewClient(handle, principal, given.value(ClientFields.CLINICIAN));
    Optional<Client> existing = Clients.findByReference(handle, reference);
    if (existing.isPresent()) {
      // Whose caseload holds it is not this user's business unless it is theirs.
      String message =
          Access.mayReach(principal, existing.get())
              ? "you already have a client with reference '"
                  + reference
                  + "' (client id "
                  + existing.get().id()
                  + ")"
              : "reference '" + reference + "' cannot be used; choose another";
      throw new WebException(
          409, message, List.of(new FieldProblem(ClientFields.REFERENCE, message)));
    }
    long id = Clients.create(handle, reference, owner.id(), now);
    ClientRecords.setDetails(handle, id, fields.details());
    Episodes.recordFirstOpening(handle, id, opening, principal.userId());
    List<String> withDetails = fields.details().given();
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_CREATE,
        Optional.of(id),
        "for clinician "
            + owner.username()
            + (withDetails.isEmpty() ? "" : ", with " + String.join(", ", withDetails))
            + opening.referralDate().map(day -> ", referred on " + day).orElse(""),
        now);
    return Clients.find(handle, id).orElseThrow();
  }

  /** A new client needs a reference: a request without one is told so by the reference's rule. */
  private static ClientFields.Given withReference(ClientFields.Given given) {
    if (given.get(ClientFields.REFERENCE).isPresent()) {
      return given;
    }
    Map<String, Optional<String>> fields = new LinkedHashMap<>(given.fields());
    fields.put(ClientFields.REFERENCE, Optional.empty());
    return new ClientFields.Given(fields);
  }
}
