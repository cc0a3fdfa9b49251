package org.alliance.web.clients;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.episodes.EpisodeFields;
import org.alliance.web.episodes.EpisodesApi;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * The forms that add a client ({@code POST /clients}, from the caseload), change their details
 * ({@code POST /clients/{id}/details}), discharge and re-admit them, and move them to another
 * clinician ({@code POST /clients/{id}/discharge}, {@code .../readmit}, {@code .../reassign}). Each
 * calls the same service as the API; a form with problems comes back with what was typed and every
 * problem beside its field.
 */
public final class ClientForms {
  private static final Pattern FIELD_MESSAGE = Pattern.compile("([a-zA-Z]+): (.*)", Pattern.DOTALL);

  private final Platform platform;

  public ClientForms(Platform platform) {
    this.platform = platform;
  }

  /** {@code POST /clients}: adds the client, then shows their page. */
  public void add(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Map<String, String> typed = typed(ctx);
    Optional<String> referral = PageRequests.field(ctx, EpisodeFields.REFERRAL_DATE);
    referral.ifPresent(day -> typed.put(EpisodeFields.REFERRAL_DATE, day));
    Instant now = platform.clock().instant();
    try {
      EpisodeFields.Opening opening =
          EpisodeFields.opening(Map.of(EpisodeFields.REFERRAL_DATE, referral), now);
      Map<String, String> clientFields = new LinkedHashMap<>(typed);
      clientFields.remove(EpisodeFields.REFERRAL_DATE);
      Client client =
          platform
              .database()
              .write(handle -> AddClient.add(handle, principal, given(clientFields), opening, now));
      ctx.redirect("/clients/" + client.id() + "?done=added", HttpStatus.SEE_OTHER);
    } catch (WebException e) {
      if (e.status() != 400 && e.status() != 409) {
        throw e;
      }
      ClientForm form =
          ClientForm.adding(
                  platform.database().read(handle -> Access.clinicians(handle, principal)),
                  today(now))
              .withProblems(typed, problems(e));
      render(ctx, principal, form, "Add a client", e.status());
    }
  }

  /** {@code POST /clients/{id}/details}: saves the client's details, then shows their page. */
  public void edit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    Map<String, String> typed = typed(ctx);
    typed.remove(ClientFields.CLINICIAN);
    Instant now = platform.clock().instant();
    try {
      List<String> changed =
          platform
              .database()
              .write(handle -> EditClient.edit(handle, principal, id, given(typed), now));
      ctx.redirect(
          "/clients/" + id + "?done=" + (changed.isEmpty() ? "unchanged" : "saved") + "#details",
          HttpStatus.SEE_OTHER);
    } catch (WebException e) {
      if (e.status() != 400 && e.status() != 409) {
        throw e;
      }
      Client client = platform.database().read(handle -> Access.client(handle, principal, id));
      ClientForm form =
          ClientForm.editing(id, client.reference(), ClientDetails.NONE, today(now))
              .withProblems(typed, problems(e));
      render(ctx, principal, form, "Details of client " + client.reference(), e.status());
    }
  }

  /**
   * {@code POST /clients/{id}/discharge}: closes the open episode with {@code reason}, {@code note}
   * and {@code date}, as the episode's closing form does.
   */
  public void discharge(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    Instant now = platform.clock().instant();
    EpisodeFields.Ending ending = EpisodeFields.ending(EpisodesApi.endingForm(ctx), now, false);
    platform
        .database()
        .write(
            handle -> {
              DischargeClient.discharge(handle, principal, id, ending, now);
              return null;
            });
    ctx.redirect("/clients/" + id + "?done=discharged", HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /clients/{id}/readmit}: opens a new episode with the optional {@code referralDate}
   * and {@code firstSessionDate}.
   */
  public void readmit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    Instant now = platform.clock().instant();
    EpisodeFields.Opening opening = EpisodeFields.opening(EpisodesApi.openingForm(ctx), now);
    platform
        .database()
        .write(
            handle -> {
              DischargeClient.readmit(handle, principal, id, opening, now);
              return null;
            });
    ctx.redirect("/clients/" + id + "?done=readmitted", HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /clients/{id}/reassign}: {@code clinician}, a username. The client's page follows
   * while the user still reaches the client (a supervisor moves clients within the team), the
   * caseload otherwise.
   */
  public void reassign(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    String clinician =
        PageRequests.field(ctx, ClientFields.CLINICIAN)
            .orElseThrow(
                () ->
                    WebException.badRequest("clinician: choose the clinician the client moves to"));
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              ReassignClient.reassign(handle, principal, id, clinician, now);
              return null;
            });
    ctx.redirect("/clients/" + id + "?done=reassigned", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, Principal principal, ClientForm form, String title, int status) {
    ctx.status(status);
    Pages.render(
        ctx,
        "clients/client-form.jte",
        "viewer",
        Viewer.of(principal),
        "form",
        form,
        "title",
        title);
  }

  /** The form's fields as typed (trimmed), for checking and for showing again. */
  private static Map<String, String> typed(Context ctx) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String field : ClientFields.ALL) {
      String value = ctx.formParam(field);
      if (value != null) {
        if (value.indexOf('\u0000') >= 0) {
          throw WebException.badRequest(
              field + ": text may not contain the NUL character (U+0000)");
        }
        typed.put(field, value.strip());
      }
    }
    return typed;
  }

  /** A form sends every field; a blank one clears what it holds. */
  private static ClientFields.Given given(Map<String, String> typed) {
    Map<String, Optional<String>> fields = new LinkedHashMap<>();
    typed.forEach(
        (field, value) -> fields.put(field, Optional.of(value).filter(text -> !text.isEmpty())));
    return new ClientFields.Given(fields);
  }

  /**
   * The problems of a refused form: each named field's, or the message put beside the field it
   * names ("reference: ... cannot be used").
   */
  private static List<FieldProblem> problems(WebException e) {
    if (!e.problems().isEmpty()) {
      return e.problems();
    }
    Matcher named = FIELD_MESSAGE.matcher(e.getMessage());
    if (named.matches() && ClientFields.ALL.contains(named.group(1))) {
      return List.of(new FieldProblem(named.group(1), named.group(2)));
    }
    return List.of(new FieldProblem("", e.getMessage()));
  }

  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
