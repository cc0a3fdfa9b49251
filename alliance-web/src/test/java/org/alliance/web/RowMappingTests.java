package org.alliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TimeZone;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.alerts.AlertAcknowledgements;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.alerts.ScoreHistory.ClientSessionScore;
import org.alliance.web.alerts.ScoreHistory.ClientVersion;
import org.alliance.web.alerts.SessionScore;
import org.alliance.web.clients.Caseloads;
import org.alliance.web.clients.Caseloads.CaseloadClient;
import org.alliance.web.clients.ChartNotes;
import org.alliance.web.clients.ChartNotes.ChartNote;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.CustomInstruments;
import org.alliance.web.links.ClientLinks;
import org.alliance.web.links.ClientLinks.LinkInfo;
import org.alliance.web.links.ClientLinks.OpenLink;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientFilter;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.access.ClientScope;
import org.alliance.web.platform.access.ClientSummary;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.http.Paging;
import org.alliance.web.platform.security.ApiTokens;
import org.alliance.web.platform.security.ApiTokens.TokenOwner;
import org.alliance.web.platform.security.LoginAttempts;
import org.alliance.web.platform.security.LoginSessions;
import org.alliance.web.platform.security.LoginSessions.LiveSession;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row record the repositories read comes back as it was written, through Jdbi's record
 * mapping: times to the microsecond and dates to the day, in a JVM whose time zone is far from UTC
 * (and changes to summer time at the instants written), NULL columns as empty optionals, JSON
 * columns as their maps, joined rows as their records. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class RowMappingTests {
  /**
   * UTC-3:30 in winter and UTC-2:30 in summer: every instant and date would shift if a zone came in
   * between.
   */
  private static final TimeZone FAR_ZONE = TimeZone.getTimeZone("America/St_Johns");

  /**
   * Summer time begins in St. John's at 2026-03-08 05:30Z; a client is created just before, a link
   * just after.
   */
  private static final Instant BEFORE_SUMMER = Instant.parse("2026-03-08T05:29:59.123456Z");

  private static final Instant AFTER_SUMMER = Instant.parse("2026-03-08T05:30:00.654321Z");

  /** Late in the evening of the 8th in St. John's, already the 9th in UTC. */
  private static final Instant LATE = Instant.parse("2026-03-09T01:15:00Z");

  private static final LocalDate SESSION_DATE = LocalDate.of(2026, 3, 8);

  @TempDir Path dataDir;
  private TimeZone zone;
  private Database database;

  abstract TestDatabase database();

  @BeforeEach
  void openInAFarTimeZone() {
    zone = TimeZone.getDefault();
    // Before the pool connects: PostgreSQL's driver gives each session the JVM's zone.
    TimeZone.setDefault(FAR_ZONE);
    ServerSettings settings = database().settings(dataDir);
    database = Database.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    TimeZone.setDefault(zone);
  }

  private record Clinic(
      long team, User supervisor, User clinician, User admin, long client, long other) {}

  private Clinic clinic() {
    return database.write(
        handle -> {
          long team = Teams.create(handle, "North", BEFORE_SUMMER);
          User supervisor =
              Users.create(
                  handle, "sue", "Sue", Role.SUPERVISOR, Optional.of(team), "hash", BEFORE_SUMMER);
          User clinician =
              Users.create(
                  handle, "ann", "Ann", Role.CLINICIAN, Optional.of(team), "hash", BEFORE_SUMMER);
          User admin =
              Users.create(
                  handle, "root", "Root", Role.ADMIN, Optional.empty(), "hash", BEFORE_SUMMER);
          long client = Clients.create(handle, "ann-1", clinician.id(), BEFORE_SUMMER);
          long other = Clients.create(handle, "ann-2", clinician.id(), LATE);
          return new Clinic(team, supervisor, clinician, admin, client, other);
        });
  }

  @Test
  void usersClientsAndTeamsComeBackAsWritten() {
    Clinic clinic = clinic();
    database.read(
        handle -> {
          assertThat(Users.find(handle, clinic.clinician().id())).contains(clinic.clinician());
          assertThat(Users.findByUsername(handle, "sue")).contains(clinic.supervisor());
          assertThat(Users.all(handle))
              .containsExactly(clinic.clinician(), clinic.admin(), clinic.supervisor());
          assertThat(Users.find(handle, clinic.admin().id()).orElseThrow().team()).isEmpty();
          assertThat(Users.find(handle, clinic.supervisor().id()).orElseThrow().role())
              .isEqualTo(Role.SUPERVISOR);
          assertThat(Teams.names(handle)).containsExactly(Map.entry(clinic.team(), "North"));

          Client client = Clients.find(handle, clinic.client()).orElseThrow();
          assertThat(client)
              .isEqualTo(
                  new Client(
                      clinic.client(),
                      "ann-1",
                      clinic.clinician().id(),
                      "ann",
                      Optional.of(clinic.team()),
                      BEFORE_SUMMER));
          assertThat(Clients.findByReference(handle, "ann-2").orElseThrow().createdAt())
              .isEqualTo(LATE);
          // What the database holds is the instant itself, not a local time of some zone.
          assertThat(epochSeconds(handle, clinic.client()))
              .isEqualByComparingTo(new BigDecimal("1772947799.123456"));

          List<ClientSummary> summaries =
              Clients.list(
                      handle,
                      new ClientScope.Caseload(clinic.clinician().id()),
                      ClientFilter.ACTIVE,
                      new Paging(1, Paging.DEFAULT_SIZE))
                  .items();
          assertThat(summaries)
              .containsExactly(
                  summary(client, 0, OptionalInt.empty(), Optional.empty()),
                  summary(
                      Clients.find(handle, clinic.other()).orElseThrow(),
                      0,
                      OptionalInt.empty(),
                      Optional.empty()));
          return null;
        });
  }

  /** A caseload line of a client with no details recorded beyond the default language. */
  private static ClientSummary summary(
      Client client, int administrations, OptionalInt lastSession, Optional<LocalDate> lastDate) {
    return new ClientSummary(
        client,
        "en",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        administrations,
        lastSession,
        lastDate);
  }

  private static BigDecimal epochSeconds(org.jdbi.v3.core.Handle handle, long client) {
    return handle
        .createQuery("SELECT EXTRACT(EPOCH FROM created_at) FROM clients WHERE id = :id")
        .bind("id", client)
        .mapTo(BigDecimal.class)
        .one();
  }

  @Test
  void administrationsAndTheirScoresComeBackAsWritten() {
    Clinic clinic = clinic();
    Instrument ors = Catalog.builtIn().get("ors");
    Map<String, Double> flags = new LinkedHashMap<>();
    flags.put("ors_2", 1.5);
    flags.put("ors_1", 0.5);
    Administration first = administration(ors, 1, Optional.of(SESSION_DATE), 3.2);
    Administration second = administration(ors, 2, Optional.empty(), 7.5);
    Answers.Builder missing = Answers.builder(4);
    ors.items().forEach(item -> missing.put(item.id(), Answer.NotAnswered.DECLINED));
    Administration invalid =
        new Administration(
            "ors",
            Optional.empty(),
            "ann-1",
            3,
            Optional.of(SESSION_DATE.plusDays(7)),
            Optional.empty(),
            missing.build());
    Score firstScore = Scorer.score(ors, first);
    Score secondScore = Scorer.score(ors, second);
    Score invalidScore = Scorer.score(ors, invalid);
    assertThat(invalidScore.valid()).isFalse();
    long[] ids =
        database.write(
            handle ->
                new long[] {
                  Administrations.insert(
                      handle,
                      clinic.client(),
                      Episodes.openOf(handle, clinic.client()).orElseThrow(),
                      first,
                      ors.version(),
                      firstScore,
                      flags,
                      clinic.clinician().id(),
                      LATE),
                  Administrations.insert(
                      handle,
                      clinic.client(),
                      Episodes.openOf(handle, clinic.client()).orElseThrow(),
                      second,
                      ors.version(),
                      secondScore,
                      Map.of(),
                      clinic.clinician().id(),
                      AFTER_SUMMER),
                  Administrations.insert(
                      handle,
                      clinic.client(),
                      Episodes.openOf(handle, clinic.client()).orElseThrow(),
                      invalid,
                      ors.version(),
                      invalidScore,
                      Map.of(),
                      clinic.clinician().id(),
                      AFTER_SUMMER)
                });

    database.read(
        handle -> {
          List<StoredAdministration> stored = Administrations.ofClient(handle, clinic.client());
          assertThat(stored)
              .extracting(StoredAdministration::id)
              .containsExactly(ids[0], ids[1], ids[2]);
          StoredAdministration one = stored.get(0);
          assertThat(one.clientId()).isEqualTo(clinic.client());
          assertThat(one.instrumentId()).isEqualTo("ors");
          assertThat(one.instrumentVersion()).isEqualTo(ors.version());
          assertThat(one.session()).isEqualTo(1);
          assertThat(one.date()).contains(SESSION_DATE);
          assertThat(one.answers()).isEqualTo(first.answers());
          assertThat(one.answers().keySet()).containsExactlyElementsOf(first.answers().keySet());
          assertThat(one.total()).isEqualTo(firstScore.total());
          assertThat(one.valid()).isTrue();
          assertThat(one.band()).isEqualTo(firstScore.band().map(band -> band.label()));
          assertThat(one.riskFlags()).isEqualTo(flags);
          assertThat(one.riskFlags().keySet()).containsExactly("ors_2", "ors_1");
          assertThat(one.createdBy()).isEqualTo(clinic.clinician().id());
          assertThat(one.createdAt()).isEqualTo(LATE);
          assertThat(stored.get(1).date()).isEmpty();
          assertThat(stored.get(1).riskFlags()).isEmpty();
          assertThat(stored.get(1).createdAt()).isEqualTo(AFTER_SUMMER);
          StoredAdministration declined = stored.get(2);
          assertThat(declined.valid()).isFalse();
          assertThat(declined.total()).isEmpty();
          assertThat(declined.band()).isEmpty();
          assertThat(declined.answers()).isEqualTo(invalid.answers());

          SessionScore firstSession =
              new SessionScore(
                  "ors", 1, Optional.of(SESSION_DATE), firstScore.total().getAsDouble(), flags);
          SessionScore secondSession =
              new SessionScore(
                  "ors", 2, Optional.empty(), secondScore.total().getAsDouble(), Map.of());
          long episode = Episodes.openOf(handle, clinic.client()).orElseThrow();
          long otherEpisode = Episodes.openOf(handle, clinic.other()).orElseThrow();
          assertThat(ScoreHistory.scores(handle, episode))
              .containsExactly(firstSession, secondSession);

          Client client = Clients.find(handle, clinic.client()).orElseThrow();
          Client other = Clients.find(handle, clinic.other()).orElseThrow();
          assertThat(ScoreHistory.version(handle, clinic.client(), Optional.empty()))
              .contains(new ClientVersion(client, episode, 2, ids[1]));
          assertThat(ScoreHistory.version(handle, clinic.client(), Optional.of(episode)))
              .contains(new ClientVersion(client, episode, 2, ids[1]));
          assertThat(ScoreHistory.version(handle, clinic.other(), Optional.empty()))
              .contains(new ClientVersion(other, otherEpisode, 0, 0));
          ClientScope team = new ClientScope.Team(clinic.team());
          assertThat(ScoreHistory.versionsInScope(handle, team))
              .containsExactly(new ClientVersion(client, episode, 2, ids[1]));
          List<ClientSessionScore> rows = new ArrayList<>();
          ScoreHistory.scoresInScope(handle, team, Optional.of("ors"), false, rows::add);
          ScoreHistory.scoresOfEpisodes(handle, List.of(episode, otherEpisode), rows::add);
          ScoreHistory.scoresOfInstrument(handle, "ors", rows::add);
          ClientSessionScore firstRow = new ClientSessionScore(client, episode, 1, firstSession);
          ClientSessionScore secondRow = new ClientSessionScore(client, episode, 1, secondSession);
          assertThat(rows)
              .containsExactly(firstRow, secondRow, firstRow, secondRow, firstRow, secondRow);
          assertThat(ScoreHistory.clientsByInstrument(handle, team))
              .containsExactly(Map.entry("ors", 1));
          assertThat(ScoreHistory.instruments(handle)).containsExactly("ors");
          // Three administrations, the highest id among them added: it changes with every change.
          long highest =
              handle.createQuery("SELECT MAX(id) FROM administrations").mapTo(Long.class).one();
          assertThat(ScoreHistory.version(handle)).isEqualTo(3 + highest);

          List<ClientSummary> summaries =
              Clients.list(handle, team, ClientFilter.ACTIVE, new Paging(1, Paging.DEFAULT_SIZE))
                  .items();
          assertThat(summaries.get(0))
              .isEqualTo(
                  summary(client, 3, OptionalInt.of(3), Optional.of(SESSION_DATE.plusDays(7))));
          List<CaseloadClient> caseload = Caseloads.latest(handle, team, ClientFilter.ACTIVE);
          assertThat(caseload).extracting(CaseloadClient::client).containsExactly(client, other);
          CaseloadClient withScores = caseload.get(0);
          assertThat(withScores.administrations()).isEqualTo(2);
          assertThat(withScores.lastId()).isEqualTo(ids[1]);
          assertThat(withScores.latest())
              .containsExactly(
                  new Caseloads.LatestScore(
                      "ors",
                      2,
                      Optional.empty(),
                      secondScore.total().getAsDouble(),
                      firstScore.total()));
          assertThat(caseload.get(1).latest()).isEmpty();
          assertThat(caseload.get(1).administrations()).isZero();
          return null;
        });
  }

  private static Administration administration(
      Instrument instrument, int session, Optional<LocalDate> date, double mark) {
    Answers.Builder answers = Answers.builder(4);
    instrument.items().forEach(item -> answers.put(item.id(), Answer.of(mark)));
    return new Administration(
        instrument.id(),
        Optional.empty(),
        "ann-1",
        session,
        date,
        Optional.empty(),
        answers.build());
  }

  @Test
  void notesLinksAcknowledgementsAndDefinitionsComeBackAsWritten() {
    Clinic clinic = clinic();
    long by = clinic.clinician().id();
    database.write(
        handle -> {
          ChartNotes.add(
              handle,
              clinic.client(),
              OptionalInt.empty(),
              Optional.of(SESSION_DATE),
              "sertraline 50 mg",
              by,
              BEFORE_SUMMER);
          ChartNotes.add(
              handle,
              clinic.client(),
              OptionalInt.of(2),
              Optional.empty(),
              "moved house",
              by,
              AFTER_SUMMER);
          AlertAcknowledgements.add(
              handle,
              clinic.client(),
              Episodes.openOf(handle, clinic.client()).orElseThrow(),
              "rupture",
              "1",
              2,
              "talked it through",
              by,
              LATE);
          CustomInstruments.add(
              handle, "mood", "1.0", "{\"id\":\"mood\"}", clinic.admin().id(), LATE);
          return null;
        });
    long link =
        database.write(
            handle ->
                ClientLinks.create(
                    handle, "link-hash", clinic.client(), "ors", 3, LATE, by, BEFORE_SUMMER));

    database.read(
        handle -> {
          List<ChartNote> notes = ChartNotes.ofClient(handle, clinic.client());
          assertThat(notes)
              .extracting(ChartNote::note)
              .containsExactly("sertraline 50 mg", "moved house");
          assertThat(notes.get(0).session()).isEmpty();
          assertThat(notes.get(0).date()).contains(SESSION_DATE);
          assertThat(notes.get(0).author()).isEqualTo("Ann");
          assertThat(notes.get(0).clientId()).isEqualTo(clinic.client());
          assertThat(notes.get(0).createdAt()).isEqualTo(BEFORE_SUMMER);
          assertThat(notes.get(1).session()).hasValue(2);
          assertThat(notes.get(1).date()).isEmpty();
          assertThat(notes.get(1).createdAt()).isEqualTo(AFTER_SUMMER);

          assertThat(AlertAcknowledgements.ofClient(handle, clinic.client()))
              .containsExactly(
                  new Acknowledgement(
                      clinic.client(),
                      "rupture",
                      "1",
                      2,
                      "talked it through",
                      "Ann",
                      LATE,
                      null,
                      null));
          assertThat(CustomInstruments.all(handle))
              .containsExactly(
                  new CustomInstruments.StoredDefinition("mood", "1.0", "{\"id\":\"mood\"}"));

          assertThat(ClientLinks.open(handle, "link-hash", AFTER_SUMMER))
              .contains(
                  new OpenLink(link, clinic.client(), "ors", 3, by, LATE, ClientLanguage.ENGLISH));
          assertThat(ClientLinks.open(handle, "link-hash", LATE)).isEmpty();
          assertThat(ClientLinks.ofClient(handle, clinic.client()))
              .containsExactly(new LinkInfo(link, "ors", 3, BEFORE_SUMMER, LATE, Optional.empty()));
          return null;
        });
    boolean used = database.write(handle -> ClientLinks.markUsed(handle, link, AFTER_SUMMER));
    assertThat(used).isTrue();
    List<LinkInfo> links = database.read(handle -> ClientLinks.ofClient(handle, clinic.client()));
    assertThat(links.get(0).usedAt()).contains(AFTER_SUMMER);
  }

  @Test
  void tokensSessionsAndLoginAttemptsComeBackAsWritten() {
    Clinic clinic = clinic();
    User ann = clinic.clinician();
    long token =
        database.write(
            handle -> {
              LoginSessions.create(handle, "session-hash", ann.id(), "csrf", BEFORE_SUMMER, LATE);
              LoginAttempts.record(handle, "ann", "10.0.0.1", false, BEFORE_SUMMER);
              LoginAttempts.record(handle, "ann", "10.0.0.1", false, AFTER_SUMMER);
              return ApiTokens.create(handle, ann.id(), "laptop", "token-hash", BEFORE_SUMMER);
            });

    database.read(
        handle -> {
          assertThat(ApiTokens.owner(handle, "token-hash"))
              .contains(new TokenOwner(token, ann, Optional.empty()));
          assertThat(ApiTokens.ofUser(handle, ann.id()))
              .containsExactly(
                  new ApiTokens.TokenInfo(token, "laptop", BEFORE_SUMMER, Optional.empty()));
          assertThat(LoginSessions.find(handle, "session-hash", AFTER_SUMMER))
              .contains(new LiveSession(ann, "csrf", false, BEFORE_SUMMER, LATE));
          assertThat(LoginSessions.find(handle, "session-hash", LATE)).isEmpty();
          assertThat(LoginAttempts.failuresOfAccount(handle, "ann", BEFORE_SUMMER.minusSeconds(1)))
              .containsExactly(BEFORE_SUMMER, AFTER_SUMMER);
          assertThat(LoginAttempts.failuresOfAddress(handle, "10.0.0.1", BEFORE_SUMMER))
              .containsExactly(AFTER_SUMMER);
          return null;
        });
    database.write(
        handle -> {
          ApiTokens.touch(handle, token, LATE);
          return null;
        });
    Optional<TokenOwner> touched = database.read(handle -> ApiTokens.owner(handle, "token-hash"));
    assertThat(touched).contains(new TokenOwner(token, ann, Optional.of(LATE)));
    // A session's last use and a reset password come back as written too.
    database.write(
        handle -> {
          LoginSessions.touch(handle, "session-hash", AFTER_SUMMER);
          Users.setPassword(handle, ann.id(), "hash", true);
          return null;
        });
    Optional<LiveSession> seen =
        database.read(handle -> LoginSessions.find(handle, "session-hash", AFTER_SUMMER));
    assertThat(seen).contains(new LiveSession(ann, "csrf", true, AFTER_SUMMER, LATE));
  }
}
