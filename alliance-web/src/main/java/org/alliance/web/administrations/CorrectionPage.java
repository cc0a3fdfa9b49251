package org.alliance.web.administrations;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Answer;
import org.alliance.web.administrations.EntryPage.Checked;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * Correcting or voiding a stored questionnaire from the client's page: {@code GET
 * /clients/{id}/administrations/{administration}/correct} shows the entry as a form to correct and
 * a form to void it, each needing a reason; the original stays in the client's history.
 */
public final class CorrectionPage {
  private final Platform platform;
  private final ClinicInstruments instruments;
  private final RecordAdministration record;

  public CorrectionPage(
      Platform platform, ClinicInstruments instruments, RecordAdministration record) {
    this.platform = platform;
    this.instruments = instruments;
    this.record = record;
  }

  private record Found(Principal principal, Client client, StoredAdministration stored) {}

  /** {@code GET /clients/{id}/administrations/{administration}/correct}. */
  public void form(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    Found found = platform.database().read(handle -> find(ctx, handle, signedIn.get()));
    StoredAdministration stored = found.stored();
    Map<String, String> values = new LinkedHashMap<>();
    stored
        .answers()
        .forEach(
            (item, answer) ->
                values.put(
                    item,
                    answer instanceof Answer.Value value ? Numbers.format(value.value()) : "skip"));
    render(
        ctx,
        200,
        found,
        Integer.toString(stored.session()),
        stored.date().map(LocalDate::toString).orElse(""),
        values,
        "",
        List.of());
  }

  /** {@code POST /clients/{id}/administrations/{administration}/correct}. */
  public void correct(Context ctx) {
    platform.authentication().require(ctx);
    Instant now = platform.clock().instant();
    String sessionText = PageRequests.field(ctx, "session").orElse("");
    String dateText = PageRequests.field(ctx, "date").orElse("");
    String reasonText = PageRequests.field(ctx, "reason").orElse("");
    Object outcome =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Found found = find(ctx, handle, principal);
                  Instrument instrument = instrument(found.stored());
                  FormAnswers sent = FormAnswers.read(instrument, ctx::formParams);
                  Checked checked =
                      EntryPage.check(
                          record, instrument, found.client(), sent, sessionText, dateText, now);
                  List<String> problems = new java.util.ArrayList<>(checked.problems());
                  String reason = null;
                  try {
                    reason = Corrections.reason(Optional.of(reasonText));
                  } catch (WebException e) {
                    problems.add("Reason: " + e.getMessage().replaceFirst("^reason: ", "") + ".");
                  }
                  if (!problems.isEmpty()) {
                    return new Rejected(found, sent.values(), problems);
                  }
                  try {
                    Corrections.correct(
                        handle,
                        record,
                        found.client().id(),
                        found.stored().id(),
                        checked.scored(),
                        reason,
                        principal.userId(),
                        now);
                  } catch (SessionAlreadyRecorded e) {
                    return new Rejected(
                        found,
                        sent.values(),
                        List.of(
                            "Session "
                                + e.session()
                                + " already has "
                                + ClinicInstruments.shortName(instrument)
                                + ": correct or void that entry instead."));
                  }
                  return found.client().id();
                });
    if (outcome instanceof Rejected rejected) {
      render(
          ctx,
          400,
          rejected.found(),
          sessionText,
          dateText,
          rejected.values(),
          reasonText,
          rejected.problems());
      return;
    }
    ctx.redirect("/clients/" + outcome + "#administrations", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /clients/{id}/administrations/{administration}/void}. */
  public void voidEntry(Context ctx) {
    platform.authentication().require(ctx);
    Instant now = platform.clock().instant();
    String reason = Corrections.reason(PageRequests.field(ctx, "reason"));
    long clientId =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Found found = find(ctx, handle, principal);
                  Corrections.voidEntry(
                      handle,
                      found.client().id(),
                      found.stored().id(),
                      reason,
                      principal.userId(),
                      now);
                  return found.client().id();
                });
    ctx.redirect("/clients/" + clientId + "#administrations", HttpStatus.SEE_OTHER);
  }

  private record Rejected(Found found, Map<String, String> values, List<String> problems) {}

  private Found find(Context ctx, org.jdbi.v3.core.Handle handle, Principal principal) {
    long clientId = PageRequests.id(ctx, "id");
    long administrationId = PageRequests.id(ctx, "administration");
    Client client = Access.client(handle, principal, clientId);
    StoredAdministration stored =
        Administrations.ofClient(handle, clientId).stream()
            .filter(administration -> administration.id() == administrationId)
            .findFirst()
            .orElseThrow(
                () ->
                    WebException.notFound(
                        "the client has no such entry; it may have been corrected or voided"));
    return new Found(principal, client, stored);
  }

  private Instrument instrument(StoredAdministration stored) {
    return instruments
        .catalog()
        .find(stored.instrumentId())
        .orElseThrow(
            () ->
                WebException.conflict(
                    "the entry's questionnaire "
                        + stored.instrumentId()
                        + " is not in the clinic's catalog now; void the entry instead"));
  }

  private void render(
      Context ctx,
      int status,
      Found found,
      String session,
      String date,
      Map<String, String> values,
      String reason,
      List<String> problems) {
    Instrument instrument = instrument(found.stored());
    String path = "/clients/" + found.client().id() + "/administrations/" + found.stored().id();
    EntryForm form =
        new EntryForm(
            path + "/correct",
            instrument.id(),
            instrument.title().en(),
            instrument.instructions().map(text -> text.en()).orElse(""),
            EntryForm.questions(instrument, values, instruments.showsText(instrument)),
            session,
            date,
            problems,
            true,
            Optional.of(reason));
    ctx.status(status);
    Pages.render(
        ctx,
        "administrations/correct.jte",
        "viewer",
        Viewer.of(found.principal()),
        "reference",
        found.client().reference(),
        "clientId",
        found.client().id(),
        "entry",
        ClinicInstruments.shortName(instrument) + " of session " + found.stored().session(),
        "voidAction",
        path + "/void",
        "form",
        form);
  }
}
