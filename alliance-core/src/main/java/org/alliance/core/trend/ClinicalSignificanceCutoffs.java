package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Norms;

/**
 * The clinical and functional population means and SDs of a measure, and the cutoffs a, b and c
 * between the populations that follow from them. The functional population may be unknown, which
 * allows a only.
 */
public record ClinicalSignificanceCutoffs(
    double clinicalMean,
    double clinicalSd,
    OptionalDouble functionalMean,
    OptionalDouble functionalSd,
    Direction direction) {
  public ClinicalSignificanceCutoffs {
    checkArgument(Double.isFinite(clinicalMean), "the clinical mean must be finite");
    checkArgument(
        clinicalSd > 0 && Double.isFinite(clinicalSd),
        "the clinical SD must be positive: %s",
        clinicalSd);
    requireNonNull(functionalMean, "functionalMean");
    requireNonNull(functionalSd, "functionalSd");
    requireNonNull(direction, "direction");
    checkArgument(
        functionalMean.isPresent() == functionalSd.isPresent(),
        "give both the functional mean and SD, or neither");
    functionalMean.ifPresent(
        m -> checkArgument(Double.isFinite(m), "the functional mean must be finite"));
    functionalSd.ifPresent(
        sd ->
            checkArgument(
                sd > 0 && Double.isFinite(sd), "the functional SD must be positive: %s", sd));
  }

  /** Both populations known. */
  public static ClinicalSignificanceCutoffs of(
      double clinicalMean,
      double clinicalSd,
      double functionalMean,
      double functionalSd,
      Direction direction) {
    return new ClinicalSignificanceCutoffs(
        clinicalMean,
        clinicalSd,
        OptionalDouble.of(functionalMean),
        OptionalDouble.of(functionalSd),
        direction);
  }

  /** From an instrument's published norms. */
  public static ClinicalSignificanceCutoffs of(Norms norms, Direction direction) {
    return of(
        norms.clinicalMean(),
        norms.clinicalSd(),
        norms.functionalMean(),
        norms.functionalSd(),
        direction);
  }

  /** Only the clinical population known: cutoff a only. */
  public static ClinicalSignificanceCutoffs clinicalOnly(
      double clinicalMean, double clinicalSd, Direction direction) {
    return new ClinicalSignificanceCutoffs(
        clinicalMean, clinicalSd, OptionalDouble.empty(), OptionalDouble.empty(), direction);
  }

  /** True when the functional population is known, so that b and c exist. */
  public boolean hasFunctionalNorms() {
    return functionalMean.isPresent();
  }

  /** a = M_clin + dir * 2 * SD_clin. */
  public double a() {
    return clinicalMean + direction.sign() * 2 * clinicalSd;
  }

  /** b = M_func - dir * 2 * SD_func (Jacobson and Truax; the toolkit's default b). */
  public double b() {
    return requireFunctionalMean() - direction.sign() * 2 * requireFunctionalSd();
  }

  /** b = M_func - dir * 2 * SD_clin, as the R package clinicalsignificance computes b. */
  public double bClinicalSd() {
    return requireFunctionalMean() - direction.sign() * 2 * clinicalSd;
  }

  /** c = (SD_clin * M_func + SD_func * M_clin) / (SD_clin + SD_func). */
  public double c() {
    double sdFunc = requireFunctionalSd();
    return (clinicalSd * requireFunctionalMean() + sdFunc * clinicalMean) / (clinicalSd + sdFunc);
  }

  /** The value of a cutoff. */
  public double value(ClinicalSignificanceCutoff cutoff) {
    return switch (cutoff) {
      case A -> a();
      case B -> b();
      case B_CLINICAL_SD -> bClinicalSd();
      case C -> c();
    };
  }

  private double requireFunctionalMean() {
    checkState(
        functionalMean.isPresent(), "cutoffs b and c need the functional population's mean and SD");
    return functionalMean.getAsDouble();
  }

  private double requireFunctionalSd() {
    checkState(
        functionalSd.isPresent(), "cutoffs b and c need the functional population's mean and SD");
    return functionalSd.getAsDouble();
  }
}
