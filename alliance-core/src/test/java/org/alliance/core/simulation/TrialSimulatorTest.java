package org.alliance.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliance.core.cohort.TrialParticipant;
import org.junit.jupiter.api.Test;

class TrialSimulatorTest {

  @Test
  void theSameSeedGivesTheSameTrialAndAnotherSeedAnother() {
    TrialSimulator simulator = new TrialSimulator(TrialParameters.defaults().withParticipants(300));

    assertThat(simulator.simulate(1L).participants())
        .isEqualTo(simulator.simulate(1L).participants());
    assertThat(simulator.simulate(2L).participants())
        .isNotEqualTo(simulator.simulate(1L).participants());
  }

  @Test
  void armsAreRandomisedAndOnlyTheTherapyArmAttends() {
    SimulatedTrial trial = new TrialSimulator(TrialParameters.defaults()).simulate(9L);

    long treated = trial.participants().stream().filter(TrialParticipant::treated).count();
    assertThat(treated).isBetween(900L, 1100L);
    assertThat(trial.covariates()).containsExactly("baseline", "motivation", "attachment");
    assertThat(trial.participants())
        .allSatisfy(
            p -> {
              assertThat(p.covariates()).hasSize(3);
              if (!p.treated()) {
                assertThat(p.sessions()).isZero();
                assertThat(p.alliance()).isEmpty();
              } else {
                assertThat(p.sessions()).isBetween(0, 20);
                p.alliance()
                    .ifPresent(
                        a -> {
                          assertThat(a).isBetween(0.0, 40.0);
                          assertThat(Math.abs(a * 10 - Math.rint(a * 10))).isLessThan(1e-9);
                        });
              }
            });
    double meanSessions =
        trial.participants().stream()
            .filter(TrialParticipant::treated)
            .mapToInt(TrialParticipant::sessions)
            .average()
            .orElseThrow();
    assertThat(meanSessions).isBetween(9.0, 11.0);
  }
}
