package org.alliance.web.clients;

import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.jdbi.v3.core.Handle;

/**
 * Discharging a client (off the active caseload, everything kept and readable) and re-admitting
 * them: the one place for the client page and the API. Whoever may reach the client may do either;
 * each is audited.
 */
public final class DischargeClient {
  private DischargeClient() {}

  /** Discharges a client in reach; 409 when they are already discharged. */
  public static void discharge(Handle handle, Principal principal, long id, Instant now) {
    Client client = Access.client(handle, principal, id);
    if (!ClientRecords.discharge(handle, client.id(), principal.userId(), now)) {
      throw WebException.conflict(
          "the client " + client.reference() + " is already discharged; re-admit them first");
    }
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_DISCHARGE,
        Optional.of(client.id()),
        "from the caseload of " + client.clinicianUsername(),
        now);
  }

  /** Puts a discharged client in reach back on the active caseload; 409 when they are on it. */
  public static void readmit(Handle handle, Principal principal, long id, Instant now) {
    Client client = Access.client(handle, principal, id);
    if (!ClientRecords.readmit(handle, client.id())) {
      throw WebException.conflict(
          "the client " + client.reference() + " is on the active caseload, not discharged");
    }
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_READMIT,
        Optional.of(client.id()),
        "to the caseload of " + client.clinicianUsername(),
        now);
  }
}
