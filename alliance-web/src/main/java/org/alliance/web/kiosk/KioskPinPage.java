package org.alliance.web.kiosk;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.LoginService.Outcome;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * The clinician's kiosk PIN ({@code GET/POST /account/kiosk-pin}): 4 to 8 digits, quicker to type
 * than a password to leave kiosk mode on a tablet. Setting or removing it needs the current
 * password (checked and throttled like a sign-in); it is stored hashed with argon2id, as passwords
 * are.
 */
public final class KioskPinPage {
  private final Platform platform;

  public KioskPinPage(Platform platform) {
    this.platform = platform;
  }

  /** What the page shows: whether a PIN is set, what was just done, the problem with the form. */
  public record PinView(boolean set, String done, String problem) {}

  /** {@code GET /account/kiosk-pin}. */
  public void show(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    String done =
        switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
          case "set" ->
              "Your kiosk PIN is set. It leaves kiosk mode on any tablet you start it on.";
          case "removed" -> "Your kiosk PIN is removed: kiosk mode is left with your password.";
          default -> "";
        };
    render(ctx, 200, signedIn.get(), done, "");
  }

  /**
   * {@code POST /account/kiosk-pin}: currentPassword, and pin with repeatPin to set one, or
   * remove=yes to remove it. A refusal shows the form again naming the field.
   */
  public void change(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    if (!principal.viaSession()) {
      throw WebException.forbidden(
          "set your kiosk PIN while signed in to the web app, not with an API token");
    }
    boolean remove = "yes".equals(ctx.formParam("remove"));
    String current = Optional.ofNullable(ctx.formParam("currentPassword")).orElse("");
    String pin = Optional.ofNullable(ctx.formParam("pin")).orElse("").trim();
    String repeat = Optional.ofNullable(ctx.formParam("repeatPin")).orElse("").trim();
    Optional<Refusal> refused =
        (remove ? Optional.<String>empty() : weakness(pin).or(() -> differ(pin, repeat)))
            .map(problem -> new Refusal(400, problem))
            .or(() -> password(principal, current, ctx.ip()));
    if (refused.isPresent()) {
      render(ctx, refused.get().status(), principal, "", refused.get().problem());
      return;
    }
    Optional<String> hash = remove ? Optional.empty() : Optional.of(Passwords.hash(pin));
    Instant now = platform.clock().instant();
    platform
        .database()
        .write(
            handle -> {
              Kiosks.setPin(handle, principal.userId(), hash);
              AuditLog.record(
                  handle,
                  Optional.of(principal.userId()),
                  remove ? AuditAction.KIOSK_PIN_REMOVE : AuditAction.KIOSK_PIN_SET,
                  Optional.empty(),
                  "",
                  now);
              return null;
            });
    ctx.redirect("/account/kiosk-pin?done=" + (remove ? "removed" : "set"), HttpStatus.SEE_OTHER);
  }

  /**
   * Why a PIN is not acceptable, or empty: 4 to 8 digits, and not one that is guessed first (one
   * digit repeated, or digits counting up or down).
   */
  static Optional<String> weakness(String pin) {
    if (!KioskPages.PIN.matcher(pin).matches()) {
      return Optional.of("PIN: a PIN is 4 to 8 digits (0 to 9), nothing else");
    }
    boolean same = pin.chars().distinct().count() == 1;
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < pin.length(); i++) {
      int step = pin.charAt(i) - pin.charAt(i - 1);
      up &= step == 1;
      down &= step == -1;
    }
    if (same || up || down) {
      return Optional.of(
          "PIN: one digit repeated, or digits counting up or down, are guessed first; choose"
              + " another");
    }
    return Optional.empty();
  }

  private static Optional<String> differ(String pin, String repeat) {
    return pin.equals(repeat)
        ? Optional.empty()
        : Optional.of("PIN again: the two PINs differ; type the same one twice");
  }

  /** A form refused: the status to answer and the problem, naming its field. */
  private record Refusal(int status, String problem) {}

  /** The problem with the current password, if any (429 while sign-in must wait). */
  private Optional<Refusal> password(Principal principal, String current, String address) {
    Refusal wrong = new Refusal(400, "Current password: that is not your current password");
    if (current.isEmpty()) {
      return Optional.of(new Refusal(400, "Current password: enter your current password"));
    }
    if (current.length() > Passwords.MAX_LENGTH) {
      return Optional.of(wrong);
    }
    Outcome outcome = platform.logins().confirm(principal.user(), current, address);
    if (outcome instanceof Outcome.Throttled throttled) {
      return Optional.of(
          new Refusal(
              429,
              "Current password: too many wrong passwords; try again in "
                  + Math.max(1, throttled.retryAfter().toSeconds())
                  + " seconds"));
    }
    return outcome instanceof Outcome.Confirmed ? Optional.empty() : Optional.of(wrong);
  }

  private void render(Context ctx, int status, Principal principal, String done, String problem) {
    boolean set =
        platform.database().read(handle -> Kiosks.pinHash(handle, principal.userId())).isPresent();
    ctx.status(status);
    Pages.render(
        ctx,
        "kiosk/pin.jte",
        "viewer",
        Viewer.of(principal),
        "view",
        new PinView(set, done, problem));
  }
}
