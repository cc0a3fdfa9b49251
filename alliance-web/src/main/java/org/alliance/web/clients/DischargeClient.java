package org.alliance.web.clients;

import java.time.Instant;
import java.util.Optional;
import org.alliance.web.episodes.EpisodeFields.Ending;
import org.alliance.web.episodes.EpisodeFields.Opening;
import org.alliance.web.episodes.EpisodeOfCare;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.jdbi.v3.core.Handle;

/**
 * Discharging a client (closing their open episode of care with its ending reason and day: off the
 * active caseload, everything kept and readable) and re-admitting them (opening a new episode): the
 * one place for the client page and the API, on top of {@link Episodes}. Whoever may reach the
 * client may do either; each is audited as a discharge or re-admission and as the episode's change.
 */
public final class DischargeClient {
  private DischargeClient() {}

  /** Discharges a client in reach; 409 when they have no open episode (already discharged). */
  public static EpisodeOfCare discharge(
      Handle handle, Principal principal, long id, Ending ending, Instant now) {
    Client client = Access.client(handle, principal, id);
    long open =
        Episodes.openOf(handle, client.id())
            .orElseThrow(
                () ->
                    WebException.conflict(
                        "the client "
                            + client.reference()
                            + " is already discharged (no episode of care is open); re-admit them"
                            + " first"));
    EpisodeOfCare closed = Episodes.close(handle, client, open, ending, principal.userId(), now);
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_DISCHARGE,
        Optional.of(client.id()),
        "from the caseload of " + client.clinicianUsername(),
        now);
    return closed;
  }

  /**
   * Puts a discharged client in reach back on the active caseload with a new episode of care; 409
   * when they have an open one.
   */
  public static EpisodeOfCare readmit(
      Handle handle, Principal principal, long id, Opening opening, Instant now) {
    Client client = Access.client(handle, principal, id);
    if (Episodes.openOf(handle, client.id()).isPresent()) {
      throw WebException.conflict(
          "the client "
              + client.reference()
              + " is on the active caseload, not discharged (an episode of care is open)");
    }
    EpisodeOfCare opened = Episodes.open(handle, client, opening, principal.userId(), now);
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_READMIT,
        Optional.of(client.id()),
        "to the caseload of " + client.clinicianUsername(),
        now);
    return opened;
  }
}
