package org.alliance.web.kiosk;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Instrument;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.EntryForm;
import org.alliance.web.administrations.FormAnswers;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.administrations.RecordAdministration.Scored;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.administrations.SessionAlreadyRecorded;
import org.alliance.web.clients.ClientRecords;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.kiosk.Kiosks.Kiosk;
import org.alliance.web.links.ClientFormPage;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.language.ClientText;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginService.Outcome;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Secrets;

/**
 * Kiosk mode for a tablet handed to the client: the clinician starts it on the client's page
 * ({@code POST /clients/{id}/kiosk}) for one measure and one session; the browser then shows only
 * that measure's questions ({@code GET/POST /kiosk}, the client link's form), then "Thank you,
 * please hand the tablet back", and reaches nothing else ({@link KioskGate}) until the clinician
 * gives their PIN or password ({@code GET/POST /kiosk/exit}) and is back on the client's page.
 *
 * <p>The answers are stored as a client link's are: each question answered or on purpose skipped,
 * nothing filled in for the client, risk answers flagged for the clinician's alerts and not shown
 * to the client.
 */
public final class KioskPages {
  public static final String PAGE = "/kiosk";
  public static final String EXIT = "/kiosk/exit";

  /** What a PIN is: 4 to 8 digits. A password has at least 10 characters, so the two never meet. */
  static final Pattern PIN = Pattern.compile("[0-9]{4,8}");

  private final Platform platform;
  private final ClinicInstruments instruments;
  private final RecordAdministration record;

  public KioskPages(Platform platform, ClinicInstruments instruments, RecordAdministration record) {
    this.platform = platform;
    this.instruments = instruments;
    this.record = record;
  }

  /**
   * {@code POST /clients/{id}/kiosk}: instrument and session (both required: the page suggests the
   * next session and shows it). Whoever may enter scores for the client may start it, from a
   * browser session only.
   */
  public void start(Context ctx) {
    platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    Instrument instrument =
        instruments.forNewData(
            "instrument",
            PageRequests.field(ctx, "instrument")
                .orElseThrow(
                    () -> WebException.badRequest("instrument: choose the measure to fill in")));
    OptionalInt requested = PageRequests.session(ctx, "session");
    if (requested.isEmpty()) {
      throw WebException.badRequest("session: enter the session the answers belong to");
    }
    int session = requested.getAsInt();
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              Principal principal = platform.authentication().require(ctx, handle);
              Client client = Access.client(handle, principal, id);
              String cookie = ctx.cookie(Authentication.SESSION_COOKIE);
              if (!principal.viaSession() || cookie == null) {
                throw WebException.forbidden(
                    "kiosk mode is for a browser: start it on the client's page, on the tablet");
              }
              // The answers go into the open episode of care: none open, no kiosk (409).
              long episode = Episodes.openForRecording(handle, id);
              if (Administrations.exists(handle, episode, instrument.id(), session)) {
                throw WebException.badRequest(
                    "session: session "
                        + session
                        + " of client "
                        + client.reference()
                        + " already has the "
                        + ClinicInstruments.shortName(instrument)
                        + "; choose another session");
              }
              long kiosk =
                  Kiosks.start(
                      handle,
                      Secrets.hash(cookie),
                      principal.userId(),
                      id,
                      instrument.id(),
                      session,
                      now);
              AuditLog.record(
                  handle,
                  Optional.of(principal.userId()),
                  AuditAction.KIOSK_START,
                  Optional.of(id),
                  instrument.id() + " session " + session + " (kiosk " + kiosk + ")",
                  now);
              return kiosk;
            });
    ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
  }

  /** {@code GET /kiosk}: the questions, or the thanks once the answers are stored. */
  public void show(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    Optional<Kiosk> kiosk = kiosk(ctx, signedIn.get());
    if (kiosk.isEmpty()) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    ClientText words = words(kiosk.get());
    if (kiosk.get().finished()) {
      thanks(ctx, words);
      return;
    }
    questions(ctx, 200, signedIn.get(), instrument(kiosk.get()), Map.of(), List.of(), words);
  }

  /**
   * {@code POST /kiosk}: score and store the answers, claim the kiosk and audit, in one
   * transaction; then the thanks. A form with a question left open comes back naming it.
   */
  public void submit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Optional<Kiosk> found = kiosk(ctx, principal);
    if (found.isEmpty() || found.get().finished()) {
      ctx.redirect(found.isEmpty() ? "/" : PAGE, HttpStatus.SEE_OTHER);
      return;
    }
    Kiosk kiosk = found.get();
    Instrument instrument = instrument(kiosk);
    ClientText words = words(kiosk);
    if (!instruments.inUse(instrument.id())) {
      message(ctx, 409, words, "kiosk.unavailable");
      return;
    }
    FormAnswers sent = FormAnswers.read(instrument, ctx::formParams, words);
    Instant now = platform.clock().instant();
    Object outcome;
    try {
      outcome = store(kiosk, instrument, sent, now, words);
    } catch (SessionAlreadyRecorded e) {
      // The measure was stored for this session from elsewhere (a link, the entry form) since the
      // kiosk started: nothing is stored twice, the kiosk stays open, and the clinician is told on
      // leaving it.
      message(ctx, 409, words, "kiosk.notSaved");
      return;
    }
    if (outcome instanceof List<?> problems) {
      questions(
          ctx,
          400,
          principal,
          instrument,
          sent.values(),
          problems.stream().map(String::valueOf).toList(),
          words);
      return;
    }
    ctx.redirect(PAGE, HttpStatus.SEE_OTHER);
  }

  /** Stores the answers; the problems to show instead when they cannot be scored. */
  private Object store(
      Kiosk kiosk, Instrument instrument, FormAnswers sent, Instant now, ClientText words) {
    return platform
        .database()
        .write(
            handle -> {
              Scored scored =
                  record.scoreClientForm(
                      handle, kiosk.clientId(), instrument, kiosk.session(), sent.answers(), now);
              if (!sent.problems().isEmpty() || !scored.valid()) {
                return ClientFormPage.problems(instrument, sent, scored, words);
              }
              if (!Kiosks.claim(handle, kiosk.id(), now)) {
                return kiosk; // stored a moment ago by the same form sent twice
              }
              long administration =
                  record.store(
                      handle,
                      kiosk.clientId(),
                      scored,
                      Source.kiosk(kiosk.id(), kiosk.userId()),
                      now);
              Kiosks.stored(handle, kiosk.id(), administration);
              AuditLog.record(
                  handle,
                  Optional.of(kiosk.userId()),
                  AuditAction.KIOSK_FINISH,
                  Optional.of(kiosk.clientId()),
                  instrument.id()
                      + " session "
                      + kiosk.session()
                      + " (kiosk "
                      + kiosk.id()
                      + ", administration "
                      + administration
                      + ")",
                  now);
              return administration;
            });
  }

  /** {@code GET /kiosk/exit}: the clinician's PIN or password leaves kiosk mode. */
  public void exitForm(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    Optional<Kiosk> kiosk = kiosk(ctx, signedIn.get());
    if (kiosk.isEmpty()) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    exitPage(ctx, 200, signedIn.get(), kiosk.get(), "");
  }

  /**
   * {@code POST /kiosk/exit}: field {@code secret}, the PIN or the password of the clinician who
   * started kiosk mode. Right: kiosk mode ends and the clinician is on the client's page. Wrong:
   * the form again, audited; from the third wrong try on only the password works, and the password
   * is throttled and recorded like a sign-in.
   */
  public void exit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Optional<Kiosk> found = kiosk(ctx, principal);
    if (found.isEmpty()) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    Kiosk kiosk = found.get();
    // A password is taken as typed: spaces are part of it.
    String secret = Optional.ofNullable(ctx.formParam("secret")).orElse("");
    if (secret.isEmpty()) {
      exitPage(ctx, 400, principal, kiosk, "Nothing was entered.");
      return;
    }
    if (secret.length() > Passwords.MAX_LENGTH) {
      // No password is that long; not worth hashing.
      failed(kiosk, "wrong password", platform.clock().instant());
      exitPage(ctx, 400, principal, kiosk, "That is not right.");
      return;
    }
    Instant now = platform.clock().instant();
    Optional<String> pinHash = platform.database().read(h -> Kiosks.pinHash(h, kiosk.userId()));
    boolean asPin = PIN.matcher(secret).matches() && pinHash.isPresent();
    String how;
    int failures;
    if (asPin) {
      Optional<Integer> tries =
          platform.database().write(handle -> Kiosks.takePinTry(handle, kiosk.id()));
      if (tries.isEmpty()) {
        failed(kiosk, "a PIN after the PIN was locked", now);
        exitPage(
            ctx,
            400,
            principal,
            false,
            kiosk.userId(),
            "After "
                + Kiosks.PIN_TRIES
                + " wrong tries the PIN no longer works here: enter your password.");
        return;
      }
      how = Passwords.matches(secret, pinHash) ? "PIN" : null;
      failures = tries.get();
      if (how == null) {
        audit(kiosk, AuditAction.KIOSK_EXIT_FAILED, "wrong PIN", failures, now);
      }
    } else {
      Outcome outcome = platform.logins().confirm(principal.user(), secret, ctx.ip());
      if (outcome instanceof Outcome.Throttled throttled) {
        failed(kiosk, "a password while sign-in waits", now);
        long seconds = Math.max(1, throttled.retryAfter().toSeconds());
        ctx.header("Retry-After", Long.toString(seconds));
        exitPage(
            ctx,
            429,
            principal,
            kiosk,
            "Too many wrong tries: wait " + seconds + " seconds, then enter your password.");
        return;
      }
      how = outcome instanceof Outcome.Confirmed ? "password" : null;
      failures = how == null ? failed(kiosk, "wrong password", now) : kiosk.failedExits();
    }
    if (how == null) {
      boolean pinLeft = pinHash.isPresent() && failures < Kiosks.PIN_TRIES;
      exitPage(
          ctx,
          400,
          principal,
          failures < Kiosks.PIN_TRIES,
          kiosk.userId(),
          pinHash.isPresent() && !pinLeft
              ? "That is not right. After "
                  + Kiosks.PIN_TRIES
                  + " wrong tries the PIN no longer works here: enter your password."
              : "That is not right. Enter your "
                  + (pinLeft ? "PIN or password" : "password")
                  + ".");
      return;
    }
    boolean ended =
        platform
            .database()
            .write(
                handle -> {
                  if (!Kiosks.end(handle, kiosk.id())) {
                    return false;
                  }
                  AuditLog.record(
                      handle,
                      Optional.of(principal.userId()),
                      AuditAction.KIOSK_EXIT,
                      Optional.of(kiosk.clientId()),
                      "kiosk "
                          + kiosk.id()
                          + " with the "
                          + how
                          + (kiosk.finished()
                              ? ", after the answers were stored"
                              : ", before any answers were stored"),
                      now);
                  return true;
                });
    String done = ended && kiosk.finished() ? "kiosk-saved" : "kiosk-unsaved";
    ctx.redirect("/clients/" + kiosk.clientId() + "?done=" + done, HttpStatus.SEE_OTHER);
  }

  /** Counts and audits a wrong try to leave; returns the wrong tries so far. */
  private int failed(Kiosk kiosk, String what, Instant now) {
    int failures = platform.database().write(handle -> Kiosks.failedExit(handle, kiosk.id()));
    audit(kiosk, AuditAction.KIOSK_EXIT_FAILED, what, failures, now);
    return failures;
  }

  private void audit(Kiosk kiosk, AuditAction action, String what, int failures, Instant now) {
    platform
        .database()
        .write(
            handle -> {
              AuditLog.record(
                  handle,
                  Optional.of(kiosk.userId()),
                  action,
                  Optional.of(kiosk.clientId()),
                  what + " (kiosk " + kiosk.id() + ", wrong try " + failures + ")",
                  now);
              return null;
            });
  }

  /**
   * The kiosk of this request's browser session, if it is in kiosk mode. A request that also sends
   * an API token acts for the token's user, not the session, so it is refused here.
   */
  private Optional<Kiosk> kiosk(Context ctx, Principal principal) {
    String cookie = ctx.cookie(Authentication.SESSION_COOKIE);
    if (cookie == null || cookie.isEmpty()) {
      return Optional.empty();
    }
    String hash = Secrets.hash(cookie);
    Optional<Kiosk> kiosk = platform.database().read(handle -> Kiosks.ofSession(handle, hash));
    if (kiosk.isPresent() && !principal.viaSession()) {
      throw WebException.forbidden("kiosk mode is used by its browser only, not with an API token");
    }
    return kiosk;
  }

  /** The words of the client whose kiosk this is, in their language. */
  private ClientText words(Kiosk kiosk) {
    return ClientText.in(
        platform
            .database()
            .read(handle -> ClientRecords.find(handle, kiosk.clientId()))
            .map(found -> found.details().language())
            .orElse(ClientLanguage.DEFAULT));
  }

  private Instrument instrument(Kiosk kiosk) {
    return instruments.scorer().catalog().find(kiosk.instrumentId()).orElseThrow();
  }

  /** The measure's questions in the client link's form: nothing else of the clinic's records. */
  private void questions(
      Context ctx,
      int status,
      Principal principal,
      Instrument instrument,
      Map<String, String> values,
      List<String> problems,
      ClientText words) {
    EntryForm form =
        new EntryForm(
            PAGE,
            instrument.id(),
            instrument.title().in(words.code()),
            instrument.instructions().map(text -> text.in(words.code())).orElse(""),
            EntryForm.questions(instrument, values, instruments.showsText(instrument), words),
            "",
            "",
            problems,
            false,
            Optional.empty(),
            words);
    ctx.status(status);
    Pages.render(
        ctx, "kiosk/questions.jte", "form", form, "csrf", principal.csrfToken().orElseThrow());
  }

  private static void thanks(Context ctx, ClientText words) {
    ctx.header("Content-Language", words.code());
    Pages.render(ctx, "kiosk/thanks.jte", "text", words);
  }

  /** A page of one message to the client: {@code key.title} and {@code key.text} in their words. */
  private static void message(Context ctx, int status, ClientText words, String key) {
    ctx.status(status);
    ctx.header("Content-Language", words.code());
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

  /** What the way out shows: whether a PIN may be given, and the problem with the last try. */
  public record ExitView(String csrf, boolean pin, String problem) {}

  private void exitPage(Context ctx, int status, Principal principal, Kiosk kiosk, String problem) {
    exitPage(ctx, status, principal, kiosk.pinAllowed(), kiosk.userId(), problem);
  }

  /**
   * @param pinAllowed whether this kiosk still takes a PIN (the user must also have set one)
   */
  private void exitPage(
      Context ctx,
      int status,
      Principal principal,
      boolean pinAllowed,
      long userId,
      String problem) {
    boolean pin =
        pinAllowed && platform.database().read(h -> Kiosks.pinHash(h, userId)).isPresent();
    ctx.status(status);
    Pages.render(
        ctx,
        "kiosk/exit.jte",
        "view",
        new ExitView(principal.csrfToken().orElseThrow(), pin, problem));
  }
}
