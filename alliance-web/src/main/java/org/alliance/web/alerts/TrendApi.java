package org.alliance.web.alerts;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.ClientAlerts;
import org.alliance.io.json.AlertJson;
import org.alliance.io.json.TrendJson;
import org.alliance.web.alerts.ClinicTrends.ClientTrend;
import org.alliance.web.alerts.ScoreHistory.ClientSessionScore;
import org.alliance.web.alerts.ScoreHistory.ClientVersion;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientJson;
import org.alliance.web.platform.access.ClientMemory;
import org.alliance.web.platform.access.ClientScope;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.Json;
import org.alliance.web.platform.http.Requests;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;

/**
 * {@code GET /api/clients/{id}/trend} (one client's courses and alerts) and {@code GET /api/alerts}
 * (every reachable client's alerts, most urgent client first), as the CLI's {@code trend} computes
 * them.
 */
public final class TrendApi implements ClientMemory {
  /**
   * Up to this many clients whose alerts must be computed again are read by id; more, with the
   * whole scope.
   */
  private static final int STALE_BY_ID = 500;

  private final Platform platform;
  private final TrendAnswers answers = new TrendAnswers();

  private final ClinicTrends trends;

  public TrendApi(Platform platform, ClinicTrends trends) {
    this.platform = platform;
    this.trends = trends;
  }

  /** Forgets the trend answer kept for a client, once their data is erased. */
  @Override
  public void forget(long clientId) {
    answers.forget(clientId);
  }

  /**
   * The client's course on every measure in one episode of care ({@code ?episode=ID}, else the
   * latest), each session against the expected course, and the ranked alerts.
   */
  public void trend(Context ctx) {
    long id = Requests.id(ctx, "id");
    Optional<Long> episode = episode(ctx);
    Instant now = platform.clock().instant();
    ClinicTrends.Basis basis = trends.currentBasis();
    record Read(
        Principal principal,
        ClientVersion version,
        Optional<byte[]> answer,
        List<SessionScore> scores) {}
    // Who is asking, whether they may, and the version of the client's data, on one handle. The
    // scores are read
    // only when the answer for this version is not at hand.
    Read read =
        platform
            .database()
            .read(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  ClientVersion version =
                      Access.reachable(
                          principal,
                          ScoreHistory.version(handle, id, Optional.empty()),
                          ClientVersion::client,
                          id);
                  if (episode.isPresent()) {
                    version =
                        ScoreHistory.version(handle, id, episode)
                            .orElseThrow(
                                () ->
                                    WebException.notFound(
                                        "episode: the client has no episode " + episode.get()));
                  }
                  Optional<byte[]> answer = answers.find(version, basis);
                  return new Read(
                      principal,
                      version,
                      answer,
                      answer.isPresent()
                          ? List.of()
                          : ScoreHistory.scores(handle, version.episodeId()));
                });
    platform
        .audit()
        .read(
            Optional.of(read.principal().userId()),
            AuditAction.TREND_READ,
            Optional.of(id),
            "episode id " + read.version().episodeId(),
            now);
    byte[] answer =
        read.answer()
            .orElseGet(
                () ->
                    answers.keep(
                        read.version(), basis, body(read.version().client(), read.scores())));
    Json.send(ctx, 200, answer);
  }

  private byte[] body(Client client, List<SessionScore> scores) {
    ClientTrend trend =
        trends.trend(client.reference(), Optional.of(client.clinicianUsername()), scores);
    return Json.bytes(
        ClientTrendAnswer.of(
            ClientJson.of(client),
            TrendJson.of(trend.episode(), trend.expectedCourses(), trend.alerts(), trend.notes())));
  }

  /**
   * {@code GET /api/alerts[?rule=ID]}: clients with alerts, ranked as the CLI ranks them. Each
   * client's alerts are computed again only when their data or the expected courses changed since
   * last time.
   */
  public void alerts(Context ctx) {
    Principal principal = platform.authentication().require(ctx);
    Optional<AlertRule> rule = Requests.query(ctx, "rule").map(TrendApi::rule);
    Instant now = platform.clock().instant();
    List<ClientAlerts> found = new ArrayList<>();
    Map<String, Client> clients = new LinkedHashMap<>();
    BiConsumer<Client, List<Alert>> keep =
        (client, alerts) -> {
          List<Alert> kept =
              alerts.stream()
                  .filter(alert -> rule.isEmpty() || alert.rule() == rule.get())
                  .toList();
          if (!kept.isEmpty()) {
            found.add(new ClientAlerts(client.reference(), kept));
            clients.put(client.reference(), client);
          }
        };
    int checked =
        platform
            .database()
            .read(
                handle -> {
                  ClientScope scope = Access.scope(principal);
                  List<ClientVersion> versions = ScoreHistory.versionsInScope(handle, scope);
                  // By episode: the open one of each client, whose alerts are the ones to act on.
                  Map<Long, ClientVersion> stale = new HashMap<>();
                  for (ClientVersion version : versions) {
                    Optional<List<Alert>> cached =
                        trends.cachedAlerts(
                            version.episodeId(), version.administrations(), version.lastId());
                    if (cached.isPresent()) {
                      keep.accept(version.client(), cached.get());
                    } else {
                      stale.put(version.episodeId(), version);
                    }
                  }
                  ClientGrouper grouper =
                      new ClientGrouper(
                          course -> {
                            ClientVersion version = stale.get(course.episodeId());
                            if (version != null) {
                              Client client = course.client();
                              keep.accept(
                                  client,
                                  trends
                                      .trend(
                                          course.episodeId(),
                                          version.administrations(),
                                          version.lastId(),
                                          client.reference(),
                                          Optional.of(client.clinicianUsername()),
                                          course.scores())
                                      .alerts());
                            }
                          });
                  if (stale.size() > STALE_BY_ID) {
                    ScoreHistory.scoresInScope(handle, scope, Optional.empty(), true, grouper);
                  } else if (!stale.isEmpty()) {
                    List<Long> ids = new ArrayList<>(stale.keySet());
                    ids.sort(null);
                    ScoreHistory.scoresOfEpisodes(handle, ids, grouper);
                  }
                  grouper.finish();
                  return versions.size();
                });
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.ALERTS_READ,
            Optional.empty(),
            checked + " clients checked, " + found.size() + " with alerts",
            now);
    List<AlertsAnswer.ClientAlertsJson> ranked = new ArrayList<>();
    for (ClientAlerts alerts : ClientAlerts.rank(found)) {
      ranked.add(
          new AlertsAnswer.ClientAlertsJson(
              ClientJson.of(clients.get(alerts.client())),
              alerts.urgency(),
              alerts.alerts().stream().map(AlertJson::of).toList()));
    }
    ctx.json(new AlertsAnswer(checked, ranked));
  }

  /** The {@code episode} query parameter: an episode's id; 400 naming it when not a number. */
  public static Optional<Long> episode(Context ctx) {
    Optional<String> given = Requests.query(ctx, "episode");
    if (given.isEmpty()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(given.get());
      if (id >= 1) {
        return Optional.of(id);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw WebException.badRequest(
        "query parameter episode: expected the id of one of the client's episodes, found '"
            + (given.get().length() > 20 ? given.get().substring(0, 20) + "..." : given.get())
            + "'");
  }

  private static AlertRule rule(String id) {
    return AlertRule.byId(id)
        .orElseThrow(
            () ->
                WebException.badRequest(
                    "rule: unknown alert rule '"
                        + id
                        + "'; known: "
                        + Arrays.stream(AlertRule.values())
                            .map(AlertRule::id)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * The scores of one episode of care of one client.
   *
   * @param episodeNumber the episode's place among the client's episodes, from 1
   */
  public record EpisodeScores(
      Client client, long episodeId, int episodeNumber, List<SessionScore> scores) {
    /**
     * The name of the episode's course in a cohort, where each episode counts on its own: the
     * client's reference, with the episode's number from the second on ("c-0042, episode 2").
     */
    public String courseName() {
      return episodeNumber == 1
          ? client.reference()
          : client.reference() + ", episode " + episodeNumber;
    }
  }

  /** Groups scores read in client and episode order into one call per episode of care. */
  public static final class ClientGrouper implements Consumer<ClientSessionScore> {
    private final Consumer<EpisodeScores> each;
    private ClientSessionScore first;
    private final List<SessionScore> scores = new ArrayList<>();

    public ClientGrouper(Consumer<EpisodeScores> each) {
      this.each = each;
    }

    @Override
    public void accept(ClientSessionScore row) {
      if (first != null && row.episodeId() != first.episodeId()) {
        finish();
      }
      if (first == null) {
        first = row;
      }
      scores.add(row.score());
    }

    public void finish() {
      if (first != null) {
        each.accept(
            new EpisodeScores(
                first.client(), first.episodeId(), first.episodeNumber(), List.copyOf(scores)));
        scores.clear();
        first = null;
      }
    }
  }
}
