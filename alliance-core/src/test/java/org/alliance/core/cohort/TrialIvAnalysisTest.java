package org.alliance.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Direction;
import org.alliance.core.simulation.SimulatedTrial;
import org.alliance.core.simulation.TrialParameters;
import org.alliance.core.simulation.TrialSimulator;
import org.junit.jupiter.api.Test;

class TrialIvAnalysisTest {
  private static final long SEED = 20240601L;

  @Test
  void twoStageLeastSquaresRecoversTheTrueEffectsWhereOlsIsBiased() {
    TrialParameters parameters =
        TrialParameters.defaults(); // 2,000 participants, effects 0.4 and 0.06
    SimulatedTrial trial = new TrialSimulator(parameters).simulate(SEED);

    IvFit iv = trial.analysis().fit(trial.participants());
    RegressionFit ols = trial.analysis().naiveOls(trial.participants());

    Coefficient sessions = iv.coefficient(TrialIvAnalysis.SESSIONS);
    Coefficient product = iv.coefficient(TrialIvAnalysis.SESSIONS_X_ALLIANCE);
    assertThat(sessions.interval().contains(parameters.sessionEffect()))
        .as("2SLS sessions %s", sessions)
        .isTrue();
    assertThat(product.interval().contains(parameters.sessionAllianceEffect()))
        .as("2SLS sessions x alliance %s", product)
        .isTrue();
    assertThat(iv.warnings()).as("the instruments are strong").isEmpty();
    Coefficient naive = ols.coefficient(TrialIvAnalysis.SESSIONS_X_ALLIANCE);
    assertThat(naive.interval().contains(parameters.sessionAllianceEffect()))
        .as("the confounder biases OLS away from the truth: %s", naive)
        .isFalse();
    assertThat(naive.estimate())
        .as("upwards: the confounder raises alliance and improves outcome")
        .isGreaterThan(product.interval().upper());
  }

  @Test
  void designHasZeroProductWithoutSessionsAndOrientsTheOutcome() {
    List<TrialParticipant> participants =
        List.of(
            new TrialParticipant("t1", true, List.of(10.0), 4, OptionalDouble.of(35), 8),
            new TrialParticipant("t2", true, List.of(12.0), 0, OptionalDouble.empty(), 11),
            new TrialParticipant("c1", false, List.of(14.0), 0, OptionalDouble.empty(), 13));

    TrialIvAnalysis.Design design =
        new TrialIvAnalysis(List.of("baseline"), Direction.HIGHER_IS_WORSE, 32)
            .design(participants);

    assertThat(design.outcome().values()).containsExactly(-8, -11, -13);
    assertThat(design.endogenous().get(1).values())
        .as("4 x (35 - 32), then 0 without sessions")
        .containsExactly(12, 0, 0);
    assertThat(design.exogenous())
        .extracting(Column::name)
        .containsExactly("(Intercept)", "baseline");
    assertThat(design.instruments())
        .extracting(Column::name)
        .containsExactly("treated", "treated_x_baseline");
    assertThat(design.instruments().get(1).values()).containsExactly(10, 12, 0);
  }

  @Test
  void participantsAreValidated() {
    assertThatThrownBy(
            () -> new TrialParticipant("c", false, List.of(1.0), 3, OptionalDouble.of(30), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control arm");
    assertThatThrownBy(
            () -> new TrialParticipant("t", true, List.of(1.0), 3, OptionalDouble.empty(), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no alliance");
    assertThatThrownBy(() -> new TrialIvAnalysis(List.of(), Direction.HIGHER_IS_WORSE, 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covariate");
  }
}
