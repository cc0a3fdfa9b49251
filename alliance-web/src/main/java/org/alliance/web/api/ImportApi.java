package org.alliance.web.api;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.AdministrationRow;
import org.alliance.io.csv.AdministrationSource;
import org.alliance.io.csv.CsvFormatException;
import org.alliance.io.fhir.FhirImport;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.csv.InputProblem;
import org.alliance.io.csv.SourceLocation;
import org.alliance.io.score.ScoredRow;
import org.alliance.web.ClinicServices;
import org.alliance.web.db.Administrations;
import org.alliance.web.db.AuditLog;
import org.alliance.web.db.Client;
import org.alliance.web.db.Clients;
import org.alliance.web.db.User;
import org.alliance.web.http.WebException;
import org.alliance.web.security.Access;
import org.alliance.web.security.Principal;
import org.jdbi.v3.core.Handle;

/**
 * {@code POST /api/import}: a CSV file of answers (wide or long, as the CLI reads them) or FHIR
 * QuestionnaireResponses (a Bundle or NDJSON, as {@code alliance convert --to fhir} writes them) in the body. Every
 * valid row is scored and stored and every other row is reported with its line and column; with
 * {@code ?strict=true} nothing is stored when any row has a problem. All in one transaction. A client not
 * yet in the clinic joins the caseload of the row's {@code clinician} column, else {@code ?clinician=},
 * else the importing clinician.
 */
public final class ImportApi {
  /** At most this many problems are listed; the counts are always complete. */
  static final int MAX_LISTED = 1_000;

  private final ClinicServices services;

  public ImportApi(ClinicServices services) {
    this.services = services;
  }

  /** What an import did. */
  private static final class Result {
    int rows;
    int taken;
    int clientsCreated;
    final List<InputProblem> problems = new ArrayList<>();
    int rejected;

    void reject(InputProblem problem) {
      problems.add(problem);
    }
  }

  /** The body's format: {@code ?format=csv|fhir}, else FHIR for a JSON or NDJSON content type, else CSV. */
  private static boolean fhir(Context ctx) {
    Optional<String> format = Requests.query(ctx, "format");
    if (format.isPresent()) {
      return switch (format.get().toLowerCase(Locale.ROOT)) {
        case "csv" -> false;
        case "fhir" -> true;
        default -> throw WebException.badRequest("format: expected csv or fhir, found '" + format.get() + "'");
      };
    }
    String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
    return type.contains("json");
  }

  public void importFile(Context ctx) {
    Principal principal = services.authentication().require(ctx);
    boolean strict = Requests.queryFlag(ctx, "strict");
    Optional<String> clinician = Requests.query(ctx, "clinician");
    Scorer scorer = services.scorer();
    CsvReadOptions options = CsvReadOptions.of(scorer.catalog());
    Optional<String> instrument = Requests.query(ctx, "instrument");
    if (instrument.isPresent()) {
      if (!scorer.catalog().contains(instrument.get())) {
        throw WebException.badRequest("instrument: " + scorer.catalog().unknown(instrument.get()));
      }
      options = options.withInstrument(scorer.catalog().get(instrument.get()).id());
    }
    Optional<String> layout = Requests.query(ctx, "layout");
    if (layout.isPresent()) {
      try {
        options = options.withLayout(CsvLayout.valueOf(layout.get().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw WebException.badRequest("layout: expected wide or long, found '" + layout.get() + "'");
      }
    }
    boolean fhir = fhir(ctx);
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw WebException.badRequest("the request has no body; send the file as the body (Content-Type: text/csv, or application/fhir+json for a FHIR Bundle or NDJSON)");
    }
    CsvReadOptions reading = options;
    Instant now = services.clock().instant();
    Result result;
    try {
      result = services.database().write(handle -> {
        Result done = read(handle, principal, clinician, reading, fhir, body, now);
        if (strict && !done.problems.isEmpty()) {
          // Thrown inside the transaction, so everything written so far is rolled back.
          throw new WebException(400, "nothing was imported: " + done.rejected + " of " + done.rows
              + " administrations have problems", List.of(), Map.of("problems", problems(done)));
        }
        AuditLog.record(handle, Optional.of(principal.userId()), "import", Optional.empty(),
            done.taken + " of " + done.rows + " administrations taken", now);
        return done;
      });
    } catch (CsvFormatException e) {
      throw WebException.badRequest("the file cannot be read: " + e.getMessage());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rows", result.rows);
    json.put("taken", result.taken);
    json.put("rejected", result.rejected);
    json.put("clientsCreated", result.clientsCreated);
    json.put("problems", problems(result));
    ctx.json(json);
  }

  private Result read(Handle handle, Principal principal, Optional<String> clinician, CsvReadOptions options, boolean fhir,
      byte[] body,
      Instant now) {
    Result result = new Result();
    Map<String, Client> clients = new HashMap<>();
    Set<String> seen = new HashSet<>();
    Scorer scorer = services.scorer();
    try (AdministrationSource reader = fhir
        ? FhirImport.open("upload", new ByteArrayInputStream(body), scorer.catalog())
        : AdministrationCsvReader.open("upload", new ByteArrayInputStream(body), options)) {
      while (reader.hasNext()) {
        AdministrationRow row = reader.next();
        result.rows++;
        ScoredRow scored = ScoredRow.score(row, scorer);
        SourceLocation where = row.location();
        if (!scored.valid()) {
          scored.locatedProblems().forEach(result::reject);
          result.rejected++;
          continue;
        }
        Administration administration = row.administration().orElseThrow();
        Score score = scored.score().orElseThrow();
        Optional<String> rowClinician = row.key().clinician().isBlank() ? clinician : Optional.of(row.key().clinician());
        Optional<Client> client = client(handle, principal, administration.client(), rowClinician, clients, result, where, now);
        if (client.isEmpty()) {
          result.rejected++;
          continue;
        }
        String key = administration.client() + "\u0000" + score.instrumentId() + "\u0000" + administration.session();
        if (!seen.add(key) || Administrations.exists(handle, client.get().id(), score.instrumentId(), administration.session())) {
          result.reject(new InputProblem(where, "client " + administration.client() + " already has " + score.instrumentId()
              + " at session " + administration.session()));
          result.rejected++;
          continue;
        }
        String version = scorer.catalog().get(score.instrumentId()).version();
        long id = Administrations.insert(handle, client.get().id(), administration, version, score,
            AdministrationsApi.flags(administration, score), principal.userId(), now);
        AuditLog.record(handle, Optional.of(principal.userId()), "administration.import", Optional.of(client.get().id()),
            score.instrumentId() + " session " + administration.session() + " (administration " + id + ", line "
                + where.line() + ")", now);
        result.taken++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** The client a row belongs to, created when new; empty (with the row's problem recorded) when out of reach. */
  private static Optional<Client> client(Handle handle, Principal principal, String reference, Optional<String> clinician,
      Map<String, Client> clients, Result result, SourceLocation where, Instant now) {
    Client known = clients.get(reference);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Client> existing = Clients.findByReference(handle, reference);
    if (existing.isPresent()) {
      if (!Access.mayReach(principal, existing.get())) {
        result.reject(new InputProblem(where, "client " + reference + " is not one of the clients you may add to"));
        return Optional.empty();
      }
      clients.put(reference, existing.get());
      return existing;
    }
    User owner;
    try {
      owner = Access.clinicianForNewClient(handle, principal, clinician);
    } catch (WebException e) {
      result.reject(new InputProblem(where, "new client " + reference + ": " + e.getMessage()));
      return Optional.empty();
    }
    long id = Clients.create(handle, reference, owner.id(), now);
    AuditLog.record(handle, Optional.of(principal.userId()), "client.create", Optional.of(id),
        "by import, for clinician " + owner.username(), now);
    result.clientsCreated++;
    Client created = Clients.find(handle, id).orElseThrow();
    clients.put(reference, created);
    return Optional.of(created);
  }

  private static List<Map<String, Object>> problems(Result result) {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (InputProblem problem : result.problems.subList(0, Math.min(MAX_LISTED, result.problems.size()))) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("line", problem.where().line());
      json.put("column", problem.where().column() > 0 ? problem.where().column() : null);
      json.put("field", problem.where().field().orElse(null));
      json.put("message", problem.message());
      listed.add(json);
    }
    return listed;
  }
}
