package org.alliance.web.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.evaluation.ClinicClient;
import org.alliance.core.evaluation.ClinicModel;
import org.alliance.core.evaluation.ClinicSimulator;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answers;
import org.alliance.core.simulation.SimulatedAnswers;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertFinder;
import org.alliance.core.trend.AlertOptions;
import org.alliance.core.trend.AlertRule;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.ExpectedCourse;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;
import org.alliance.web.administrations.RecordAdministration;
import org.alliance.web.administrations.RecordAdministration.Source;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.db.Database;
import org.alliance.web.platform.security.Passwords;
import org.alliance.web.platform.security.Role;
import org.alliance.web.platform.security.Teams;
import org.alliance.web.platform.security.User;
import org.alliance.web.platform.security.Users;

/**
 * A demo clinic for newcomers: an admin, a supervisor and three clinicians in one team, and about
 * forty made-up clients with a few months of weekly ORS and SRS (a quarter also PHQ-9), drawn from
 * the core's calibrated clinic simulator (SRS mean about 36.5, as in a real clinic). Clients are
 * chosen so that every kind of alert occurs at least once: a risk item, the vicious circle,
 * reliable deterioration, not on track, an unrepaired rupture, alliance below cutoff and an
 * alliance drop. Seeding happens once: a second start with {@code --demo} finds the team and skips
 * it.
 */
public final class DemoClinic {
  public static final String TEAM = "Demo team";
  public static final String PASSWORD = "alliance-demo";

  /** The demo users: username, display name, role. */
  static final List<String[]> USERS =
      List.of(
          new String[] {"admin", "Clinic Admin", "admin"},
          new String[] {"sam", "Sam Rivera", "supervisor"},
          new String[] {"alex", "Alex Morgan", "clinician"},
          new String[] {"bea", "Bea Lindqvist", "clinician"},
          new String[] {"chris", "Chris Okafor", "clinician"});

  /** The alert kinds the demo must show. */
  static final Set<AlertRule> SHOWN =
      EnumSet.of(
          AlertRule.CRITICAL_ITEM,
          AlertRule.VICIOUS_CIRCLE,
          AlertRule.RELIABLE_DETERIORATION,
          AlertRule.NOT_ON_TRACK,
          AlertRule.UNREPAIRED_RUPTURE,
          AlertRule.ALLIANCE_BELOW_CUTOFF,
          AlertRule.ALLIANCE_DROP);

  private static final int CLIENTS = 40;
  private static final int POOL = 400;
  private static final long SEED = 2_024;

  private final Database database;
  private final Clock clock;
  private final Catalog catalog = Catalog.builtIn();

  /** The sessions with a risk answer on the PHQ-9, by client reference. */
  private final Map<String, Set<Integer>> riskSessions = new HashMap<>();

  private final RecordAdministration record;

  public DemoClinic(Database database, RecordAdministration record, Clock clock) {
    this.database = database;
    this.record = record;
    this.clock = clock;
  }

  /** The logins, for the console. */
  public static void printLogins(PrintWriter out) {
    out.println("Demo clinic logins (password for all: " + PASSWORD + "):");
    for (String[] user : USERS) {
      out.println(
          "  "
              + String.format(Locale.ROOT, "%-8s", user[0])
              + " "
              + user[2]
              + (user[2].equals("admin") ? "" : ", " + TEAM));
    }
  }

  /** Seeds the demo clinic unless it is there already; returns whether it seeded. */
  public boolean seed() {
    if (database.jdbi().withHandle(handle -> Teams.findByName(handle, TEAM)).isPresent()) {
      return false;
    }
    List<Episode> episodes = choose();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    // Hashed outside the transaction: argon2id takes a moment per hash, and all demo users share
    // the password.
    String hash = Passwords.hash(PASSWORD);
    database.write(
        handle -> {
          long team = Teams.create(handle, TEAM, now);
          Map<String, User> clinicians = new LinkedHashMap<>();
          for (String[] user : USERS) {
            Role role = Role.parse(user[2]).orElseThrow();
            User created =
                Users.create(
                    handle,
                    user[0],
                    user[1],
                    role,
                    role == Role.ADMIN ? Optional.empty() : Optional.of(team),
                    hash,
                    now);
            if (role == Role.CLINICIAN) {
              clinicians.put("clinician-0" + (clinicians.size() + 1), created);
            }
          }
          int index = 0;
          for (Episode episode : episodes) {
            User clinician = clinicians.get(episode.clinician().orElseThrow());
            long client = Clients.create(handle, episode.client(), clinician.id(), now);
            AuditLog.record(
                handle,
                Optional.empty(),
                AuditAction.CLIENT_CREATE,
                Optional.of(client),
                "demo clinic",
                now);
            int last =
                episode.courses().stream()
                    .flatMap(course -> course.last().stream())
                    .mapToInt(Observation::session)
                    .max()
                    .orElse(1);
            int weeksAgo = index++ % 4; // the latest session of each client lies in the last month
            for (Course course : episode.courses()) {
              Instrument instrument = course.measure().instrument().orElseThrow();
              for (Observation observation : course.observations()) {
                LocalDate date = today.minusWeeks(weeksAgo + last - observation.session());
                boolean risk = riskAnswered(episode, course, observation);
                Answers answers = SimulatedAnswers.of(instrument, observation.score(), risk);
                Administration administration =
                    Administration.of(
                        instrument.id(),
                        episode.client(),
                        observation.session(),
                        Optional.of(date),
                        answers);
                record.store(
                    handle, client, record.score(administration), Source.demo(clinician.id()), now);
              }
            }
          }
          AuditLog.record(
              handle,
              Optional.empty(),
              AuditAction.DEMO_SEED,
              Optional.empty(),
              episodes.size() + " clients",
              now);
          return null;
        });
    return true;
  }

  /** The demo's risk answers: the PHQ-9 sessions where the simulated client answered item 9. */
  private boolean riskAnswered(Episode episode, Course course, Observation observation) {
    return course.measure().id().equals("phq-9")
        && riskSessions.getOrDefault(episode.client(), Set.of()).contains(observation.session());
  }

  /**
   * Forty episodes from a seeded pool of the calibrated clinic simulator (the one the alert rules
   * are measured on, so the demo's alliance and alerts look like a real clinic's), in which every
   * demo alert occurs. The expected course is fitted on the chosen clients themselves, as the
   * server will fit it, and the choice is repeated until it holds.
   */
  List<Episode> choose() {
    List<Episode> pool = new ArrayList<>(POOL);
    for (ClinicClient simulated :
        new ClinicSimulator(ClinicModel.realistic().withClients(POOL, 52)).simulate(SEED)) {
      String reference = String.format(Locale.ROOT, "demo-%03d", pool.size() + 1);
      List<Course> renamed =
          simulated.observed().courses().stream()
              .map(course -> new Course(reference, course.measure(), course.observations()))
              .toList();
      pool.add(
          new Episode(
              reference,
              Optional.of(String.format(Locale.ROOT, "clinician-%02d", pool.size() % 3 + 1)),
              renamed));
      Set<Integer> risk = new HashSet<>();
      simulated.riskFlags().forEach(flag -> risk.add(flag.session()));
      if (!risk.isEmpty()) {
        riskSessions.put(reference, risk);
      }
    }
    List<Episode> chosen = new ArrayList<>(pool.subList(0, CLIENTS));
    for (int round = 0; round < 10; round++) {
      AlertFinder finder = finder(chosen);
      Set<AlertRule> shown = EnumSet.noneOf(AlertRule.class);
      chosen.forEach(episode -> alerts(finder, episode).forEach(alert -> shown.add(alert.rule())));
      Set<AlertRule> missing = EnumSet.copyOf(SHOWN);
      missing.removeAll(shown);
      if (missing.isEmpty()) {
        return chosen;
      }
      int replace = chosen.size() - 1;
      for (AlertRule rule : missing) {
        for (Episode candidate : pool) {
          if (!chosen.contains(candidate)
              && alerts(finder, candidate).stream().anyMatch(alert -> alert.rule() == rule)) {
            // Replaces a client from the end that shows no alert of its own.
            while (replace > 0 && !alerts(finder, chosen.get(replace)).isEmpty()) {
              replace--;
            }
            chosen.set(replace--, candidate);
            break;
          }
        }
      }
    }
    throw new IllegalStateException(
        "the demo pool does not show every kind of alert; change its seed");
  }

  private List<Alert> alerts(AlertFinder finder, Episode episode) {
    List<RiskFlag> flags = new ArrayList<>();
    riskSessions
        .getOrDefault(episode.client(), Set.of())
        .forEach(session -> flags.add(new RiskFlag(session, "phq-9", "phq9_9", 1)));
    return finder.alerts(episode, flags);
  }

  /**
   * Alerts with the expected ORS course fitted on these episodes, as the server fits it on its
   * data.
   */
  private static AlertFinder finder(List<Episode> episodes) {
    List<Course> courses =
        episodes.stream().flatMap(episode -> episode.course("ors").stream()).toList();
    AlertOptions options = AlertOptions.defaults();
    try {
      options =
          options.withExpectedCourse(
              ExpectedCourse.fit(
                  courses.get(0).measure(), courses, ExpectedCourse.Options.defaults()));
    } catch (IllegalArgumentException e) {
      // Too few episodes for a fit: no not-on-track alerts this round.
    }
    return new AlertFinder(options);
  }
}
