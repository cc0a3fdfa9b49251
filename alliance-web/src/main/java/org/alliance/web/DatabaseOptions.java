package org.alliance.web;

import java.nio.file.Path;
import java.util.Optional;
import org.alliance.web.platform.http.BodyLimits;
import org.alliance.web.platform.security.Authentication;
import picocli.CommandLine.Option;

/** Where the clinic's database is: options shared by the server and the admin commands. */
final class DatabaseOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${env:ALLIANCE_DATA_DIR:-data}",
      description =
          "Folder of the embedded database, used when no --db-url is given (env ALLIANCE_DATA_DIR). Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:ALLIANCE_DB_URL}",
      description =
          "A PostgreSQL database instead, e.g. jdbc:postgresql://localhost:5432/alliance (env ALLIANCE_DB_URL).")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "NAME",
      defaultValue = "${env:ALLIANCE_DB_USER}",
      description = "Database user (env ALLIANCE_DB_USER).")
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:ALLIANCE_DB_PASSWORD}",
      description =
          "Database password (env ALLIANCE_DB_PASSWORD; prefer the environment, which other users cannot list).")
  String dbPassword;

  /** The database settings on this machine's address, with the default body limits. */
  ServerSettings settings(int port, boolean demo, boolean secureCookies) {
    return new ServerSettings(
        port,
        dataDir,
        Optional.ofNullable(blank(dbUrl)),
        Optional.ofNullable(blank(dbUser)),
        Optional.ofNullable(blank(dbPassword)),
        demo,
        secureCookies,
        ServerSettings.LOCAL_HOST,
        Optional.empty(),
        BodyLimits.DEFAULTS,
        Authentication.DEFAULT_IDLE);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
