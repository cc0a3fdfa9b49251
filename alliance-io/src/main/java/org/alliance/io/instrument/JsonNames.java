package org.alliance.io.instrument;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Licence;
import org.alliance.core.instrument.Respondent;
import org.alliance.core.instrument.ScoringRule;

/**
 * The names the JSON format gives the model's enum constants: lower case with dashes ({@code
 * higher-is-better}), so that a definition reads like the documentation, and {@code mean-x10} for
 * the CORE clinical score. The mapping is explicit so renaming a Java constant cannot silently
 * change the file format.
 */
final class JsonNames<E extends Enum<E>> {
  static final JsonNames<Respondent> RESPONDENT = dashed(Respondent.class);
  static final JsonNames<Construct> CONSTRUCT = dashed(Construct.class);
  static final JsonNames<Direction> DIRECTION = dashed(Direction.class);
  static final JsonNames<Cutoff.Side> SIDE = dashed(Cutoff.Side.class);
  static final JsonNames<Licence.Kind> LICENCE_KIND = dashed(Licence.Kind.class);
  static final JsonNames<ScoringRule> SCORING =
      new JsonNames<>(
          Map.of(
              ScoringRule.SUM, "sum",
              ScoringRule.MEAN, "mean",
              ScoringRule.MEAN_TIMES_10, "mean-x10",
              ScoringRule.COUNT_YES, "count-yes"),
          ScoringRule.class);

  private final Map<E, String> names;
  private final Map<String, E> constants = new LinkedHashMap<>();

  private JsonNames(Map<E, String> names, Class<E> type) {
    this.names = names;
    for (E constant : type.getEnumConstants()) {
      constants.put(names.get(constant), constant);
    }
  }

  private static <E extends Enum<E>> JsonNames<E> dashed(Class<E> type) {
    Map<E, String> names = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      names.put(constant, constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return new JsonNames<>(names, type);
  }

  String name(E constant) {
    return names.get(constant);
  }

  Optional<E> parse(String name) {
    return Optional.ofNullable(constants.get(name));
  }

  /** The accepted names in declaration order, for messages: {@code alliance or outcome}. */
  String accepted() {
    var all = constants.keySet().stream().map(name -> "'" + name + "'").toList();
    return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }
}
