package org.alliance.web;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.alliance.web.demo.DemoClinic;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.http.BodyLimits;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Secrets;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alliance-web}: starts the clinic server, or with a subcommand adds a user or an API token
 * from the server's own machine (the way to create the first admin). Every option can also come
 * from an environment variable.
 */
@Command(
    name = "alliance-web",
    mixinStandardHelpOptions = true,
    description = {
      "The clinic server: clinicians, their clients' questionnaires, trends and alerts, over HTTP.",
      "Starts on an embedded database in --data-dir unless --db-url names a PostgreSQL database. Stop it with Ctrl-C."
    },
    subcommands = {
      WebCommand.AddUser.class,
      WebCommand.AddToken.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally, or done",
      "1:could not start or do the work",
      "2:usage error"
    })
public final class WebCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "${env:ALLIANCE_PORT:-8080}",
      description =
          "HTTP port; 0 takes any free port and prints it (env ALLIANCE_PORT). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--demo",
      defaultValue = "${env:ALLIANCE_DEMO:-false}",
      description =
          "Seed a demo clinic (once) with made-up clients and print its logins (env ALLIANCE_DEMO).")
  boolean demo;

  @Option(
      names = "--secure-cookies",
      defaultValue = "${env:ALLIANCE_SECURE_COOKIES:-false}",
      description =
          "Mark cookies Secure and send HSTS: use when the server is reached over HTTPS (env ALLIANCE_SECURE_COOKIES).")
  boolean secureCookies;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "${env:ALLIANCE_HOST:-127.0.0.1}",
      description =
          "Address to listen on (env ALLIANCE_HOST). Default: ${DEFAULT-VALUE}, this machine only; "
              + "0.0.0.0 for every network, which needs --public-url.")
  String host;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      defaultValue = "${env:ALLIANCE_PUBLIC_URL}",
      description =
          "Where clients reach the server, e.g. https://alliance.clinic.example (env "
              + "ALLIANCE_PUBLIC_URL): every link and QR code sent to a client is built from it. "
              + "Default: http://localhost:PORT, for this machine only.")
  String publicUrl;

  @Option(
      names = "--max-body-mb",
      paramLabel = "MB",
      defaultValue = "${env:ALLIANCE_MAX_BODY_MB:-1}",
      description =
          "Largest JSON body or form taken, in MB (env ALLIANCE_MAX_BODY_MB). Default: ${DEFAULT-VALUE}.")
  double maxBodyMb;

  @Option(
      names = "--max-import-mb",
      paramLabel = "MB",
      defaultValue = "${env:ALLIANCE_MAX_IMPORT_MB:-50}",
      description =
          "Largest import file taken, in MB (env ALLIANCE_MAX_IMPORT_MB); it is read as a stream. "
              + "Default: ${DEFAULT-VALUE}.")
  double maxImportMb;

  @Option(
      names = "--session-idle-minutes",
      paramLabel = "MINUTES",
      defaultValue = "${env:ALLIANCE_SESSION_IDLE_MINUTES:-30}",
      description =
          "Sign a browser out after this many minutes without a request, 1 to 720 (env "
              + "ALLIANCE_SESSION_IDLE_MINUTES); pages warn 2 minutes before. Default: ${DEFAULT-VALUE}.")
  long sessionIdleMinutes;

  @Option(
      names = "--create-admin",
      paramLabel = "NAME",
      defaultValue = "${env:ALLIANCE_CREATE_ADMIN}",
      description =
          "Before starting, add an admin with this username unless the clinic has a user of that name "
              + "(env ALLIANCE_CREATE_ADMIN). The password comes from the environment variable "
              + "ALLIANCE_ADMIN_PASSWORD, or is asked for on the console (without one: read as one line "
              + "from standard input); never give it on the command line.")
  String createAdmin;

  public static void main(String[] args) {
    int exit = run(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * Runs the command; for the server, returns once it is serving (its threads keep the JVM alive).
   */
  static int run(String... args) {
    CommandLine commandLine = new CommandLine(new WebCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          PrintWriter err = line.getErr();
          err.println("alliance-web: " + message(e));
          if (System.getenv("ALLIANCE_DEBUG") != null) {
            e.printStackTrace(err);
          }
          err.flush();
          return 1;
        });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() {
    ServerSettings settings;
    try {
      settings =
          database
              .settings(port, demo, secureCookies)
              .withAddress(
                  host,
                  Optional.ofNullable(publicUrl).filter(url -> !url.isBlank()).map(URI::create))
              .withLimits(BodyLimits.megabytes(maxBodyMb, maxImportMb))
              .withSessionIdle(Duration.ofMinutes(sessionIdleMinutes));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    checkPortFree(settings);
    PrintWriter out = spec.commandLine().getOut();
    if (createAdmin != null && !createAdmin.isBlank()) {
      int created =
          createAdmin(
              settings,
              createAdmin.trim(),
              WebCommand::adminPassword,
              out,
              spec.commandLine().getErr());
      if (created != 0) {
        return created;
      }
    }
    ClinicServer server = ClinicServer.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "alliance-shutdown"));
    if (demo) {
      DemoClinic.printLogins(out);
    }
    out.println(
        "Alliance clinic server listening on http://"
            + (settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host())
            + ":"
            + server.port()
            + ", reached by clients at "
            + server.publicUrl()
            + " (database: "
            + (settings.dbUrl().isPresent() ? "PostgreSQL" : settings.dataDir().toAbsolutePath())
            + ")");
    if (!server.hasUsers()) {
      out.println(firstAdminHint(settings));
    }
    out.flush();
    return 0;
  }

  /**
   * What a server without users prints: no one can sign in, and how to add the first admin with
   * this server's own database options.
   */
  static String firstAdminHint(ServerSettings settings) {
    String database =
        settings
            .dbUrl()
            .map(url -> " --db-url '" + url.replaceAll("[?;].*", "") + "'")
            .orElseGet(
                () ->
                    settings.dataDir().equals(java.nio.file.Path.of("data"))
                        ? ""
                        : " --data-dir '" + settings.dataDir() + "'");
    return String.join(
        System.lineSeparator(),
        "",
        "No one can sign in yet: this clinic has no users. Add the first admin in one of two ways:",
        "  - stop the server (Ctrl-C) and start it again with the same options and --create-admin admin;",
        "    it asks for the password, or reads it from the environment variable ALLIANCE_ADMIN_PASSWORD;",
        "  - or, with the server stopped"
            + (settings.dbUrl().isPresent() ? " or running (PostgreSQL allows both)" : "")
            + ", run:",
        "      ./alliance-web.sh add-user --username admin --role admin" + database,
        "    which asks for the password (java -jar alliance-web.jar add-user ... does the same).",
        "Then sign in as the admin and add everyone else under Users. (--demo instead starts a demo clinic"
            + " of made-up clients.)",
        "");
  }

  /**
   * {@code --create-admin NAME}: adds the admin unless there is a user of that name; returns the
   * exit code (0 to go on and start the server).
   */
  static int createAdmin(
      ServerSettings settings,
      String username,
      Supplier<Optional<String>> password,
      PrintWriter out,
      PrintWriter err) {
    try (Database db = settings.openDatabase()) {
      Optional<User> existing = db.read(handle -> Users.findByUsername(handle, username));
      if (existing.isPresent()) {
        out.println(
            "--create-admin: there is already a user "
                + username
                + " ("
                + existing.get().role().id()
                + "); left as it is");
        return 0;
      }
      Optional<String> given = password.get();
      if (given.isEmpty()) {
        err.println(
            "alliance-web: --create-admin needs the new admin's password: run it on a console, which"
                + " asks for it, or set the environment variable ALLIANCE_ADMIN_PASSWORD");
        return 1;
      }
      Optional<String> weak = Passwords.weakness(given.get(), List.of(username));
      if (weak.isPresent()) {
        err.println("alliance-web: --create-admin: " + weak.get());
        return 1;
      }
      User user =
          addUser(
              db,
              username,
              username,
              Role.ADMIN,
              Optional.empty(),
              given.get(),
              "(--create-admin)");
      out.println("added admin " + user.username() + " (id " + user.id() + ")");
      return 0;
    }
  }

  /**
   * The new admin's password: from the environment, asked twice on the console, or one line of
   * standard input when there is no console (as {@code add-user} reads it).
   */
  private static Optional<String> adminPassword() {
    String fromEnvironment = System.getenv("ALLIANCE_ADMIN_PASSWORD");
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return Optional.of(fromEnvironment);
    }
    Console console = System.console();
    if (console == null) {
      try {
        String line = readPassword();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    char[] typed = console.readPassword("Password for the new admin: ");
    char[] again = console.readPassword("The same password again: ");
    if (typed == null || again == null || !new String(typed).equals(new String(again))) {
      throw new IllegalArgumentException("the two passwords differ; nothing was added");
    }
    return Optional.of(new String(typed));
  }

  /** Adds a user from the command line, audited as done there. */
  static User addUser(
      Database db,
      String username,
      String displayName,
      Role role,
      Optional<String> team,
      String password,
      String how) {
    var now = Clock.systemUTC().instant();
    String hash = Passwords.hash(password);
    return db.write(
        handle -> {
          if (Users.findByUsername(handle, username).isPresent()) {
            throw new IllegalArgumentException("there is already a user " + username);
          }
          Optional<Long> teamId =
              team.map(
                  name ->
                      Teams.findByName(handle, name)
                          .orElseGet(() -> Teams.create(handle, name, now)));
          User created = Users.create(handle, username, displayName, role, teamId, hash, now);
          AuditLog.record(
              handle,
              Optional.empty(),
              AuditAction.USER_CREATE,
              Optional.empty(),
              created.username() + " as " + role.id() + " " + how,
              now);
          return created;
        });
  }

  /** A message for the one line a failed start prints: what went wrong, never a stack trace. */
  /**
   * Fails before the database is opened or created when the port is taken, naming the port: the
   * server would otherwise make a database in a new data directory and then fail with Jetty's
   * "Address already in use", which names neither.
   */
  static void checkPortFree(ServerSettings settings) {
    if (settings.port() == 0) {
      return;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(settings.host(), settings.port()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + settings.port()
              + " on "
              + settings.host()
              + " is in use (is the server already running?); stop the other program or choose "
              + "another with --port");
    }
  }

  private static String message(Exception e) {
    Throwable cause = e;
    String message = e.getMessage();
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message == null
        ? e.getClass().getSimpleName()
        : message + " (set ALLIANCE_DEBUG=1 to see where)";
  }

  /** {@code alliance-web add-user}: adds a user; the password is read from standard input. */
  @Command(
      name = "add-user",
      mixinStandardHelpOptions = true,
      description =
          "Add a user (e.g. the first admin). The password is asked for, or read as one line from standard input.")
  static final class AddUser implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(
        names = "--username",
        required = true,
        paramLabel = "NAME",
        description = "Username to sign in with.")
    String username;

    @Option(
        names = "--display-name",
        paramLabel = "TEXT",
        description = "Name shown in the app. Default: the username.")
    String displayName;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, supervisor or clinician.")
    String role;

    @Option(
        names = "--team",
        paramLabel = "NAME",
        description = "Team (created when new); a supervisor needs one.")
    String team;

    @Override
    public Integer call() throws IOException {
      Role parsed =
          Role.parse(role)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "--role must be admin, supervisor or clinician, not '" + role + "'"));
      if (parsed == Role.SUPERVISOR && team == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "a supervisor needs --team");
      }
      String password = readPassword();
      Optional<String> weak = Passwords.weakness(password, List.of(username));
      if (weak.isPresent()) {
        spec.commandLine().getErr().println("alliance-web: " + weak.get());
        return 1;
      }
      ServerSettings settings = database.settings(0, false, false);
      try (Database db = settings.openDatabase()) {
        User user =
            addUser(
                db,
                username,
                displayName == null ? username : displayName,
                parsed,
                Optional.ofNullable(team),
                password,
                "(command line)");
        spec.commandLine()
            .getOut()
            .println(
                "added " + user.role().id() + " " + user.username() + " (id " + user.id() + ")");
      }
      return 0;
    }
  }

  /** {@code alliance-web add-token}: creates a personal API token for a user and prints it once. */
  @Command(
      name = "add-token",
      mixinStandardHelpOptions = true,
      description =
          "Create a personal API token for a user and print it (it is shown only this once).")
  static final class AddToken implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(
        names = "--username",
        required = true,
        paramLabel = "NAME",
        description = "Whose token it is.")
    String username;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "TEXT",
        description = "What the token is for, e.g. laptop.")
    String name;

    @Override
    public Integer call() {
      ServerSettings settings = database.settings(0, false, false);
      String token = Secrets.apiToken();
      try (Database db = settings.openDatabase()) {
        var now = Clock.systemUTC().instant();
        db.write(
            handle -> {
              User user =
                  Users.findByUsername(handle, username)
                      .filter(found -> !found.disabled())
                      .orElseThrow(
                          () -> new IllegalArgumentException("no enabled user " + username));
              long id = ApiTokens.create(handle, user.id(), name, Secrets.hash(token), now);
              AuditLog.record(
                  handle,
                  Optional.of(user.id()),
                  AuditAction.TOKEN_CREATE,
                  Optional.empty(),
                  "token " + id + " " + name + " (command line)",
                  now);
              return id;
            });
      }
      spec.commandLine().getOut().println(token);
      return 0;
    }
  }

  private static String readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password for the new user: ");
      return typed == null ? "" : new String(typed);
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? "" : line;
  }
}
