package org.alliance.web.platform.audit;

import org.alliance.web.platform.db.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit entries of reads with group commit: a request that read client data hands its entry
 * over and waits until it is committed, and every entry that arrived meanwhile is committed in the same
 * transaction. Each read is still audited durably before its answer leaves the server, but many
 * concurrent reads share one commit instead of paying for one each. Writes of client data do not come
 * here: their entry is part of their own transaction.
 */
public final class AuditWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 1_000;

  private record Pending(Optional<Long> user, String action, Optional<Long> client, String detail, Instant at,
      CompletableFuture<Void> committed) {}

  private final Jdbi jdbi;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  public AuditWriter(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.writer = new Thread(this::run, "alliance-audit");
    writer.setDaemon(true);
    writer.start();
  }

  /** Records a read and returns once the entry is committed; throws when it could not be. */
  public void record(Optional<Long> user, String action, Optional<Long> client, String detail, Instant at) {
    if (closed) {
      throw new IllegalStateException("the audit log is closed");
    }
    CompletableFuture<Void> committed = new CompletableFuture<>();
    queue.add(new Pending(user, action, client, detail, at, committed));
    try {
      committed.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the audit entry could not be written, so the data is not shown", e.getCause());
    }
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
      jdbi.useTransaction(handle -> {
        PreparedBatch insert = handle.prepareBatch("INSERT INTO audit_log (occurred_at, user_id, action, client_id, detail) "
            + "VALUES (:at, :user, :action, :client, :detail)");
        for (Pending entry : batch) {
          insert.bind("at", Sql.time(entry.at()))
              .bind("user", entry.user().orElse(null))
              .bind("action", entry.action())
              .bind("client", entry.client().orElse(null))
              .bind("detail", entry.detail())
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
