package org.alliance.web.platform.audit;

import org.alliance.web.platform.db.Sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The append-only audit log of every read and write of client data. Entries are written in the same
 * transaction as the work they record, so there is never data without its entry or the reverse.
 */
public final class AuditLog {
  private AuditLog() {}

  public static void record(Handle handle, Optional<Long> user, String action, Optional<Long> client, String detail,
      Instant now) {
    handle.createUpdate("INSERT INTO audit_log (occurred_at, user_id, action, client_id, detail) "
            + "VALUES (:now, :user, :action, :client, :detail)")
        .bind("now", Sql.time(now))
        .bind("user", user.orElse(null))
        .bind("action", action)
        .bind("client", client.orElse(null))
        .bind("detail", detail)
        .execute();
  }

  /** The latest entries, newest first; only of one client when {@code client} is given. */
  public static List<AuditEntry> latest(Handle handle, Optional<Long> client, int limit) {
    return latest(handle, client, Optional.empty(), limit);
  }

  /** The latest entries, newest first; only of one client and/or by one user when given. */
  public static List<AuditEntry> latest(Handle handle, Optional<Long> client, Optional<Long> user, int limit) {
    List<String> conditions = new java.util.ArrayList<>();
    client.ifPresent(id -> conditions.add("client_id = :client"));
    user.ifPresent(id -> conditions.add("user_id = :user"));
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    var query = handle.createQuery("SELECT id, occurred_at, user_id, action, client_id, detail FROM audit_log" + where
        + " ORDER BY id DESC LIMIT :limit").bind("limit", limit);
    client.ifPresent(id -> query.bind("client", id));
    user.ifPresent(id -> query.bind("user", id));
    return query.map((rs, ctx) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "occurred_at"),
        Sql.optionalLong(rs, "user_id"), rs.getString("action"), Sql.optionalLong(rs, "client_id"),
        rs.getString("detail") == null ? "" : rs.getString("detail"))).list();
  }
}
