package org.alliance.web.clients;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.ClientAlerts;
import org.alliance.web.alerts.AlertAcknowledgements;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;
import org.alliance.web.alerts.ClinicTrends;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.alerts.SessionScore;
import org.alliance.web.clients.Caseloads.CaseloadClient;
import org.alliance.web.clients.Caseloads.LatestScore;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientFilter;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.Paging;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Viewer;

/**
 * {@code GET /}: the caseload dashboard. One query reads every client of the caseload that the
 * search and filter find, with their latest scores and the version of their data; alerts come from
 * the trend cache, and only clients whose data changed since are read again, all in one more query.
 * The clients are ranked by urgency, then one page of them is shown.
 */
public final class CaseloadPage {
  /** Clients on one page of the caseload: a screenful or two, with the most urgent first. */
  public static final int PAGE_SIZE = 50;

  private final Platform platform;

  private final ClinicInstruments instruments;
  private final ClinicTrends trends;

  public CaseloadPage(Platform platform, ClinicInstruments instruments, ClinicTrends trends) {
    this.platform = platform;
    this.instruments = instruments;
    this.trends = trends;
  }

  public void show(Context ctx) {
    Optional<Principal> signedIn = platform.authentication().find(ctx);
    if (signedIn.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    Principal principal = signedIn.get();
    Optional<AlertRule> rule =
        Optional.ofNullable(ctx.queryParam("alert"))
            .filter(id -> !id.isBlank())
            .map(CaseloadPage::rule);
    ClientFilter filter = filter(ctx);
    int page = PageRequests.page(ctx);
    Instant now = platform.clock().instant();
    Map<Long, List<Alert>> alerts = new HashMap<>();
    Map<Long, Set<String>> done = new HashMap<>();
    List<User> clinicians = new ArrayList<>();
    List<CaseloadClient> caseload =
        platform
            .database()
            .read(
                handle -> {
                  clinicians.addAll(Access.clinicians(handle, principal));
                  List<CaseloadClient> clients =
                      Caseloads.latest(handle, Access.scope(principal), filter);
                  Map<Long, CaseloadClient> stale = new LinkedHashMap<>();
                  // Alerts come from open episodes only: a closed one's are nobody's to act on.
                  // They are cached per episode; stale is by episode id.
                  for (CaseloadClient client : clients) {
                    if (client.administrations() == 0 || !client.episodeOpen()) {
                      continue;
                    }
                    Optional<List<Alert>> cached =
                        trends.cachedAlerts(
                            client.episodeId(), client.administrations(), client.lastId());
                    if (cached.isPresent()) {
                      alerts.put(client.client().id(), cached.get());
                    } else {
                      stale.put(client.episodeId(), client);
                    }
                  }
                  if (!stale.isEmpty()) {
                    Map<Long, List<SessionScore>> scores = new LinkedHashMap<>();
                    Map<Long, Client> byId = new HashMap<>();
                    ScoreHistory.scoresOfEpisodes(
                        handle,
                        List.copyOf(stale.keySet()),
                        row -> {
                          scores
                              .computeIfAbsent(row.episodeId(), id -> new ArrayList<>())
                              .add(row.score());
                          byId.putIfAbsent(row.episodeId(), row.client());
                        });
                    scores.forEach(
                        (episode, list) -> {
                          CaseloadClient version = stale.get(episode);
                          Client client = byId.get(episode);
                          alerts.put(
                              client.id(),
                              trends
                                  .trend(
                                      episode,
                                      version.administrations(),
                                      version.lastId(),
                                      client.reference(),
                                      Optional.of(client.clinicianUsername()),
                                      list)
                                  .alerts());
                        });
                  }
                  List<Long> alerted =
                      alerts.entrySet().stream()
                          .filter(entry -> !entry.getValue().isEmpty())
                          .map(Map.Entry::getKey)
                          .toList();
                  for (Acknowledgement ack : AlertAcknowledgements.openOf(handle, alerted)) {
                    done.computeIfAbsent(ack.clientId(), id -> new HashSet<>())
                        .add(CaseloadView.Row.key(ack.ruleId(), ack.session()));
                  }
                  return clients;
                });
    platform
        .audit()
        .read(
            Optional.of(principal.userId()),
            AuditAction.CASELOAD_READ,
            Optional.empty(),
            caseload.size()
                + " clients"
                + rule.map(r -> ", alerts " + r.id()).orElse("")
                + ClientsApi.describe(filter)
                + (page > 1 ? ", page " + page : ""),
            now);
    CaseloadView view =
        view(
            caseload,
            alerts,
            done,
            rule,
            filter,
            page,
            principal,
            ClientForm.adding(clinicians, LocalDate.ofInstant(now, ZoneOffset.UTC)));
    Pages.render(ctx, "clients/caseload.jte", "viewer", Viewer.of(principal), "view", view);
  }

  /**
   * The search box ({@code q}) and active or discharged clients ({@code status}); 400 naming the
   * parameter that is wrong.
   */
  private static ClientFilter filter(Context ctx) {
    ClientFilter filter = ClientsApi.filter(ctx);
    if (filter.status() == ClientFilter.Status.ALL) {
      // The page shows one list or the other; "all" is for programs.
      return new ClientFilter(ClientFilter.Status.ACTIVE, filter.search());
    }
    return filter;
  }

  private CaseloadView view(
      List<CaseloadClient> caseload,
      Map<Long, List<Alert>> alerts,
      Map<Long, Set<String>> done,
      Optional<AlertRule> rule,
      ClientFilter filter,
      int page,
      Principal principal,
      ClientForm addForm) {
    Map<String, CaseloadView.Row> rows = new LinkedHashMap<>();
    List<ClientAlerts> withAlerts = new ArrayList<>();
    Map<AlertRule, Integer> counts = new LinkedHashMap<>();
    Arrays.stream(AlertRule.values()).forEach(r -> counts.put(r, 0));
    for (CaseloadClient client : caseload) {
      List<Alert> own = alerts.getOrDefault(client.client().id(), List.of());
      own.stream().map(Alert::rule).distinct().forEach(r -> counts.merge(r, 1, Integer::sum));
      if (rule.isPresent() && own.stream().noneMatch(alert -> alert.rule() == rule.get())) {
        continue;
      }
      rows.put(
          client.client().reference(),
          row(client, own, done.getOrDefault(client.client().id(), Set.of())));
      if (!own.isEmpty()) {
        withAlerts.add(new ClientAlerts(client.client().reference(), own));
      }
    }
    // Clients with alerts first, ranked as the CLI ranks them; then everyone else by reference.
    List<CaseloadView.Row> ordered = new ArrayList<>(rows.size());
    for (ClientAlerts ranked : ClientAlerts.rank(withAlerts)) {
      ordered.add(rows.remove(ranked.client()));
    }
    ordered.addAll(rows.values());
    Paging.Paged<CaseloadView.Row> shown = new Paging(page, PAGE_SIZE).slice(ordered);
    List<CaseloadView.RuleOption> options =
        counts.entrySet().stream()
            .map(
                entry ->
                    new CaseloadView.RuleOption(
                        entry.getKey().id(), entry.getKey().title(), entry.getValue()))
            .toList();
    return new CaseloadView(
        shown.items(),
        ordered.size(),
        filter.search().orElse(""),
        filter.status() == ClientFilter.Status.DISCHARGED,
        rule.map(AlertRule::id),
        options,
        principal.role() != Role.CLINICIAN,
        page,
        shown.pages(),
        addForm);
  }

  private CaseloadView.Row row(CaseloadClient client, List<Alert> alerts, Set<String> done) {
    List<CaseloadView.ScoreCell> outcome = new ArrayList<>();
    List<CaseloadView.ScoreCell> alliance = new ArrayList<>();
    String lastSeen = "no scores yet";
    int lastSession = -1;
    for (LatestScore score : client.latest()) {
      Optional<Instrument> found = instruments.scorer().catalog().find(score.instrumentId());
      if (found.isEmpty()) {
        continue;
      }
      Instrument instrument = found.get();
      String trend = "";
      if (score.previous().isPresent()) {
        double change =
            (score.total() - score.previous().getAsDouble()) * instrument.direction().sign();
        trend = change > 0 ? "better" : change < 0 ? "worse" : "steady";
      }
      boolean concern =
          instrument.clinicalCutoff().map(cutoff -> cutoff.isClinical(score.total())).orElse(false);
      CaseloadView.ScoreCell cell =
          new CaseloadView.ScoreCell(
              ClinicInstruments.shortName(instrument),
              Numbers.format(score.total()),
              score.session(),
              trend,
              concern);
      (instrument.construct() == Construct.ALLIANCE ? alliance : outcome).add(cell);
      if (score.session() > lastSession) {
        lastSession = score.session();
        lastSeen = "session " + score.session() + score.date().map(date -> ", " + date).orElse("");
      }
    }
    return new CaseloadView.Row(
        client.client().id(),
        client.client().reference(),
        client.client().clinicianUsername(),
        client.episodeOpen() ? "in care since " + client.since() : "episode from " + client.since(),
        lastSeen,
        outcome,
        alliance,
        alerts,
        done);
  }

  private static AlertRule rule(String id) {
    return AlertRule.byId(id)
        .orElseThrow(
            () -> WebException.badRequest("alert: there is no kind of alert called '" + id + "'"));
  }
}
