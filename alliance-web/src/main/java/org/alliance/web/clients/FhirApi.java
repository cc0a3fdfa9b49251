package org.alliance.web.clients;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.fhir.FhirExport;
import org.alliance.io.fhir.ScoredAdministration;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.alerts.ClinicTrends;
import org.alliance.web.alerts.ClinicTrends.ClientTrend;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.alerts.SessionScore;
import org.alliance.web.alerts.TrendApi;
import org.alliance.web.episodes.EpisodeOfCare;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.security.Principal;

/**
 * {@code GET /api/clients/{id}/fhir}: one client's record as a FHIR R4 transaction Bundle, for an
 * electronic health record: the Questionnaires, a QuestionnaireResponse and a score Observation per
 * administration, and a Flag per current alert, made by the same mapping as {@code alliance convert
 * --to fhir}.
 */
public final class FhirApi {
  private final Platform platform;

  private final ClinicInstruments instruments;
  private final ClinicTrends trends;

  public FhirApi(Platform platform, ClinicInstruments instruments, ClinicTrends trends) {
    this.platform = platform;
    this.instruments = instruments;
    this.trends = trends;
  }

  /**
   * {@code GET /api/clients/{id}/fhir[?episode=ID]}: one episode of care (the latest unless asked),
   * as a new episode is a new course whose session numbers begin again.
   */
  public void bundle(Context ctx) {
    long id = Requests.id(ctx, "id");
    Optional<Long> asked = TrendApi.episode(ctx);
    Instant now = platform.clock().instant();
    record Read(
        Principal principal,
        Client client,
        EpisodeOfCare episode,
        List<StoredAdministration> administrations,
        List<SessionScore> scores) {}
    Read read =
        platform
            .database()
            .read(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Client client = Access.client(handle, principal, id);
                  EpisodeOfCare episode = Episodes.chosen(handle, client, asked);
                  return new Read(
                      principal,
                      client,
                      episode,
                      Administrations.ofEpisode(handle, episode.id()),
                      ScoreHistory.scores(handle, episode.id()));
                });
    platform
        .audit()
        .read(
            Optional.of(read.principal().userId()),
            AuditAction.FHIR_READ,
            Optional.of(id),
            "episode id " + read.episode().id(),
            now);
    ClientTrend trend =
        trends.trend(
            read.client().reference(),
            Optional.of(read.client().clinicianUsername()),
            read.scores());
    Scorer scorer = instruments.scorer();
    List<ScoredAdministration> scored =
        read.administrations().stream()
            .filter(stored -> scorer.catalog().contains(stored.instrumentId()))
            .map(stored -> ScoredAdministration.of(administration(read.client(), stored), scorer))
            .toList();
    ctx.contentType("application/fhir+json; charset=utf-8");
    try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
      FhirExport.of(scorer.catalog()).writeBundle(scored, trend.alerts(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Administration administration(Client client, StoredAdministration stored) {
    return new Administration(
        stored.instrumentId(),
        Optional.of(stored.instrumentVersion()),
        client.reference(),
        stored.session(),
        stored.date(),
        Optional.empty(),
        stored.answers());
  }
}
