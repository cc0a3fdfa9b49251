package org.alliance.web.administrations;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.web.administrations.RecordAdministration.Scored;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.alerts.AlertItem;
import org.alliance.web.alerts.ClinicTrends;
import org.alliance.web.alerts.ClinicTrends.ClientTrend;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * In-session entry on a tablet ({@code GET/POST /clients/{id}/entry}): the measure as sliders or
 * buttons; on sending, the administration is scored and stored, and the score, its band and any
 * alert show at once.
 */
public final class EntryPage {
  private final Platform platform;

  private final RecordAdministration record;

  private final ClinicInstruments instruments;
  private final ClinicTrends trends;

  public EntryPage(
      Platform platform,
      ClinicInstruments instruments,
      ClinicTrends trends,
      RecordAdministration record) {
    this.platform = platform;
    this.instruments = instruments;
    this.trends = trends;
    this.record = record;
  }

  /** {@code GET /clients/{id}/entry?instrument=ors}. */
  public void form(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    long id = PageRequests.id(ctx, "id");
    Instrument instrument =
        instrument(Optional.ofNullable(ctx.queryParam("instrument")).orElse("ors"));
    record Read(Client client, List<StoredAdministration> administrations) {}
    Read read =
        platform
            .database()
            .read(
                handle -> {
                  Client client = Access.client(handle, signedIn.get(), id);
                  return new Read(client, Administrations.ofOpenEpisode(handle, id));
                });
    platform
        .audit()
        .read(
            Optional.of(signedIn.get().userId()),
            AuditAction.ENTRY_FORM,
            Optional.of(id),
            instrument.id(),
            platform.clock().instant());
    String session = Integer.toString(suggestedSession(read.administrations(), instrument.id()));
    String today = LocalDate.ofInstant(platform.clock().instant(), ZoneOffset.UTC).toString();
    render(
        ctx, 200, signedIn.get(), read.client(), instrument, session, today, Map.of(), List.of());
  }

  /**
   * {@code POST /clients/{id}/entry}: score and store; the result page, or the form again naming
   * each problem.
   */
  public void submit(Context ctx) {
    platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    Instrument instrument = instrument(PageRequests.field(ctx, "instrument").orElse(""));
    FormAnswers sent = FormAnswers.read(instrument, ctx::formParams);
    String sessionText = PageRequests.field(ctx, "session").orElse("");
    String dateText = PageRequests.field(ctx, "date").orElse("");
    Instant now = platform.clock().instant();
    Object outcome;
    try {
      outcome = store(ctx, id, instrument, sent, sessionText, dateText, now);
    } catch (SessionAlreadyRecorded e) {
      // Another submission for this session (a client link, another tablet) was committed a moment
      // earlier.
      Principal principal = platform.authentication().require(ctx);
      Client client = platform.database().read(handle -> Access.client(handle, principal, id));
      outcome =
          new Rejected(
              principal,
              client,
              List.of(
                  "Session "
                      + e.session()
                      + " already has "
                      + ClinicInstruments.shortName(instrument)
                      + ": choose the right session number (it may have been saved a moment ago "
                      + "from elsewhere)."));
    }
    if (outcome instanceof Rejected rejected) {
      render(
          ctx,
          400,
          rejected.principal(),
          rejected.client(),
          instrument,
          sessionText,
          dateText,
          sent.values(),
          rejected.problems());
      return;
    }
    Principal principal = platform.authentication().require(ctx);
    Pages.render(
        ctx, "administrations/entry-result.jte", "viewer", Viewer.of(principal), "result", outcome);
  }

  /** Scores and stores in one transaction; the result, or the problems that stop it. */
  private Object store(
      Context ctx,
      long id,
      Instrument instrument,
      FormAnswers sent,
      String sessionText,
      String dateText,
      Instant now) {
    return platform
        .database()
        .write(
            handle -> {
              Principal principal = platform.authentication().require(ctx, handle);
              Client client = Access.client(handle, principal, id);
              Checked checked = check(record, instrument, client, sent, sessionText, dateText, now);
              List<String> problems = checked.problems();
              Scored scored = checked.scored();
              Integer session = checked.session();
              if (!problems.isEmpty()) {
                return new Rejected(principal, client, problems);
              }
              record.store(handle, id, scored, Source.tablet(principal.userId()), now);
              // The trend of the open episode, which the entry joined.
              ClientTrend trend =
                  trends.trend(
                      client.reference(),
                      Optional.of(client.clinicianUsername()),
                      ScoreHistory.scores(handle, Episodes.openForRecording(handle, id)));
              return result(client, instrument, session, scored.score(), scored.riskFlags(), trend);
            });
  }

  private record Rejected(Principal principal, Client client, List<String> problems) {}

  /** The form checked and scored: the problems in words, or the scored form and its session. */
  record Checked(List<String> problems, Scored scored, Integer session) {}

  /**
   * Reads the session and date of a form and scores its answers, naming every problem in words for
   * the clinician; used by the tablet entry and by a correction.
   */
  static Checked check(
      RecordAdministration record,
      Instrument instrument,
      Client client,
      FormAnswers sent,
      String sessionText,
      String dateText,
      Instant now) {
    List<String> problems = new ArrayList<>(sent.problems());
    Integer session = null;
    try {
      session = Integer.parseInt(sessionText);
      if (!Administration.isSessionNumber(session)) {
        problems.add(
            "Session: a session number is "
                + Administration.SESSION_NUMBER
                + ", not "
                + session
                + ".");
        session = null;
      }
    } catch (NumberFormatException e) {
      problems.add("Session: enter the session number.");
    }
    Optional<LocalDate> date = Optional.empty();
    if (!dateText.isEmpty()) {
      try {
        date = Optional.of(LocalDate.parse(dateText));
        RecordAdministration.futureDate(date, now)
            .ifPresent(problem -> problems.add("Date: " + problem + "."));
      } catch (java.time.format.DateTimeParseException e) {
        problems.add("Date: use the form YYYY-MM-DD, not '" + dateText + "'.");
      }
    }
    Scored scored = null;
    if (session != null) {
      scored =
          record.score(
              new Administration(
                  instrument.id(),
                  Optional.of(instrument.version()),
                  client.reference(),
                  session,
                  date,
                  Optional.empty(),
                  sent.answers()));
      // A question not answered is named once, above, not again by the scorer.
      scored.score().problems().stream()
          .filter(problem -> problem.kind().invalidates())
          .filter(problem -> sent.problems().isEmpty() || !missingOnly(problem))
          .forEach(
              problem ->
                  problems.add(
                      problem
                          .item()
                          .map(
                              item ->
                                  "Question "
                                      + itemNumber(instrument, item)
                                      + ": "
                                      + problem.message().replace("item " + item + ": ", ""))
                          .orElse(problem.message())));
    }
    return new Checked(problems, problems.isEmpty() ? scored : null, session);
  }

  private EntryResult result(
      Client client,
      Instrument instrument,
      int session,
      Score score,
      Map<String, Double> flags,
      ClientTrend trend) {
    List<String> risks = new ArrayList<>();
    flags.forEach(
        (item, answer) ->
            instrument
                .item(item)
                .ifPresent(
                    found ->
                        risks.add(
                            "Item "
                                + found.number()
                                + " ("
                                + found.label().en()
                                + ") answered "
                                + Numbers.format(answer))));
    List<AlertItem> alerts =
        trend.alerts().stream()
            .filter(alert -> alert.session() == session)
            .map(alert -> AlertItem.of(alert, List.of()))
            .toList();
    String cutoff =
        instrument
            .clinicalCutoff()
            .map(found -> found.label() + " (" + found.describe() + ")")
            .orElse("");
    return new EntryResult(
        client.id(),
        client.reference(),
        ClinicInstruments.shortName(instrument),
        session,
        Numbers.format(score.total().orElseThrow()),
        score.band().map(band -> band.label()).orElse(""),
        cutoff,
        score.clinical().orElse(false),
        risks,
        alerts);
  }

  private void render(
      Context ctx,
      int status,
      Principal principal,
      Client client,
      Instrument instrument,
      String session,
      String date,
      Map<String, String> values,
      List<String> problems) {
    EntryForm form =
        new EntryForm(
            "/clients/" + client.id() + "/entry",
            instrument.id(),
            instrument.title().en(),
            instrument.instructions().map(text -> text.en()).orElse(""),
            EntryForm.questions(instrument, values, instruments.showsText(instrument)),
            session,
            date,
            problems,
            true,
            Optional.empty());
    ctx.status(status);
    Pages.render(
        ctx,
        "administrations/entry.jte",
        "viewer",
        Viewer.of(principal),
        "reference",
        client.reference(),
        "clientId",
        client.id(),
        "form",
        form);
  }

  /**
   * The session a new administration most likely belongs to: the latest session, or the next when
   * it has this measure.
   */
  static int suggestedSession(List<StoredAdministration> administrations, String instrumentId) {
    int latest = administrations.stream().mapToInt(StoredAdministration::session).max().orElse(0);
    boolean taken =
        administrations.stream()
            .anyMatch(a -> a.session() == latest && a.instrumentId().equals(instrumentId));
    return administrations.isEmpty()
        ? 1
        : Math.min(taken ? latest + 1 : latest, Administration.MAX_SESSION);
  }

  /** A scorer's problem that only repeats that items are missing. */
  private static boolean missingOnly(org.alliance.core.scoring.Problem problem) {
    return problem.kind() == org.alliance.core.scoring.Problem.Kind.TOO_MANY_MISSING;
  }

  private static int itemNumber(Instrument instrument, String itemId) {
    return instrument.item(itemId).map(Item::number).orElse(0);
  }

  private Instrument instrument(String id) {
    return instruments.forNewData("instrument", id);
  }
}
