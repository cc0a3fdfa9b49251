package org.alliance.web.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;

/**
 * The signed-in user's own account: who they are ({@code GET /api/me}), their personal API tokens
 * ({@code /api/tokens}), and for admins the audit log ({@code GET /api/audit}).
 */
public final class AccountApi {
  private final Platform platform;
  private final PersonalTokens tokens;

  public AccountApi(Platform platform, PersonalTokens tokens) {
    this.platform = platform;
    this.tokens = tokens;
  }

  /** {@code GET /api/me}. */
  public void me(Context ctx) {
    User user = platform.authentication().require(ctx).user();
    ctx.json(AccountJson.Me.of(user));
  }

  /** {@code GET /api/tokens}: the user's tokens, without the tokens themselves. */
  public void listTokens(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    List<AccountJson.Token> listed =
        tokens.of(principal).stream().map(AccountJson.Token::of).toList();
    ctx.json(new AccountJson.Tokens(listed));
  }

  /**
   * {@code POST /api/tokens} {@code {"name": "..."}}: a new token, shown this once. Only from a
   * signed-in browser session (with its CSRF token), so that a token cannot mint more tokens.
   */
  public void createToken(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    if (!principal.viaSession()) {
      // Refused before the body is read, whatever it holds.
      tokens.create(principal, Optional.empty());
    }
    JsonNode body = Requests.json(ctx);
    PersonalTokens.Created created = tokens.create(principal, Requests.text(body, "name"));
    ctx.status(201)
        .json(
            new AccountJson.NewToken(
                created.id(), created.name(), created.token(), created.createdAt()));
  }

  /** {@code DELETE /api/tokens/{id}}: revokes one of the user's own tokens. */
  public void deleteToken(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    tokens.revoke(principal, Requests.id(ctx, "id"));
    ctx.status(204);
  }

  /** {@code GET /api/audit[?client=ID][&limit=N]}: the latest audit entries, for admins. */
  public void audit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Access.requireAdmin(principal);
    Optional<Long> client =
        Requests.query(ctx, "client")
            .map(
                raw -> {
                  try {
                    return Long.parseLong(raw);
                  } catch (NumberFormatException e) {
                    throw WebException.badRequest(
                        "client: expected a client id, found '" + raw + "'");
                  }
                });
    int limit = Requests.queryInt(ctx, "limit", 1, 10_000).orElse(100);
    Instant now = platform.clock().instant();
    List<AuditEntry> entries =
        platform
            .database()
            .read(handle -> AuditLog.latest(handle, client, Optional.empty(), limit));
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.AUDIT_READ,
            client,
            entries.size() + " entries",
            now);
    ctx.json(new AccountJson.Entries(entries.stream().map(AccountJson.Entry::of).toList()));
  }
}
