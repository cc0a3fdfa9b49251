package org.alliance.web.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log of every read and write of client data, and its one writer. A write of
 * data records its entry in its own transaction ({@link #record(Handle, Optional, AuditAction,
 * Optional, String, Instant)}), so there is never data without its entry or the reverse. A read
 * hands its entry to {@link #read} and waits until it is committed: every entry that arrived
 * meanwhile is committed in the same transaction (group commit), so each read is audited durably
 * before its answer leaves the server, yet many concurrent reads share one commit.
 */
public final class AuditLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final String INSERT =
      "INSERT INTO audit_log (occurred_at, user_id, action, client_id, detail) "
          + "VALUES (:at, :user, :action, :client, :detail)";
  private static final int MAX_BATCH = 1_000;

  private record Pending(
      Optional<Long> user,
      AuditAction action,
      Optional<Long> client,
      String detail,
      Instant at,
      CompletableFuture<Void> committed) {}

  private final Jdbi jdbi;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  public AuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.writer = new Thread(this::run, "alliance-audit");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Records a change in the transaction that makes it.
   *
   * @param user who acted; empty for a client filling in a link without an account
   * @param detail the particulars, never answers or scores
   */
  public static void record(
      Handle handle,
      Optional<Long> user,
      AuditAction action,
      Optional<Long> client,
      String detail,
      Instant at) {
    bind(handle.createUpdate(INSERT), user, action, client, detail, at).execute();
  }

  /**
   * Records a read and returns once the entry is committed; throws when it could not be, so nothing
   * is shown.
   */
  public void read(
      Optional<Long> user, AuditAction action, Optional<Long> client, String detail, Instant at) {
    if (closed) {
      throw new IllegalStateException("the audit log is closed");
    }
    CompletableFuture<Void> committed = new CompletableFuture<>();
    queue.add(new Pending(user, action, client, detail, at, committed));
    try {
      committed.join();
    } catch (CompletionException e) {
      throw new IllegalStateException(
          "the audit entry could not be written, so the data is not shown", e.getCause());
    }
  }

  /** The latest entries, newest first; only of one client and/or by one user when given. */
  public static List<AuditEntry> latest(
      Handle handle, Optional<Long> client, Optional<Long> user, int limit) {
    List<String> conditions = new ArrayList<>();
    client.ifPresent(id -> conditions.add("client_id = :client"));
    user.ifPresent(id -> conditions.add("user_id = :user"));
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    var query =
        handle
            .createQuery(
                "SELECT id, occurred_at, user_id, action, client_id, COALESCE(detail, '') AS detail FROM audit_log"
                    + where
                    + " ORDER BY id DESC LIMIT :limit")
            .bind("limit", limit);
    client.ifPresent(id -> query.bind("client", id));
    user.ifPresent(id -> query.bind("user", id));
    return query.mapTo(AuditEntry.class).list();
  }

  private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(
      S statement,
      Optional<Long> user,
      AuditAction action,
      Optional<Long> client,
      String detail,
      Instant at) {
    return statement
        .bind("at", Sql.time(at))
        .bind("user", user.orElse(null))
        .bind("action", action.code())
        .bind("client", client.orElse(null))
        .bind("detail", detail);
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      jdbi.useTransaction(
          handle -> {
            PreparedBatch insert = handle.prepareBatch(INSERT);
            for (Pending entry : batch) {
              bind(insert, entry.user(), entry.action(), entry.client(), entry.detail(), entry.at())
                  .add();
            }
            insert.execute();
          });
      batch.forEach(entry -> entry.committed().complete(null));
    } catch (RuntimeException e) {
      LOG.error("writing {} audit entries failed; their requests are refused", batch.size(), e);
      batch.forEach(entry -> entry.committed().completeExceptionally(e));
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
