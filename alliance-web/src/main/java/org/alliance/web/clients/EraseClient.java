package org.alliance.web.clients;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Sql;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Role;
import org.jdbi.v3.core.Handle;

/**
 * Erasing one client's personal data (GDPR art. 17), by an admin only: the one place for the
 * confirmation page and {@code POST /api/clients/{id}/erasure}. Either the client is anonymised (a
 * neutral reference, no date of birth, contacts, chart notes, follow-ups, correction reasons or
 * client links; the scores stay, dated to the month, for the clinic's statistics) or removed with
 * everything about them. All of it happens in the caller's transaction, so a failure leaves the
 * data as it was.
 */
public final class EraseClient {
  /** What replaces a free text that may name the person. */
  public static final String ERASED = "(erased)";

  /** The start of every anonymised reference. */
  public static final String PREFIX = "erased-";

  public static final int MAX_REASON = 1_000;

  /** The fields of a request, by the names the form and the API use. */
  public static final String MODE = "mode";

  public static final String REASON = "reason";
  public static final String CONFIRM = "confirm";

  private static final SecureRandom RANDOM = new SecureRandom();

  private EraseClient() {}

  /** The clinic's choice: keep de-identified scores, or keep nothing. */
  public enum Mode {
    ANONYMISE("anonymise", "anonymised"),
    REMOVE("remove", "removed entirely");

    private final String id;
    private final String words;

    Mode(String id, String words) {
      this.id = id;
      this.words = words;
    }

    public String id() {
      return id;
    }

    public String words() {
      return words;
    }

    static Optional<Mode> parse(String id) {
      for (Mode mode : values()) {
        if (mode.id.equals(id)) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }

  /** What the form or the API sent, each field as typed (empty when missing or blank). */
  public record Request(Optional<String> mode, Optional<String> reason, Optional<String> confirm) {}

  /**
   * What the clinic holds about a client, counted for the confirmation page and the audit entry.
   *
   * @param corrections corrected and voided entries kept in the history
   * @param noteVersions earlier versions of chart notes
   * @param personal whether a date of birth, an e-mail address or a mobile number is recorded
   * @param erased whether the client was anonymised already
   */
  public record Holdings(
      int administrations,
      int corrections,
      int notes,
      int noteVersions,
      int acknowledgements,
      int links,
      boolean personal,
      boolean erased) {}

  /** What was done: the mode, what the client held before, and the reference they have now. */
  public record Erased(Mode mode, Holdings removed, Optional<String> newReference) {}

  /** What the clinic holds about this client; the caller has checked who may know. */
  public static Holdings holdings(Handle handle, long id) {
    return new Holdings(
        count(handle, "SELECT COUNT(*) FROM administrations WHERE client_id = :id", id),
        count(handle, "SELECT COUNT(*) FROM administration_history WHERE client_id = :id", id),
        count(handle, "SELECT COUNT(*) FROM chart_notes WHERE client_id = :id", id),
        count(
            handle,
            "SELECT COUNT(*) FROM chart_note_history WHERE note_id IN "
                + "(SELECT id FROM chart_notes WHERE client_id = :id)",
            id),
        count(handle, "SELECT COUNT(*) FROM alert_acknowledgements WHERE client_id = :id", id),
        count(handle, "SELECT COUNT(*) FROM client_links WHERE client_id = :id", id),
        count(
                handle,
                "SELECT COUNT(*) FROM clients WHERE id = :id AND (birth_date IS NOT NULL "
                    + "OR email IS NOT NULL OR mobile IS NOT NULL)",
                id)
            > 0,
        isErased(handle, id));
  }

  /** Whether this client was anonymised: their details may not be given again. */
  public static boolean isErased(Handle handle, long id) {
    return count(
            handle, "SELECT COUNT(*) FROM clients WHERE id = :id AND erased_at IS NOT NULL", id)
        > 0;
  }

  /**
   * Erases a client as the request says. 403 for anyone but an admin, 404 for no such client, 400
   * naming every field that is wrong (the confirmation must be the client's reference as it is
   * now), 409 when an anonymised client is anonymised again.
   */
  public static Erased erase(
      Handle handle, Principal principal, long id, Request request, Instant now) {
    requireAdmin(principal);
    // The row is locked first, so two erasures at once are done one after the other.
    handle
        .createQuery("SELECT id FROM clients WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne();
    Client client =
        Clients.find(handle, id)
            .orElseThrow(() -> WebException.notFound("there is no client " + id));
    Mode mode = check(request, client.reference());
    Holdings before = holdings(handle, id);
    if (mode == Mode.ANONYMISE && before.erased()) {
      throw WebException.conflict(
          "the client's personal data was erased already; what is left are de-identified scores"
              + " (choose \"remove\" to delete those too)");
    }
    String reason = scrub(request.reason().orElseThrow(), handle, client);
    Optional<String> newReference = Optional.empty();
    deleteFreeTextAndLinks(handle, id);
    if (mode == Mode.ANONYMISE) {
      newReference = Optional.of(anonymise(handle, client, principal.userId(), now));
    } else {
      remove(handle, id);
    }
    AuditLog.record(
        handle,
        Optional.of(principal.userId()),
        AuditAction.CLIENT_ERASE,
        Optional.of(id),
        describe(mode, before) + "; reason: " + reason,
        now);
    return new Erased(mode, before, newReference);
  }

  /** Admins only; 403 naming what may be done instead. */
  public static void requireAdmin(Principal principal) {
    if (principal.role() != Role.ADMIN) {
      throw WebException.forbidden(
          "only an admin may erase a client's personal data; ask your clinic's admin");
    }
  }

  /** The mode, once every field is right; otherwise 400 listing each problem by its field. */
  private static Mode check(Request request, String reference) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Mode> mode = request.mode().flatMap(Mode::parse);
    if (mode.isEmpty()) {
      problems.add(
          new FieldProblem(
              MODE,
              request.mode().isEmpty()
                  ? "choose anonymise (keep de-identified scores) or remove (delete everything)"
                  : "expected anonymise or remove"));
    }
    if (request.reason().isEmpty()) {
      problems.add(
          new FieldProblem(REASON, "say why, such as \"the client asked for erasure on 3 May\""));
    } else if (request.reason().get().length() > MAX_REASON) {
      problems.add(
          new FieldProblem(
              REASON,
              "at most " + MAX_REASON + " characters, found " + request.reason().get().length()));
    }
    // The reference is not repeated in the message: the one who erases knows it.
    if (request.confirm().isEmpty()) {
      problems.add(new FieldProblem(CONFIRM, "type the client's reference to confirm"));
    } else if (!request.confirm().get().equals(reference)) {
      problems.add(
          new FieldProblem(
              CONFIRM, "this is not the client's reference; type it exactly as shown to confirm"));
    }
    if (!problems.isEmpty()) {
      throw WebException.badRequest(
          problems.get(0).field() + ": " + problems.get(0).message(), problems);
    }
    return mode.orElseThrow();
  }

  /**
   * The reason as the audit log keeps it: the client's reference and contacts, should the admin
   * have typed them, are replaced, since the log cannot be erased later.
   */
  private static String scrub(String reason, Handle handle, Client client) {
    List<String> personal = new ArrayList<>();
    personal.add(client.reference());
    ClientRecords.find(handle, client.id())
        .ifPresent(
            record -> {
              record.details().email().ifPresent(email -> personal.add(email.value()));
              record.details().mobile().ifPresent(mobile -> personal.add(mobile.value()));
              record.details().birthDate().ifPresent(born -> personal.add(born.toString()));
            });
    String scrubbed = reason.strip();
    for (String text : personal) {
      scrubbed =
          Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE)
              .matcher(scrubbed)
              .replaceAll("(the client)");
    }
    return scrubbed;
  }

  /** Chart notes with their history, alert follow-ups and client links go in either mode. */
  private static void deleteFreeTextAndLinks(Handle handle, long id) {
    update(
        handle,
        "DELETE FROM chart_note_history WHERE note_id IN "
            + "(SELECT id FROM chart_notes WHERE client_id = :id)",
        id);
    update(handle, "DELETE FROM chart_notes WHERE client_id = :id", id);
    update(handle, "DELETE FROM alert_acknowledgements WHERE client_id = :id", id);
    update(handle, "DELETE FROM client_links WHERE client_id = :id", id);
  }

  /**
   * A neutral reference; the date of birth becomes its age band (the band is what statistics use),
   * the contacts and the language go, correction reasons become "(erased)", and every date and time
   * of the client's records is moved to the first of its month, 00:00 UTC (an exact day of a
   * session, with the clinician, can single a person out; the month keeps the team page's periods
   * meaningful, and the session numbers keep the order).
   */
  private static String anonymise(Handle handle, Client client, long admin, Instant now) {
    long id = client.id();
    String reference = newReference(handle);
    ClientRecords.ClientRecord record = ClientRecords.find(handle, id).orElseThrow();
    Optional<AgeBand> band =
        record
            .details()
            .birthDate()
            .map(born -> AgeBand.of(born, LocalDate.ofInstant(now, ZoneOffset.UTC)))
            .or(() -> record.details().ageBand());
    handle
        .createUpdate(
            "UPDATE clients SET reference = :reference, birth_date = NULL, age_band = :band, "
                + "email = NULL, mobile = NULL, language = 'en', created_at = :created, "
                + "discharged_at = COALESCE(discharged_at, :now), "
                + "discharged_by = COALESCE(discharged_by, :admin), "
                + "erased_at = :now, erased_by = :admin WHERE id = :id")
        .bind("reference", reference)
        .bind("band", band.map(AgeBand::code).orElse(null))
        .bind("created", Sql.time(month(client.createdAt())))
        .bind("now", Sql.time(now))
        .bind("admin", admin)
        .bind("id", id)
        .execute();
    closeEpisodes(handle, id, admin, now);
    monthOnly(handle, "administrations", id, "created_at");
    monthOnly(handle, "administration_history", id, "created_at", "changed_at");
    handle
        .createUpdate("UPDATE administration_history SET reason = :erased WHERE client_id = :id")
        .bind("erased", ERASED)
        .bind("id", id)
        .execute();
    return reference;
  }

  /**
   * The open episode of care closes (an erased client is off the caseload), each ending note (free
   * text) becomes "(erased)", and the episodes' days and times move to their month, as the entries'
   * do; the order of the days, which the episodes' checks hold, stays.
   */
  private static void closeEpisodes(Handle handle, long id, long admin, Instant now) {
    handle
        .createUpdate(
            "UPDATE episodes SET closed_on = :today, ending_reason = 'other', ending_note = :erased, "
                + "closed_by = :admin, closed_at = :now, open_for = NULL "
                + "WHERE client_id = :id AND open_for IS NOT NULL")
        .bind("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
        .bind("erased", ERASED)
        .bind("admin", admin)
        .bind("now", Sql.time(now))
        .bind("id", id)
        .execute();
    handle
        .createUpdate(
            "UPDATE episodes SET ending_note = :erased WHERE client_id = :id AND ending_note IS NOT NULL")
        .bind("erased", ERASED)
        .bind("id", id)
        .execute();
    record Dates(
        long id,
        Optional<LocalDate> referred,
        Optional<LocalDate> first,
        Optional<LocalDate> closed,
        Instant openedAt,
        Optional<Instant> closedAt) {}
    List<Dates> rows =
        handle
            .createQuery(
                "SELECT id, referred_on, first_session_on, closed_on, opened_at, closed_at FROM episodes "
                    + "WHERE client_id = :id")
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new Dates(
                        rs.getLong("id"),
                        Optional.ofNullable(rs.getObject("referred_on", LocalDate.class)),
                        Optional.ofNullable(rs.getObject("first_session_on", LocalDate.class)),
                        Optional.ofNullable(rs.getObject("closed_on", LocalDate.class)),
                        rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("closed_at", OffsetDateTime.class))
                            .map(OffsetDateTime::toInstant)))
            .list();
    for (Dates row : rows) {
      handle
          .createUpdate(
              "UPDATE episodes SET referred_on = :referred, first_session_on = :first, "
                  + "closed_on = :closed, opened_at = :openedAt, closed_at = :closedAt WHERE id = :id")
          .bind("referred", Sql.date(row.referred().map(day -> day.withDayOfMonth(1))))
          .bind("first", Sql.date(row.first().map(day -> day.withDayOfMonth(1))))
          .bind("closed", Sql.date(row.closed().map(day -> day.withDayOfMonth(1))))
          .bind("openedAt", Sql.time(month(row.openedAt())))
          .bindByType(
              "closedAt",
              row.closedAt().map(at -> month(at).atOffset(ZoneOffset.UTC)).orElse(null),
              OffsetDateTime.class)
          .bind("id", row.id())
          .execute();
    }
  }

  /** Moves the day of administration and the given times of a client's rows to their month. */
  private static void monthOnly(Handle handle, String table, long id, String... times) {
    record Dated(long id, Optional<LocalDate> day, List<Instant> times) {}
    List<Dated> rows =
        handle
            .createQuery(
                "SELECT id, administered_on, "
                    + String.join(", ", times)
                    + " FROM "
                    + table
                    + " WHERE client_id = :id")
            .bind("id", id)
            .map(
                (rs, ctx) -> {
                  List<Instant> found = new ArrayList<>();
                  for (String column : times) {
                    found.add(rs.getObject(column, OffsetDateTime.class).toInstant());
                  }
                  return new Dated(
                      rs.getLong("id"),
                      Optional.ofNullable(rs.getObject("administered_on", LocalDate.class)),
                      found);
                })
            .list();
    StringBuilder set = new StringBuilder("administered_on = :day");
    for (String column : times) {
      set.append(", ").append(column).append(" = :").append(column);
    }
    for (Dated row : rows) {
      var update =
          handle
              .createUpdate("UPDATE " + table + " SET " + set + " WHERE id = :id")
              .bind("day", Sql.date(row.day().map(day -> day.withDayOfMonth(1))))
              .bind("id", row.id());
      for (int i = 0; i < times.length; i++) {
        update.bind(times[i], Sql.time(month(row.times().get(i))));
      }
      update.execute();
    }
  }

  private static Instant month(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC)
        .withDayOfMonth(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /** {@code erased-} and 16 random hex digits: nothing in it leads back to the person. */
  private static String newReference(Handle handle) {
    while (true) {
      byte[] bytes = new byte[8];
      RANDOM.nextBytes(bytes);
      String reference = PREFIX + HexFormat.of().formatHex(bytes);
      if (Clients.findByReference(handle, reference).isEmpty()) {
        return reference;
      }
    }
  }

  /** Everything about the client, the client's row last. */
  private static void remove(Handle handle, long id) {
    update(handle, "DELETE FROM administration_history WHERE client_id = :id", id);
    update(handle, "DELETE FROM administrations WHERE client_id = :id", id);
    update(handle, "DELETE FROM episodes WHERE client_id = :id", id);
    update(handle, "DELETE FROM clients WHERE id = :id", id);
  }

  /**
   * The audit entry's account of what went: counts only, never the reference, a contact or a text.
   */
  static String describe(Mode mode, Holdings before) {
    List<String> parts = new ArrayList<>();
    if (mode == Mode.REMOVE) {
      parts.add(plural(before.administrations(), "administration"));
      parts.add(
          plural(before.corrections(), "corrected or voided entry", "corrected or voided entries"));
    }
    parts.add(plural(before.notes(), "chart note"));
    parts.add(plural(before.noteVersions(), "earlier note version"));
    parts.add(plural(before.acknowledgements(), "alert follow-up"));
    parts.add(plural(before.links(), "client link"));
    String removed = "removed " + String.join(", ", parts);
    if (mode == Mode.REMOVE) {
      return "removed entirely (" + removed + (before.erased() ? ", already anonymised" : "") + ")";
    }
    return "anonymised: new reference, "
        + (before.personal() ? "date of birth and contacts removed, " : "")
        + removed
        + ", "
        + plural(before.corrections(), "correction reason", "correction reasons")
        + " erased, "
        + plural(before.administrations(), "score")
        + " kept (dated to the month)";
  }

  private static String plural(int count, String one) {
    return plural(count, one, one + "s");
  }

  private static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static int count(Handle handle, String sql, long id) {
    return handle.createQuery(sql).bind("id", id).mapTo(Integer.class).one();
  }

  private static void update(Handle handle, String sql, long id) {
    handle.createUpdate(sql).bind("id", id).execute();
  }
}
