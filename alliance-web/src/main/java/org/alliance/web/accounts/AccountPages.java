package org.alliance.web.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.ApiTokens.TokenInfo;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Secrets;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Viewer;

/**
 * The signed-in user's account page ({@code /account}): who they are, changing their password
 * ({@code /account/password}), and their personal API tokens, created (shown once), listed and
 * revoked. Also the two requests the page script makes to warn before an idle session ends ({@code
 * /api/session}).
 */
public final class AccountPages {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final Platform platform;
  private final PersonalTokens tokens;
  private final PasswordChanges passwords;

  public AccountPages(Platform platform, PersonalTokens tokens, PasswordChanges passwords) {
    this.platform = platform;
    this.tokens = tokens;
    this.passwords = passwords;
  }

  /** A token as the account page lists it; times in UTC, "never" for a token not used yet. */
  public record TokenLine(long id, String name, String createdAt, String lastUsedAt) {
    static TokenLine of(TokenInfo token) {
      return new TokenLine(
          token.id(),
          token.name(),
          TIME.format(token.createdAt()),
          token.lastUsedAt().map(TIME::format).orElse("never"));
    }
  }

  /**
   * What the account page shows.
   *
   * @param created a token made by this very request, whose secret is shown this once
   * @param idle how long a session lasts without activity, in words
   */
  public record AccountView(
      User user,
      String team,
      List<TokenLine> tokens,
      Optional<PersonalTokens.Created> created,
      String message,
      String idle) {}

  /**
   * What the password page shows: why a change is due (after an admin's reset), and the problem
   * with what was sent.
   */
  public record PasswordView(boolean due, String problem, int minLength) {}

  /** {@code GET /account}. */
  public void show(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    String message = Optional.ofNullable(ctx.queryParam("done")).map(AccountPages::done).orElse("");
    render(ctx, signedIn.get(), Optional.empty(), message);
  }

  /** {@code POST /account/tokens}: a new token named by the field {@code name}, shown once. */
  public void createToken(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    PersonalTokens.Created created = tokens.create(principal, PageRequests.field(ctx, "name"));
    render(ctx, principal, Optional.of(created), "");
  }

  /** {@code POST /account/tokens/{id}/revoke}: revokes one of the user's own tokens. */
  public void revokeToken(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    tokens.revoke(principal, PageRequests.id(ctx, "id"));
    ctx.redirect("/account?done=revoked", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /account/password}: the form to choose a new password. */
  public void passwordForm(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    renderPassword(ctx, signedIn.get(), 200, "");
  }

  /**
   * {@code POST /account/password}: currentPassword, newPassword, repeatPassword. A refusal shows
   * the form again with the reason; success ends the user's other sessions.
   */
  public void changePassword(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    try {
      passwords.change(
          principal,
          password(ctx, "currentPassword"),
          password(ctx, "newPassword"),
          password(ctx, "repeatPassword"),
          ctx.ip(),
          Optional.ofNullable(ctx.cookie(Authentication.SESSION_COOKIE)).map(Secrets::hash));
    } catch (WebException e) {
      if (e.status() != 400 && e.status() != 429) {
        throw e;
      }
      renderPassword(ctx, principal, e.status(), withLabel(e.getMessage()));
      return;
    }
    ctx.redirect("/account?done=password", HttpStatus.SEE_OTHER);
  }

  /**
   * {@code GET /api/session}: how long the browser session has left; asking does not count as using
   * it.
   */
  public void session(Context ctx) {
    Principal principal =
        platform
            .authentication()
            .peek(ctx)
            .orElseThrow(
                () ->
                    WebException.unauthorized(
                        Authentication.endedIdle(ctx)
                            ? "you were signed out after "
                                + Authentication.minutes(platform.authentication().idle())
                                + " without activity"
                            : "not signed in"));
    answer(ctx, principal);
  }

  /** {@code POST /api/session}: "stay signed in": counts as using the session now. */
  public void staySignedIn(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    answer(ctx, platform.authentication().renew(principal, ctx));
  }

  private void answer(Context ctx, Principal principal) {
    if (!principal.viaSession()) {
      throw WebException.forbidden(
          "only a browser session ends when unused; an API token lasts until it is revoked");
    }
    ctx.json(
        new AccountJson.Session(
            principal.sessionLeft().orElseThrow().toSeconds(),
            platform.authentication().idle().toMinutes()));
  }

  private void render(
      Context ctx, Principal principal, Optional<PersonalTokens.Created> created, String message) {
    User user = principal.user();
    AccountView view =
        platform
            .database()
            .read(
                handle ->
                    new AccountView(
                        user,
                        user.team().map(id -> Teams.names(handle).get(id)).orElse(""),
                        tokens.of(principal).stream().map(TokenLine::of).toList(),
                        created,
                        message,
                        Authentication.minutes(platform.authentication().idle())));
    Pages.render(ctx, "accounts/account.jte", "viewer", Viewer.of(principal), "view", view);
  }

  private void renderPassword(Context ctx, Principal principal, int status, String problem) {
    ctx.status(status);
    Pages.render(
        ctx,
        "accounts/password.jte",
        "viewer",
        Viewer.of(principal),
        "view",
        new PasswordView(principal.passwordChangeDue(), problem, Passwords.MIN_LENGTH));
  }

  /** A refusal that names its field as the form's label does ("New password: ..."). */
  private static String withLabel(String message) {
    return message
        .replaceFirst("^currentPassword: ", "Current password: ")
        .replaceFirst("^newPassword: ", "New password: ")
        .replaceFirst("^repeatPassword: ", "New password again: ");
  }

  /** A password field as typed: spaces are part of a password, so nothing is trimmed. */
  private static String password(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  private static String done(String what) {
    return switch (what) {
      case "password" ->
          "Your password was changed. Any other browser signed in as you was signed out.";
      case "revoked" -> "The token was revoked: programs using it are refused from now on.";
      default -> "";
    };
  }
}
