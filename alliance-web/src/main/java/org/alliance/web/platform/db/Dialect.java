package org.alliance.web.platform.db;

import java.util.Locale;

/** The databases the clinic server runs on; the few places where their SQL differs ask this. */
public enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The database a JDBC URL points at. */
  public static Dialect of(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database URL '"
            + jdbcUrl
            + "': give a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DATABASE) or none for the embedded database");
  }

  /** The folder of this database's own migrations, beside the common ones. */
  String migrationFolder() {
    return migrations;
  }
}
