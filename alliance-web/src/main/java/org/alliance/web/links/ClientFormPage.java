package org.alliance.web.links;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Problem;
import org.alliance.web.administrations.EntryForm;
import org.alliance.web.administrations.FormAnswers;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.administrations.RecordAdministration.Scored;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.administrations.SessionAlreadyRecorded;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.instruments.InstrumentLanguage;
import org.alliance.web.links.ClientLinks.OpenLink;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.language.ClientText;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginThrottle;
import org.alliance.web.platform.security.Secrets;

/**
 * The client's own form behind a link ({@code GET/POST /f/{token}}): no account and no session,
 * only the questionnaire, with nothing that identifies the client, the clinician or the clinic's
 * records. A link that is unknown, used or expired gets one and the same neutral page, so a token
 * reveals nothing either way.
 *
 * <p>Forgery: the token in the path is a 256-bit secret, so a forged request cannot name a live
 * link; on top, the form repeats a random value that the form page also set in a strict, HttpOnly
 * cookie (the double-submit check the sign-in form uses), so a page elsewhere that learned a link
 * still cannot send answers through the client's browser.
 *
 * <p>Language: every page of an open link is in the client's language (the clinician's choice,
 * which the client can change on the form, stored for their next links and audited); the pages of a
 * link that cannot be used know nothing of the client and follow the browser's language.
 */
public final class ClientFormPage {
  static final String FORM_CSRF_COOKIE = "alliance_form_csrf";
  private static final String COOKIE_PATH = "/f/";

  /**
   * More than this many remembered addresses and the stale ones are dropped, so memory stays small.
   */
  private static final int MAX_ADDRESSES = 10_000;

  private final Platform platform;
  private final LoginThrottle throttle;

  /**
   * Unusable links asked for, by address, newest last: tries beyond the throttle's allowance wait.
   */
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  private final RecordAdministration record;

  private final ClinicInstruments instruments;

  public ClientFormPage(
      Platform platform,
      ClinicInstruments instruments,
      RecordAdministration record,
      LoginThrottle throttle) {
    this.platform = platform;
    this.instruments = instruments;
    this.record = record;
    this.throttle = throttle;
  }

  /**
   * The clinic stopped using this questionnaire after the link was sent (an admin switched it off).
   */
  private static void notInUse(Context ctx, ClientText words) {
    message(ctx, 409, words, "notInUse");
  }

  /** {@code GET /f/{token}}: the questionnaire, or the neutral page. */
  public void form(Context ctx) {
    if (throttled(ctx)) {
      return;
    }
    String token = ctx.pathParam("token");
    Instant now = platform.clock().instant();
    Optional<OpenLink> link =
        platform.database().read(handle -> ClientLinks.open(handle, Secrets.hash(token), now));
    if (link.isEmpty()) {
      recordFailure(ctx, now);
      unusable(ctx);
      return;
    }
    ClientText words = ClientText.in(link.get().clientLanguage());
    Instrument instrument =
        instruments.scorer().catalog().find(link.get().instrumentId()).orElseThrow();
    if (!instruments.inUse(instrument.id())) {
      notInUse(ctx, words);
      return;
    }
    String csrf = Secrets.random();
    ctx.cookie(
        new Cookie(
            FORM_CSRF_COOKIE,
            csrf,
            COOKIE_PATH,
            (int) ClientLinkPage.LINK_LIFETIME.toSeconds(),
            platform.secureCookies(),
            true,
            null,
            SameSite.STRICT));
    showForm(ctx, 200, token, link.get(), instrument, csrf, Map.of(), List.of());
  }

  /** {@code POST /f/{token}}: score, store and mark the link used, all in one transaction. */
  public void submit(Context ctx) {
    if (throttled(ctx)) {
      return;
    }
    String token = ctx.pathParam("token");
    String cookie = ctx.cookie(FORM_CSRF_COOKIE);
    String sent = ctx.formParam(Authentication.CSRF_FIELD);
    if (!sameCookie(ctx, cookie, sent)) {
      return;
    }
    Instant now = platform.clock().instant();
    // The language of the pages that answer: the client's while the link is open.
    ClientText words =
        platform
            .database()
            .read(handle -> ClientLinks.open(handle, Secrets.hash(token), now))
            .map(open -> ClientText.in(open.clientLanguage()))
            .orElseGet(() -> browserWords(ctx));
    Object outcome;
    try {
      outcome = store(ctx, token, now, words);
    } catch (SessionAlreadyRecorded e) {
      // Found before storing, or refused by the database when another submission for the session
      // won a race.
      outcome = Outcome.ALREADY_FILLED_IN;
    }
    if (outcome == Outcome.UNUSABLE) {
      recordFailure(ctx, now);
      unusable(ctx);
    } else if (outcome == Outcome.ALREADY_FILLED_IN) {
      message(ctx, 409, words, "filledIn");
    } else if (outcome == Outcome.NOT_IN_USE) {
      notInUse(ctx, words);
    } else if (outcome instanceof Rejected rejected) {
      showForm(
          ctx,
          400,
          token,
          rejected.link(),
          rejected.instrument(),
          sent,
          rejected.values(),
          rejected.problems());
    } else {
      ctx.removeCookie(FORM_CSRF_COOKIE, COOKIE_PATH);
      contentLanguage(ctx, words);
      Pages.render(ctx, "links/done.jte", "done", outcome, "text", words);
    }
  }

  /**
   * {@code POST /f/{token}/language}: the client chooses the language of their pages. It is stored
   * as the client's language, so this form and their next links open in it, and audited, since it
   * changes what the clinician set.
   */
  public void language(Context ctx) {
    if (throttled(ctx)) {
      return;
    }
    String token = ctx.pathParam("token");
    if (!sameCookie(ctx, ctx.cookie(FORM_CSRF_COOKIE), ctx.formParam(Authentication.CSRF_FIELD))) {
      return;
    }
    Optional<ClientLanguage> chosen =
        Optional.ofNullable(ctx.formParam("language")).flatMap(ClientLanguage::ofCode);
    Instant now = platform.clock().instant();
    Optional<OpenLink> changed =
        platform
            .database()
            .write(
                handle -> {
                  Optional<OpenLink> found = ClientLinks.open(handle, Secrets.hash(token), now);
                  if (found.isEmpty() || chosen.isEmpty()) {
                    return found;
                  }
                  OpenLink link = found.get();
                  if (link.clientLanguage() != chosen.get()) {
                    Clients.setLanguage(handle, link.clientId(), chosen.get());
                    AuditLog.record(
                        handle,
                        Optional.empty(),
                        AuditAction.CLIENT_LANGUAGE,
                        Optional.of(link.clientId()),
                        "language "
                            + link.clientLanguage().code()
                            + " -> "
                            + chosen.get().code()
                            + ", chosen by the client on client link "
                            + link.id(),
                        now);
                  }
                  return found;
                });
    if (changed.isEmpty()) {
      recordFailure(ctx, now);
      unusable(ctx);
    } else if (chosen.isEmpty()) {
      // Only a changed request can send a language the menu does not offer.
      message(ctx, 400, ClientText.in(changed.get().clientLanguage()), "badLanguage");
    } else {
      ctx.redirect("/f/" + token, HttpStatus.SEE_OTHER);
    }
  }

  /**
   * Whether the form's field repeats its cookie; otherwise answers 403 asking to open the link
   * again.
   */
  private static boolean sameCookie(Context ctx, String cookie, String sent) {
    if (cookie == null || sent == null || !Secrets.same(cookie, sent)) {
      message(ctx, 403, browserWords(ctx), "reopen");
      return false;
    }
    return true;
  }

  /** The words in the browser's language, for a page that knows nothing of the client. */
  private static ClientText browserWords(Context ctx) {
    return ClientText.in(ClientText.forBrowser(Optional.ofNullable(ctx.header("Accept-Language"))));
  }

  /**
   * Scores and stores the answers in one transaction: the administration, the link marked used, the
   * audit entry.
   */
  private Object store(Context ctx, String token, Instant now, ClientText words) {
    return platform
        .database()
        .write(
            handle -> {
              Optional<OpenLink> found = ClientLinks.open(handle, Secrets.hash(token), now);
              if (found.isEmpty()) {
                return Outcome.UNUSABLE;
              }
              OpenLink link = found.get();
              Instrument instrument =
                  instruments.scorer().catalog().find(link.instrumentId()).orElseThrow();
              if (!instruments.inUse(instrument.id())) {
                return Outcome.NOT_IN_USE;
              }
              FormAnswers sent = FormAnswers.read(instrument, ctx::formParams, words);
              Scored scored =
                  record.scoreClientForm(
                      handle, link.clientId(), instrument, link.session(), sent.answers(), now);
              if (!sent.problems().isEmpty() || !scored.valid()) {
                return new Rejected(
                    link, instrument, sent.values(), problems(instrument, sent, scored, words));
              }
              // The conditional update decides between two submissions racing for one link: only
              // one changes the row,
              // the other waits for its commit and then finds the link used.
              if (!ClientLinks.markUsed(handle, link.id(), now)) {
                return Outcome.UNUSABLE;
              }
              // A session that already has this measure throws SessionAlreadyRecorded, which rolls
              // the transaction back,
              // so the link stays open for the therapist to sort out.
              record.store(
                  handle, link.clientId(), scored, Source.link(link.id(), link.createdBy()), now);
              return new Done(
                  instrument.title().in(words.code()),
                  saidNo(instrument, scored.administration(), words.code()),
                  !scored.riskFlags().isEmpty());
            });
  }

  private enum Outcome {
    UNUSABLE,
    ALREADY_FILLED_IN,
    NOT_IN_USE
  }

  private record Rejected(
      OpenLink link, Instrument instrument, Map<String, String> values, List<String> problems) {}

  /**
   * What the client sees after sending: thanks, and after a self-check the questions answered "no"
   * with gentle guidance to raise them; after a risk item answered, where to turn now.
   */
  public record Done(String title, List<String> saidNo, boolean risk) {
    public Done {
      saidNo = List.copyOf(saidNo);
    }
  }

  /**
   * The wording of the self-check questions answered "no", in the client's language; none for any
   * other measure.
   */
  static List<String> saidNo(
      Instrument instrument, Administration administration, String language) {
    if (!instrument.id().equals(ClinicInstruments.SELF_CHECK)) {
      return List.of();
    }
    List<String> no = new ArrayList<>();
    for (Item item : instrument.items()) {
      if (administration.answer(item.id()) instanceof Answer.Value value && value.value() == 0) {
        no.add(item.text().map(text -> text.in(language)).orElse(item.label().in(language)));
      }
    }
    return no;
  }

  /**
   * What the client is asked to fix, in their words rather than the scorer's: each question not
   * answered, each answer the form cannot send (only a tampered request can), too many skipped.
   * Also the words of the kiosk form, which is this form on a tablet.
   */
  public static List<String> problems(
      Instrument instrument, FormAnswers sent, Scored scored, ClientText words) {
    List<String> problems = new ArrayList<>(sent.problems());
    for (Item item : instrument.items()) {
      if (scored.score().problems().stream()
          .anyMatch(
              problem ->
                  problem.kind().invalidates()
                      && problem.item().filter(item.id()::equals).isPresent())) {
        problems.add(words.get("problem.unusable", "number", words.number(item.number())));
      }
    }
    if (problems.isEmpty()
        && scored.score().problems().stream()
            .anyMatch(problem -> problem.kind() == Problem.Kind.TOO_MANY_MISSING)) {
      problems.add(
          words.get(
              "problem.tooManySkipped",
              "count",
              words.number(instrument.items().size() - instrument.maxMissing()),
              "total",
              words.number(instrument.items().size())));
    }
    if (problems.isEmpty()) {
      problems.add(words.get("problem.general"));
    }
    return problems;
  }

  private void showForm(
      Context ctx,
      int status,
      String token,
      OpenLink link,
      Instrument instrument,
      String csrf,
      Map<String, String> values,
      List<String> problems) {
    ClientLanguage language = link.clientLanguage();
    ClientText words = ClientText.in(language);
    boolean showsText = instruments.showsText(instrument);
    EntryForm form =
        new EntryForm(
            "/f/" + token,
            instrument.id(),
            instrument.title().in(language.code()),
            instrument.instructions().map(text -> text.in(language.code())).orElse(""),
            EntryForm.questions(instrument, values, showsText, words),
            "",
            "",
            problems,
            false,
            Optional.empty(),
            words);
    ClientFormView view =
        new ClientFormView(
            form,
            csrf,
            "/f/" + token + "/language",
            words.get(
                "form.until",
                "date",
                words.date(LocalDate.ofInstant(link.expiresAt(), ZoneOffset.UTC))),
            !InstrumentLanguage.covers(instrument, language, showsText));
    ctx.status(status);
    contentLanguage(ctx, words);
    Pages.render(ctx, "links/fill.jte", "view", view);
  }

  /**
   * The client's form page: the form, the language menu's action, until when the link works, and
   * whether the questions are in English for want of the client's language.
   */
  public record ClientFormView(
      EntryForm form, String csrf, String languageAction, String until, boolean inEnglish) {
    public ClientText text() {
      return form.text();
    }

    /** The languages a client may choose, each named in itself. */
    public List<ClientLanguage> languages() {
      return List.of(ClientLanguage.values());
    }
  }

  private static void contentLanguage(Context ctx, ClientText words) {
    ctx.header("Content-Language", words.code());
  }

  /**
   * One page for a link that is unknown, used or expired, so none of the three can be told from the
   * others.
   */
  private static void unusable(Context ctx) {
    message(ctx, 404, browserWords(ctx), "unusable");
  }

  /** A page of one message: {@code key.title} and {@code key.text} in the given words. */
  private static void message(Context ctx, int status, ClientText words, String key) {
    ctx.status(status);
    contentLanguage(ctx, words);
    Pages.render(
        ctx,
        "links/message.jte",
        "text",
        words,
        "title",
        words.get(key + ".title"),
        "message",
        words.get(key + ".text"));
  }

  /** Answers 429 when this address asked for too many unusable links lately. */
  private boolean throttled(Context ctx) {
    Deque<Instant> seen = failures.get(ctx.ip());
    if (seen == null) {
      return false;
    }
    Instant now = platform.clock().instant();
    List<Instant> recent;
    synchronized (seen) {
      seen.removeIf(at -> !at.isAfter(throttle.since(now)));
      recent = List.copyOf(seen);
    }
    Optional<Duration> wait = throttle.addressWait(recent, now);
    if (wait.isEmpty()) {
      return false;
    }
    ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
    message(ctx, 429, browserWords(ctx), "wait");
    return true;
  }

  private void recordFailure(Context ctx, Instant now) {
    if (failures.size() > MAX_ADDRESSES) {
      Instant since = throttle.since(now);
      failures
          .values()
          .removeIf(
              seen -> {
                synchronized (seen) {
                  return seen.isEmpty() || !seen.peekLast().isAfter(since);
                }
              });
    }
    Deque<Instant> seen = failures.computeIfAbsent(ctx.ip(), address -> new ArrayDeque<>());
    synchronized (seen) {
      seen.addLast(now);
    }
  }
}
