package org.alliance.web.episodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;

/**
 * A client's episodes of care in the API ({@code GET/POST /api/clients/{id}/episodes}, {@code POST
 * /api/clients/{id}/episodes/{episode}/close}) and the client page's forms that open and close one
 * ({@code POST /clients/{id}/episodes}, {@code POST /clients/{id}/episodes/{episode}/close}), all
 * through {@link Episodes}. Whoever may reach the client may do each.
 */
public final class EpisodesApi {
  private static final List<String> OPENING =
      List.of(EpisodeFields.REFERRAL_DATE, EpisodeFields.FIRST_SESSION_DATE);
  private static final List<String> ENDING =
      List.of(EpisodeFields.REASON, EpisodeFields.NOTE, EpisodeFields.DATE);

  private final Platform platform;

  public EpisodesApi(Platform platform) {
    this.platform = platform;
  }

  /** {@code GET /api/clients/{id}/episodes}: the client's episodes, the first first. */
  public void list(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    List<EpisodeJson> episodes =
        platform
            .database()
            .read(
                handle -> {
                  Access.client(handle, principal, id);
                  return Episodes.ofClient(handle, id).stream().map(EpisodeJson::of).toList();
                });
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.EPISODE_LIST,
            Optional.of(id),
            episodes.size() + " episodes",
            now);
    ctx.json(new Answer(episodes));
  }

  /** The answer of the list: {@code episodes}, the first first. */
  public record Answer(List<EpisodeJson> episodes) {}

  /**
   * {@code POST /api/clients/{id}/episodes}: {@code referralDate}, {@code firstSessionDate}, both
   * optional; 201 with the episode, 409 when one is open.
   */
  public void open(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    EpisodeFields.Opening opening = EpisodeFields.opening(json(ctx, OPENING, true), now);
    EpisodeOfCare opened =
        platform.database().write(handle -> open(handle, principal, id, opening, now));
    ctx.status(201)
        .header("Location", "/api/clients/" + id + "/episodes")
        .json(EpisodeJson.of(opened));
  }

  /**
   * {@code POST /api/clients/{id}/episodes/{episode}/close}: {@code reason}, {@code note} (required
   * for {@code other}), {@code date} (default today); 200 with the episode.
   */
  public void close(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    long episode = Requests.id(ctx, "episode");
    Instant now = platform.clock().instant();
    EpisodeFields.Ending ending = EpisodeFields.ending(json(ctx, ENDING, true), now, true);
    ctx.json(
        EpisodeJson.of(
            platform
                .database()
                .write(handle -> close(handle, principal, id, episode, ending, now))));
  }

  /** {@code POST /clients/{id}/episodes}: the client page's form that opens an episode. */
  public void openForm(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    Instant now = platform.clock().instant();
    EpisodeFields.Opening opening = EpisodeFields.opening(form(ctx, OPENING), now);
    platform.database().write(handle -> open(handle, principal, id, opening, now));
    ctx.redirect("/clients/" + id + "?done=episode-opened#episodes", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /clients/{id}/episodes/{episode}/close}: the client page's closing form. */
  public void closeForm(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    long episode = PageRequests.id(ctx, "episode");
    Instant now = platform.clock().instant();
    EpisodeFields.Ending ending = EpisodeFields.ending(form(ctx, ENDING), now, false);
    platform.database().write(handle -> close(handle, principal, id, episode, ending, now));
    ctx.redirect("/clients/" + id + "?done=episode-closed#episodes", HttpStatus.SEE_OTHER);
  }

  private static EpisodeOfCare open(
      org.jdbi.v3.core.Handle handle,
      Principal principal,
      long id,
      EpisodeFields.Opening opening,
      Instant now) {
    Client client = Access.client(handle, principal, id);
    return Episodes.open(handle, client, opening, principal.userId(), now);
  }

  private static EpisodeOfCare close(
      org.jdbi.v3.core.Handle handle,
      Principal principal,
      long id,
      long episode,
      EpisodeFields.Ending ending,
      Instant now) {
    Client client = Access.client(handle, principal, id);
    return Episodes.close(handle, client, episode, ending, principal.userId(), now);
  }

  /** The named fields of a form. */
  public static Map<String, Optional<String>> form(Context ctx, List<String> names) {
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    names.forEach(name -> fields.put(name, PageRequests.field(ctx, name)));
    return fields;
  }

  /** The form fields that open an episode, for the re-admission form. */
  public static Map<String, Optional<String>> openingForm(Context ctx) {
    return form(ctx, OPENING);
  }

  /** The form fields that close an episode, for the discharge form. */
  public static Map<String, Optional<String>> endingForm(Context ctx) {
    return form(ctx, ENDING);
  }

  /**
   * The named fields of a JSON object body (an empty body is no fields when {@code emptyIsNone}): a
   * string sets a field, null or a missing field leaves it out; 400 naming a field of another type
   * or a field the request does not take.
   */
  public static Map<String, Optional<String>> json(
      Context ctx, List<String> names, boolean emptyIsNone) {
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    if (emptyIsNone && ctx.body().isBlank()) {
      return fields;
    }
    JsonNode body = Requests.json(ctx);
    if (!body.isObject()) {
      throw WebException.badRequest(
          "the body must be a JSON object with " + String.join(", ", names));
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw WebException.badRequest(
            "unknown field '"
                + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                + "'; the fields are "
                + String.join(", ", names));
      }
    }
    for (String name : names) {
      fields.put(name, Requests.text(body, name));
    }
    return fields;
  }

  /** The JSON fields that open an episode, for {@code POST /api/clients/{id}/readmit}. */
  public static Map<String, Optional<String>> openingJson(Context ctx) {
    return json(ctx, OPENING, true);
  }

  /** The JSON fields that close an episode, for {@code POST /api/clients/{id}/discharge}. */
  public static Map<String, Optional<String>> endingJson(Context ctx) {
    return json(ctx, ENDING, true);
  }
}
