package org.alliance.web.imports;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.fhir.FhirImport;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.redcap.RedcapMapping;
import org.alliance.io.redcap.RedcapMappingException;
import org.alliance.io.redcap.RedcapReader;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.imports.AdministrationImport.Result;
import org.alliance.web.imports.AdministrationImport.RowOutcome;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.ClientMemory;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;

/**
 * The admin's import page ({@code /admin/import}): upload a CSV or REDCap file, see the first rows
 * with their client, session, instrument and score and every problem with its line and column, and
 * only then confirm. The preview runs the real import in a transaction that is rolled back, so
 * nothing is written and the preview shows exactly what confirming will do; the file waits on the
 * server ({@link PendingImports}) until then.
 */
public final class ImportPage implements ClientMemory {
  /** How many rows the preview shows. */
  static final int PREVIEW_ROWS = 50;

  private final Platform platform;
  private final PendingImports pending = new PendingImports();

  private final RecordAdministration record;

  private final ClinicInstruments instruments;

  public ImportPage(Platform platform, ClinicInstruments instruments, RecordAdministration record) {
    this.platform = platform;
    this.instruments = instruments;
    this.record = record;
  }

  /**
   * Forgets every upload waiting for confirmation: which of them name an erased client cannot be
   * told without reading them, and confirming one would bring the erased reference back. The admin
   * uploads again.
   */
  @Override
  public void forget(long clientId) {
    pending.removeAll();
  }

  /** What the preview and the result pages show. */
  public record ImportView(
      String id,
      String fileName,
      String format,
      int rows,
      int taken,
      int rejected,
      int clientsCreated,
      List<RowOutcome> firstRows,
      List<InputProblem> problems,
      int problemCount,
      boolean done) {
    public ImportView {
      firstRows = List.copyOf(firstRows);
      problems = List.copyOf(problems);
    }

    /** "line 3, column 5 (phq9_2)" for a problem. */
    public String where(InputProblem problem) {
      return "line "
          + problem.where().line()
          + (problem.where().column() > 0 ? ", column " + problem.where().column() : "")
          + problem.where().field().map(field -> " (" + field + ")").orElse("");
    }
  }

  /** {@code GET /admin/import}: the upload form. */
  public void form(Context ctx) {
    Optional<Principal> admin = Access.adminPage(ctx, platform.authentication());
    if (admin.isPresent()) {
      Pages.render(
          ctx,
          "imports/import.jte",
          "viewer",
          Viewer.of(admin.get()),
          "formats",
          List.of(ImportFormat.values()),
          "instruments",
          instruments.inUse().stream().map(i -> i.id()).toList());
    }
  }

  /**
   * {@code POST /admin/import/preview}: a multipart upload; shows the preview and keeps the file
   * for confirming.
   */
  public void preview(Context ctx) {
    Principal principal = requireAdmin(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      throw WebException.badRequest("file: choose the file to import");
    }
    String formatId = PageRequests.field(ctx, "format").orElse("csv");
    ImportFormat format =
        ImportFormat.parse(formatId)
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "format: expected csv, fhir or redcap, found '" + formatId + "'"));
    ImportChoices choices =
        new ImportChoices(
            PageRequests.field(ctx, "instrument"),
            PageRequests.field(ctx, "layout"),
            PageRequests.field(ctx, "clinician"));
    Path kept;
    try {
      kept = PendingImports.store(file.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String fileName =
        file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
    Instant now = platform.clock().instant();
    if (format == ImportFormat.CSV) {
      csvOptions(choices);
    }
    PendingImports.Upload upload =
        new PendingImports.Upload(
            principal.userId(),
            principal.csrfToken().orElse(""),
            fileName,
            format,
            choices,
            kept,
            now.plus(PendingImports.LIFETIME));
    Result result;
    try {
      result = readable(() -> dryRun(principal, upload, now));
    } catch (RuntimeException e) {
      PendingImports.delete(kept);
      throw e;
    }
    String id = pending.keep(upload, now);
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.IMPORT_PREVIEW,
            Optional.empty(),
            fileName + ": " + result.rows() + " rows, " + result.taken() + " would be taken",
            now);
    Pages.render(
        ctx,
        "imports/import-preview.jte",
        "viewer",
        Viewer.of(principal),
        "view",
        view(id, upload, result, false));
  }

  /**
   * {@code POST /admin/import/confirm}: imports the previewed file, all valid rows or (strict) all
   * or nothing.
   */
  public void confirm(Context ctx) {
    Principal principal = requireAdmin(ctx);
    String id =
        PageRequests.field(ctx, "upload")
            .orElseThrow(() -> WebException.badRequest("upload: which previewed file to import"));
    boolean strict = PageRequests.field(ctx, "strict").map("true"::equals).orElse(false);
    Instant now = platform.clock().instant();
    PendingImports.Upload upload =
        pending
            .find(id, principal.userId(), principal.csrfToken().orElse(""), now)
            .orElseThrow(
                () ->
                    WebException.notFound(
                        "this preview has expired or was already imported; upload the file again"));
    Result result =
        readable(
            () ->
                platform
                    .database()
                    .write(
                        handle -> {
                          Result done =
                              AdministrationImport.run(
                                  handle,
                                  instruments,
                                  record,
                                  principal,
                                  upload.choices().clinician(),
                                  source(upload),
                                  now,
                                  PREVIEW_ROWS);
                          if (strict && !done.problems().isEmpty()) {
                            // Thrown inside the transaction, so everything written so far is rolled
                            // back.
                            throw WebException.badRequest(
                                "nothing was imported: "
                                    + done.rejected()
                                    + " of "
                                    + done.rows()
                                    + " rows have problems, and you asked for all or nothing; the preview lists them");
                          }
                          AuditLog.record(
                              handle,
                              Optional.of(principal.userId()),
                              AuditAction.IMPORT,
                              Optional.empty(),
                              upload.fileName()
                                  + ": "
                                  + done.taken()
                                  + " of "
                                  + done.rows()
                                  + " administrations taken",
                              now);
                          return done;
                        }));
    pending.remove(id);
    Pages.render(
        ctx,
        "imports/import-preview.jte",
        "viewer",
        Viewer.of(principal),
        "view",
        view(id, upload, result, true));
  }

  /** Thrown to roll the preview's transaction back, carrying what the import would have done. */
  private static final class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Result result;

    Rollback(Result result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  private Result dryRun(Principal principal, PendingImports.Upload upload, Instant now) {
    try {
      platform
          .database()
          .write(
              handle -> {
                throw new Rollback(
                    AdministrationImport.run(
                        handle,
                        instruments,
                        record,
                        principal,
                        upload.choices().clinician(),
                        source(upload),
                        now,
                        PREVIEW_ROWS));
              });
      throw new IllegalStateException("the preview's transaction was not rolled back");
    } catch (Rollback rollback) {
      return rollback.result;
    }
  }

  /** Opens the kept file as the io module reads it, as a stream. */
  private AdministrationSource source(PendingImports.Upload upload) {
    try {
      return switch (upload.format()) {
        case CSV ->
            AdministrationCsvReader.open(
                upload.fileName(), upload.open(), csvOptions(upload.choices()));
        case FHIR ->
            FhirImport.open(upload.fileName(), upload.open(), instruments.scorer().catalog());
        case REDCAP ->
            RedcapReader.open(
                upload.fileName(),
                upload.open(),
                RedcapMapping.conventions(),
                instruments.scorer().catalog());
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How to read a CSV file, with a clear error for an unknown instrument or layout. */
  private CsvReadOptions csvOptions(ImportChoices choices) {
    CsvReadOptions options = CsvReadOptions.of(instruments.catalog());
    if (choices.instrument().isPresent()) {
      options =
          options.withInstrument(
              instruments.forNewData("instrument", choices.instrument().get()).id());
    }
    if (choices.layout().isPresent()) {
      try {
        options =
            options.withLayout(CsvLayout.valueOf(choices.layout().get().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw WebException.badRequest(
            "layout: expected wide or long, found '" + choices.layout().get() + "'");
      }
    }
    return options;
  }

  /** Runs an import, turning a file that cannot be read at all into a clear error. */
  private static <T> T readable(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (InputFormatException | RedcapMappingException e) {
      throw WebException.badRequest("the file cannot be read: " + e.getMessage());
    }
  }

  private static ImportView view(
      String id, PendingImports.Upload upload, Result result, boolean done) {
    List<InputProblem> problems = result.problems();
    return new ImportView(
        id,
        upload.fileName(),
        upload.format().title(),
        result.rows(),
        result.taken(),
        result.rejected(),
        result.clientsCreated(),
        result.firstRows(),
        problems.subList(0, Math.min(AdministrationImport.MAX_LISTED, problems.size())),
        problems.size(),
        done);
  }

  private Principal requireAdmin(Context ctx) {
    return Access.adminForm(ctx, platform.authentication());
  }
}
