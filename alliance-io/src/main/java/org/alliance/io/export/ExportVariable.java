package org.alliance.io.export;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.ScoringRule;
import org.alliance.core.instrument.Subscale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;

/**
 * One thing measured per administration of an instrument: an item's answer, or a score (total,
 * mean, subscale, band, clinical flag, risk flag, prorating). It knows its name, label, type and
 * codes for the data dictionary, and how to turn an administration into its cell.
 *
 * @param instrument the instrument it belongs to
 * @param item the item id for an answer, empty for a score
 * @param score the score's key ({@code total}, {@code mean}, a subscale id, {@code band}, {@code
 *     clinical}, {@code risk_item}, {@code prorated}), empty for an answer
 * @param wanted the column name it would like in the wide layout, before {@link VariableNames}
 *     makes it safe
 * @param type {@code integer} or {@code decimal}
 * @param range the values it takes when they are not labelled one by one, such as {@code 0-27}
 * @param labels the values it takes with their labels, such as {@code 0=Not at all}, without the
 *     codes
 * @param codes the {@link ExportCode}s it can hold besides the not-administered code
 * @param emptyMeansMissing whether an empty cell is possible: a missing answer, or a risk flag not
 *     known
 */
record ExportVariable(
    Instrument instrument,
    Optional<String> item,
    Optional<String> score,
    String wanted,
    String label,
    String type,
    String range,
    List<ValueLabel> labels,
    List<ExportCode> codes,
    boolean emptyMeansMissing,
    Function<ExportEntry, String> cell) {

  ExportVariable {
    requireNonNull(instrument, "instrument");
    labels = List.copyOf(labels);
    codes = List.copyOf(codes);
  }

  /** The values it takes, as the dictionary lists them: the range, or each value with its label. */
  String values() {
    return labels.isEmpty()
        ? range
        : String.join("; ", labels.stream().map(ValueLabel::toString).toList());
  }

  /** The item id or score key, as the long layout's {@code item} or {@code score} column has it. */
  String key() {
    return item.or(() -> score).orElseThrow();
  }

  /** The values and every code, as the data dictionary lists them. */
  String valuesAndCodes(boolean wide) {
    List<String> parts = new ArrayList<>();
    parts.add(values());
    if (emptyMeansMissing) {
      parts.add("empty=missing");
    }
    codes.forEach(code -> parts.add(code.describe()));
    if (wide) {
      parts.add(ExportCode.NOT_ADMINISTERED.describe());
    }
    return String.join("; ", parts);
  }

  /** The labelled values and every code, for syntax files. */
  List<ValueLabel> labelsAndCodes(boolean wide) {
    List<ValueLabel> all = new ArrayList<>(labels);
    codes.forEach(code -> all.add(new ValueLabel(code.cell(), code.label())));
    if (wide) {
      all.add(
          new ValueLabel(ExportCode.NOT_ADMINISTERED.cell(), ExportCode.NOT_ADMINISTERED.label()));
    }
    return all;
  }

  /** The variables of an instrument at this level, in a stable order. */
  static List<ExportVariable> of(Instrument instrument, ExportLevel level) {
    return level == ExportLevel.ITEMS ? items(instrument) : scores(instrument);
  }

  // ---------------------------------------------------------------- items

  private static List<ExportVariable> items(Instrument instrument) {
    List<ExportVariable> variables = new ArrayList<>();
    for (Item item : instrument.items()) {
      ResponseScale scale = item.scale();
      variables.add(
          new ExportVariable(
              instrument,
              Optional.of(item.id()),
              Optional.empty(),
              item.id(),
              title(instrument) + " item " + item.number() + ": " + item.label().en(),
              scale instanceof ResponseScale.VisualAnalogue ? "decimal" : "integer",
              scaleRange(scale),
              scaleLabels(instrument, scale),
              List.of(ExportCode.SKIPPED, ExportCode.DECLINED, ExportCode.INVALID),
              true,
              entry -> answerCell(entry.administration(), item)));
    }
    return variables;
  }

  private static String scaleRange(ResponseScale scale) {
    return scale instanceof ResponseScale.VisualAnalogue
        ? "0.0-10.0"
        : Numbers.format(scale.min()) + "-" + Numbers.format(scale.max());
  }

  private static List<ValueLabel> scaleLabels(Instrument instrument, ResponseScale scale) {
    List<ValueLabel> labels = new ArrayList<>();
    if (scale instanceof ResponseScale.Likert likert
        && instrument.licence().allowsText()
        && !likert.anchors().isEmpty()) {
      for (int value = likert.minValue(); value <= likert.maxValue(); value++) {
        labels.add(
            new ValueLabel(
                Integer.toString(value), likert.anchors().get(value - likert.minValue())));
      }
    } else if (scale instanceof ResponseScale.YesNo) {
      labels.add(new ValueLabel("1", "yes"));
      labels.add(new ValueLabel("0", "no"));
    }
    return labels;
  }

  static String answerCell(Administration administration, Item item) {
    Answer answer = administration.answer(item.id());
    if (answer instanceof Answer.Value value) {
      return item.scale().check(value.value()).isEmpty()
          ? Numbers.format(value.value())
          : ExportCode.INVALID.cell();
    }
    if (answer instanceof Answer.Unreadable) {
      return ExportCode.INVALID.cell();
    }
    return switch ((Answer.NotAnswered) answer) {
      case SKIPPED -> ExportCode.SKIPPED.cell();
      case DECLINED -> ExportCode.DECLINED.cell();
      case MISSING -> "";
    };
  }

  // ---------------------------------------------------------------- scores

  /** The keys of the scores every instrument may have besides its subscales. */
  private static final java.util.Set<String> OWN_KEYS =
      java.util.Set.of("total", "mean", "band", "clinical", "risk_item", "prorated");

  private static List<ExportVariable> scores(Instrument instrument) {
    List<ExportVariable> variables = new ArrayList<>();
    String prefix = instrument.id() + "_";
    String title = title(instrument);
    List<ExportCode> scoreCodes = List.of(ExportCode.INCOMPLETE, ExportCode.INVALID);
    variables.add(
        score(
            instrument,
            "total",
            prefix + "total",
            title + " total (" + rule(instrument.scoringRule()) + ")",
            range(instrument.minTotal(), instrument.maxTotal()),
            scoreCodes,
            score -> Numbers.format(score.total().getAsDouble())));
    if (instrument.scoringRule() == ScoringRule.SUM
        || instrument.scoringRule() == ScoringRule.MEAN_TIMES_10) {
      double low = instrument.items().stream().mapToDouble(i -> i.scale().min()).min().orElse(0);
      double high = instrument.items().stream().mapToDouble(i -> i.scale().max()).max().orElse(0);
      variables.add(
          score(
              instrument,
              "mean",
              prefix + "mean",
              title + " item mean (after reversal)",
              range(low, high),
              scoreCodes,
              score -> Numbers.format(score.mean().getAsDouble())));
    }
    for (Subscale subscale : instrument.subscales()) {
      // A subscale named like one of the other scores (CORE-OM's risk domain is not the risk flag)
      // keeps apart.
      String key = OWN_KEYS.contains(subscale.id()) ? subscale.id() + "_score" : subscale.id();
      variables.add(
          score(
              instrument,
              key,
              prefix + key,
              title + " " + subscale.label().en() + " (" + rule(instrument.scoringRule()) + ")",
              range(instrument.minScore(subscale), instrument.maxScore(subscale)),
              scoreCodes,
              score -> {
                Double value = score.subscales().get(subscale.id());
                return value == null ? ExportCode.INCOMPLETE.cell() : Numbers.format(value);
              }));
    }
    if (!instrument.bands().isEmpty()) {
      List<ValueLabel> labels = new ArrayList<>();
      for (int i = 0; i < instrument.bands().size(); i++) {
        Band band = instrument.bands().get(i);
        labels.add(
            new ValueLabel(
                Integer.toString(i + 1),
                band.label() + " (from " + Numbers.format(band.from()) + ")"));
      }
      variables.add(
          new ExportVariable(
              instrument,
              Optional.empty(),
              Optional.of("band"),
              prefix + "band",
              title + " severity band",
              "integer",
              "",
              labels,
              scoreCodes,
              false,
              entry ->
                  scoreCell(
                      entry.score(),
                      score ->
                          score
                              .band()
                              .map(band -> Integer.toString(instrument.bands().indexOf(band) + 1))
                              .orElse(""))));
    }
    Optional<Cutoff> cutoff = instrument.clinicalCutoff();
    if (cutoff.isPresent()) {
      variables.add(
          new ExportVariable(
              instrument,
              Optional.empty(),
              Optional.of("clinical"),
              prefix + "clinical",
              title + " " + cutoff.get().label() + " (" + cutoff.get().describe() + ")",
              "integer",
              "",
              List.of(new ValueLabel("1", cutoff.get().describe()), new ValueLabel("0", "not")),
              scoreCodes,
              false,
              entry ->
                  scoreCell(entry.score(), score -> score.clinical().orElseThrow() ? "1" : "0")));
    }
    List<Item> critical = instrument.items().stream().filter(Item::critical).toList();
    if (!critical.isEmpty()) {
      String ids = String.join(", ", critical.stream().map(Item::id).toList());
      variables.add(
          new ExportVariable(
              instrument,
              Optional.empty(),
              Optional.of("risk_item"),
              prefix + "risk_item",
              title + " risk item answered above its lowest answer (" + ids + ")",
              "integer",
              "",
              List.of(
                  new ValueLabel("1", "a risk item answered above its lowest answer"),
                  new ValueLabel("0", "every risk item answered at its lowest")),
              List.of(),
              true,
              entry -> riskCell(entry, critical)));
    }
    if (instrument.maxMissing() > 0) {
      variables.add(
          score(
              instrument,
              "prorated",
              prefix + "prorated",
              title + " total prorated over missing items",
              List.of(new ValueLabel("1", "prorated"), new ValueLabel("0", "every item answered")),
              scoreCodes,
              score -> score.prorated() ? "1" : "0"));
    }
    return variables;
  }

  private static ExportVariable score(
      Instrument instrument,
      String key,
      String wanted,
      String label,
      String range,
      List<ExportCode> codes,
      Function<Score, String> valid) {
    return new ExportVariable(
        instrument,
        Optional.empty(),
        Optional.of(key),
        wanted,
        label,
        "decimal",
        range,
        List.of(),
        codes,
        false,
        entry -> scoreCell(entry.score(), valid));
  }

  private static ExportVariable score(
      Instrument instrument,
      String key,
      String wanted,
      String label,
      List<ValueLabel> labels,
      List<ExportCode> codes,
      Function<Score, String> valid) {
    return new ExportVariable(
        instrument,
        Optional.empty(),
        Optional.of(key),
        wanted,
        label,
        "integer",
        "",
        labels,
        codes,
        false,
        entry -> scoreCell(entry.score(), valid));
  }

  /** The value when the administration has a valid score, else the code saying why not. */
  private static String scoreCell(Score score, Function<Score, String> valid) {
    if (score.valid()) {
      return valid.apply(score);
    }
    for (Problem problem : score.problems()) {
      if (problem.kind().invalidates() && problem.kind() != Problem.Kind.TOO_MANY_MISSING) {
        return ExportCode.INVALID.cell();
      }
    }
    return ExportCode.INCOMPLETE.cell();
  }

  /**
   * 1 when any risk item fired (even on an otherwise invalid form), 0 only when every risk item was
   * answered at its lowest.
   */
  private static String riskCell(ExportEntry entry, List<Item> critical) {
    if (!entry.score().flags().isEmpty()) {
      return "1";
    }
    for (Item item : critical) {
      Answer answer = entry.administration().answer(item.id());
      if (!(answer instanceof Answer.Value value)
          || item.scale().check(value.value()).isPresent()) {
        return "";
      }
    }
    return "0";
  }

  private static String range(double low, double high) {
    return Numbers.format(low) + "-" + Numbers.format(high);
  }

  private static String rule(ScoringRule rule) {
    return switch (rule) {
      case SUM -> "sum";
      case MEAN -> "item mean";
      case MEAN_TIMES_10 -> "clinical score: item mean x 10";
      case COUNT_YES -> "number of yes answers";
    };
  }

  private static String title(Instrument instrument) {
    return instrument.id().toUpperCase(java.util.Locale.ROOT);
  }
}
