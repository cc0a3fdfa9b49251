package org.alliance.web.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.Corrections;
import org.alliance.web.administrations.StoredAdministrationJson;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientJson;
import org.alliance.web.platform.access.ClientSummary;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;

/**
 * {@code /api/clients}: the clients a user may see, adding one, and one client with their
 * administrations.
 */
public final class ClientsApi {
  private final Platform platform;

  public ClientsApi(Platform platform) {
    this.platform = platform;
  }

  /** {@code GET /api/clients}: the caseload (clinician), team (supervisor) or clinic (admin). */
  public void list(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Instant now = platform.clock().instant();
    List<ClientSummary> clients =
        platform.database().read(handle -> Clients.list(handle, Access.scope(principal)));
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.CLIENT_LIST,
            Optional.empty(),
            clients.size() + " clients",
            now);
    ctx.json(new CaseloadLineJson.Answer(clients.stream().map(CaseloadLineJson::of).toList()));
  }

  /**
   * {@code POST /api/clients}: {@code {"reference": "...", "clinician": "username"}}; 201 with the
   * client.
   */
  public void create(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    JsonNode body = Requests.json(ctx);
    if (!body.isObject()) {
      throw WebException.badRequest(
          "the body must be a JSON object such as {\"reference\": \"c-0042\"}");
    }
    String reference =
        Requests.text(body, "reference")
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "reference: the client's pseudonymous reference is required"));
    if (!Clients.isReference(reference)) {
      throw WebException.badRequest(
          "reference: " + Clients.REFERENCE_RULE + "; found '" + reference + "'");
    }
    Optional<String> clinician = Requests.text(body, "clinician");
    Instant now = platform.clock().instant();
    Client client =
        platform
            .database()
            .write(
                handle -> {
                  User owner = Access.clinicianForNewClient(handle, principal, clinician);
                  Optional<Client> existing = Clients.findByReference(handle, reference);
                  if (existing.isPresent()) {
                    // Whose caseload holds it is not this user's business unless it is theirs.
                    throw WebException.conflict(
                        Access.mayReach(principal, existing.get())
                            ? "you already have a client with reference '"
                                + reference
                                + "' (/api/clients/"
                                + existing.get().id()
                                + ")"
                            : "reference '" + reference + "' cannot be used; choose another");
                  }
                  long id = Clients.create(handle, reference, owner.id(), now);
                  AuditLog.record(
                      handle,
                      Optional.of(principal.userId()),
                      AuditAction.CLIENT_CREATE,
                      Optional.of(id),
                      "for clinician " + owner.username(),
                      now);
                  return Clients.find(handle, id).orElseThrow();
                });
    ctx.status(201).header("Location", "/api/clients/" + client.id()).json(ClientJson.of(client));
  }

  /**
   * {@code GET /api/clients/{id}}: the client and every administration with its answers and score.
   */
  public void get(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    ClientDetailJson json =
        platform
            .database()
            .read(
                handle -> {
                  Client client = Access.client(handle, principal, id);
                  return ClientDetailJson.of(
                      client,
                      Administrations.ofClient(handle, id).stream()
                          .map(StoredAdministrationJson::of)
                          .toList(),
                      Corrections.ofClient(handle, id));
                });
    platform
        .audit()
        .read(Optional.of(principal.userId()), AuditAction.CLIENT_READ, Optional.of(id), "", now);
    ctx.json(json);
  }
}
