package org.alliance.web.instruments;

import java.time.Instant;
import java.util.List;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;

/** The custom_instruments table: instruments the clinic added, as their JSON definitions. */
public final class CustomInstruments {
  private CustomInstruments() {}

  /** One stored definition. */
  public record StoredDefinition(String instrumentId, String version, String definition) {}

  public static List<StoredDefinition> all(Handle handle) {
    return handle
        .createQuery(
            "SELECT instrument_id, version, definition FROM custom_instruments ORDER BY instrument_id")
        .mapTo(StoredDefinition.class)
        .list();
  }

  /** Removes the clinic's wording of a built-in before a new one takes its place. */
  public static void remove(Handle handle, String instrumentId) {
    handle
        .createUpdate("DELETE FROM custom_instruments WHERE instrument_id = :id")
        .bind("id", instrumentId)
        .execute();
  }

  public static void add(
      Handle handle,
      String instrumentId,
      String version,
      String definition,
      long addedBy,
      Instant now) {
    handle
        .createUpdate(
            "INSERT INTO custom_instruments (instrument_id, version, definition, added_by, added_at) "
                + "VALUES (:id, :version, :definition, :by, :now)")
        .bind("id", instrumentId)
        .bind("version", version)
        .bind("definition", definition)
        .bind("by", addedBy)
        .bind("now", Sql.time(now))
        .execute();
  }
}
