package org.alliance.web.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;

/** The api_tokens table: personal API tokens, kept as SHA-256 hashes. */
public final class ApiTokens {
  private ApiTokens() {}

  /** A token as its owner sees it in a list: never the token itself, which is shown once. */
  public record TokenInfo(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt) {}

  /** The user of a token, and when it was last used. */
  public record TokenOwner(long tokenId, @Nested User user, Optional<Instant> lastUsedAt) {}

  public static long create(
      Handle handle, long userId, String name, String tokenHash, Instant now) {
    return handle
        .createUpdate(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (:user, :name, :hash, :now)")
        .bind("user", userId)
        .bind("name", name)
        .bind("hash", tokenHash)
        .bind("now", Sql.time(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** The owner of the token with this hash. */
  public static Optional<TokenOwner> owner(Handle handle, String tokenHash) {
    return handle
        .createQuery(
            "SELECT t.id AS token_id, t.last_used_at, "
                + Users.COLUMNS
                + " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :hash")
        .bind("hash", tokenHash)
        .mapTo(TokenOwner.class)
        .findOne();
  }

  public static void touch(Handle handle, long tokenId, Instant now) {
    handle
        .createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
        .bind("now", Sql.time(now))
        .bind("id", tokenId)
        .execute();
  }

  public static List<TokenInfo> ofUser(Handle handle, long userId) {
    return handle
        .createQuery(
            "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = :user ORDER BY id")
        .bind("user", userId)
        .mapTo(TokenInfo.class)
        .list();
  }

  /** Revokes one of a user's tokens; false when the user has no such token. */
  public static boolean delete(Handle handle, long userId, long tokenId) {
    return handle
            .createUpdate("DELETE FROM api_tokens WHERE id = :id AND user_id = :user")
            .bind("id", tokenId)
            .bind("user", userId)
            .execute()
        == 1;
  }
}
