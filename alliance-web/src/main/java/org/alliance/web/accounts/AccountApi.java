package org.alliance.web.accounts;

import org.alliance.web.platform.audit.AuditAction;

import org.alliance.web.platform.http.Requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Secrets;

/**
 * The signed-in user's own account: who they are ({@code GET /api/me}), their personal API tokens
 * ({@code /api/tokens}), and for admins the audit log ({@code GET /api/audit}).
 */
public final class AccountApi {
  private final Platform platform;

  public AccountApi(Platform platform) {
    this.platform = platform;
  }

  /** {@code GET /api/me}. */
  public void me(Context ctx) {
    User user = platform.authentication().require(ctx).user();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("username", user.username());
    json.put("displayName", user.displayName());
    json.put("role", user.role().id());
    json.put("team", user.team().orElse(null));
    ctx.json(json);
  }

  /** {@code GET /api/tokens}: the user's tokens, without the tokens themselves. */
  public void listTokens(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    List<Map<String, Object>> tokens = platform.database().jdbi().withHandle(handle -> ApiTokens.ofUser(handle, principal.userId()))
        .stream().map(token -> {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("id", token.id());
          json.put("name", token.name());
          json.put("createdAt", token.createdAt());
          json.put("lastUsedAt", token.lastUsedAt().orElse(null));
          return json;
        }).toList();
    ctx.json(Map.of("tokens", tokens));
  }

  /**
   * {@code POST /api/tokens} {@code {"name": "..."}}: a new token, shown this once. Only from a signed-in
   * browser session (with its CSRF token), so that a token cannot mint more tokens.
   */
  public void createToken(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    if (!principal.viaSession()) {
      throw WebException.forbidden("create API tokens while signed in to the web app, not with another token");
    }
    JsonNode body = Requests.json(ctx);
    String name = Requests.text(body, "name").map(String::trim).filter(text -> !text.isEmpty() && text.length() <= 100)
        .orElseThrow(() -> WebException.badRequest("name: give the token a name of 1-100 characters, such as \"laptop\""));
    String token = Secrets.apiToken();
    Instant now = platform.clock().instant();
    long id = platform.database().write(handle -> {
      long created = ApiTokens.create(handle, principal.userId(), name, Secrets.hash(token), now);
      AuditLog.record(handle, Optional.of(principal.userId()), AuditAction.TOKEN_CREATE, Optional.empty(), "token " + created + " " + name, now);
      return created;
    });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("token", token);
    json.put("createdAt", now);
    ctx.status(201).json(json);
  }

  /** {@code DELETE /api/tokens/{id}}: revokes one of the user's own tokens. */
  public void deleteToken(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Instant now = platform.clock().instant();
    boolean deleted = platform.database().write(handle -> {
      boolean found = ApiTokens.delete(handle, principal.userId(), id);
      if (found) {
        AuditLog.record(handle, Optional.of(principal.userId()), AuditAction.TOKEN_REVOKE, Optional.empty(), "token " + id, now);
      }
      return found;
    });
    platform.authentication().forgetTokenOwners();
    if (!deleted) {
      throw WebException.notFound("no token " + id + " of yours");
    }
    ctx.status(204);
  }

  /** {@code GET /api/audit[?client=ID][&limit=N]}: the latest audit entries, for admins. */
  public void audit(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Access.requireAdmin(principal);
    Optional<Long> client = Requests.query(ctx, "client").map(raw -> {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw WebException.badRequest("client: expected a client id, found '" + raw + "'");
      }
    });
    int limit = Requests.queryInt(ctx, "limit", 1, 10_000).orElse(100);
    Instant now = platform.clock().instant();
    List<AuditEntry> entries = platform.database().read(handle -> AuditLog.latest(handle, client, Optional.empty(), limit));
    platform.audit().read(Optional.of(principal.userId()), AuditAction.AUDIT_READ, client, entries.size() + " entries", now);
    ctx.json(Map.of("entries", entries.stream().map(entry -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", entry.id());
      json.put("occurredAt", entry.occurredAt());
      json.put("user", entry.user().orElse(null));
      json.put("action", entry.action());
      json.put("client", entry.client().orElse(null));
      json.put("detail", entry.detail());
      return json;
    }).toList()));
  }
}
