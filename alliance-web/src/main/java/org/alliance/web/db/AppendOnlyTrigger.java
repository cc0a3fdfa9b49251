package org.alliance.web.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's side of the append-only audit log: a row trigger that refuses every UPDATE and DELETE. Its
 * class name is written into every H2 database by migration V2 and read when the database opens, so
 * this class keeps its name and package for good.
 */
public final class AppendOnlyTrigger implements Trigger {
  private String table = "";

  @Override
  public void init(
      Connection connection,
      String schema,
      String trigger,
      String tableName,
      boolean before,
      int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "the "
            + table.toLowerCase(java.util.Locale.ROOT)
            + " table is append-only: "
            + (newRow == null ? "DELETE" : "UPDATE")
            + " is not allowed",
        "45000");
  }
}
