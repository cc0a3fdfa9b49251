package org.alliance.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL instance of the test's own, in a temporary directory on a free port, that the test
 * may stop and start at will: the shared cluster on port 5432 serves other tests at the same time,
 * so a fault test never stops that one. Needs root (the server runs as the {@code postgres} user,
 * as Debian installs it) and Debian's PostgreSQL binaries; a test is skipped with a message saying
 * which is missing otherwise.
 */
final class PrivatePostgres implements AutoCloseable {
  static final String USER = "alliance";
  static final String PASSWORD = "alliance";
  static final String DATABASE = "alliance";

  private final Path bin;
  private final Path home;
  private final boolean ownHome;
  private final int port;

  private PrivatePostgres(Path bin, Path home, boolean ownHome, int port) {
    this.bin = bin;
    this.home = home;
    this.ownHome = ownHome;
    this.port = port;
  }

  /**
   * Creates a cluster in a temporary directory (removed on close) with an empty database {@value
   * #DATABASE} owned by {@value #USER}.
   */
  static PrivatePostgres start() throws IOException, InterruptedException, SQLException {
    return start(Optional.empty());
  }

  /** The same in a directory of the caller's, such as a small file system to fill. */
  static PrivatePostgres startIn(Path home) throws IOException, InterruptedException, SQLException {
    return start(Optional.of(home));
  }

  private static PrivatePostgres start(Optional<Path> given)
      throws IOException, InterruptedException, SQLException {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "a private PostgreSQL is started as the postgres user, which needs root; this test runs"
            + " as "
            + System.getProperty("user.name")
            + " and is skipped (CI runs it as root)");
    Optional<Path> bin = binaries();
    assumeTrue(
        bin.isPresent(),
        "no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql);"
            + " this test is skipped");
    assumeTrue(
        run(List.of("id", "-u", "postgres"), false) == 0,
        "there is no postgres user to run a private PostgreSQL as; this test is skipped");
    Path home = given.isPresent() ? given.get() : Files.createTempDirectory("alliance-pg-");
    PrivatePostgres postgres = new PrivatePostgres(bin.get(), home, given.isEmpty(), freePort());
    try {
      // The postgres user must own the cluster and reach it through the temporary directory.
      Files.setPosixFilePermissions(
          home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      check(List.of("chown", "postgres:postgres", home.toString()));
      postgres.asPostgres(
          "initdb",
          "-D",
          postgres.data().toString(),
          "-U",
          "postgres",
          "--auth=trust",
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync");
      postgres.startServer();
      try (Connection connection =
              DriverManager.getConnection(postgres.url("postgres", "postgres", ""));
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
      }
      return postgres;
    } catch (Exception e) {
      postgres.close();
      throw e;
    }
  }

  /** The JDBC URL of the test database, with its user and password. */
  String url() {
    return url(DATABASE, USER, PASSWORD);
  }

  private String url(String database, String user, String password) {
    return "jdbc:postgresql://localhost:"
        + port
        + "/"
        + database
        + "?user="
        + user
        + (password.isEmpty() ? "" : "&password=" + password);
  }

  /**
   * Stops the server in fast mode, as an operator's restart does: open transactions are rolled back
   * and every connection is closed.
   */
  void stopFast() throws IOException, InterruptedException {
    asPostgres("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
  }

  /** Starts it again on the same port and waits until it accepts connections. */
  void startServer() throws IOException, InterruptedException {
    asPostgres(
        "pg_ctl",
        "-D",
        data().toString(),
        "-l",
        home.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-p " + port + " -k " + home + " -c listen_addresses=localhost",
        "start");
  }

  private Path data() {
    return home.resolve("data");
  }

  private void asPostgres(String program, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    check(command);
  }

  /** Stops the server at once and removes its directory, if it made it. */
  @Override
  public void close() {
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        run(
            List.of(
                "runuser",
                "-u",
                "postgres",
                "--",
                bin.resolve("pg_ctl").toString(),
                "-D",
                data().toString(),
                "-m",
                "immediate",
                "-w",
                "stop"),
            true);
      }
      if (ownHome) {
        try (Stream<Path> files = Files.walk(home)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The newest PostgreSQL under Debian's directory, if any. */
  private static Optional<Path> binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(version -> version.getFileName().toString().matches("\\d+"))
          .max(
              Comparator.comparingInt(
                  version -> Integer.parseInt(version.getFileName().toString())))
          .map(version -> version.resolve("bin"))
          .filter(path -> Files.isExecutable(path.resolve("pg_ctl")));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void check(List<String> command) throws IOException, InterruptedException {
    run(command, true);
  }

  /** Runs a command; with {@code check}, fails with its output unless it exits 0. */
  static int run(List<String> command, boolean check) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    if (check && process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed ("
              + process.exitValue()
              + "): "
              + new String(output, StandardCharsets.UTF_8));
    }
    return process.exitValue();
  }
}
