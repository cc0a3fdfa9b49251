package org.alliance.web;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the clinic server is started with, gathered from the command line and the environment.
 *
 * @param port the HTTP port; 0 takes any free port (the one taken is printed)
 * @param dataDir where the embedded H2 database lives when no {@code dbUrl} is given
 * @param dbUrl a JDBC URL (PostgreSQL for production); empty for the embedded database
 * @param demo seed a demo clinic (once) and print its logins
 * @param secureCookies mark cookies Secure, for a server behind TLS
 */
public record ServerSettings(
    int port,
    Path dataDir,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    boolean demo,
    boolean secureCookies) {

  public ServerSettings {
    checkArgument(port >= 0 && port <= 65_535, "the port must lie in 0..65535: %s", port);
    requireNonNull(dataDir, "dataDir");
    requireNonNull(dbUrl, "dbUrl");
    requireNonNull(dbUser, "dbUser");
    requireNonNull(dbPassword, "dbPassword");
  }

  /** The embedded database in {@code dataDir}, any free port, no demo. */
  public static ServerSettings embedded(Path dataDir) {
    return new ServerSettings(
        0, dataDir, Optional.empty(), Optional.empty(), Optional.empty(), false, false);
  }

  /** The same settings on another database. */
  public ServerSettings withDatabase(String url, Optional<String> user, Optional<String> password) {
    return new ServerSettings(port, dataDir, Optional.of(url), user, password, demo, secureCookies);
  }

  public ServerSettings withDemo(boolean seed) {
    return new ServerSettings(port, dataDir, dbUrl, dbUser, dbPassword, seed, secureCookies);
  }

  public ServerSettings withSecureCookies(boolean secure) {
    return new ServerSettings(port, dataDir, dbUrl, dbUser, dbPassword, demo, secure);
  }

  /**
   * The JDBC URL to connect to: the one given, or the embedded H2 file under the data directory.
   */
  public String jdbcUrl() {
    // WRITE_DELAY=0: H2 writes each commit to the file before the commit returns, so a submission
    // that
    // was answered 201 survives the process being killed.
    return dbUrl.orElseGet(
        () -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("alliance") + ";WRITE_DELAY=0");
  }
}
