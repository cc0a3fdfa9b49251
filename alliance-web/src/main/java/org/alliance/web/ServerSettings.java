package org.alliance.web;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.alliance.web.platform.db.DataDirectory;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.http.BodyLimits;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginService;

/**
 * Everything the clinic server is started with, gathered from the command line and the environment.
 *
 * @param port the HTTP port; 0 takes any free port (the one taken is printed)
 * @param dataDir where the embedded H2 database lives when no {@code dbUrl} is given
 * @param dbUrl a JDBC URL (PostgreSQL for production); empty for the embedded database
 * @param demo seed a demo clinic (once) and print its logins
 * @param secureCookies mark cookies Secure, for a server behind TLS
 * @param host the address to listen on: this machine only by default
 * @param publicUrl the address clients reach the server at, from which every link and QR code is
 *     built; needed whenever the server listens beyond this machine
 * @param limits the largest request bodies taken
 * @param sessionIdle how long a browser session lasts without a request before it ends
 */
public record ServerSettings(
    int port,
    Path dataDir,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    boolean demo,
    boolean secureCookies,
    String host,
    Optional<URI> publicUrl,
    BodyLimits limits,
    Duration sessionIdle) {

  /** Listening on this machine only: the safe default, and all a newcomer trying it out needs. */
  public static final String LOCAL_HOST = "127.0.0.1";

  /** The longest idle time: a session ends 12 hours after sign-in anyway. */
  public static final Duration LONGEST_SESSION_IDLE = LoginService.SESSION_LIFETIME;

  public ServerSettings {
    checkArgument(port >= 0 && port <= 65_535, "the port must lie in 0..65535: %s", port);
    requireNonNull(dataDir, "dataDir");
    requireNonNull(dbUrl, "dbUrl");
    requireNonNull(dbUser, "dbUser");
    requireNonNull(dbPassword, "dbPassword");
    requireNonNull(host, "host");
    requireNonNull(publicUrl, "publicUrl");
    requireNonNull(limits, "limits");
    requireNonNull(sessionIdle, "sessionIdle");
    checkArgument(
        sessionIdle.compareTo(Duration.ofMinutes(1)) >= 0
            && sessionIdle.compareTo(LONGEST_SESSION_IDLE) <= 0,
        "--session-idle-minutes must lie in 1..%s (a session ends %s hours after sign-in anyway): %s",
        LONGEST_SESSION_IDLE.toMinutes(),
        LONGEST_SESSION_IDLE.toHours(),
        sessionIdle.toMinutes());
    publicUrl.ifPresent(ServerSettings::checkPublicUrl);
    checkArgument(
        publicUrl.isPresent() || isLoopback(host),
        "--public-url is needed when the server listens beyond this machine (--host %s): the links "
            + "sent to clients are built from it, e.g. --public-url https://alliance.clinic.example",
        host);
  }

  /** The embedded database in {@code dataDir}, any free port on this machine, no demo. */
  public static ServerSettings embedded(Path dataDir) {
    return new ServerSettings(
        0,
        dataDir,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        LOCAL_HOST,
        Optional.empty(),
        BodyLimits.DEFAULTS,
        Authentication.DEFAULT_IDLE);
  }

  /** The same settings on another database. */
  public ServerSettings withDatabase(String url, Optional<String> user, Optional<String> password) {
    return new ServerSettings(
        port,
        dataDir,
        Optional.of(url),
        user,
        password,
        demo,
        secureCookies,
        host,
        publicUrl,
        limits,
        sessionIdle);
  }

  public ServerSettings withDemo(boolean seed) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        seed,
        secureCookies,
        host,
        publicUrl,
        limits,
        sessionIdle);
  }

  public ServerSettings withSecureCookies(boolean secure) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        demo,
        secure,
        host,
        publicUrl,
        limits,
        sessionIdle);
  }

  /** Listening on {@code address}, reached by clients at {@code url}. */
  public ServerSettings withAddress(String address, Optional<URI> url) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        demo,
        secureCookies,
        address,
        url,
        limits,
        sessionIdle);
  }

  public ServerSettings withLimits(BodyLimits bodyLimits) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        demo,
        secureCookies,
        host,
        publicUrl,
        bodyLimits,
        sessionIdle);
  }

  /** The same settings with browser sessions ending after {@code idle} without a request. */
  public ServerSettings withSessionIdle(Duration idle) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        demo,
        secureCookies,
        host,
        publicUrl,
        limits,
        idle);
  }

  /**
   * The JDBC URL to connect to: the one given, or the embedded H2 file under the data directory.
   */
  public String jdbcUrl() {
    // WRITE_DELAY=0: H2 writes each commit to the file before the commit returns, so a submission
    // that was answered 201 survives the process being killed.
    return dbUrl.orElseGet(
        () -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("alliance") + ";WRITE_DELAY=0");
  }

  /**
   * Opens (and migrates) the database; the embedded one in a data folder readable by this user
   * only.
   */
  public Database openDatabase() {
    if (dbUrl.isEmpty()) {
      DataDirectory.secure(dataDir);
    }
    return Database.open(jdbcUrl(), dbUser, dbPassword);
  }

  /** The public URL, or this machine's address at the port taken. */
  URI publicUrlAt(int portTaken) {
    return publicUrl.orElseGet(() -> URI.create("http://localhost:" + portTaken));
  }

  private static void checkPublicUrl(URI url) {
    checkArgument(
        ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
            && url.getHost() != null
            && url.getRawQuery() == null
            && url.getRawFragment() == null
            && url.getRawUserInfo() == null,
        "--public-url must be an http or https address without query, e.g. "
            + "https://alliance.clinic.example, not '%s'",
        url);
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are looked at, never a name to resolve.
      return host.matches("[0-9.]+|[0-9a-fA-F:]+")
          && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
