package org.alliance.web.platform.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;

/** The teams table: a supervisor and the clinicians they supervise. */
public final class Teams {
  private Teams() {}

  /** The id of the team with this name. */
  public static Optional<Long> findByName(Handle handle, String name) {
    return handle
        .createQuery("SELECT id FROM teams WHERE name = :name")
        .bind("name", name)
        .mapTo(Long.class)
        .findOne();
  }

  /** Every team's name by its id. */
  public static Map<Long, String> names(Handle handle) {
    return new TreeMap<>(
        handle
            .createQuery("SELECT id, name FROM teams")
            .setMapKeyColumn("id")
            .setMapValueColumn("name")
            .collectInto(new GenericType<Map<Long, String>>() {}));
  }

  /** Adds a team and returns its id. */
  public static long create(Handle handle, String name, Instant now) {
    return handle
        .createUpdate("INSERT INTO teams (name, created_at) VALUES (:name, :now)")
        .bind("name", name)
        .bind("now", Sql.time(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }
}
