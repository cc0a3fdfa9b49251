package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;

/**
 * What a course of scores measures: an instrument of the catalog, or a ready score column of a
 * researcher's file with its direction.
 *
 * @param id the instrument id, or the score column's name
 * @param instrument the instrument, when the scores come from one (gives cutoffs and reliable
 *     change)
 */
public record Measure(
    String id, Direction direction, Construct construct, Optional<Instrument> instrument) {
  public Measure {
    checkArgument(id != null && !id.isBlank(), "a measure needs an id");
    requireNonNull(direction, "direction");
    requireNonNull(construct, "construct");
    requireNonNull(instrument, "instrument");
  }

  public static Measure of(Instrument instrument) {
    return new Measure(
        instrument.id(), instrument.direction(), instrument.construct(), Optional.of(instrument));
  }

  /** A score column that is not an instrument of the catalog. */
  public static Measure column(String name, Direction direction, Construct construct) {
    return new Measure(name, direction, construct, Optional.empty());
  }

  /** +1 when higher is better, -1 when lower is better. */
  /** The measure as clinicians write it: {@code SRS}, {@code PHQ-9}; a score column's own name. */
  public String label() {
    return instrument.isPresent() ? id.toUpperCase(java.util.Locale.ROOT) : id;
  }

  public int sign() {
    return direction.sign();
  }
}
