package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.simulation.CourseParameters;
import org.alliance.core.simulation.CourseSimulator;
import org.alliance.core.simulation.SimulatedCourses;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.junit.jupiter.api.Test;

class LaggedAllianceModelTest {
  private static final Measure PHQ9 = Measure.of(Catalog.builtIn().get("phq-9"));
  private static final Measure SRS = Measure.of(Catalog.builtIn().get("srs"));

  @Test
  void recoversTheSimulatedEffectWithinItsInterval() {
    // Long series (16-24 sessions), where the short-series bias is small.
    CourseParameters parameters =
        CourseParameters.defaults().withClients(500, 20).withSessions(16, 24);
    SimulatedCourses simulated = new CourseSimulator(parameters).simulate(7L);

    LaggedAllianceEffect effect =
        new LaggedAllianceModel().estimate(simulated.episodes(), "srs", "phq-9");

    assertThat(simulated.trueAllianceEffect()).isCloseTo(0.3 * 27 / 40, within(1e-12));
    assertThat(effect.effect().interval().contains(simulated.trueAllianceEffect()))
        .as("true %s, estimated %s", simulated.trueAllianceEffect(), effect.effect())
        .isTrue();
    assertThat(effect.effect().estimate())
        .as("positive: better alliance, better next outcome")
        .isPositive();
    assertThat(effect.fit().standardErrors())
        .isEqualTo(RegressionFit.StandardErrors.CLUSTER_ROBUST);
    assertThat(effect.clients()).isGreaterThan(400);
    assertThat(effect.meanSeriesLength()).isGreaterThan(LaggedAllianceModel.SHORT_SERIES);
    assertThat(effect.warnings()).noneMatch(warning -> warning.contains("Nickell"));
  }

  @Test
  void shortSeriesCarryTheNickellWarning() {
    SimulatedCourses simulated =
        new CourseSimulator(CourseParameters.defaults()).simulate(7L); // 6-16 sessions

    LaggedAllianceEffect effect =
        new LaggedAllianceModel(true).estimate(simulated.episodes(), "srs", "phq-9");

    assertThat(effect.meanSeriesLength()).isLessThan(LaggedAllianceModel.SHORT_SERIES);
    assertThat(effect.detrended()).isTrue();
    assertThat(effect.fit().coefficients())
        .extracting(Coefficient::name)
        .containsExactly("(Intercept)", "alliance_within", "outcome_now", "session");
    assertThat(effect.warnings())
        .anyMatch(warning -> warning.contains("short series") && warning.contains("Nickell"));
  }

  @Test
  void pairsNeedConsecutiveSessionsAndClientsNeedTwoPairs() {
    List<Episode> episodes = new ArrayList<>();
    // Outcome at sessions 1, 2, 3, 5, 6 (4 missing), alliance at 1-5.
    for (int c = 0; c < 40; c++) {
      String client = "c" + c;
      double shift = c % 5;
      episodes.add(
          episode(
              client,
              new double[] {
                1, 20 + shift, 2, 18 + shift, 3, 15 + shift, 5, 12 + shift, 6, 11 + shift
              },
              new double[] {1, 30, 2, 34 + (c % 3), 3, 33, 4, 36, 5, 35 - (c % 2)}));
    }
    episodes.add(episode("short", new double[] {1, 20, 2, 18}, new double[] {1, 30, 2, 32}));

    LaggedAllianceEffect effect = new LaggedAllianceModel().estimate(episodes, "srs", "phq-9");

    // Pairs per client: 1->2, 2->3, 5->6 (3->4 and 4->5 lack an outcome); "short" has only 1->2.
    assertThat(effect.clients()).isEqualTo(40);
    assertThat(effect.observations()).isEqualTo(120);
    assertThat(effect.warnings()).anyMatch(warning -> warning.contains("1 clients left out"));
  }

  @Test
  void theSignDoesNotDependOnTheOutcomesDirection() {
    CourseParameters parameters =
        CourseParameters.defaults().withClients(300, 10).withSessions(16, 24);
    LaggedAllianceEffect phq =
        new LaggedAllianceModel()
            .estimate(new CourseSimulator(parameters).simulate(3L).episodes(), "srs", "phq-9");
    LaggedAllianceEffect ors =
        new LaggedAllianceModel()
            .estimate(
                new CourseSimulator(parameters.withInstruments("ors", "srs"))
                    .simulate(3L)
                    .episodes(),
                "srs",
                "ors");

    assertThat(phq.effect().estimate()).isPositive();
    assertThat(ors.effect().estimate()).isPositive();
  }

  @Test
  void tooFewClientsAreRejected() {
    Episode one =
        episode("a", new double[] {1, 20, 2, 18, 3, 15}, new double[] {1, 30, 2, 34, 3, 33});

    assertThatThrownBy(() -> new LaggedAllianceModel().estimate(List.of(one), "srs", "phq-9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few data");
  }

  private static Episode episode(String client, double[] outcome, double[] alliance) {
    return new Episode(
        client,
        Optional.empty(),
        List.of(course(client, PHQ9, outcome), course(client, SRS, alliance)));
  }

  private static Course course(String client, Measure measure, double[] sessionsAndScores) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < sessionsAndScores.length; i += 2) {
      observations.add(Observation.of((int) sessionsAndScores[i], sessionsAndScores[i + 1]));
    }
    return new Course(client, measure, observations);
  }
}
