package org.alliance.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.core.evaluation.ClinicClient.TrueRupture;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.simulation.CourseSimulator;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;
import org.hipparchus.random.RandomGenerator;

/**
 * Simulates a {@link ClinicModel}: the same model and seed always give the same clinic, and each
 * client draws from a random stream of its own.
 *
 * <p>A client's outcome follows a curve towards a gain drawn for them, in units of the measure's
 * reliable change (improving about 1.6, flat about 0, deteriorating -1.5 to -3), approached at a
 * quarter of the remaining distance per session. An unrepaired rupture costs 0.3 of a reliable
 * change, an eroding alliance 0.25 per session of erosion: alliance and outcome feed each other.
 */
public final class ClinicSimulator {
  /** Share of the remaining distance to the client's end point covered each session. */
  private static final double APPROACH = 0.25;

  /** The true outcome's session-to-session fluctuation, in reliable changes. */
  private static final double OUTCOME_FLUCTUATION = 0.15;

  private final ClinicModel model;
  private final Instrument ors;
  private final Instrument phq9;
  private final Instrument srs;

  public ClinicSimulator(ClinicModel model) {
    this.model = requireNonNull(model, "model");
    Catalog catalog = Catalog.builtIn();
    this.ors = catalog.get("ors");
    this.phq9 = catalog.get("phq-9");
    this.srs = catalog.get("srs");
  }

  public ClinicModel model() {
    return model;
  }

  /** The clinic's clients for this seed, in order of their intake. */
  public List<ClinicClient> simulate(long seed) {
    List<ClinicClient> clients = new ArrayList<>(model.clients());
    for (int i = 0; i < model.clients(); i++) {
      clients.add(client(i, CourseSimulator.random(seed, i)));
    }
    return clients;
  }

  /**
   * The standard error of measurement of an outcome instrument from its published reliable change:
   * RC = 1.96 x sqrt(2) x SEM.
   */
  static double sem(Instrument instrument) {
    return instrument.reliableChange().orElseThrow() / (1.96 * Math.sqrt(2));
  }

  private ClinicClient client(int index, RandomGenerator random) {
    String reference = String.format(Locale.ROOT, "client-%04d", index + 1);
    int planned =
        model.minSessions() + random.nextInt(model.maxSessions() - model.minSessions() + 1);
    int intakeWeek = 1 + (int) ((long) index * model.weeks() / model.clients());
    boolean withPhq9 = random.nextDouble() < model.phq9Share();
    double kind = random.nextDouble();
    double gain =
        kind < model.improvingShare()
            ? 1.6 + 0.6 * random.nextGaussian()
            : kind < model.improvingShare() + model.deterioratingShare()
                ? -(1.5 + 1.5 * random.nextDouble())
                : 0.3 * random.nextGaussian();
    double severity = random.nextGaussian();
    double orsIntake = clamp(19 - 6 * severity, 2, 38);
    double phqIntake = clamp(15 + 5 * severity, 3, 27);
    boolean atRisk = withPhq9 && random.nextDouble() < model.riskTraitShare();
    double deficit = logNormal(random, model.allianceDeficitMean(), model.allianceDeficitSd());
    double level = Math.max(0, 40 - deficit);
    int erosionStart = -1;
    int erosionLength = 0;
    double erosionRate = 0;
    if (planned >= 6 && random.nextDouble() < model.erosionShare()) {
      erosionStart = 3 + random.nextInt(planned - 5);
      erosionLength = 3 + random.nextInt(3);
      erosionRate = 1.0 + 0.5 * random.nextDouble();
    }
    double srsSem = model.allianceDeficitSd() * Math.sqrt(1 - model.srsAlpha());

    double[] trueOrs = new double[planned + 1];
    double[] truePhq = new double[planned + 1];
    double[] trueSrs = new double[planned + 1];
    List<Observation> orsSeen = new ArrayList<>();
    List<Observation> phqSeen = new ArrayList<>();
    List<Observation> srsSeen = new ArrayList<>();
    List<RiskFlag> flags = new ArrayList<>();
    List<TrueRupture> ruptures = new ArrayList<>();
    int ruptureAt = -1;
    double ruptureDepth = 0;
    int repairAt = -1;
    double allianceLoss = 0; // lasting loss after erosion
    double progressLoss = 0; // in reliable changes
    int last = 0;
    for (int s = 1; s <= planned; s++) {
      boolean unrepairedOpen =
          ruptureAt > 0 && repairAt < 0 && s > ruptureAt + 2; // its repair window has passed
      if (s > 1 && random.nextDouble() < model.dropoutHazard() * (unrepairedOpen ? 3 : 1)) {
        break;
      }
      last = s;
      // The alliance at this session.
      if (ruptureAt > 0 && repairAt > 0 && s >= repairAt) {
        ruptureAt = -1; // repaired: back to the client's level, and a new rupture may come
      }
      double offset = 0;
      if (ruptureAt > 0) {
        // Down by the rupture's depth until repaired; an unrepaired one leaves a lasting loss.
        offset = repairAt < 0 && s > ruptureAt ? -0.6 * ruptureDepth : -ruptureDepth;
      } else if (s >= 2 && random.nextDouble() < model.ruptureRate()) {
        ruptureAt = s;
        ruptureDepth = 4 + 4 * random.nextDouble();
        repairAt = random.nextDouble() < model.repairShare() ? s + 1 + random.nextInt(2) : -1;
        offset = -ruptureDepth;
        ruptures.add(
            new TrueRupture(
                s, ruptureDepth, repairAt > 0 ? OptionalInt.of(repairAt) : OptionalInt.empty()));
        if (repairAt < 0) {
          progressLoss += 0.3;
        }
      }
      if (erosionStart > 0 && s >= erosionStart && s < erosionStart + erosionLength) {
        allianceLoss += erosionRate;
        progressLoss += 0.25;
      }
      trueSrs[s] =
          clamp(
              level - allianceLoss + offset + model.allianceFluctuation() * random.nextGaussian(),
              0,
              40);

      // The outcome at the start of this session.
      double progress =
          gain * (1 - Math.exp(-APPROACH * (s - 1)))
              - progressLoss
              + (s == 1 ? 0 : OUTCOME_FLUCTUATION * random.nextGaussian());
      trueOrs[s] = clamp(orsIntake + progress * ors.reliableChange().orElseThrow(), 0, 40);
      truePhq[s] = clamp(phqIntake - progress * phq9.reliableChange().orElseThrow(), 0, 27);

      boolean missing = s > 1 && random.nextDouble() < model.missingSessionRate();
      if (missing) {
        continue;
      }
      orsSeen.add(Observation.of(s, seen(trueOrs[s], sem(ors), 0.1, 40, random)));
      srsSeen.add(Observation.of(s, seen(trueSrs[s], srsSem, 0.1, 40, random)));
      if (withPhq9) {
        double phq = seen(truePhq[s], sem(phq9), 1, 27, random);
        phqSeen.add(Observation.of(s, phq));
        double risk = atRisk ? (truePhq[s] >= 10 ? 0.6 : 0.15) : model.riskOtherRate();
        if (phq >= 1 && random.nextDouble() < risk) {
          flags.add(new RiskFlag(s, phq9.id(), "phq9_9", random.nextDouble() < 0.8 ? 1 : 2));
        }
      }
    }
    if (repairAt > last) {
      // A repair planned after the last attended session never happened.
      TrueRupture lastRupture = ruptures.remove(ruptures.size() - 1);
      ruptures.add(
          new TrueRupture(lastRupture.session(), lastRupture.depth(), OptionalInt.empty()));
    }
    List<Course> courses = new ArrayList<>();
    courses.add(new Course(reference, Measure.of(ors), orsSeen));
    courses.add(new Course(reference, Measure.of(srs), srsSeen));
    Map<String, double[]> trueOutcomes = new LinkedHashMap<>();
    trueOutcomes.put(ors.id(), trim(trueOrs, last));
    if (withPhq9) {
      courses.add(new Course(reference, Measure.of(phq9), phqSeen));
      trueOutcomes.put(phq9.id(), trim(truePhq, last));
    }
    boolean eroded = erosionStart > 0 && erosionStart <= last;
    return new ClinicClient(
        new Episode(reference, Optional.of("clinician-" + (index % 10 + 1)), courses),
        flags,
        intakeWeek,
        last,
        trueOutcomes,
        trim(trueSrs, last),
        ruptures,
        eroded ? OptionalInt.of(erosionStart) : OptionalInt.empty(),
        eroded
            ? OptionalInt.of(Math.min(last, erosionStart + erosionLength - 1))
            : OptionalInt.empty());
  }

  /** A true score as measured: with error, at the instrument's resolution, within its range. */
  private static double seen(
      double truth, double sem, double step, double max, RandomGenerator random) {
    double raw = clamp(truth + sem * random.nextGaussian(), 0, max);
    return Math.round(raw / step) / Math.rint(1 / step);
  }

  /** A log-normal draw with this mean and SD. */
  private static double logNormal(RandomGenerator random, double mean, double sd) {
    double sigma2 = Math.log(1 + sd * sd / (mean * mean));
    double mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian());
  }

  private static double[] trim(double[] values, int last) {
    return java.util.Arrays.copyOf(values, last + 1);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
