package org.alliance.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The two databases every API test runs on: H2 in a temporary folder, and a real PostgreSQL named
 * by {@code ALLIANCE_TEST_PG_URL} (for example {@code
 * jdbc:postgresql://localhost:5432/alliance_test?user=alliance&password=alliance}); a PostgreSQL
 * test is skipped with a message saying so when the variable is not set. CI sets it and refuses
 * skips.
 */
public enum TestDatabase {
  H2,
  POSTGRESQL;

  public static final String PG_URL_VARIABLE = "ALLIANCE_TEST_PG_URL";

  /**
   * Settings for a server on this database, emptied first; skips the test when PostgreSQL is not
   * configured.
   */
  public ServerSettings settings(Path dataDir) {
    ServerSettings embedded = ServerSettings.embedded(dataDir);
    if (this == H2) {
      return embedded;
    }
    String url = postgresUrl();
    wipe(url);
    return embedded.withDatabase(url, Optional.empty(), Optional.empty());
  }

  /** The PostgreSQL URL, or a skipped test. */
  public static String postgresUrl() {
    String url = System.getenv(PG_URL_VARIABLE);
    assumeTrue(
        url != null && !url.isBlank(),
        PG_URL_VARIABLE
            + " is not set, so the PostgreSQL tests are skipped; set it to e.g. "
            + "jdbc:postgresql://localhost:5432/alliance_test?user=alliance&password=alliance");
    return url;
  }

  /** Drops everything in the test database, so each test class starts from an empty schema. */
  private static void wipe(String url) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reset the PostgreSQL test database at "
              + url.replaceAll("\\?.*", "")
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
