package org.alliance.web.accounts;

import java.time.Instant;
import java.util.List;
import org.alliance.web.platform.audit.AuditEntry;
import org.alliance.web.platform.security.ApiTokens.TokenInfo;
import org.alliance.web.platform.security.User;

/**
 * The answers of the account endpoints: {@code /api/me}, {@code /api/tokens} and {@code
 * /api/audit}.
 */
public final class AccountJson {
  private AccountJson() {}

  /** {@code GET /api/me}; team is null for a user in no team. */
  public record Me(long id, String username, String displayName, String role, Long team) {
    public static Me of(User user) {
      return new Me(
          user.id(),
          user.username(),
          user.displayName(),
          user.role().id(),
          user.team().orElse(null));
    }
  }

  /** A token as {@code GET /api/tokens} lists it, without the token itself. */
  public record Token(long id, String name, Instant createdAt, Instant lastUsedAt) {
    public static Token of(TokenInfo token) {
      return new Token(
          token.id(), token.name(), token.createdAt(), token.lastUsedAt().orElse(null));
    }
  }

  public record Tokens(List<Token> tokens) {}

  /** {@code POST /api/tokens}: the new token, shown this once. */
  public record NewToken(long id, String name, String token, Instant createdAt) {}

  /**
   * {@code GET} and {@code POST /account/session}: how many seconds the browser session lasts
   * without another request, and the server's idle time in minutes.
   */
  public record Session(long secondsLeft, long idleMinutes) {}

  /** One audit entry; user and client are null where the entry has none. */
  public record Entry(
      long id, Instant occurredAt, Long user, String action, Long client, String detail) {
    public static Entry of(AuditEntry entry) {
      return new Entry(
          entry.id(),
          entry.occurredAt(),
          entry.user().orElse(null),
          entry.action(),
          entry.client().orElse(null),
          entry.detail());
    }
  }

  public record Entries(List<Entry> entries) {}
}
