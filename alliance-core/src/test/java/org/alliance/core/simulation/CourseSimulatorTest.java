package org.alliance.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Test;

class CourseSimulatorTest {
  private static final CourseParameters DEFAULTS = CourseParameters.defaults();

  @Test
  void theSameSeedGivesTheSameData() {
    SimulatedCourses first = new CourseSimulator(DEFAULTS).simulate(42L);
    SimulatedCourses second = new CourseSimulator(DEFAULTS).simulate(42L);

    assertThat(second.episodes()).isEqualTo(first.episodes());
    assertThat(second.clients()).isEqualTo(first.clients());
  }

  @Test
  void anotherSeedGivesOtherData() {
    SimulatedCourses first = new CourseSimulator(DEFAULTS).simulate(42L);
    SimulatedCourses other = new CourseSimulator(DEFAULTS).simulate(43L);

    assertThat(other.episodes()).hasSameSizeAs(first.episodes());
    long same = 0;
    for (int i = 0; i < first.episodes().size(); i++) {
      same += first.episodes().get(i).equals(other.episodes().get(i)) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  @Test
  void moreClientsLeaveTheFirstOnesUnchanged() {
    SimulatedCourses small = new CourseSimulator(DEFAULTS.withClients(20, 10)).simulate(5L);
    SimulatedCourses large = new CourseSimulator(DEFAULTS.withClients(200, 10)).simulate(5L);

    assertThat(large.episodes().subList(0, 20)).isEqualTo(small.episodes());
  }

  @Test
  void phq9ScoresAreWholeNumbersFrom0To27AndSrsTenthsFrom0To40() {
    SimulatedCourses simulated = new CourseSimulator(DEFAULTS).simulate(1L);

    for (Episode episode : simulated.episodes()) {
      assertThat(episode.course("phq-9").orElseThrow().observations())
          .allSatisfy(
              observation -> {
                assertThat(observation.score()).isBetween(0.0, 27.0);
                assertThat(observation.score()).isEqualTo(Math.rint(observation.score()));
              });
      assertThat(episode.course("srs").orElseThrow().observations())
          .allSatisfy(observation -> assertTenthsIn(observation, 40));
    }
  }

  @Test
  void orsScoresAreTenthsFrom0To40() {
    SimulatedCourses simulated =
        new CourseSimulator(DEFAULTS.withInstruments("ors", "srs")).simulate(1L);

    for (Episode episode : simulated.episodes()) {
      assertThat(episode.course("ors").orElseThrow().observations())
          .allSatisfy(observation -> assertTenthsIn(observation, 40));
    }
    double intake =
        simulated.episodes().stream()
            .mapToDouble(e -> e.course("ors").orElseThrow().first().orElseThrow().score())
            .average()
            .orElseThrow();
    double last =
        simulated.episodes().stream()
            .mapToDouble(e -> e.course("ors").orElseThrow().last().orElseThrow().score())
            .average()
            .orElseThrow();
    assertThat(last).as("ORS rises as clients improve").isGreaterThan(intake + 4);
  }

  @Test
  void episodesHaveClinicianBothCoursesAndAnIntakeScore() {
    SimulatedCourses simulated = new CourseSimulator(DEFAULTS).simulate(2L);

    assertThat(simulated.episodes())
        .hasSize(200)
        .allSatisfy(
            episode -> {
              assertThat(episode.clinician()).isPresent();
              assertThat(episode.course("phq-9").orElseThrow().at(1)).isPresent();
              assertThat(episode.course("srs")).isPresent();
              assertThat(episode.course("phq-9").orElseThrow().observations())
                  .allSatisfy(o -> assertThat(o.date()).isPresent());
            });
    assertThat(simulated.episodes().stream().map(e -> e.clinician().orElseThrow()).distinct())
        .hasSize(10);
  }

  @Test
  void dropoutsAndMissingSessionsArePresent() {
    SimulatedCourses simulated = new CourseSimulator(DEFAULTS).simulate(3L);

    List<SimulatedClient> dropouts =
        simulated.clients().stream().filter(SimulatedClient::droppedOut).toList();
    assertThat(dropouts).hasSizeBetween(20, 100);
    for (int i = 0; i < simulated.clients().size(); i++) {
      SimulatedClient client = simulated.clients().get(i);
      Course outcome = simulated.episodes().get(i).course("phq-9").orElseThrow();
      assertThat(outcome.last().orElseThrow().session()).isLessThanOrEqualTo(client.lastSession());
      for (int session : client.missingSessions()) {
        assertThat(outcome.at(session)).isEmpty();
        assertThat(simulated.episodes().get(i).course("srs").orElseThrow().at(session)).isEmpty();
      }
    }
    assertThat(simulated.clients().stream().mapToInt(c -> c.missingSessions().size()).sum())
        .isGreaterThan(20);
  }

  @Test
  void rupturesArePresentVisibleAndSomeRepaired() {
    SimulatedCourses simulated = new CourseSimulator(DEFAULTS).simulate(4L);

    int ruptures = 0;
    int repaired = 0;
    for (int i = 0; i < simulated.clients().size(); i++) {
      Course alliance = simulated.episodes().get(i).course("srs").orElseThrow();
      for (SimulatedRupture rupture : simulated.clients().get(i).ruptures()) {
        ruptures++;
        OptionalDouble before = alliance.at(rupture.session() - 1);
        OptionalDouble at = alliance.at(rupture.session());
        if (before.isPresent() && at.isPresent()) {
          assertThat(before.getAsDouble() - at.getAsDouble())
              .as("a rupture drops the SRS by at least 1 point")
              .isGreaterThanOrEqualTo(1);
        }
        if (rupture.repaired()) {
          repaired++;
          OptionalDouble back = alliance.at(rupture.repairedAt().getAsInt());
          if (before.isPresent() && back.isPresent()) {
            assertThat(back.getAsDouble())
                .as("repaired: back to the pre-rupture level")
                .isGreaterThanOrEqualTo(before.getAsDouble());
          }
        } else {
          for (int session = rupture.session() + 1; session <= rupture.session() + 2; session++) {
            OptionalDouble later = alliance.at(session);
            if (before.isPresent() && later.isPresent()) {
              assertThat(later.getAsDouble())
                  .as("unrepaired: still below")
                  .isLessThan(before.getAsDouble());
            }
          }
        }
      }
    }
    assertThat(ruptures).isGreaterThan(20);
    assertThat(repaired).isPositive().isLessThan(ruptures);
  }

  @Test
  void suddenGainsAndReliableDeteriorationArePresent() {
    SimulatedCourses simulated = new CourseSimulator(DEFAULTS).simulate(5L);

    int gains = 0;
    int bigDrops = 0;
    int worse = 0;
    for (int i = 0; i < simulated.clients().size(); i++) {
      SimulatedClient client = simulated.clients().get(i);
      Course phq = simulated.episodes().get(i).course("phq-9").orElseThrow();
      if (client.suddenGainAt().isPresent()) {
        gains++;
        int post = client.suddenGainAt().getAsInt();
        if (phq.at(post - 1).isPresent()
            && phq.at(post).isPresent()
            && phq.at(post - 1).getAsDouble() - phq.at(post).getAsDouble() >= 6) {
          bigDrops++;
        }
      }
      if (phq.last().orElseThrow().score() - phq.first().orElseThrow().score() >= 6) {
        worse++; // at least PHQ-9's reliable change of 6 points, in the wrong direction
      }
    }
    assertThat(gains).isGreaterThan(10);
    assertThat(bigDrops)
        .as("most sudden gains drop at least 6 points in one session")
        .isGreaterThan(gains / 2);
    assertThat(worse).as("a few clients reliably worse").isBetween(3, 40);
  }

  @Test
  void clientsImproveOnAverage() {
    SimulatedCourses simulated = new CourseSimulator(DEFAULTS).simulate(6L);

    double intake =
        simulated.episodes().stream()
            .mapToDouble(e -> e.course("phq-9").orElseThrow().first().orElseThrow().score())
            .average()
            .orElseThrow();
    double last =
        simulated.episodes().stream()
            .mapToDouble(e -> e.course("phq-9").orElseThrow().last().orElseThrow().score())
            .average()
            .orElseThrow();
    assertThat(intake).isBetween(13.0, 18.0);
    assertThat(last).isLessThan(intake - 3);
  }

  @Test
  void instrumentsMustMeasureWhatTheyAreUsedFor() {
    assertThatThrownBy(() -> new CourseSimulator(DEFAULTS.withInstruments("srs", "srs")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not measure outcome");
    assertThatThrownBy(() -> new CourseSimulator(DEFAULTS.withInstruments("phq-9", "ors")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not measure the alliance");
    assertThatThrownBy(() -> DEFAULTS.withSessions(10, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withEvents(1.5, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsCanBeSwitchedOff() {
    SimulatedCourses simulated =
        new CourseSimulator(DEFAULTS.withEvents(0, 0, 0, 0, 0, 0)).simulate(8L);

    assertThat(simulated.clients())
        .allSatisfy(
            client -> {
              assertThat(client.droppedOut()).isFalse();
              assertThat(client.ruptures()).isEmpty();
              assertThat(client.suddenGainAt()).isEmpty();
              assertThat(client.deteriorating()).isFalse();
              assertThat(client.missingSessions()).isEmpty();
            });
    for (int i = 0; i < simulated.clients().size(); i++) {
      assertThat(simulated.episodes().get(i).course("phq-9").orElseThrow().observations())
          .hasSize(simulated.clients().get(i).plannedSessions());
    }
  }

  private static void assertTenthsIn(Observation observation, double max) {
    assertThat(observation.score()).isBetween(0.0, max);
    double tenths = observation.score() * 10;
    assertThat(Math.abs(tenths - Math.rint(tenths))).isLessThan(1e-9);
  }
}
