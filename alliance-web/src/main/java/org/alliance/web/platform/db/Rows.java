package org.alliance.web.platform.db;

import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * How rows of the clinic's tables become Java values, registered once on the Jdbi of the {@link
 * Database}: a row becomes a record through its canonical constructor, and a time is read as the
 * instant it holds, the same on H2 and PostgreSQL whatever the JVM's time zone. Jdbi's own column
 * mappers read the rest: a {@code DATE} as a {@code LocalDate} with {@code getObject}, a NULL as an
 * empty {@code Optional}, {@code OptionalInt} or {@code OptionalDouble}. A JSON text column is read
 * by the mapper its repository registers on the query.
 */
final class Rows {
  private Rows() {}

  /**
   * Maps a row to any record with Jdbi's {@link ConstructorMapper}: each component takes the column
   * of its name in snake_case ({@code clientId} from {@code client_id}, matched ignoring case) or
   * the one its {@link ColumnName} names, and a {@link Nested} component is a record read from the
   * same row. An {@code Optional} component is empty where the column is NULL. Columns no component
   * asks for are left unread.
   */
  static RowMapperFactory records() {
    ConcurrentMap<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();
    return (Type type, ConfigRegistry config) -> {
      Class<?> raw = GenericTypes.getErasedType(type);
      return raw.isRecord()
          ? Optional.of(mappers.computeIfAbsent(raw, ConstructorMapper::of))
          : Optional.empty();
    };
  }

  /**
   * Reads a {@code TIMESTAMP WITH TIME ZONE} column as an {@link OffsetDateTime}, as {@link
   * Sql#time} writes it, so that no time zone of the JVM or the session comes in between (NULL
   * stays null).
   */
  static ColumnMapper<Instant> instants() {
    return (rs, column, ctx) -> {
      OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    };
  }
}
