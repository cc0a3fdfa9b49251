package org.alliance.web.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Score;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.AdministrationSource;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.score.ScoredRow;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.administrations.RecordAdministration.Scored;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.administrations.SessionAlreadyRecorded;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.User;
import org.jdbi.v3.core.Handle;

/**
 * Imports administrations from any source the io module reads (a CSV file, a REDCap export) into
 * the clinic, inside the caller's transaction: each valid row is scored and stored, each other row
 * reported with its line and column; a client not yet in the clinic joins the caseload of the row's
 * clinician, else the given one, else the importing clinician. Shared by {@code POST /api/import}
 * and the import page, whose preview runs the very same import in a transaction that is then rolled
 * back, so the preview shows exactly what confirming will do.
 */
public final class AdministrationImport {
  /** At most this many problems are listed; the counts are always complete. */
  public static final int MAX_LISTED = 1_000;

  private AdministrationImport() {}

  /**
   * One row as read: its client, session, instrument and score, or why it is not taken.
   *
   * @param score the total, or "" when the row could not be scored
   * @param problem why the row is not taken, or "" when it is
   */
  public record RowOutcome(
      long line, String client, String session, String instrument, String score, String problem) {
    public boolean taken() {
      return problem.isEmpty();
    }
  }

  /** What an import did (or, in a preview, would do). */
  public static final class Result {
    private int rows;
    private int taken;
    private int rejected;
    private int clientsCreated;
    private int problemCount;
    private final List<InputProblem> problems = new ArrayList<>();
    private final List<RowOutcome> firstRows = new ArrayList<>();
    private final int keepRows;

    private Result(int keepRows) {
      this.keepRows = keepRows;
    }

    public int rows() {
      return rows;
    }

    public int taken() {
      return taken;
    }

    public int rejected() {
      return rejected;
    }

    /** How many problems were found, listed or not. */
    public int problemCount() {
      return problemCount;
    }

    public int clientsCreated() {
      return clientsCreated;
    }

    /**
     * The first {@link #MAX_LISTED} problems, in the order found; the rest are only counted, so a
     * file full of errors takes no more memory than a clean one.
     */
    public List<InputProblem> problems() {
      return List.copyOf(problems);
    }

    private void problem(InputProblem problem) {
      problemCount++;
      if (problems.size() < MAX_LISTED) {
        problems.add(problem);
      }
    }

    /** A row not taken, for its first problem. */
    private void reject(AdministrationRow row, Optional<Score> score, String problem) {
      rejected++;
      row(row, score, problem);
    }

    /** The first rows as read, for a preview. */
    public List<RowOutcome> firstRows() {
      return List.copyOf(firstRows);
    }

    private void row(AdministrationRow row, Optional<Score> score, String problem) {
      if (firstRows.size() < keepRows) {
        firstRows.add(
            new RowOutcome(
                row.location().line(),
                row.key().client(),
                row.key().session(),
                score.map(Score::instrumentId).orElse(row.key().instrument()),
                score
                    .filter(s -> s.total().isPresent())
                    .map(s -> Numbers.format(s.total().getAsDouble()))
                    .orElse(""),
                problem));
      }
    }
  }

  /**
   * Reads every row of {@code source} and stores the valid ones with {@code handle}; the caller's
   * transaction decides whether they stay. {@code keepRows} rows are kept for a preview.
   */
  public static Result run(
      Handle handle,
      ClinicInstruments instruments,
      RecordAdministration record,
      Principal principal,
      Optional<String> clinician,
      AdministrationSource source,
      Instant now,
      int keepRows) {
    Result result = new Result(keepRows);
    Map<String, Client> clients = new HashMap<>();
    try (source) {
      while (source.hasNext()) {
        AdministrationRow row = source.next();
        result.rows++;
        ScoredRow scored = ScoredRow.score(row, instruments.scorer());
        SourceLocation where = row.location();
        if (!scored.valid()) {
          List<InputProblem> found = scored.locatedProblems();
          found.forEach(result::problem);
          result.reject(
              row, scored.score(), found.isEmpty() ? "cannot be scored" : found.get(0).message());
          continue;
        }
        Administration administration = row.administration().orElseThrow();
        Score score = scored.score().orElseThrow();
        Optional<String> future = RecordAdministration.futureDate(administration.date(), now);
        if (future.isPresent()) {
          String problem = "date " + future.get();
          result.problem(new InputProblem(where, problem));
          result.reject(row, Optional.of(score), problem);
          continue;
        }
        if (!instruments.inUse(score.instrumentId())) {
          String problem = "instrument " + ClinicInstruments.notInUse(score.instrumentId());
          result.problem(new InputProblem(where, problem));
          result.reject(row, Optional.of(score), problem);
          continue;
        }
        Optional<String> rowClinician =
            row.key().clinician().isBlank() ? clinician : Optional.of(row.key().clinician());
        Client client;
        try {
          client =
              client(
                  handle, principal, administration.client(), rowClinician, clients, result, now);
        } catch (ClientRefused e) {
          result.problem(new InputProblem(where, e.getMessage()));
          result.reject(row, Optional.of(score), e.getMessage());
          continue;
        }
        Scored toStore =
            Scored.of(instruments.catalog().get(score.instrumentId()), administration, score);
        // A row of a client without an open episode of care is reported, never stored into a
        // new episode opened unasked.
        if (Episodes.openOf(handle, client.id()).isEmpty()) {
          String problem =
              "client "
                  + administration.client()
                  + " has no open episode of care (discharged): open a new episode on their page"
                  + " before importing their answers";
          result.problem(
              new InputProblem(
                  new SourceLocation(
                      where.file(), where.line(), where.column(), Optional.of("client")),
                  problem));
          result.reject(row, Optional.of(score), problem);
          continue;
        }
        // A session stored earlier in this file is found by the store's own check: the
        // transaction sees its own rows.
        try {
          record.store(
              handle,
              client.id(),
              toStore,
              Source.importRow(principal.userId(), where.line()),
              now);
        } catch (SessionAlreadyRecorded e) {
          if (e.raced()) {
            throw e;
          }
          String problem =
              "client "
                  + administration.client()
                  + " already has "
                  + score.instrumentId()
                  + " at session "
                  + administration.session();
          result.problem(new InputProblem(where, problem));
          result.reject(row, Optional.of(score), problem);
          continue;
        }
        result.taken++;
        result.row(row, Optional.of(score), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** Why a row's client cannot be reached or created. */
  private static final class ClientRefused extends Exception {
    ClientRefused(String message) {
      super(message, null, false, false);
    }
  }

  /** The client a row belongs to, created when new. */
  private static Client client(
      Handle handle,
      Principal principal,
      String reference,
      Optional<String> clinician,
      Map<String, Client> clients,
      Result result,
      Instant now)
      throws ClientRefused {
    Client known = clients.get(reference);
    if (known != null) {
      return known;
    }
    Optional<Client> existing = Clients.findByReference(handle, reference);
    if (existing.isPresent()) {
      if (!Access.mayReach(principal, existing.get())) {
        throw new ClientRefused(
            "client reference '" + reference + "' cannot be used; choose another");
      }
      clients.put(reference, existing.get());
      return existing.get();
    }
    if (!Clients.isReference(reference)) {
      throw new ClientRefused("new client reference: " + Clients.REFERENCE_RULE);
    }
    User owner;
    try {
      owner = Access.clinicianForNewClient(handle, principal, clinician);
    } catch (WebException e) {
      throw new ClientRefused("new client " + reference + ": " + e.getMessage());
    }
    long id = Clients.create(handle, reference, owner.id(), now);
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_CREATE,
        Optional.of(id),
        "by import, for clinician " + owner.username(),
        now);
    result.clientsCreated++;
    Client created = Clients.find(handle, id).orElseThrow();
    clients.put(reference, created);
    return created;
  }
}
