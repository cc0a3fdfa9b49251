package org.alliance.web.clients;

import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;
import org.jdbi.v3.core.Handle;

/**
 * Moving a client to another clinician's caseload: a supervisor within their team, an admin to any
 * active clinician. The one place for the client page and the API; audited with both clinicians.
 */
public final class ReassignClient {
  private ReassignClient() {}

  /** Moves a client in reach to the clinician named; returns that clinician. */
  public static User reassign(
      Handle handle, Principal principal, long id, String clinician, Instant now) {
    // Refused before the client is looked up, so a clinician learns nothing about it.
    Access.requireMayReassign(principal);
    Client client = Access.client(handle, principal, id);
    User to = Access.clinicianForReassignment(handle, principal, client, clinician);
    ClientRecords.reassign(handle, client.id(), to.id());
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_REASSIGN,
        Optional.of(client.id()),
        "from " + client.clinicianUsername() + " to " + to.username(),
        now);
    return to;
  }
}
