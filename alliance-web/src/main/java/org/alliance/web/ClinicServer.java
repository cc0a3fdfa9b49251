package org.alliance.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.alliance.web.accounts.AccountApi;
import org.alliance.web.accounts.AccountPages;
import org.alliance.web.accounts.LoginPages;
import org.alliance.web.accounts.PasswordChangeGate;
import org.alliance.web.accounts.PasswordChanges;
import org.alliance.web.accounts.PersonalTokens;
import org.alliance.web.accounts.UsersPage;
import org.alliance.web.administrations.AdministrationsApi;
import org.alliance.web.administrations.CorrectionPage;
import org.alliance.web.administrations.EntryPage;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.administrations.SessionAlreadyRecorded;
import org.alliance.web.alerts.ClinicTrends;
import org.alliance.web.alerts.ExpectedCourseFits;
import org.alliance.web.alerts.GuidePage;
import org.alliance.web.alerts.TrendApi;
import org.alliance.web.audit.AuditPage;
import org.alliance.web.clients.CaseloadPage;
import org.alliance.web.clients.ClientForms;
import org.alliance.web.clients.ClientPage;
import org.alliance.web.clients.ClientsApi;
import org.alliance.web.clients.ErasureApi;
import org.alliance.web.clients.ErasurePage;
import org.alliance.web.clients.FhirApi;
import org.alliance.web.clients.SubjectAccessApi;
import org.alliance.web.demo.DemoClinic;
import org.alliance.web.imports.ImportApi;
import org.alliance.web.imports.ImportPage;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.instruments.InstrumentsApi;
import org.alliance.web.instruments.InstrumentsPage;
import org.alliance.web.kiosk.KioskGate;
import org.alliance.web.kiosk.KioskPages;
import org.alliance.web.kiosk.KioskPinPage;
import org.alliance.web.links.ClientFormPage;
import org.alliance.web.links.ClientLinkPage;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.RequestLog;
import org.alliance.web.platform.access.ClientDenied;
import org.alliance.web.platform.access.ClientMemory;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.http.BodyLimits;
import org.alliance.web.platform.http.Errors;
import org.alliance.web.platform.http.Json;
import org.alliance.web.platform.http.ProtocolErrors;
import org.alliance.web.platform.http.SecurityHeaders;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Authentication;
import org.alliance.web.platform.security.LoginService;
import org.alliance.web.platform.security.LoginSessions;
import org.alliance.web.platform.security.LoginThrottle;
import org.alliance.web.platform.security.Users;
import org.alliance.web.team.CohortApi;
import org.alliance.web.team.TeamPage;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic server: the database, the HTTP routes and the background refit of the expected
 * courses, started together and stopped together (HTTP first, so no request finds the pool closed).
 */
public final class ClinicServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClinicServer.class);

  /**
   * How often the expected courses are refitted (when the clinic's data has changed) and expired
   * sessions removed.
   */
  private static final long REFIT_MINUTES = 10;

  /**
   * How often the clinic's instruments are read again, for changes made by another server on the
   * same database.
   */
  private static final long INSTRUMENTS_SECONDS = 30;

  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNREACHABLE =
      "{\"status\":\"database unreachable\"}".getBytes(StandardCharsets.UTF_8);

  private final Database database;
  private final AuditLog audit;
  private final Javalin app;
  private final ScheduledExecutorService background;
  private final URI publicUrl;
  private boolean closed;

  private ClinicServer(
      Database database,
      AuditLog audit,
      Javalin app,
      ScheduledExecutorService background,
      URI publicUrl) {
    this.database = database;
    this.audit = audit;
    this.app = app;
    this.background = background;
    this.publicUrl = publicUrl;
  }

  /** Opens (and migrates) the database, seeds the demo clinic if asked, and starts serving. */
  public static ClinicServer start(ServerSettings settings) {
    return start(settings, Clock.systemUTC(), LoginThrottle.defaults());
  }

  /** The same with a clock and a login throttle of the caller's, for tests. */
  public static ClinicServer start(ServerSettings settings, Clock clock, LoginThrottle throttle) {
    Database database = settings.openDatabase();
    ScheduledExecutorService background =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "alliance-refit");
              thread.setDaemon(true);
              return thread;
            });
    AuditLog audit = new AuditLog(database.jdbi());
    try {
      ClinicInstruments instruments = new ClinicInstruments(database.jdbi());
      RecordAdministration record = new RecordAdministration(instruments);
      if (settings.demo()) {
        new DemoClinic(database, record, clock).seed();
      }
      background.scheduleWithFixedDelay(
          () -> {
            try {
              instruments.reload();
            } catch (RuntimeException e) {
              LOG.warn("reading the clinic's instruments failed; the previous ones stay in use", e);
            }
          },
          INSTRUMENTS_SECONDS,
          INSTRUMENTS_SECONDS,
          TimeUnit.SECONDS);
      ExpectedCourseFits fits = new ExpectedCourseFits(database.jdbi(), instruments::catalog);
      fits.refitIfChanged();
      background.scheduleWithFixedDelay(
          () -> {
            try {
              fits.refitIfChanged();
            } catch (RuntimeException e) {
              LOG.warn("refitting the expected courses failed; the previous fit stays in use", e);
            }
            try {
              database
                  .jdbi()
                  .useHandle(handle -> LoginSessions.deleteExpired(handle, clock.instant()));
            } catch (RuntimeException e) {
              LOG.warn("removing expired sessions failed", e);
            }
          },
          REFIT_MINUTES,
          REFIT_MINUTES,
          TimeUnit.MINUTES);
      Platform platform =
          new Platform(
              database,
              audit,
              new Authentication(
                  database.jdbi(), clock, settings.sessionIdle(), settings.secureCookies()),
              new LoginService(database.jdbi(), clock, throttle),
              clock,
              settings.secureCookies());
      AtomicReference<URI> publicUrl = new AtomicReference<>();
      Features features =
          new Features(
              instruments,
              new ClinicTrends(instruments::catalog, fits),
              record,
              () -> publicUrl.get());
      Javalin app =
          Javalin.create(config -> configure(config, platform, features, settings, throttle));
      app.start(settings.host(), settings.port());
      publicUrl.set(settings.publicUrlAt(app.port()));
      return new ClinicServer(database, audit, app, background, publicUrl.get());
    } catch (RuntimeException e) {
      background.shutdownNow();
      audit.close();
      database.close();
      throw e;
    }
  }

  /** The services of the features that several handlers share. */
  private record Features(
      ClinicInstruments instruments,
      ClinicTrends trends,
      RecordAdministration record,
      Supplier<URI> publicUrl) {}

  private static void configure(
      JavalinConfig config,
      Platform platform,
      Features features,
      ServerSettings settings,
      LoginThrottle throttle) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    BodyLimits limits = settings.limits();
    // Bodies read whole (JSON, forms) stop at the small limit; import files are streamed.
    config.http.maxRequestSize = limits.bodyBytes();
    // An uploaded file beyond 1 MB waits on disk, not in memory, until it is read.
    config.jetty.multipartConfig.cacheDirectory(System.getProperty("java.io.tmpdir"));
    config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
    config.jetty.multipartConfig.maxFileSize(limits.importBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(
        limits.importBytes() + limits.bodyBytes(), SizeUnit.BYTES);
    config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
    SecurityHeaders headers = new SecurityHeaders(settings.secureCookies());
    // Graceful stop: Jetty stops accepting, then waits up to 10 s for the requests under way.
    // Requests Jetty refuses itself (a malformed path or Host) get the same headers as any other.
    config.jetty.modifyServer(
        server -> {
          server.setHandler(new GracefulHandler());
          server.setStopTimeout(10_000);
          server.setErrorHandler(ProtocolErrors.forServer(headers));
        });
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(ProtocolErrors.forServlets(headers)));
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/static";
          files.directory = "/static";
          files.location = Location.CLASSPATH;
        });
    config.requestLogger.http(RequestLog::log);

    LoginPages login = new LoginPages(platform);
    CaseloadPage caseload = new CaseloadPage(platform, features.instruments(), features.trends());
    ClientPage clientPage = new ClientPage(platform, features.instruments(), features.trends());
    EntryPage entry =
        new EntryPage(platform, features.instruments(), features.trends(), features.record());
    CorrectionPage correction =
        new CorrectionPage(platform, features.instruments(), features.record());
    TeamPage team = new TeamPage(platform, features.instruments());
    PasswordChanges passwords = new PasswordChanges(platform);
    PersonalTokens tokens = new PersonalTokens(platform);
    UsersPage users = new UsersPage(platform, passwords);
    AccountPages accountPages = new AccountPages(platform, tokens, passwords);
    AuditPage auditPage = new AuditPage(platform);
    ImportPage importPage = new ImportPage(platform, features.instruments(), features.record());
    InstrumentsPage instrumentsPage = new InstrumentsPage(platform, features.instruments());
    ClientLinkPage links =
        new ClientLinkPage(platform, features.instruments(), features.publicUrl());
    ClientFormPage clientForm =
        new ClientFormPage(platform, features.instruments(), features.record(), throttle);
    KioskPages kiosk = new KioskPages(platform, features.instruments(), features.record());
    KioskPinPage kioskPin = new KioskPinPage(platform);
    ClientsApi clients = new ClientsApi(platform);
    ClientForms clientForms = new ClientForms(platform);
    org.alliance.web.episodes.EpisodesApi episodes =
        new org.alliance.web.episodes.EpisodesApi(platform);
    AdministrationsApi administrations =
        new AdministrationsApi(platform, features.instruments(), features.record());
    TrendApi trend = new TrendApi(platform, features.trends());
    FhirApi fhir = new FhirApi(platform, features.instruments(), features.trends());
    CohortApi cohort = new CohortApi(platform, features.instruments());
    ImportApi imports = new ImportApi(platform, features.instruments(), features.record(), limits);
    InstrumentsApi instruments = new InstrumentsApi(platform, features.instruments());
    AccountApi account = new AccountApi(platform, tokens);
    // Everything that keeps client data in memory forgets an erased client.
    List<ClientMemory> memories = List.of(features.trends(), trend, importPage);
    ErasurePage erasurePage = new ErasurePage(platform, memories);
    ErasureApi erasure = new ErasureApi(platform, memories);
    SubjectAccessApi subjectAccess =
        new SubjectAccessApi(platform, features.instruments(), features.trends());
    String openApi = resource("/openapi.json");

    var routes = config.routes;
    routes.before(headers::apply);
    routes.before(limits::check);
    routes.before(new PasswordChangeGate(platform.authentication())::check);
    routes.before(new KioskGate(platform)::check);
    routes.get(
        "/health",
        ctx -> {
          boolean up = platform.database().reachable();
          Json.send(ctx, up ? 200 : 503, up ? HEALTHY : UNREACHABLE);
        });
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    routes.get("/", caseload::show);
    routes.get("/login", login::form);
    routes.post("/login", login::signIn);
    routes.post("/logout", login::signOut);
    routes.post("/clients", clientForms::add);
    routes.get("/clients/{id}", clientPage::show);
    routes.post("/clients/{id}/details", clientForms::edit);
    routes.post("/clients/{id}/discharge", clientForms::discharge);
    routes.post("/clients/{id}/readmit", clientForms::readmit);
    routes.post("/clients/{id}/reassign", clientForms::reassign);
    routes.get("/clients/{id}/erasure", erasurePage::form);
    routes.post("/clients/{id}/erasure", erasurePage::erase);
    routes.get("/clients/{id}/subject-access.pdf", subjectAccess::pdf);
    routes.post("/clients/{id}/episodes", episodes::openForm);
    routes.post("/clients/{id}/episodes/{episode}/close", episodes::closeForm);
    routes.get("/clients/{id}/report", clientPage::report);
    routes.get("/clients/{id}/charts/{measure}", clientPage::chart);
    routes.post("/clients/{id}/notes", clientPage::addNote);
    routes.post("/clients/{id}/notes/{note}", clientPage::editNote);
    routes.get("/clients/{id}/entry", entry::form);
    routes.get("/clients/{id}/administrations/{administration}/correct", correction::form);
    routes.post("/clients/{id}/administrations/{administration}/correct", correction::correct);
    routes.post("/clients/{id}/administrations/{administration}/void", correction::voidEntry);
    routes.post("/clients/{id}/entry", entry::submit);
    routes.post("/clients/{id}/acknowledgements", clientPage::acknowledge);
    routes.post("/clients/{id}/acknowledgements/reopen", clientPage::reopen);
    routes.get("/guides/{kind}", new GuidePage(platform)::show);
    routes.get("/team", team::show);
    routes.get("/team/chart", team::chart);
    routes.get("/admin/users", users::show);
    routes.post("/admin/users", users::create);
    routes.post("/admin/users/{id}", users::change);
    routes.post("/admin/users/{id}/disabled", users::disable);
    routes.post("/admin/users/{id}/password", users::resetPassword);
    routes.get("/account", accountPages::show);
    routes.get("/account/password", accountPages::passwordForm);
    routes.post("/account/password", accountPages::changePassword);
    routes.post("/account/tokens", accountPages::createToken);
    routes.post("/account/tokens/{id}/revoke", accountPages::revokeToken);
    routes.get("/api/session", accountPages::session);
    routes.post("/api/session", accountPages::staySignedIn);
    routes.get("/admin/audit", auditPage::show);
    routes.get("/admin/instruments", instrumentsPage::show);
    routes.post("/admin/instruments/preview", instrumentsPage::preview);
    routes.post("/admin/instruments/confirm", instrumentsPage::confirm);
    routes.post("/admin/instruments/{id}/use", instrumentsPage::use);
    routes.get("/admin/import", importPage::form);
    routes.post("/admin/import/preview", importPage::preview);
    routes.post("/admin/import/confirm", importPage::confirm);
    routes.post("/clients/{id}/links", links::create);
    routes.post("/clients/{id}/kiosk", kiosk::start);
    routes.get(KioskPages.PAGE, kiosk::show);
    routes.post(KioskPages.PAGE, kiosk::submit);
    routes.get(KioskPages.EXIT, kiosk::exitForm);
    routes.post(KioskPages.EXIT, kiosk::exit);
    routes.get("/account/kiosk-pin", kioskPin::show);
    routes.post("/account/kiosk-pin", kioskPin::change);
    routes.get("/f/{token}", clientForm::form);
    routes.post("/f/{token}", clientForm::submit);
    routes.post("/f/{token}/language", clientForm::language);
    routes.get("/api/me", account::me);
    routes.get("/api/tokens", account::listTokens);
    routes.post("/api/tokens", account::createToken);
    routes.delete("/api/tokens/{id}", account::deleteToken);
    routes.get("/api/instruments", instruments::list);
    routes.get("/api/clients", clients::list);
    routes.post("/api/clients", clients::create);
    routes.get("/api/clients/{id}", clients::get);
    routes.patch("/api/clients/{id}", clients::update);
    routes.post("/api/clients/{id}/discharge", clients::discharge);
    routes.post("/api/clients/{id}/readmit", clients::readmit);
    routes.post("/api/clients/{id}/reassign", clients::reassign);
    routes.post("/api/clients/{id}/erasure", erasure::erase);
    routes.get("/api/clients/{id}/subject-access", subjectAccess::fhir);
    routes.get("/api/clients/{id}/episodes", episodes::list);
    routes.post("/api/clients/{id}/episodes", episodes::open);
    routes.post("/api/clients/{id}/episodes/{episode}/close", episodes::close);
    routes.post("/api/clients/{id}/administrations", administrations::create);
    routes.post(
        "/api/clients/{id}/administrations/{administration}/correction", administrations::correct);
    routes.post(
        "/api/clients/{id}/administrations/{administration}/void", administrations::voidEntry);
    routes.get("/api/clients/{id}/trend", trend::trend);
    routes.get("/api/clients/{id}/fhir", fhir::bundle);
    routes.get("/api/alerts", trend::alerts);
    routes.get("/api/cohort", cohort::cohort);
    routes.post("/api/import", imports::importFile);
    routes.get("/api/audit", account::audit);

    routes.exception(WebException.class, Errors::expected);
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() == 413) {
            // Javalin's own limit on a body read whole, met by a body that declared no length.
            Errors.expected(limits.tooLarge(ctx.path()), ctx);
          } else {
            Errors.javalin(e, ctx);
          }
        });
    routes.exception(SessionAlreadyRecorded.class, (e, ctx) -> Errors.expected(e.conflict(), ctx));
    routes.exception(
        ClientDenied.class,
        (e, ctx) -> {
          platform
              .audit()
              .read(
                  Optional.of(e.userId()),
                  AuditAction.CLIENT_DENIED,
                  e.exists() ? Optional.of(e.clientId()) : Optional.empty(),
                  ctx.method() + " " + ctx.path(),
                  platform.clock().instant());
          Errors.expected(e.answer(), ctx);
        });
    routes.exception(Exception.class, Errors::unexpected);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      routes.error(status, Errors::status);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ClinicServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port the server listens on (the one taken, when started on port 0). */
  public int port() {
    return app.port();
  }

  /** Where clients reach the server; every link sent to them starts with it. */
  public URI publicUrl() {
    return publicUrl;
  }

  public Database database() {
    return database;
  }

  /** Whether anyone can sign in: false for a new clinic until the first admin is added. */
  public boolean hasUsers() {
    return database.read(Users::any);
  }

  /** For tests: the routes Javalin has, to check the OpenAPI document against. */
  public Javalin javalin() {
    return app;
  }

  /**
   * Stops serving (letting requests under way finish), then writes the last audit entries and
   * closes the database.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    app.stop();
    background.shutdownNow();
    audit.close();
    database.close();
  }
}
