package org.alliance.io.instrument;

import com.google.common.base.Preconditions;
import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;

/**
 * What reading one instrument definition gave: the instrument, or every problem found in it. Bad
 * content is never thrown, so a user sees all problems of a file at once.
 */
public record DefinitionResult(Optional<Instrument> instrument, List<DefinitionProblem> problems) {
  public DefinitionResult {
    problems = List.copyOf(problems);
    Preconditions.checkArgument(
        instrument.isPresent() == problems.isEmpty(), "either an instrument or problems");
  }

  static DefinitionResult valid(Instrument instrument) {
    return new DefinitionResult(Optional.of(instrument), List.of());
  }

  static DefinitionResult invalid(List<DefinitionProblem> problems) {
    return new DefinitionResult(Optional.empty(), problems);
  }

  public boolean isValid() {
    return instrument.isPresent();
  }
}
