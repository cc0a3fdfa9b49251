package org.alliance.web.clients;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.ClientAlerts;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.io.chart.CourseChart;
import org.alliance.io.chart.CourseFindings;
import org.alliance.io.report.ClientReport;
import org.alliance.io.report.ClientReportLayout;
import org.alliance.io.report.FollowUp;
import org.alliance.io.report.HtmlReportWriter;
import org.alliance.io.report.ItemAnswers;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.Corrections;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.alerts.AlertAcknowledgements;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;
import org.alliance.web.alerts.AlertItem;
import org.alliance.web.alerts.ClinicTrends;
import org.alliance.web.alerts.ClinicTrends.ClientTrend;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.alerts.SessionScore;
import org.alliance.web.alerts.TrendApi;
import org.alliance.web.clients.ChartNotes.ChartNote;
import org.alliance.web.episodes.EpisodeOfCare;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.links.ClientLinkPage;
import org.alliance.web.links.ClientLinks;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.ChartSizes;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Viewer;

/**
 * A client's page ({@code GET /clients/{id}}), their printable report ({@code GET
 * /clients/{id}/report}), notes on the chart ({@code POST /clients/{id}/notes}) and acknowledging
 * an alert ({@code POST /clients/{id}/acknowledgements}). Charts and the report come from the io
 * chart and report code, so the page, the report and the command line always agree.
 */
public final class ClientPage {
  private static final int MAX_TEXT = 4_000;

  /**
   * The report is one self-contained file with its own inline styles, so its answer allows inline
   * styles; still no script, and nothing loaded from anywhere.
   */
  public static final String REPORT_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private final Platform platform;

  private final ClinicInstruments instruments;
  private final ClinicTrends trends;

  public ClientPage(Platform platform, ClinicInstruments instruments, ClinicTrends trends) {
    this.platform = platform;
    this.instruments = instruments;
    this.trends = trends;
  }

  /**
   * What a page about one client reads, in one transaction: the scores, administrations, notes and
   * acknowledgements of one episode of care (the one asked for, else the latest).
   */
  private record Read(
      Principal principal,
      Client client,
      List<EpisodeOfCare> episodes,
      EpisodeOfCare episode,
      List<SessionScore> scores,
      List<StoredAdministration> administrations,
      List<ChartNote> notes,
      List<Acknowledgement> acknowledgements,
      List<ClientLinks.LinkInfo> links,
      List<Corrections.HistoryEntry> history,
      List<ChartNotes.EarlierVersion> noteHistory,
      ClientRecords.ClientRecord record,
      List<User> clinicians) {}

  private Optional<Read> read(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return Optional.empty();
    }
    long id = PageRequests.id(ctx, "id");
    Optional<Long> asked = TrendApi.episode(ctx);
    return Optional.of(
        platform
            .database()
            .read(
                handle -> {
                  Client client = Access.client(handle, signedIn.get(), id);
                  List<EpisodeOfCare> episodes = Episodes.ofClient(handle, id);
                  EpisodeOfCare episode = Episodes.chosen(episodes, asked, client.reference());
                  return new Read(
                      signedIn.get(),
                      client,
                      episodes,
                      episode,
                      ScoreHistory.scores(handle, episode.id()),
                      Administrations.ofEpisode(handle, episode.id()),
                      ChartNotes.ofEpisode(handle, episode.id()),
                      AlertAcknowledgements.ofEpisode(handle, episode.id()),
                      ClientLinks.ofClient(handle, id),
                      Corrections.ofClient(handle, id),
                      ChartNotes.historyOf(handle, id),
                      ClientRecords.find(handle, id).orElseThrow(),
                      signedIn.get().role() == Role.CLINICIAN
                          ? List.of()
                          : Access.clinicians(handle, signedIn.get()));
                }));
  }

  /** {@code GET /clients/{id}}. */
  public void show(Context ctx) {
    Optional<Read> found = read(ctx);
    if (found.isEmpty()) {
      return;
    }
    Read read = found.get();
    platform
        .audit()
        .read(
            Optional.of(read.principal().userId()),
            AuditAction.CLIENT_PAGE,
            Optional.of(read.client().id()),
            "episode id " + read.episode().id(),
            platform.clock().instant());
    ClientTrend trend =
        trends.trend(
            read.client().reference(),
            Optional.of(read.client().clinicianUsername()),
            read.scores());
    Pages.render(
        ctx,
        "clients/client.jte",
        "viewer",
        Viewer.of(read.principal()),
        "view",
        view(read, trend, Optional.ofNullable(ctx.queryParam("done")).orElse("")),
        "links",
        ClientLinkPage.lines(
            read.links(), instruments.scorer().catalog(), platform.clock().instant()),
        "languageNote",
        ClientLinkPage.languageNote(instruments, read.record().details().language()));
  }

  /** {@code GET /clients/{id}/report}: the io client report as one printable HTML file. */
  public void report(Context ctx) {
    Optional<Read> found = read(ctx);
    if (found.isEmpty()) {
      return;
    }
    Read read = found.get();
    Instant now = platform.clock().instant();
    platform
        .audit()
        .read(
            Optional.of(read.principal().userId()),
            AuditAction.CLIENT_REPORT,
            Optional.of(read.client().id()),
            "episode id " + read.episode().id(),
            now);
    ClientTrend trend =
        trends.trend(
            read.client().reference(),
            Optional.of(read.client().clinicianUsername()),
            read.scores());
    AlertOptions options = AlertOptions.defaults();
    for (ExpectedCourse course : trend.expectedCourses().values()) {
      options = options.withExpectedCourse(course);
    }
    ClientReport report =
        ClientReport.build(
            trend.episode(),
            trend.riskFlags(),
            latestAnswers(read),
            new ClientReport.Settings(
                // The report shows one episode of care and says which.
                "the clinic's records, " + read.episode().inWords(),
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                options,
                CourseFindings.Options.defaults(),
                trend.notes()));
    report =
        report
            .withFollowUps(followUps(read.acknowledgements()))
            .withNotes(chartNotes(read.notes()));
    StringWriter html = new StringWriter();
    try {
      HtmlReportWriter.write(ClientReportLayout.document(report), html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.header("Content-Security-Policy", REPORT_POLICY);
    ctx.html(html.toString());
  }

  /** The corrected and voided entries, in words for the page. */
  private List<ClientView.HistoryLine> history(List<Corrections.HistoryEntry> entries) {
    return entries.stream()
        .map(
            entry ->
                new ClientView.HistoryLine(
                    "Session "
                        + entry.session()
                        + ", "
                        + instruments
                            .catalog()
                            .find(entry.instrumentId())
                            .map(ClinicInstruments::shortName)
                            .orElse(entry.instrumentId())
                        + (entry.total().isPresent()
                            ? " (total " + Numbers.format(entry.total().getAsDouble()) + ")"
                            : ""),
                    entry.voided() ? "voided" : "corrected",
                    entry.reason(),
                    entry.changedBy(),
                    entry.changedAt().toString().substring(0, 10)))
        .toList();
  }

  /** The client's chart notes as the charts and the report draw them. */
  static List<org.alliance.io.chart.ChartNote> chartNotes(List<ChartNote> notes) {
    return notes.stream()
        .map(
            note ->
                new org.alliance.io.chart.ChartNote(
                    note.session(), note.date(), note.note(), note.author()))
        .toList();
  }

  /** The recorded follow-ups of alerts whose rule this server knows, for the report. */
  static List<FollowUp> followUps(List<Acknowledgement> acknowledgements) {
    List<FollowUp> followUps = new ArrayList<>();
    for (Acknowledgement ack : acknowledgements) {
      String done =
          ack.open()
              ? ack.followUp()
              : ack.followUp()
                  + " (re-opened by "
                  + ack.reopenedBy()
                  + " on "
                  + ack.reopenedAt().toString().substring(0, 10)
                  + ")";
      AlertRule.byId(ack.ruleId())
          .ifPresent(
              rule -> followUps.add(new FollowUp(rule, ack.session(), done, ack.by(), ack.at())));
    }
    return followUps;
  }

  /**
   * {@code GET /clients/{id}/charts/{measure}[?width=N]}: one measure's course chart as an SVG
   * image, at one of the {@link ChartSizes}. Served on its own because the chart code styles its
   * shapes inline, which the pages' policy forbids; an image runs no script.
   */
  public void chart(Context ctx) {
    Optional<Read> found = read(ctx);
    if (found.isEmpty()) {
      return;
    }
    Read read = found.get();
    String measure = ctx.pathParam("measure");
    platform
        .audit()
        .read(
            Optional.of(read.principal().userId()),
            AuditAction.CLIENT_CHART,
            Optional.of(read.client().id()),
            measure + ", episode id " + read.episode().id(),
            platform.clock().instant());
    ClientTrend trend =
        trends.trend(
            read.client().reference(),
            Optional.of(read.client().clinicianUsername()),
            read.scores());
    Course course =
        trend
            .episode()
            .course(measure)
            .filter(observed -> !observed.observations().isEmpty())
            .orElseThrow(() -> WebException.notFound("the client has no scores of " + measure));
    CourseChart chart =
        CourseChart.of(
                CourseFindings.find(
                    course,
                    Optional.ofNullable(trend.expectedCourses().get(measure)),
                    CourseFindings.Options.defaults()))
            .withNotes(chartNotes(read.notes()));
    int width = ChartSizes.width(ctx);
    ctx.header("Content-Security-Policy", REPORT_POLICY);
    ctx.contentType("image/svg+xml; charset=utf-8")
        .result(chart.svg(width, chart.suggestedHeight(width)));
  }

  /** {@code POST /clients/{id}/notes}: a note on the chart, at a session or a date. */
  public void addNote(Context ctx) {
    saveNote(ctx, false);
  }

  /**
   * {@code POST /clients/{id}/notes/{note}}: the note changed; its earlier version stays in the
   * note's history.
   */
  public void editNote(Context ctx) {
    saveNote(ctx, true);
  }

  private void saveNote(Context ctx, boolean edit) {
    platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    long editedId = edit ? PageRequests.id(ctx, "note") : 0;
    String note = noteText(ctx);
    OptionalInt session = PageRequests.session(ctx, "session");
    Optional<LocalDate> date = PageRequests.date(ctx, "date");
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              Principal principal = platform.authentication().require(ctx, handle);
              Client client = Access.client(handle, principal, id);
              long noteId = editedId;
              if (!edit) {
                noteId =
                    ChartNotes.add(
                        handle, client.id(), session, date, note, principal.userId(), now);
              } else if (!ChartNotes.edit(
                  handle, client.id(), noteId, session, date, note, principal.userId(), now)) {
                throw WebException.notFound("the client has no such note");
              }
              AuditLog.record(
                  handle,
                  Optional.of(principal.userId()),
                  edit ? AuditAction.NOTE_EDIT : AuditAction.NOTE_CREATE,
                  Optional.of(client.id()),
                  "note " + noteId,
                  now);
              return null;
            });
    ctx.redirect("/clients/" + id + "#notes", HttpStatus.SEE_OTHER);
  }

  /** The session of the alert a form is about; 400 naming the field when missing. */
  private static int alertSession(Context ctx) {
    return PageRequests.session(ctx, "session")
        .orElseThrow(
            () -> WebException.badRequest("session: the session of the alert is required"));
  }

  /** The text of a note sent in a form; 400 naming the field when it is missing or too long. */
  private static String noteText(Context ctx) {
    String note =
        PageRequests.field(ctx, "note")
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "note: write the note, such as \"started sertraline 50 mg\""));
    if (note.length() > MAX_TEXT) {
      throw WebException.badRequest(
          "note: at most " + MAX_TEXT + " characters, found " + note.length());
    }
    return note;
  }

  /**
   * {@code POST /clients/{id}/acknowledgements}: the alert of a rule at a session, with the
   * follow-up.
   */
  public void acknowledge(Context ctx) {
    platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    String ruleId =
        PageRequests.field(ctx, "rule")
            .orElseThrow(() -> WebException.badRequest("rule: which alert is acknowledged"));
    AlertRule rule =
        AlertRule.byId(ruleId)
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "rule: there is no kind of alert called '" + ruleId + "'"));
    int session = alertSession(ctx);
    Optional<Long> asked = episodeField(ctx);
    String followUp =
        PageRequests.field(ctx, "followUp")
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "followUp: write what follows, such as \"discussed in session, safety plan reviewed\""));
    if (followUp.length() > MAX_TEXT) {
      throw WebException.badRequest(
          "followUp: at most " + MAX_TEXT + " characters, found " + followUp.length());
    }
    Instant now = platform.clock().instant();
    boolean added =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Client client = Access.client(handle, principal, id);
                  EpisodeOfCare episode = Episodes.chosen(handle, client, asked);
                  // Only an alert the episode has now can be acknowledged: the rule must fire at
                  // that session.
                  ClientTrend trend =
                      trends.trend(
                          client.reference(),
                          Optional.of(client.clinicianUsername()),
                          ScoreHistory.scores(handle, episode.id()));
                  boolean current =
                      trend.alerts().stream()
                          .anyMatch(alert -> alert.rule() == rule && alert.session() == session);
                  if (!current) {
                    throw WebException.badRequest(
                        "the client has no "
                            + rule.title().toLowerCase(java.util.Locale.ROOT)
                            + " alert at session "
                            + session
                            + " to acknowledge");
                  }
                  boolean stored =
                      AlertAcknowledgements.add(
                          handle,
                          id,
                          episode.id(),
                          rule.id(),
                          rule.version(),
                          session,
                          followUp,
                          principal.userId(),
                          now);
                  if (stored) {
                    AuditLog.record(
                        handle,
                        Optional.of(principal.userId()),
                        AuditAction.ALERT_ACKNOWLEDGE,
                        Optional.of(id),
                        rule.id() + " session " + session + ", episode " + episode.number(),
                        now);
                  }
                  return stored;
                });
    if (!added) {
      throw WebException.conflict(
          "this alert was already acknowledged; its follow-up is on the client's page");
    }
    ctx.redirect(pageOf(id, asked) + "#alerts", HttpStatus.SEE_OTHER);
  }

  /** The {@code episode} field of an alert's form: the episode the page showed. */
  private static Optional<Long> episodeField(Context ctx) {
    Optional<String> given = PageRequests.field(ctx, "episode");
    if (given.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(given.get()));
    } catch (NumberFormatException e) {
      throw WebException.badRequest("episode: expected the id of one of the client's episodes");
    }
  }

  /** The client's page, showing an episode when one was asked for. */
  private static String pageOf(long id, Optional<Long> episode) {
    return "/clients/" + id + episode.map(e -> "?episode=" + e).orElse("");
  }

  /**
   * {@code POST /clients/{id}/acknowledgements/reopen}: the acknowledgement of the alert of a rule
   * at a session stands no more; it stays in the record, marked with who re-opened it and when.
   */
  public void reopen(Context ctx) {
    platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    String ruleId =
        PageRequests.field(ctx, "rule")
            .orElseThrow(() -> WebException.badRequest("rule: which alert is re-opened"));
    int session = alertSession(ctx);
    Optional<Long> asked = episodeField(ctx);
    Instant now = platform.clock().instant();
    boolean reopened =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Client client = Access.client(handle, principal, id);
                  EpisodeOfCare episode = Episodes.chosen(handle, client, asked);
                  boolean changed =
                      AlertAcknowledgements.reopen(
                          handle, id, episode.id(), ruleId, session, principal.userId(), now);
                  if (changed) {
                    AuditLog.record(
                        handle,
                        Optional.of(principal.userId()),
                        AuditAction.ALERT_REOPEN,
                        Optional.of(id),
                        ruleId + " session " + session,
                        now);
                  }
                  return changed;
                });
    if (!reopened) {
      throw WebException.conflict(
          "this alert has no acknowledgement standing to re-open; the client's page shows its record");
    }
    ctx.redirect(pageOf(id, asked) + "#alerts", HttpStatus.SEE_OTHER);
  }

  private ClientView view(Read read, ClientTrend trend, String done) {
    List<ClientView.Chart> charts = new ArrayList<>();
    List<Course> ordered = new ArrayList<>(trend.episode().courses(Construct.OUTCOME));
    ordered.addAll(trend.episode().courses(Construct.ALLIANCE));
    for (Course course : ordered) {
      if (course.observations().isEmpty()) {
        continue;
      }
      CourseFindings findings =
          CourseFindings.find(
              course,
              Optional.ofNullable(trend.expectedCourses().get(course.measure().id())),
              CourseFindings.Options.defaults());
      CourseChart chart = CourseChart.of(findings).withNotes(chartNotes(read.notes()));
      charts.add(
          new ClientView.Chart(
              course.measure().id(),
              chart.title(),
              chart.description(),
              "/clients/"
                  + read.client().id()
                  + "/charts/"
                  + course.measure().id()
                  + (latest(read) ? "" : "?episode=" + read.episode().id()),
              findings.notes()));
    }
    List<AlertItem> alerts = new ArrayList<>();
    for (Alert alert : trend.alerts()) {
      alerts.add(AlertItem.of(alert, read.acknowledgements()));
    }
    List<ItemAnswers> latest = latestAnswers(read);
    // The themes, by the items' short labels, that the client answered "no" at the latest
    // self-check.
    List<String> selfCheckNo = new ArrayList<>();
    Optional<StoredAdministration> selfCheck = latestOf(read, ClinicInstruments.SELF_CHECK);
    selfCheck.ifPresent(
        stored ->
            instruments
                .scorer()
                .catalog()
                .find(ClinicInstruments.SELF_CHECK)
                .ifPresent(
                    instrument ->
                        instrument
                            .items()
                            .forEach(
                                item -> {
                                  if (stored.answers().get(item.id()) instanceof Answer.Value value
                                      && value.value() == 0) {
                                    selfCheckNo.add(item.label().en());
                                  }
                                })));
    List<ClientView.AdministrationLine> lines = new ArrayList<>();
    for (StoredAdministration stored : read.administrations()) {
      Optional<Instrument> instrument = instruments.scorer().catalog().find(stored.instrumentId());
      String name = instrument.map(ClinicInstruments::shortName).orElse(stored.instrumentId());
      // Risk answers by the item's number, as the questionnaire prints it: "item 9: 1".
      String risk =
          stored.riskFlags().entrySet().stream()
              .map(
                  flag ->
                      instrument
                              .flatMap(known -> known.item(flag.getKey()))
                              .map(item -> "item " + item.number())
                              .orElse("a risk item")
                          + ": "
                          + Numbers.format(flag.getValue()))
              .collect(java.util.stream.Collectors.joining(", "));
      lines.add(
          new ClientView.AdministrationLine(
              stored.id(),
              stored.session(),
              stored.date().map(LocalDate::toString).orElse(""),
              name,
              stored.total().isPresent()
                  ? Numbers.format(stored.total().getAsDouble())
                  : "not scored",
              stored.band().orElse(""),
              risk));
    }
    int next =
        ClientLinkPage.nextSession(
            read.administrations().stream().mapToInt(StoredAdministration::session).max());
    List<ClientView.EntryChoice> choices =
        instruments.inUse().stream()
            .map(instrument -> new ClientView.EntryChoice(instrument.id(), instrument.title().en()))
            .toList();
    return new ClientView(
        read.client().id(),
        read.client().reference(),
        read.client().clinicianUsername(),
        charts,
        new ClientAlerts(read.client().reference(), trend.alerts()).why(),
        alerts,
        latest,
        selfCheckNo,
        read.notes(),
        read.noteHistory(),
        lines,
        history(read.history()),
        trend.notes(),
        choices,
        next,
        facts(read),
        episodes(read),
        done(done, read));
  }

  /** The list of the client's episodes and what the open and close forms need. */
  private ClientView.EpisodesView episodes(Read read) {
    List<ClientView.EpisodeLine> lines = new ArrayList<>();
    for (EpisodeOfCare episode : read.episodes()) {
      String words =
          "Episode "
              + episode.number()
              + ": "
              + episode.referredOn().map(day -> "referred " + day + ", ").orElse("")
              + episode.firstSessionOn().map(day -> "first session " + day + ", ").orElse("")
              + (episode.open()
                  ? "open since " + episode.since()
                  : "from "
                      + episode.since()
                      + " to "
                      + episode.closedOn().orElseThrow()
                      + ", ended: "
                      + episode.endingInWords())
              + " ("
              + episode.administrations()
              + (episode.administrations() == 1 ? " administration)" : " administrations)");
      lines.add(
          new ClientView.EpisodeLine(
              episode.id(),
              words,
              "/clients/" + read.client().id() + "?episode=" + episode.id(),
              episode.id() == read.episode().id()));
    }
    return new ClientView.EpisodesView(
        lines,
        read.episode().inWords(),
        latest(read),
        read.episodes().stream()
            .filter(EpisodeOfCare::open)
            .mapToLong(EpisodeOfCare::id)
            .findFirst()
            .orElse(0),
        LocalDate.ofInstant(platform.clock().instant(), ZoneOffset.UTC).toString(),
        java.util.Arrays.stream(org.alliance.web.episodes.EndingReason.values())
            .map(reason -> new ClientForm.Choice(reason.code(), reason.words()))
            .toList());
  }

  /** The client's details in words, the form that changes them, and where they may be moved. */
  private ClientView.Facts facts(Read read) {
    LocalDate today = LocalDate.ofInstant(platform.clock().instant(), ZoneOffset.UTC);
    ClientDetails details = read.record().details();
    String age =
        details
            .birthDate()
            .map(born -> "born " + born + " (" + AgeBand.of(born, today).words() + ")")
            .or(() -> details.ageBand().map(band -> band.words() + " (age band)"))
            .orElse("not recorded");
    String discharged =
        read.record()
            .dischargedAt()
            .map(
                at ->
                    "discharged on "
                        + LocalDate.ofInstant(at, ZoneOffset.UTC)
                        + read.record().dischargedBy().map(by -> " by " + by).orElse(""))
            .orElse("");
    List<ClientForm.Choice> moveTo =
        ClientForm.choices(
            read.clinicians().stream()
                .filter(user -> user.id() != read.client().clinicianId())
                .toList());
    return new ClientView.Facts(
        age,
        details.language().label(),
        details.email().map(EmailAddress::value).orElse(""),
        details.mobile().map(MobileNumber::value).orElse(""),
        discharged,
        ClientForm.editing(read.client().id(), read.client().reference(), details, today),
        read.principal().role() != Role.CLINICIAN,
        moveTo);
  }

  /** What the form just sent did, in words, from the {@code done} the redirect carries. */
  private static String done(String done, Read read) {
    return switch (done) {
      case "added" -> "The client " + read.client().reference() + " was added to the caseload.";
      case "saved" -> "The details were saved.";
      case "unchanged" -> "Nothing was changed: the details were as sent.";
      case "discharged" ->
          "The client was discharged: they are off the active caseload, and everything of theirs"
              + " stays here. Find them on the caseload under \"discharged\".";
      case "readmitted" -> "The client is back on the active caseload.";
      case "erased" -> "The client's personal data was erased: only de-identified scores are left.";
      case "episode-closed" ->
          "The episode was closed and the client is off the active caseload; everything of the"
              + " episode stays here.";
      case "episode-opened" ->
          "A new episode was opened: the client is on the active caseload, and sessions count"
              + " from 1 again.";
      case "reassigned" ->
          "The client is now on the caseload of " + read.client().clinicianUsername() + ".";
      case "kiosk-saved" ->
          "Kiosk mode has ended. The client's answers from the tablet were saved: the new entry,"
              + " its score and any alert are below.";
      case "kiosk-unsaved" ->
          "Kiosk mode has ended before the client's answers were saved: nothing was stored from"
              + " the tablet.";
      default -> "";
    };
  }

  /** Whether the page shows the client's latest episode, the one shown without asking. */
  private static boolean latest(Read read) {
    return read.episode().id() == read.episodes().get(read.episodes().size() - 1).id();
  }

  private static Optional<StoredAdministration> latestOf(Read read, String instrumentId) {
    return read.administrations().stream()
        .filter(a -> a.instrumentId().equals(instrumentId))
        .max(java.util.Comparator.comparingInt(StoredAdministration::session));
  }

  /**
   * The latest administration of each instrument, item by item, in the order the instruments first
   * appear.
   */
  private List<ItemAnswers> latestAnswers(Read read) {
    Map<String, StoredAdministration> latest = new LinkedHashMap<>();
    for (StoredAdministration stored : read.administrations()) {
      StoredAdministration kept = latest.get(stored.instrumentId());
      if (kept == null || stored.session() > kept.session()) {
        latest.put(stored.instrumentId(), stored);
      }
    }
    List<ItemAnswers> answers = new ArrayList<>();
    latest.forEach(
        (id, stored) ->
            instruments
                .scorer()
                .catalog()
                .find(id)
                .ifPresent(
                    instrument ->
                        answers.add(
                            ItemAnswers.of(
                                instrument,
                                administration(instrument, stored, read.client().reference())))));
    return answers;
  }

  static Administration administration(
      Instrument instrument, StoredAdministration stored, String reference) {
    return new Administration(
        instrument.id(),
        Optional.of(stored.instrumentVersion()),
        reference,
        stored.session(),
        stored.date(),
        Optional.empty(),
        stored.answers());
  }
}
