package org.alliance.web.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.security.ApiTokens.TokenInfo;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Secrets;

/**
 * A user's personal API tokens, the one place the API ({@code /api/tokens}) and the account page
 * create, list and revoke them. A token is made only from a signed-in browser session, so that a
 * token cannot mint more; it is shown once, and only its hash is kept. Each change is audited.
 */
public final class PersonalTokens {
  /** The longest name a token may have. */
  public static final int MAX_NAME = 100;

  private final Platform platform;

  public PersonalTokens(Platform platform) {
    this.platform = platform;
  }

  /** A new token, whose secret is shown this once. */
  public record Created(long id, String name, String token, Instant createdAt) {}

  /** The user's tokens, oldest first, without the tokens themselves. */
  public List<TokenInfo> of(Principal principal) {
    return platform.database().read(handle -> ApiTokens.ofUser(handle, principal.userId()));
  }

  /** Creates a token named {@code name}; 403 with a token, 400 for a missing or long name. */
  public Created create(Principal principal, Optional<String> name) {
    if (!principal.viaSession()) {
      throw WebException.forbidden(
          "create API tokens while signed in to the web app, not with another token");
    }
    String named =
        name.map(String::trim)
            .filter(text -> !text.isEmpty() && text.length() <= MAX_NAME)
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "name: give the token a name of 1-"
                            + MAX_NAME
                            + " characters, such as \"laptop\""));
    String token = Secrets.apiToken();
    Instant now = platform.clock().instant();
    long id =
        platform
            .database()
            .write(
                handle -> {
                  long created =
                      ApiTokens.create(handle, principal.userId(), named, Secrets.hash(token), now);
                  AuditLog.record(
                      handle,
                      Optional.of(principal.userId()),
                      AuditAction.TOKEN_CREATE,
                      Optional.empty(),
                      "token " + created + " " + named,
                      now);
                  return created;
                });
    return new Created(id, named, token, now);
  }

  /**
   * Revokes one of the user's own tokens at once, on this server and (within {@link
   * org.alliance.web.platform.security.Authentication#tokenMemory()}) on others; 404 for a token
   * that is not theirs.
   */
  public void revoke(Principal principal, long id) {
    Instant now = platform.clock().instant();
    boolean deleted =
        platform
            .database()
            .write(
                handle -> {
                  boolean found = ApiTokens.delete(handle, principal.userId(), id);
                  if (found) {
                    AuditLog.record(
                        handle,
                        Optional.of(principal.userId()),
                        AuditAction.TOKEN_REVOKE,
                        Optional.empty(),
                        "token " + id,
                        now);
                  }
                  return found;
                });
    platform.authentication().forgetTokenOwners();
    if (!deleted) {
      throw WebException.notFound("no token " + id + " of yours");
    }
  }
}
