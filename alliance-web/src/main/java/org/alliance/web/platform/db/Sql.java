package org.alliance.web.platform.db;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.argument.Argument;

/**
 * Binding the column types both databases share, the same way on H2 and PostgreSQL: times as {@code
 * TIMESTAMP WITH TIME ZONE} in UTC, dates as {@code DATE}, nullable numbers as NULL. {@link Rows}
 * reads them back.
 */
public final class Sql {
  private Sql() {}

  /** A time for a {@code TIMESTAMP WITH TIME ZONE} column. */
  public static Argument time(Instant instant) {
    OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
    return (position, statement, context) -> statement.setObject(position, utc);
  }

  /** A date, or NULL. */
  public static Argument date(Optional<LocalDate> date) {
    return (position, statement, context) -> {
      if (date.isPresent()) {
        statement.setObject(position, date.get());
      } else {
        statement.setNull(position, Types.DATE);
      }
    };
  }

  /** A number, or NULL. */
  public static Argument number(OptionalDouble value) {
    return (position, statement, context) -> {
      if (value.isPresent()) {
        statement.setDouble(position, value.getAsDouble());
      } else {
        statement.setNull(position, Types.DOUBLE);
      }
    };
  }

  /**
   * Whether a statement failed on a unique constraint (SQLSTATE 23505 on H2 and PostgreSQL alike).
   */
  public static boolean isUniqueViolation(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
