package org.alliance.web.links;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
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
import org.alliance.web.links.ClientLinks.OpenLink;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.http.Pages;
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
  private void notInUse(Context ctx) {
    message(
        ctx,
        409,
        "No longer in use",
        "Your clinic no longer uses this questionnaire, so there is nothing to fill in here and nothing was saved. "
            + "Please tell your therapist.");
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
    Instrument instrument =
        instruments.scorer().catalog().find(link.get().instrumentId()).orElseThrow();
    if (!instruments.inUse(instrument.id())) {
      notInUse(ctx);
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
    showForm(ctx, 200, token, instrument, csrf, Map.of(), List.of());
  }

  /** {@code POST /f/{token}}: score, store and mark the link used, all in one transaction. */
  public void submit(Context ctx) {
    if (throttled(ctx)) {
      return;
    }
    String token = ctx.pathParam("token");
    String cookie = ctx.cookie(FORM_CSRF_COOKIE);
    String sent = ctx.formParam(Authentication.CSRF_FIELD);
    if (cookie == null || sent == null || !Secrets.same(cookie, sent)) {
      message(
          ctx,
          403,
          "Please open the link again",
          "This page has been open too long, or your browser did not keep its cookie. Open the link you were sent again; "
              + "nothing has been saved yet.");
      return;
    }
    Instant now = platform.clock().instant();
    Object outcome;
    try {
      outcome = store(ctx, token, now);
    } catch (SessionAlreadyRecorded e) {
      // Found before storing, or refused by the database when another submission for the session
      // won a race.
      outcome = Outcome.ALREADY_FILLED_IN;
    }
    if (outcome == Outcome.UNUSABLE) {
      recordFailure(ctx, now);
      unusable(ctx);
    } else if (outcome == Outcome.ALREADY_FILLED_IN) {
      message(
          ctx,
          409,
          "Already filled in",
          "This questionnaire has already been filled in for this session, so these answers were not saved. "
              + "Please tell your therapist.");
    } else if (outcome == Outcome.NOT_IN_USE) {
      notInUse(ctx);
    } else if (outcome instanceof Rejected rejected) {
      showForm(
          ctx, 400, token, rejected.instrument(), sent, rejected.values(), rejected.problems());
    } else {
      ctx.removeCookie(FORM_CSRF_COOKIE, COOKIE_PATH);
      Pages.render(ctx, "links/done.jte", "done", outcome);
    }
  }

  /**
   * Scores and stores the answers in one transaction: the administration, the link marked used, the
   * audit entry.
   */
  private Object store(Context ctx, String token, Instant now) {
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
              FormAnswers sent = FormAnswers.read(instrument, ctx::formParams);
              String reference = Clients.find(handle, link.clientId()).orElseThrow().reference();
              Scored scored =
                  record.score(
                      new Administration(
                          instrument.id(),
                          Optional.of(instrument.version()),
                          reference,
                          link.session(),
                          Optional.of(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                          Optional.empty(),
                          sent.answers()));
              if (!sent.problems().isEmpty() || !scored.valid()) {
                return new Rejected(instrument, sent.values(), problems(instrument, sent, scored));
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
                  instrument.title().en(),
                  saidNo(instrument, scored.administration()),
                  !scored.riskFlags().isEmpty());
            });
  }

  private enum Outcome {
    UNUSABLE,
    ALREADY_FILLED_IN,
    NOT_IN_USE
  }

  private record Rejected(
      Instrument instrument, Map<String, String> values, List<String> problems) {}

  /**
   * What the client sees after sending: thanks, and after a self-check the questions answered "no"
   * with gentle guidance to raise them; after a risk item answered, where to turn now.
   */
  public record Done(String title, List<String> saidNo, boolean risk) {
    public Done {
      saidNo = List.copyOf(saidNo);
    }
  }

  /** The wording of the self-check questions answered "no"; none for any other measure. */
  static List<String> saidNo(Instrument instrument, Administration administration) {
    if (!instrument.id().equals(ClinicInstruments.SELF_CHECK)) {
      return List.of();
    }
    List<String> no = new ArrayList<>();
    for (Item item : instrument.items()) {
      if (administration.answer(item.id()) instanceof Answer.Value value && value.value() == 0) {
        no.add(item.text().map(text -> text.en()).orElse(item.label().en()));
      }
    }
    return no;
  }

  /**
   * What the client is asked to fix, in their words rather than the scorer's: each question not
   * answered, each answer the form cannot send (only a tampered request can), too many skipped.
   * Also the words of the kiosk form, which is this form on a tablet.
   */
  public static List<String> problems(Instrument instrument, FormAnswers sent, Scored scored) {
    List<String> problems = new ArrayList<>(sent.problems());
    for (Item item : instrument.items()) {
      if (scored.score().problems().stream()
          .anyMatch(
              problem ->
                  problem.kind().invalidates()
                      && problem.item().filter(item.id()::equals).isPresent())) {
        problems.add(
            "Question " + item.number() + ": this answer cannot be used; please choose again.");
      }
    }
    if (problems.isEmpty()
        && scored.score().problems().stream()
            .anyMatch(problem -> problem.kind() == Problem.Kind.TOO_MANY_MISSING)) {
      problems.add(
          "Too many questions were skipped to give a result; please answer at least "
              + (instrument.items().size() - instrument.maxMissing())
              + " of the "
              + instrument.items().size()
              + ".");
    }
    if (problems.isEmpty()) {
      problems.add("Some answers cannot be used; please check them and send again.");
    }
    return problems;
  }

  private void showForm(
      Context ctx,
      int status,
      String token,
      Instrument instrument,
      String csrf,
      Map<String, String> values,
      List<String> problems) {
    EntryForm form =
        new EntryForm(
            "/f/" + token,
            instrument.id(),
            instrument.title().en(),
            instrument.instructions().map(text -> text.en()).orElse(""),
            EntryForm.questions(instrument, values, instruments.showsText(instrument)),
            "",
            "",
            problems,
            false,
            Optional.empty());
    ctx.status(status);
    Pages.render(ctx, "links/fill.jte", "form", form, "csrf", csrf);
  }

  /**
   * One page for a link that is unknown, used or expired, so none of the three can be told from the
   * others.
   */
  private void unusable(Context ctx) {
    message(
        ctx,
        404,
        "This link cannot be used",
        "The link may have been used already or may have expired. If you still want to fill in the questionnaire, "
            + "please ask your therapist for a new link.");
  }

  private static void message(Context ctx, int status, String title, String text) {
    ctx.status(status);
    Pages.render(ctx, "links/message.jte", "title", title, "message", text);
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
    message(
        ctx,
        429,
        "Please wait a moment",
        "There were too many tries of links that cannot be used. Please try again later.");
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
