package org.alliance.web.clients;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.fhir.Fhir;
import org.alliance.io.fhir.ScoredAdministration;
import org.alliance.io.report.PdfReportWriter;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.alerts.ClinicTrends;
import org.alliance.web.alerts.ClinicTrends.ClientTrend;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.security.Principal;

/**
 * The subject-access export (GDPR art. 15): everything the clinic holds about one client, for
 * whoever may reach the client (their clinician, the team's supervisor, an admin), as a PDF ({@code
 * GET /clients/{id}/subject-access.pdf}) and as a FHIR R4 Bundle with the Patient and its contacts
 * ({@code GET /api/clients/{id}/subject-access}). Each is audited.
 */
public final class SubjectAccessApi {
  private final Platform platform;
  private final ClinicInstruments instruments;
  private final ClinicTrends trends;

  public SubjectAccessApi(Platform platform, ClinicInstruments instruments, ClinicTrends trends) {
    this.platform = platform;
    this.instruments = instruments;
    this.trends = trends;
  }

  private record Read(Principal principal, SubjectAccess held) {}

  /** {@code GET /clients/{id}/subject-access.pdf}: a sign-in page first for a browser. */
  public void pdf(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    long id = PageRequests.id(ctx, "id");
    Read read = read(signedIn.get(), id, "PDF");
    ClientTrend trend = trend(read.held());
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfReportWriter.write(
          SubjectAccessReport.document(
              read.held(), trend, instruments.catalog(), platform.clock().instant()),
          pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.header(
        "Content-Disposition", "attachment; filename=\"client-" + id + "-subject-access.pdf\"");
    ctx.contentType("application/pdf").result(pdf.toByteArray());
  }

  /** {@code GET /api/clients/{id}/subject-access}: the FHIR R4 Bundle. */
  public void fhir(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    long id = Requests.id(ctx, "id");
    Read read = read(principal, id, "FHIR");
    ClientTrend trend = trend(read.held());
    Scorer scorer = instruments.scorer();
    List<ScoredAdministration> scored =
        read.held().administrations().stream()
            .filter(stored -> scorer.catalog().contains(stored.instrumentId()))
            .map(stored -> ScoredAdministration.of(administration(read.held(), stored), scorer))
            .toList();
    ctx.contentType("application/fhir+json; charset=utf-8")
        .result(
            Fhir.toJson(
                SubjectAccessBundle.of(read.held(), scorer.catalog(), scored, trend.alerts()),
                true));
  }

  /** Everything about the client, once the user may reach them; audited before it is shown. */
  private Read read(Principal principal, long id, String format) {
    Instant now = platform.clock().instant();
    Read read =
        platform
            .database()
            .read(
                handle ->
                    new Read(
                        principal,
                        SubjectAccess.read(handle, Access.client(handle, principal, id))));
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.CLIENT_SUBJECT_ACCESS,
            Optional.of(id),
            format,
            now);
    return read;
  }

  private ClientTrend trend(SubjectAccess held) {
    return trends.trend(
        held.client().reference(), Optional.of(held.client().clinicianUsername()), held.scores());
  }

  private static Administration administration(SubjectAccess held, StoredAdministration stored) {
    return new Administration(
        stored.instrumentId(),
        Optional.of(stored.instrumentVersion()),
        held.client().reference(),
        stored.session(),
        stored.date(),
        Optional.empty(),
        stored.answers());
  }
}
