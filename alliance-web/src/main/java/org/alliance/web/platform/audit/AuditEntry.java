package org.alliance.web.platform.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * One line of the audit log: who did what to whose data, and when.
 *
 * @param user the user who acted; empty for a client filling in a link without an account
 * @param action what was done, such as {@code client.read} or {@code administration.create}
 * @param client the client whose data it concerned, if any
 * @param detail the particulars, never answers or scores
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    @ColumnName("user_id") Optional<Long> user,
    String action,
    @ColumnName("client_id") Optional<Long> client,
    String detail) {
  public AuditEntry {
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(user, "user");
    requireNonNull(action, "action");
    requireNonNull(client, "client");
    requireNonNull(detail, "detail");
  }
}
