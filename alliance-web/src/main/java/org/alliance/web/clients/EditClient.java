package org.alliance.web.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.jdbi.v3.core.Handle;

/**
 * Changing a client's reference or details: the one place for the client page and {@code PATCH
 * /api/clients/{id}}. The audit entry says which fields changed, never the contacts' values.
 */
public final class EditClient {
  /** The fields a change may give; the clinician is changed by reassigning. */
  public static final Set<String> FIELDS =
      Set.of(
          ClientFields.REFERENCE,
          ClientFields.BIRTH_DATE,
          ClientFields.AGE_BAND,
          ClientFields.LANGUAGE,
          ClientFields.EMAIL,
          ClientFields.MOBILE);

  private EditClient() {}

  /**
   * Applies the given fields to a client in reach; returns the fields that changed, in words (empty
   * when nothing did, and then nothing is written). 400 listing every problem, 409 when the new
   * reference is taken.
   */
  public static List<String> edit(
      Handle handle, Principal principal, long id, ClientFields.Given given, Instant now) {
    Client client = Access.client(handle, principal, id);
    if (EraseClient.isErased(handle, id)) {
      throw WebException.conflict(
          "the client's personal data was erased; their reference and details cannot be changed");
    }
    ClientDetails before = ClientRecords.find(handle, id).orElseThrow().details();
    ClientFields.Changed after =
        ClientFields.apply(
            client.reference(), before, given, FIELDS, LocalDate.ofInstant(now, ZoneOffset.UTC));
    List<String> changed = new ArrayList<>();
    if (!after.reference().equals(client.reference())) {
      ClientRecords.setReference(handle, id, after.reference());
      // Only that it changed: the audit log cannot be erased, so it never holds a reference (the
      // entry's client id says whose it was).
      changed.add("reference");
    }
    changed.addAll(after.details().changesFrom(before));
    if (!after.details().equals(before)) {
      ClientRecords.setDetails(handle, id, after.details());
    }
    if (!changed.isEmpty()) {
      AuditLog.record(
          handle,
          Optional.of(principal.userId()),
          AuditAction.CLIENT_EDIT,
          Optional.of(id),
          "changed " + String.join(", ", changed),
          now);
    }
    return changed;
  }
}
