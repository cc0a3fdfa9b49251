package org.alliance.web.instruments;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.alliance.web.platform.db.Sql;
import org.jdbi.v3.core.Handle;

/** The instruments_off table: the instruments the clinic has switched off. */
public final class InstrumentsOff {
  private InstrumentsOff() {}

  public static Set<String> all(Handle handle) {
    return new TreeSet<>(
        handle.createQuery("SELECT instrument_id FROM instruments_off").mapTo(String.class).list());
  }

  /** Switches an instrument off; false when it already was. */
  public static boolean switchOff(Handle handle, String instrumentId, long userId, Instant now) {
    if (handle
            .createQuery("SELECT COUNT(*) FROM instruments_off WHERE instrument_id = :id")
            .bind("id", instrumentId)
            .mapTo(Integer.class)
            .one()
        > 0) {
      return false;
    }
    handle
        .createUpdate(
            "INSERT INTO instruments_off (instrument_id, switched_by, switched_at) VALUES (:id, :by, :now)")
        .bind("id", instrumentId)
        .bind("by", userId)
        .bind("now", Sql.time(now))
        .execute();
    return true;
  }

  /** Switches an instrument back on; false when it was on. */
  public static boolean switchOn(Handle handle, String instrumentId) {
    return handle
            .createUpdate("DELETE FROM instruments_off WHERE instrument_id = :id")
            .bind("id", instrumentId)
            .execute()
        == 1;
  }
}
