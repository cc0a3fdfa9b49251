package org.alliance.web.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.Corrections;
import org.alliance.web.administrations.StoredAdministrationJson;
import org.alliance.web.episodes.EpisodeFields;
import org.alliance.web.episodes.EpisodesApi;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientFilter;
import org.alliance.web.platform.access.ClientSummary;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.Paging;
import org.alliance.web.platform.http.Paging.Paged;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.Principal;
import org.jdbi.v3.core.Handle;

/**
 * {@code /api/clients}: the clients a user may see (searched and paged), adding one, one client
 * with their details and administrations, changing the details, discharging and re-admitting, and
 * moving a client to another clinician.
 */
public final class ClientsApi {
  private final Platform platform;

  public ClientsApi(Platform platform) {
    this.platform = platform;
  }

  /**
   * {@code GET /api/clients[?q=&status=&page=&size=]}: one page of the caseload (clinician), team
   * (supervisor) or clinic (admin), active clients unless {@code status} says otherwise.
   */
  public void list(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    ClientFilter filter = filter(ctx);
    Paging paging = Paging.of(ctx);
    Instant now = platform.clock().instant();
    Paged<ClientSummary> clients =
        platform
            .database()
            .read(handle -> Clients.list(handle, Access.scope(principal), filter, paging));
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.CLIENT_LIST,
            Optional.empty(),
            clients.items().size() + " of " + clients.total() + " clients" + describe(filter),
            now);
    ctx.json(CaseloadLineJson.Answer.of(clients, today(now)));
  }

  /** The {@code status} and {@code q} query parameters; 400 naming the one that is wrong. */
  static ClientFilter filter(Context ctx) {
    String status = Requests.query(ctx, "status").orElse(ClientFilter.Status.ACTIVE.id());
    ClientFilter.Status parsed =
        ClientFilter.Status.parse(status)
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "query parameter status: expected active, discharged or all, found '"
                            + status
                            + "'"));
    Optional<String> search = Requests.query(ctx, "q");
    if (search.isPresent() && search.get().strip().length() > ClientFilter.MAX_SEARCH) {
      throw WebException.badRequest(
          "query parameter q: at most " + ClientFilter.MAX_SEARCH + " characters");
    }
    return new ClientFilter(parsed, search);
  }

  /**
   * The filter in words for the audit entry: how long the search was, never its text, which may be
   * a client's reference (the audit log cannot be erased, so it holds none).
   */
  static String describe(ClientFilter filter) {
    return (filter.status() == ClientFilter.Status.ACTIVE ? "" : ", " + filter.status().id())
        + filter
            .search()
            .map(text -> ", a search of " + text.strip().length() + " characters")
            .orElse("");
  }

  /**
   * {@code POST /api/clients}: {@code reference}, optional {@code clinician} (a username), {@code
   * birthDate} or {@code ageBand}, {@code language}, {@code email}, {@code mobile}; 201 with the
   * client.
   */
  public void create(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    ClientFields.Given sent = given(ctx, "{\"reference\": \"c-0042\"}");
    Instant now = platform.clock().instant();
    // The first episode's dates are the episode's fields, not the client's details.
    Map<String, Optional<String>> fields = new LinkedHashMap<>(sent.fields());
    Map<String, Optional<String>> episode = new LinkedHashMap<>();
    for (String name : List.of(EpisodeFields.REFERRAL_DATE, EpisodeFields.FIRST_SESSION_DATE)) {
      if (fields.containsKey(name)) {
        episode.put(name, fields.remove(name));
      }
    }
    EpisodeFields.Opening opening = EpisodeFields.opening(episode, now);
    ClientFields.Given given = new ClientFields.Given(fields);
    ClientProfileJson json =
        platform
            .database()
            .write(
                handle -> {
                  Client client = AddClient.add(handle, principal, given, opening, now);
                  return profile(handle, client, now);
                });
    ctx.status(201).header("Location", "/api/clients/" + json.id()).json(json);
  }

  /**
   * {@code GET /api/clients/{id}}: the client, their details and every administration with its
   * answers and score.
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
                      profile(handle, client, now),
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

  /**
   * {@code PATCH /api/clients/{id}}: changes the fields given ({@code reference}, {@code
   * birthDate}, {@code ageBand}, {@code language}, {@code email}, {@code mobile}); null clears an
   * optional one, a field left out stays. 200 with the client.
   */
  public void update(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    ClientFields.Given given = given(ctx, "{\"language\": \"de\"}");
    Instant now = platform.clock().instant();
    ctx.json(
        platform
            .database()
            .write(
                handle -> {
                  EditClient.edit(handle, principal, id, given, now);
                  return profile(handle, Access.client(handle, principal, id), now);
                }));
  }

  /**
   * {@code POST /api/clients/{id}/discharge}: {@code reason}, {@code note}, {@code date} (default
   * today) close the open episode of care, which takes the client off the active caseload; 200 with
   * the client.
   */
  public void discharge(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    EpisodeFields.Ending ending = EpisodeFields.ending(EpisodesApi.endingJson(ctx), now, true);
    ctx.json(
        platform
            .database()
            .write(
                handle -> {
                  DischargeClient.discharge(handle, principal, id, ending, now);
                  return profile(handle, Access.client(handle, principal, id), now);
                }));
  }

  /**
   * {@code POST /api/clients/{id}/readmit}: back on the active caseload with a new episode of care
   * ({@code referralDate}, {@code firstSessionDate}, both optional; no body is none); 200 with the
   * client.
   */
  public void readmit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    EpisodeFields.Opening opening = EpisodeFields.opening(EpisodesApi.openingJson(ctx), now);
    ctx.json(
        platform
            .database()
            .write(
                handle -> {
                  DischargeClient.readmit(handle, principal, id, opening, now);
                  return profile(handle, Access.client(handle, principal, id), now);
                }));
  }

  /**
   * {@code POST /api/clients/{id}/reassign}: {@code {"clinician": "username"}}, a clinician of the
   * supervisor's team (any active clinician for an admin); 200 with the client.
   */
  public void reassign(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    JsonNode body = object(ctx, "{\"clinician\": \"ben\"}");
    String clinician =
        Requests.text(body, ClientFields.CLINICIAN)
            .filter(name -> !name.isBlank())
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "clinician: the username of the clinician the client moves to is required"));
    Instant now = platform.clock().instant();
    ctx.json(
        platform
            .database()
            .write(
                handle -> {
                  ReassignClient.reassign(handle, principal, id, clinician, now);
                  // The client may now be out of the user's reach (an admin's is not).
                  Client client = Clients.find(handle, id).orElseThrow();
                  return profile(handle, client, now);
                }));
  }

  private static ClientProfileJson profile(Handle handle, Client client, Instant now) {
    return ClientProfileJson.of(
        client, ClientRecords.find(handle, client.id()).orElseThrow(), today(now));
  }

  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  private static JsonNode object(Context ctx, String example) {
    JsonNode body = Requests.json(ctx);
    if (!body.isObject()) {
      throw WebException.badRequest("the body must be a JSON object such as " + example);
    }
    return body;
  }

  /**
   * The fields of a JSON object: a string sets a field, null clears it; anything else is a problem
   * naming the field.
   */
  private static ClientFields.Given given(Context ctx, String example) {
    JsonNode body = object(ctx, example);
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        fields.put(field.getKey(), Optional.empty());
      } else if (!value.isTextual()) {
        problems.add(new FieldProblem(field.getKey(), "expected a string, found " + value));
      } else if (value.asText().indexOf('\u0000') >= 0) {
        problems.add(
            new FieldProblem(field.getKey(), "text may not contain the NUL character (U+0000)"));
      } else {
        fields.put(
            field.getKey(),
            Optional.of(value.asText()).filter(text -> !text.isBlank()).map(String::strip));
      }
    }
    if (!problems.isEmpty()) {
      throw WebException.badRequest(
          problems.get(0).field() + ": " + problems.get(0).message(), problems);
    }
    return new ClientFields.Given(fields);
  }
}
