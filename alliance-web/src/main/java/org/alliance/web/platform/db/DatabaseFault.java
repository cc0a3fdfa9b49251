package org.alliance.web.platform.db;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A failure that lies with the database rather than with the request: the request was fine, and the
 * same request will succeed once the database is back or has room again. Found by looking through a
 * failure's causes, whichever library raised it (Jdbi, HikariCP, the PostgreSQL or H2 driver).
 */
public enum DatabaseFault {
  /**
   * No connection could be had, or the one in use was lost: the database is stopped, restarting or
   * out of reach.
   */
  UNREACHABLE,
  /** The database cannot write: its disk (or its file system) is full. */
  NO_SPACE;

  // PostgreSQL: the server is shutting down, crashed, or starting up (class 57P), or its disk is
  // full (53100). H2: the database was closed under the connection (after a failed write, for
  // example), and its "IO exception" codes.
  private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03");
  private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121);
  private static final Set<Integer> H2_IO = Set.of(90028, 90031);
  private static final String NO_SPACE_STATE = "53100";
  private static final String NO_SPACE_MESSAGE = "no space left on device";

  /**
   * The database fault behind a failure, if it is one. Looks through the causes, and also the
   * suppressed exceptions and the chained SQL exceptions, where a batch statement keeps the failure
   * of its rows.
   */
  public static Optional<DatabaseFault> of(Throwable failure) {
    boolean unreachable = false;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
    while (!pending.isEmpty() && seen.size() < 100) {
      Throwable cause = pending.pop();
      if (!seen.add(cause)) {
        continue;
      }
      // Disk full wins: a database closed because a write found no room is first of all full.
      if (noSpace(cause)) {
        return Optional.of(NO_SPACE);
      }
      unreachable |= unreachable(cause);
      if (cause.getCause() != null) {
        pending.push(cause.getCause());
      }
      pending.addAll(List.of(cause.getSuppressed()));
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        pending.add(sql.getNextException());
      }
    }
    return unreachable ? Optional.of(UNREACHABLE) : Optional.empty();
  }

  private static boolean noSpace(Throwable cause) {
    if (cause instanceof SQLException sql && NO_SPACE_STATE.equals(sql.getSQLState())) {
      return true;
    }
    String message = cause.getMessage();
    return message != null
        && message.toLowerCase(java.util.Locale.ROOT).contains(NO_SPACE_MESSAGE)
        && (cause instanceof IOException || cause instanceof SQLException || isH2(cause));
  }

  private static boolean unreachable(Throwable cause) {
    if (cause instanceof SQLTransientConnectionException) {
      return true; // the pool found no connection within its timeout
    }
    if (cause instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state))) {
        return true;
      }
      return isH2(cause)
          && (H2_CLOSED.contains(sql.getErrorCode()) || H2_IO.contains(sql.getErrorCode()));
    }
    return false;
  }

  private static boolean isH2(Throwable cause) {
    return cause.getClass().getName().startsWith("org.h2.");
  }
}
