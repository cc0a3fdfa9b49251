package org.alliance.core.cohort;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.alliance.core.instrument.Direction;

/**
 * The instrumental-variable analysis of a therapy trial (Dunn & Bentall 2007; Goldsmith et al.
 * 2015): the outcome on sessions attended and sessions x alliance, both instrumented by
 * randomisation and its interactions with the baseline covariates, by two-stage least squares.
 *
 * <p>Coefficients are oriented so that a positive one means a better outcome. {@value #SESSIONS} is
 * the effect of one more session at an alliance equal to {@code allianceCentre}; {@value
 * #SESSIONS_X_ALLIANCE} is how much that effect grows per alliance point. Randomisation is assumed
 * to act on the outcome only through the sessions attended (the exclusion restriction), so it is
 * not a regressor of the outcome.
 */
public final class TrialIvAnalysis {
  public static final String SESSIONS = "sessions";
  public static final String SESSIONS_X_ALLIANCE = "sessions_x_alliance";
  public static final String TREATED = "treated";

  private final List<String> covariates;
  private final Direction outcomeDirection;
  private final double allianceCentre;

  /**
   * @param covariates names of the participants' baseline covariates, in their order
   * @param outcomeDirection whether a higher outcome score is better or worse
   * @param allianceCentre the alliance value subtracted before multiplying by sessions, such as the
   *     treated arm's mean or a clinical cutoff
   */
  public TrialIvAnalysis(
      List<String> covariates, Direction outcomeDirection, double allianceCentre) {
    this.covariates = ImmutableList.copyOf(covariates);
    checkArgument(
        !this.covariates.isEmpty(),
        "the analysis needs at least one baseline covariate: with randomisation alone there is one instrument for two endogenous regressors");
    this.outcomeDirection = requireNonNull(outcomeDirection, "outcomeDirection");
    checkArgument(Double.isFinite(allianceCentre), "the alliance centre must be finite");
    this.allianceCentre = allianceCentre;
  }

  /** The regression's columns, ready for {@link TwoStageLeastSquares} or another program. */
  public record Design(
      Column outcome, List<Column> exogenous, List<Column> endogenous, List<Column> instruments) {
    public Design {
      requireNonNull(outcome, "outcome");
      exogenous = ImmutableList.copyOf(exogenous);
      endogenous = ImmutableList.copyOf(endogenous);
      instruments = ImmutableList.copyOf(instruments);
    }
  }

  /** The columns of the analysis for these participants. */
  public Design design(List<TrialParticipant> participants) {
    int n = participants.size();
    checkArgument(n > 0, "no participants");
    int c = covariates.size();
    double[] y = new double[n];
    double[][] x = new double[c][n];
    double[] sessions = new double[n];
    double[] product = new double[n];
    double[] treated = new double[n];
    double[][] interactions = new double[c][n];
    int treatedCount = 0;
    for (int i = 0; i < n; i++) {
      TrialParticipant p = participants.get(i);
      checkArgument(
          p.covariates().size() == c,
          "participant %s has %s covariates, the analysis names %s",
          p.id(),
          p.covariates().size(),
          c);
      y[i] = outcomeDirection.sign() * p.outcome();
      sessions[i] = p.sessions();
      // Without sessions the product is 0 whatever the alliance, so a missing rating is no loss.
      product[i] =
          p.sessions() == 0 ? 0 : p.sessions() * (p.alliance().getAsDouble() - allianceCentre);
      treated[i] = p.treated() ? 1 : 0;
      treatedCount += p.treated() ? 1 : 0;
      for (int j = 0; j < c; j++) {
        x[j][i] = p.covariates().get(j);
        interactions[j][i] = treated[i] * x[j][i];
      }
    }
    checkArgument(
        treatedCount > 0 && treatedCount < n,
        "both arms need participants: %s of %s treated",
        treatedCount,
        n);
    List<Column> exogenous = new ArrayList<>();
    exogenous.add(Column.constant(n));
    List<Column> instruments = new ArrayList<>();
    instruments.add(new Column(TREATED, treated));
    for (int j = 0; j < c; j++) {
      exogenous.add(new Column(covariates.get(j), x[j]));
      instruments.add(new Column(TREATED + "_x_" + covariates.get(j), interactions[j]));
    }
    return new Design(
        new Column("outcome", y),
        exogenous,
        List.of(new Column(SESSIONS, sessions), new Column(SESSIONS_X_ALLIANCE, product)),
        instruments);
  }

  /** The two-stage least squares estimates. */
  public IvFit fit(List<TrialParticipant> participants) {
    Design design = design(participants);
    return TwoStageLeastSquares.fit(
        design.outcome(), design.exogenous(), design.endogenous(), design.instruments());
  }

  /**
   * The same outcome equation by ordinary least squares, for comparison only: it treats sessions
   * and alliance as if they were randomised, so anything that drives both alliance and outcome
   * biases it.
   */
  public RegressionFit naiveOls(List<TrialParticipant> participants) {
    Design design = design(participants);
    List<Column> regressors = new ArrayList<>(design.exogenous());
    regressors.addAll(design.endogenous());
    return LeastSquares.ordinary(design.outcome(), regressors);
  }
}
