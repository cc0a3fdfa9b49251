package org.alliance.core.simulation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A seeded simulator of clinical courses for tests, demos and benchmarks: the same parameters and
 * seed always give the same episodes. Alliance and outcome influence each other (a better alliance
 * than the client's usual is followed by a better next outcome; improvement lifts the alliance),
 * and courses have alliance ruptures (repaired or not), sudden gains, reliable deterioration,
 * dropouts and missing scores.
 *
 * <p>Each client draws from a random stream of its own, derived from the seed and the client's
 * number, so simulating more clients leaves the first ones unchanged.
 */
public final class CourseSimulator {
  private static final int CLINICIAN_STREAM = -1;

  private final CourseParameters parameters;
  private final Measure outcome;
  private final Measure alliance;
  private final ScoreScale outcomeScale;
  private final ScoreScale allianceScale;

  /** A simulator of the built-in instruments. */
  public CourseSimulator(CourseParameters parameters) {
    this(parameters, Catalog.builtIn());
  }

  /** A simulator whose instruments are looked up in this catalog. */
  public CourseSimulator(CourseParameters parameters, Catalog catalog) {
    this.parameters = requireNonNull(parameters, "parameters");
    Instrument outcomeInstrument = catalog.get(parameters.outcomeInstrument());
    Instrument allianceInstrument = catalog.get(parameters.allianceInstrument());
    checkArgument(
        outcomeInstrument.construct() == Construct.OUTCOME,
        "%s does not measure outcome",
        outcomeInstrument.id());
    checkArgument(
        allianceInstrument.construct() == Construct.ALLIANCE,
        "%s does not measure the alliance",
        allianceInstrument.id());
    this.outcome = Measure.of(outcomeInstrument);
    this.alliance = Measure.of(allianceInstrument);
    this.outcomeScale = ScoreScale.of(outcomeInstrument);
    this.allianceScale = ScoreScale.of(allianceInstrument);
  }

  public CourseParameters parameters() {
    return parameters;
  }

  /** The courses of all clients for this seed. */
  public SimulatedCourses simulate(long seed) {
    int clinicians = parameters.clinicians();
    String[] clinicianIds = new String[clinicians];
    double[] clinicianAlliance = new double[clinicians];
    RandomGenerator clinicianRandom = random(seed, CLINICIAN_STREAM);
    for (int c = 0; c < clinicians; c++) {
      clinicianIds[c] = String.format(Locale.ROOT, "clinician-%02d", c + 1);
      clinicianAlliance[c] = parameters.clinicianAllianceSd() * clinicianRandom.nextGaussian();
    }
    int digits = Math.max(4, String.valueOf(parameters.clients()).length());
    List<Episode> episodes = new ArrayList<>(parameters.clients());
    List<SimulatedClient> truth = new ArrayList<>(parameters.clients());
    for (int i = 0; i < parameters.clients(); i++) {
      String client = String.format(Locale.ROOT, "client-%0" + digits + "d", i + 1);
      simulateClient(client, random(seed, i), clinicianIds, clinicianAlliance, episodes, truth);
    }
    // The effect lives on the 0-1 state scales; in score units it is rescaled by the two ranges.
    double effect = parameters.allianceEffect() * outcomeScale.range() / allianceScale.range();
    return new SimulatedCourses(parameters, seed, episodes, truth, effect);
  }

  private void simulateClient(
      String client,
      RandomGenerator random,
      String[] clinicianIds,
      double[] clinicianAlliance,
      List<Episode> episodes,
      List<SimulatedClient> truth) {
    CourseParameters p = parameters;
    int clinician = random.nextInt(clinicianIds.length);
    int planned = p.minSessions() + random.nextInt(p.maxSessions() - p.minSessions() + 1);
    LocalDate start = p.firstSession().plusWeeks(random.nextInt(52));

    double state = clamp(p.intakeMean() + p.intakeSd() * random.nextGaussian());
    boolean deteriorating = random.nextDouble() < p.deteriorationRate();
    // A deteriorating client heads for a state well past the reliable-change threshold of common
    // measures.
    double target =
        clamp(
            deteriorating
                ? state - (0.3 + 0.15 * random.nextDouble())
                : state + p.expectedGain() + p.gainSd() * random.nextGaussian());
    int suddenGainAt = -1;
    if (planned >= 5 && random.nextDouble() < p.suddenGainRate()) {
      suddenGainAt =
          3 + random.nextInt(planned - 3); // postgain session 3..planned-1, as Tang & DeRubeis test
    }
    double level =
        clamp(
            p.allianceMean()
                + clinicianAlliance[clinician]
                + p.allianceSd() * random.nextGaussian());

    List<Observation> outcomes = new ArrayList<>();
    List<Observation> ratings = new ArrayList<>();
    List<Integer> missingSessions = new ArrayList<>();
    List<Rupture> ruptures = new ArrayList<>();
    Rupture active = null;
    double persistent = 0; // lasting loss of alliance after unrepaired ruptures
    double previousState = state;
    double previousAlliance = level;
    int last = 0;
    boolean droppedOut = false;
    for (int session = 1; session <= planned; session++) {
      boolean unrepaired = ruptures.stream().anyMatch(r -> !r.repaired);
      if (session > 1 && random.nextDouble() < p.dropoutHazard() * (unrepaired ? 3 : 1)) {
        droppedOut = true;
        break;
      }
      last = session;
      Optional<LocalDate> date = Optional.of(start.plusWeeks(session - 1));
      // The intake score is always recorded, so every client has a baseline.
      boolean sessionMissing = session > 1 && random.nextDouble() < p.missingSessionRate();
      boolean outcomeMissing =
          sessionMissing || (session > 1 && random.nextDouble() < p.missingScoreRate());
      boolean allianceMissing = sessionMissing || random.nextDouble() < p.missingScoreRate();
      if (sessionMissing) {
        missingSessions.add(session);
      }
      if (!outcomeMissing) {
        outcomes.add(new Observation(session, date, outcomeScale.score(state)));
      }

      // The alliance, rated at the end of the session.
      double rating =
          level
              + persistent
              + p.improvementEffect() * (state - previousState)
              + p.allianceNoise() * random.nextGaussian();
      if (active != null && session <= active.session + 2) {
        if (active.repaired && session == active.repairAt) {
          rating = Math.max(rating, active.before + 0.01);
        } else if (!active.repaired || session < active.repairAt) {
          // Still below the pre-rupture level, so the repair rule does not fire early.
          rating = Math.min(rating, active.before - active.depth / 2);
        }
      } else if (session >= 2 && random.nextDouble() < p.ruptureRate()) {
        double depth = p.ruptureDepth() * (0.7 + 0.6 * random.nextDouble());
        boolean repaired = random.nextDouble() < p.repairShare();
        active =
            new Rupture(
                session, depth, previousAlliance, repaired, session + 1 + random.nextInt(2));
        ruptures.add(active);
        rating = previousAlliance - depth;
        if (!repaired) {
          persistent -= depth / 2;
        }
      }
      double rated = allianceScale.score(rating);
      double ratedState = allianceScale.state(rated);
      if (!allianceMissing) {
        ratings.add(new Observation(session, date, rated));
      }

      // The state at the next session: towards the client's end state, lifted by a better alliance
      // than usual.
      double next =
          state
              + p.approachRate() * (target - state)
              + p.allianceEffect() * (ratedState - level)
              + p.outcomeNoise() * random.nextGaussian();
      if (session + 1 == suddenGainAt) {
        next += p.suddenGainSize();
        target = clamp(target + p.suddenGainSize());
      }
      previousState = state;
      previousAlliance = ratedState;
      state = clamp(next);
    }

    List<SimulatedRupture> simulatedRuptures = new ArrayList<>();
    for (Rupture rupture : ruptures) {
      // A repair planned after the last attended session never happened.
      OptionalInt repairedAt =
          rupture.repaired && rupture.repairAt <= last
              ? OptionalInt.of(rupture.repairAt)
              : OptionalInt.empty();
      simulatedRuptures.add(
          new SimulatedRupture(rupture.session, rupture.depth * allianceScale.range(), repairedAt));
    }
    OptionalInt gain =
        suddenGainAt > 0 && suddenGainAt <= last
            ? OptionalInt.of(suddenGainAt)
            : OptionalInt.empty();
    episodes.add(
        new Episode(
            client,
            Optional.of(clinicianIds[clinician]),
            List.of(new Course(client, outcome, outcomes), new Course(client, alliance, ratings))));
    truth.add(
        new SimulatedClient(
            client,
            clinicianIds[clinician],
            planned,
            last,
            droppedOut,
            deteriorating,
            gain,
            simulatedRuptures,
            missingSessions));
  }

  private record Rupture(
      int session, double depth, double before, boolean repaired, int repairAt) {}

  private static double clamp(double state) {
    return Math.max(0, Math.min(1, state));
  }

  /** An independent stream for one client (or the clinicians), fixed by the seed. */
  public static RandomGenerator random(long seed, int stream) {
    // The WELL generator fills its state from the seed words in interleaved chains, so seeds that
    // differ in
    // one word would share most of their state. Hashing (seed, stream) to a start and drawing every
    // seed
    // word from SplitMix64 makes the streams' states unrelated.
    long state = mix(mix(seed) + stream);
    int[] words = new int[16];
    for (int i = 0; i < words.length; i += 2) {
      state += 0x9E3779B97F4A7C15L;
      long z = mix(state);
      words[i] = (int) z;
      words[i + 1] = (int) (z >>> 32);
    }
    return new Well19937c(words);
  }

  /** The SplitMix64 finaliser: a bijection that scatters nearby inputs over all 64 bits. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
