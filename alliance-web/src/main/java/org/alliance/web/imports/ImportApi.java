package org.alliance.web.imports;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.fhir.FhirImport;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.imports.AdministrationImport.Result;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.BodyLimits;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;

/**
 * {@code POST /api/import}: a CSV file of answers (wide or long, as the CLI reads them) or FHIR
 * QuestionnaireResponses (a Bundle or NDJSON, as {@code alliance convert --to fhir} writes them) in
 * the body. Every valid row is scored and stored and every other row is reported with its line and
 * column; with {@code ?strict=true} nothing is stored when any row has a problem. All in one
 * transaction. A client not yet in the clinic joins the caseload of the row's {@code clinician}
 * column, else {@code ?clinician=}, else the importing clinician.
 */
public final class ImportApi {
  private final Platform platform;
  private final ClinicInstruments instruments;
  private final RecordAdministration record;
  private final BodyLimits limits;

  public ImportApi(
      Platform platform,
      ClinicInstruments instruments,
      RecordAdministration record,
      BodyLimits limits) {
    this.platform = platform;
    this.instruments = instruments;
    this.record = record;
    this.limits = limits;
  }

  /**
   * The body's format: {@code ?format=csv|fhir}, else FHIR for a JSON or NDJSON content type, else
   * CSV.
   */
  private static boolean fhir(Context ctx) {
    Optional<String> format = Requests.query(ctx, "format");
    if (format.isPresent()) {
      return switch (format.get().toLowerCase(Locale.ROOT)) {
        case "csv" -> false;
        case "fhir" -> true;
        default ->
            throw WebException.badRequest(
                "format: expected csv or fhir, found '" + format.get() + "'");
      };
    }
    String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
    return type.contains("json");
  }

  public void importFile(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    boolean strict = Requests.queryFlag(ctx, "strict");
    Optional<String> clinician = Requests.query(ctx, "clinician");
    CsvReadOptions options = CsvReadOptions.of(instruments.catalog());
    Optional<String> instrument = Requests.query(ctx, "instrument");
    if (instrument.isPresent()) {
      options = options.withInstrument(instruments.forNewData("instrument", instrument.get()).id());
    }
    Optional<String> layout = Requests.query(ctx, "layout");
    if (layout.isPresent()) {
      try {
        options = options.withLayout(CsvLayout.valueOf(layout.get().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw WebException.badRequest(
            "layout: expected wide or long, found '" + layout.get() + "'");
      }
    }
    boolean fhir = fhir(ctx);
    // Read as a stream, row by row, so a large file takes no more memory than a small one.
    PushbackInputStream body = new PushbackInputStream(limits.importBody(ctx));
    try {
      int first = body.read();
      if (first < 0) {
        throw WebException.badRequest(
            "the request has no body; send the file as the body (Content-Type: text/csv, or "
                + "application/fhir+json for a FHIR Bundle or NDJSON)");
      }
      body.unread(first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvReadOptions reading = options;
    Instant now = platform.clock().instant();
    Result result;
    try {
      result =
          platform
              .database()
              .write(
                  handle -> {
                    Result done;
                    try {
                      done =
                          AdministrationImport.run(
                              handle,
                              instruments,
                              record,
                              principal,
                              clinician,
                              fhir
                                  ? FhirImport.open("upload", body, instruments.catalog())
                                  : AdministrationCsvReader.open("upload", body, reading),
                              now,
                              0);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                    if (strict && !done.problems().isEmpty()) {
                      // Thrown inside the transaction, so everything written so far is rolled back.
                      throw new WebException(
                          400,
                          "nothing was imported: "
                              + done.rejected()
                              + " of "
                              + done.rows()
                              + " administrations have problems",
                          List.of(),
                          Map.of("problems", problems(done)));
                    }
                    AuditLog.record(
                        handle,
                        Optional.of(principal.userId()),
                        AuditAction.IMPORT,
                        Optional.empty(),
                        done.taken() + " of " + done.rows() + " administrations taken",
                        now);
                    return done;
                  });
    } catch (InputFormatException e) {
      throw WebException.badRequest("the file cannot be read: " + e.getMessage());
    }
    ctx.json(
        new ImportAnswer(
            result.rows(),
            result.taken(),
            result.rejected(),
            result.clientsCreated(),
            problems(result)));
  }

  private static List<ImportAnswer.ProblemJson> problems(Result result) {
    List<InputProblem> all = result.problems();
    return all.subList(0, Math.min(AdministrationImport.MAX_LISTED, all.size())).stream()
        .map(ImportAnswer.ProblemJson::of)
        .toList();
  }
}
