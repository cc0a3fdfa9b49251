package org.alliance.web.instruments;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.WordingCheck;
import org.alliance.io.instrument.DefinitionProblem;
import org.alliance.io.instrument.DefinitionResult;
import org.alliance.io.instrument.InstrumentJson;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Sql;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Viewer;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The admin's instruments page ({@code /admin/instruments}): every instrument the clinic has,
 * built-in and added, switched on or off for new data; and adding an instrument from its JSON
 * definition, shown first with every problem before anything is stored. Every change is audited in
 * the same transaction.
 */
public final class InstrumentsPage {
  /** A definition is a few kilobytes; this leaves room for long item texts in several languages. */
  private static final int MAX_DEFINITION_BYTES = 1024 * 1024;

  private final Platform platform;

  private final ClinicInstruments instruments;

  public InstrumentsPage(Platform platform, ClinicInstruments instruments) {
    this.platform = platform;
    this.instruments = instruments;
  }

  /** One instrument as the page lists it. */
  public record Line(
      String id,
      String version,
      String title,
      boolean custom,
      boolean builtIn,
      boolean inUse,
      int items,
      String licence) {}

  /**
   * A definition read from an upload: the instrument, or every problem; and the text to store on
   * confirming.
   */
  public record Preview(
      Optional<Instrument> instrument, List<String> problems, String definition, String fileName) {
    public Preview {
      problems = List.copyOf(problems);
    }
  }

  /** {@code GET /admin/instruments}. */
  public void show(Context ctx) {
    Optional<Principal> admin = Access.adminPage(ctx, platform.authentication());
    if (admin.isPresent()) {
      List<Line> lines =
          instruments.catalog().instruments().stream()
              .map(
                  instrument ->
                      new Line(
                          instrument.id(),
                          instrument.version(),
                          instrument.title().en(),
                          instruments.isCustom(instrument.id()),
                          Catalog.builtIn().contains(instrument.id()),
                          instruments.inUse(instrument.id()),
                          instrument.items().size(),
                          instrument.licence().holder()))
              .toList();
      String message =
          Optional.ofNullable(ctx.queryParam("done")).map(InstrumentsPage::done).orElse("");
      Pages.render(
          ctx,
          "instruments/instruments.jte",
          "viewer",
          Viewer.of(admin.get()),
          "lines",
          lines,
          "message",
          message);
    }
  }

  /**
   * {@code POST /admin/instruments/{id}/use}: {@code in_use=true} switches it on for new data,
   * {@code false} off.
   */
  public void use(Context ctx) {
    Principal principal = Access.adminForm(ctx, platform.authentication());
    String id = ctx.pathParam("id");
    String value = PageRequests.field(ctx, "in_use").orElse("");
    if (!value.equals("true") && !value.equals("false")) {
      throw WebException.badRequest("in_use: expected true or false, found '" + value + "'");
    }
    Instrument instrument =
        instruments
            .catalog()
            .find(id)
            .orElseThrow(
                () -> WebException.notFound("instrument: " + instruments.catalog().unknown(id)));
    boolean on = value.equals("true");
    Instant now = platform.clock().instant();
    boolean changed =
        platform
            .database()
            .write(
                handle -> {
                  boolean done =
                      on
                          ? InstrumentsOff.switchOn(handle, instrument.id())
                          : InstrumentsOff.switchOff(
                              handle, instrument.id(), principal.userId(), now);
                  if (done) {
                    AuditLog.record(
                        handle,
                        Optional.of(principal.userId()),
                        on ? AuditAction.INSTRUMENT_ON : AuditAction.INSTRUMENT_OFF,
                        Optional.empty(),
                        instrument.id(),
                        now);
                  }
                  return done;
                });
    if (changed) {
      instruments.reload();
    }
    ctx.redirect("/admin/instruments?done=" + (on ? "on" : "off"), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /admin/instruments/preview}: a multipart upload of one definition; shows it, or its
   * problems.
   */
  public void preview(Context ctx) {
    Principal principal = Access.adminForm(ctx, platform.authentication());
    UploadedFile file = ctx.uploadedFile("definition");
    if (file == null || file.size() == 0) {
      throw WebException.badRequest("definition: choose the instrument's JSON file");
    }
    if (file.size() > MAX_DEFINITION_BYTES) {
      throw WebException.badRequest(
          "definition: "
              + file.filename()
              + " is larger than 1 MB; an instrument definition is a few kilobytes");
    }
    String text;
    try (InputStream in = file.content()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Preview preview = read(text, file.filename());
    ctx.status(preview.instrument().isPresent() ? 200 : 400);
    Pages.render(
        ctx,
        "instruments/instrument-preview.jte",
        "viewer",
        Viewer.of(principal),
        "preview",
        preview);
  }

  /** {@code POST /admin/instruments/confirm}: stores the definition shown in the preview. */
  public void confirm(Context ctx) {
    Principal principal = Access.adminForm(ctx, platform.authentication());
    String text =
        PageRequests.field(ctx, "definition")
            .orElseThrow(
                () -> WebException.badRequest("definition: nothing to add; upload the file again"));
    Preview preview = read(text, "the confirmed definition");
    Instrument instrument =
        preview
            .instrument()
            .orElseThrow(
                () ->
                    WebException.badRequest(
                        "definition: " + String.join("; ", preview.problems())));
    Instant now = platform.clock().instant();
    try {
      platform
          .database()
          .write(
              handle -> {
                boolean wording = Catalog.builtIn().contains(instrument.id());
                if (wording) {
                  // A new wording replaces the clinic's earlier one; the scoring never changes.
                  CustomInstruments.remove(handle, instrument.id());
                }
                CustomInstruments.add(
                    handle, instrument.id(), instrument.version(), text, principal.userId(), now);
                AuditLog.record(
                    handle,
                    Optional.of(principal.userId()),
                    AuditAction.INSTRUMENT_ADD,
                    Optional.empty(),
                    (wording ? "the clinic's wording of the built-in " : "")
                        + instrument.id()
                        + " version "
                        + instrument.version(),
                    now);
                return null;
              });
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) {
        // The same definition confirmed twice at once (a double click): the first one stored it.
        throw WebException.conflict("id: the clinic already has " + instrument.id());
      }
      throw e;
    }
    instruments.reload();
    ctx.redirect("/admin/instruments?done=added", HttpStatus.SEE_OTHER);
  }

  /**
   * Reads a definition and checks that the clinic can add it: a valid instrument whose id is not
   * taken.
   */
  private Preview read(String text, String fileName) {
    DefinitionResult result = InstrumentJson.read(text);
    List<String> problems = new ArrayList<>();
    result.problems().stream().map(DefinitionProblem::toString).forEach(problems::add);
    result
        .instrument()
        .ifPresent(
            instrument -> {
              Optional<Instrument> builtIn = Catalog.builtIn().find(instrument.id());
              if (builtIn.isPresent()) {
                // The clinic's licensed wording of a built-in: only words may differ, so every
                // stored and future score stays the built-in's.
                WordingCheck.scoringDifferences(builtIn.get(), instrument)
                    .forEach(
                        difference ->
                            problems.add(
                                "a clinic's wording of the built-in "
                                    + ClinicInstruments.shortName(builtIn.get())
                                    + " may change only its texts, but this definition changes "
                                    + difference
                                    + "; keep it as `alliance instruments export "
                                    + builtIn.get().id()
                                    + "` writes it, or give yours another id"));
              } else if (instruments.catalog().contains(instrument.id())) {
                problems.add(
                    "id: the clinic already has "
                        + instrument.id()
                        + "; an added instrument is never replaced, because "
                        + "stored answers refer to it, so give a new version another id, such as "
                        + instrument.id()
                        + "-v2");
              }
            });
    return new Preview(
        problems.isEmpty() ? result.instrument() : Optional.empty(), problems, text, fileName);
  }

  private static String done(String what) {
    return switch (what) {
      case "added" ->
          "The instrument was added and is in use. A built-in's wording now shows on its forms; its"
              + " scoring is unchanged.";
      case "on" -> "The instrument is in use: clinicians can enter it and send it to clients.";
      case "off" ->
          "The instrument is switched off: no new answers are taken for it; what is stored stays visible.";
      default -> "";
    };
  }
}
