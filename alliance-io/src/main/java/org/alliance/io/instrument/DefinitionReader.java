package org.alliance.io.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Licence;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.Norms;
import org.alliance.core.instrument.Respondent;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.ScoringRule;
import org.alliance.core.instrument.Subscale;

/**
 * Turns the JSON tree of one definition into an {@link Instrument}, checking everything on the way.
 * The model's constructors check the same rules, but they stop at the first and know no JSON paths;
 * here each rule is checked where it applies, so every problem is reported with the place to fix
 * it. The constructors still run last, and anything they refuse is reported at the nearest path.
 */
final class DefinitionReader {
  private final List<DefinitionProblem> problems = new ArrayList<>();

  static DefinitionResult read(JsonNode root) {
    DefinitionReader reader = new DefinitionReader();
    Optional<Instrument> instrument =
        FieldReader.of(root, "$", reader.problems).flatMap(reader::instrument);
    return reader.problems.isEmpty() && instrument.isPresent()
        ? DefinitionResult.valid(instrument.get())
        : DefinitionResult.invalid(reader.problems);
  }

  private Optional<Instrument> instrument(FieldReader root) {
    root.allow("$schema"); // lets editors validate against docs/instrument.schema.json
    String id = root.requiredId("id");
    String version = root.requiredString("version");
    LocalizedText title = root.requiredText("title");
    Respondent respondent = root.choice("respondent", JsonNames.RESPONDENT, Respondent.CLIENT);
    Construct construct = root.choice("measures", JsonNames.CONSTRUCT, null);
    Optional<LocalizedText> instructions = root.optionalText("instructions");
    ScoringRule scoring = root.choice("scoring", JsonNames.SCORING, ScoringRule.SUM);
    Integer maxMissing = root.optionalInt("maxMissing", 0);
    Direction direction = root.choice("direction", JsonNames.DIRECTION, null);
    List<Item> items = items(root);
    List<Subscale> subscales = list(root, "subscales", this::subscale);
    List<Cutoff> cutoffs = list(root, "cutoffs", this::cutoff);
    List<Band> bands = list(root, "bands", this::band);
    Optional<Double> reliableChange = root.optionalNumber("reliableChange");
    Optional<Norms> norms = object(root, "norms").map(this::norms);
    Licence licence = object(root, "licence").map(this::licence).orElse(null);
    if (licence == null && !root.has("licence")) {
      root.problem(root.path("licence"), "missing: expected an object with kind, holder and terms");
    }
    Optional<FieldReader> loinc = object(root, "loinc");
    Optional<String> loincPanel = loinc.flatMap(codes -> codes.optionalString("panel"));
    Optional<String> loincTotal = loinc.flatMap(codes -> codes.optionalString("total"));
    loinc.ifPresent(FieldReader::rejectUnknown);
    List<String> notes = notes(root);
    root.rejectUnknown();

    if (items != null) {
      checkScoring(root, items, scoring, maxMissing);
      if (subscales != null) {
        checkSubscales(subscales, items.size());
      }
    }
    checkUnique(root, "subscales", subscales, Subscale::id);
    checkUnique(root, "cutoffs", cutoffs, Cutoff::id);
    checkBands(bands);
    reliableChange
        .filter(points -> !(points > 0))
        .ifPresent(
            points ->
                root.problem(
                    root.path("reliableChange"),
                    "expected a positive number of points, found " + points));
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Instrument(
              id,
              version,
              title,
              respondent,
              construct,
              instructions,
              items,
              subscales,
              scoring,
              maxMissing,
              direction,
              cutoffs,
              bands,
              reliableChange.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
              norms,
              licence,
              loincPanel,
              loincTotal,
              notes));
    } catch (IllegalArgumentException | NullPointerException e) {
      root.problem("$", String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * The items, numbered 1..N in order with unique ids; null after a problem that leaves them
   * unusable.
   */
  private List<Item> items(FieldReader root) {
    JsonNode node = root.required("items", "an array of items");
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      root.problem(
          root.path("items"),
          "expected an array of at least one item, found "
              + (node.isArray() ? "an empty array" : FieldReader.describe(node)));
      return null;
    }
    List<Item> items = new ArrayList<>();
    Map<String, String> pathById = new HashMap<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      String path = root.path("items") + "[" + i + "]";
      Item item =
          FieldReader.of(node.get(i), path, problems)
              .map(fields -> item(fields, items.size() + 1))
              .orElse(null);
      if (item != null && pathById.containsKey(item.id())) {
        root.problem(
            path + ".id",
            "item id '" + item.id() + "' is already used by " + pathById.get(item.id()));
      } else if (item != null) {
        pathById.put(item.id(), path);
      }
      complete &= item != null;
      items.add(item);
    }
    return complete ? items : null;
  }

  private Item item(FieldReader fields, int position) {
    int before = problems.size();
    Integer number = fields.requiredInt("number");
    if (number != null && number != position) {
      fields.problem(
          fields.path("number"),
          "expected " + position + ": items are numbered 1, 2, 3... in the order they are listed");
    }
    String id = fields.requiredId("id");
    LocalizedText label = fields.requiredText("label");
    Optional<LocalizedText> text = fields.optionalText("text");
    JsonNode scaleNode =
        fields.required("scale", "an object with a type: likert, yes-no or visual-analogue");
    ResponseScale scale =
        scaleNode == null
            ? null
            : FieldReader.of(scaleNode, fields.path("scale"), problems)
                .map(this::scale)
                .orElse(null);
    Boolean reversed = fields.optionalBoolean("reversed", false);
    Boolean critical = fields.optionalBoolean("critical", false);
    Optional<String> loinc = fields.optionalString("loinc");
    fields.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    return build(
        fields.path(), () -> new Item(number, id, label, text, scale, reversed, critical, loinc));
  }

  private ResponseScale scale(FieldReader fields) {
    String type = fields.requiredString("type");
    if (type == null) {
      fields.rejectUnknown();
      return null;
    }
    switch (type) {
      case "yes-no":
        fields.rejectUnknown();
        return new ResponseScale.YesNo();
      case "visual-analogue":
        fields.rejectUnknown();
        return new ResponseScale.VisualAnalogue();
      case "likert":
        return likert(fields);
      default:
        fields.problem(
            fields.path("type"),
            "expected 'likert', 'yes-no' or 'visual-analogue', found '" + type + "'");
        return null;
    }
  }

  private ResponseScale likert(FieldReader fields) {
    int before = problems.size();
    Integer min = fields.requiredInt("min");
    Integer max = fields.requiredInt("max");
    List<LocalizedText> anchors = texts(fields, "anchors");
    fields.rejectUnknown();
    if (min != null && max != null && min >= max) {
      fields.problem(fields.path("max"), "expected a number above min (" + min + "), found " + max);
    } else if (min != null
        && max != null
        && anchors != null
        && !anchors.isEmpty()
        && anchors.size() != max - min + 1) {
      fields.problem(
          fields.path("anchors"),
          "expected "
              + (max - min + 1)
              + " anchors (one for each point from "
              + min
              + " to "
              + max
              + ") or none, found "
              + anchors.size());
    }
    if (problems.size() > before) {
      return null;
    }
    return build(fields.path(), () -> ResponseScale.Likert.translated(min, max, anchors));
  }

  /** Count-yes needs yes/no items and no prorating; maxMissing must leave at least one item. */
  private void checkScoring(
      FieldReader root, List<Item> items, ScoringRule scoring, Integer maxMissing) {
    if (maxMissing != null && (maxMissing < 0 || maxMissing >= items.size())) {
      root.problem(
          root.path("maxMissing"),
          "expected a whole number from 0 to "
              + (items.size() - 1)
              + " (fewer than the "
              + items.size()
              + " items), found "
              + maxMissing);
    }
    if (scoring == ScoringRule.COUNT_YES) {
      if (maxMissing != null && maxMissing != 0) {
        root.problem(
            root.path("maxMissing"), "expected 0: a count of yes answers cannot be prorated");
      }
      for (Item item : items) {
        if (!(item.scale() instanceof ResponseScale.YesNo)) {
          root.problem(
              root.path("items") + "[" + (item.number() - 1) + "].scale.type",
              "expected 'yes-no': the scoring is count-yes, which counts yes answers");
        }
      }
    }
  }

  /** Subscales may only name items that exist, each once. */
  private void checkSubscales(List<Subscale> subscales, int itemCount) {
    for (int i = 0; i < subscales.size(); i++) {
      if (subscales.get(i) == null) {
        continue; // its problems are already reported
      }
      List<Integer> numbers = subscales.get(i).items();
      Set<Integer> seen = new HashSet<>();
      for (int j = 0; j < numbers.size(); j++) {
        int number = numbers.get(j);
        String path = "$.subscales[" + i + "].items[" + j + "]";
        if (number < 1 || number > itemCount) {
          problems.add(
              DefinitionProblem.at(
                  path,
                  "expected an item number from 1 to "
                      + itemCount
                      + ", found "
                      + number
                      + ", which is not an item"));
        } else if (!seen.add(number)) {
          problems.add(DefinitionProblem.at(path, "item " + number + " is listed twice"));
        }
      }
    }
  }

  private Subscale subscale(FieldReader fields) {
    int before = problems.size();
    String id = fields.requiredId("id");
    LocalizedText label = fields.requiredText("label");
    List<Integer> items = null;
    JsonNode node = fields.required("items", "an array of item numbers");
    if (node != null && (!node.isArray() || node.isEmpty())) {
      fields.problem(
          fields.path("items"),
          "expected an array of at least one item number, found "
              + (node.isArray() ? "an empty array" : FieldReader.describe(node)));
    } else if (node != null) {
      items = new ArrayList<>();
      for (int j = 0; j < node.size(); j++) {
        items.add(fields.wholeNumber(node.get(j), fields.path("items") + "[" + j + "]"));
      }
    }
    Integer maxMissing = fields.optionalInt("maxMissing", 0);
    fields.rejectUnknown();
    if (items != null && maxMissing != null && (maxMissing < 0 || maxMissing >= items.size())) {
      fields.problem(
          fields.path("maxMissing"),
          "expected a whole number from 0 to "
              + (items.size() - 1)
              + " (fewer than the subscale's "
              + items.size()
              + " items), found "
              + maxMissing);
    }
    if (problems.size() > before) {
      return null;
    }
    List<Integer> numbers = items;
    return build(fields.path(), () -> new Subscale(id, label, numbers, maxMissing));
  }

  private Cutoff cutoff(FieldReader fields) {
    int before = problems.size();
    String id = fields.requiredId("id");
    String label = fields.requiredString("label");
    Double value = fields.requiredNumber("value");
    Cutoff.Side side = fields.choice("clinicalSide", JsonNames.SIDE, null);
    Boolean verified = fields.optionalBoolean("verified", true);
    fields.rejectUnknown();
    return problems.size() > before
        ? null
        : build(fields.path(), () -> new Cutoff(id, label, value, side, verified));
  }

  private Band band(FieldReader fields) {
    int before = problems.size();
    String label = fields.requiredString("label");
    Double from = fields.requiredNumber("from");
    fields.rejectUnknown();
    return problems.size() > before ? null : build(fields.path(), () -> new Band(label, from));
  }

  private void checkBands(List<Band> bands) {
    if (bands == null) {
      return;
    }
    for (int i = 1; i < bands.size(); i++) {
      if (bands.get(i) != null
          && bands.get(i - 1) != null
          && !(bands.get(i).from() > bands.get(i - 1).from())) {
        problems.add(
            DefinitionProblem.at(
                "$.bands[" + i + "].from",
                "expected a number above the previous band's "
                    + bands.get(i - 1).from()
                    + ": bands are listed in ascending order, found "
                    + bands.get(i).from()));
      }
    }
  }

  private Norms norms(FieldReader fields) {
    int before = problems.size();
    Double clinicalMean = fields.requiredNumber("clinicalMean");
    Double clinicalSd = positive(fields, "clinicalSd");
    Double functionalMean = fields.requiredNumber("functionalMean");
    Double functionalSd = positive(fields, "functionalSd");
    Double reliability = fields.requiredNumber("reliability");
    if (reliability != null && !(reliability > 0 && reliability < 1)) {
      fields.problem(
          fields.path("reliability"),
          "expected a number between 0 and 1 (exclusive), found " + reliability);
    }
    String source = fields.requiredString("source");
    fields.rejectUnknown();
    return problems.size() > before
        ? null
        : build(
            fields.path(),
            () ->
                new Norms(
                    clinicalMean, clinicalSd, functionalMean, functionalSd, reliability, source));
  }

  private static Double positive(FieldReader fields, String name) {
    Double value = fields.requiredNumber(name);
    if (value != null && !(value > 0)) {
      fields.problem(fields.path(name), "expected a positive standard deviation, found " + value);
    }
    return value;
  }

  private Licence licence(FieldReader fields) {
    Licence.Kind kind = fields.choice("kind", JsonNames.LICENCE_KIND, null);
    String holder = fields.requiredString("holder");
    String terms = fields.requiredString("terms");
    fields.rejectUnknown();
    return kind == null || holder == null || terms == null
        ? null
        : new Licence(kind, holder, terms);
  }

  private List<String> notes(FieldReader root) {
    List<JsonNode> nodes = root.array("notes");
    if (nodes == null) {
      return null;
    }
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      notes.add(root.string(nodes.get(i), root.path("notes") + "[" + i + "]"));
    }
    return notes;
  }

  /** An optional array of texts, each a string (English) or an object of translations. */
  private static List<LocalizedText> texts(FieldReader fields, String name) {
    List<JsonNode> nodes = fields.array(name);
    if (nodes == null) {
      return null;
    }
    List<LocalizedText> texts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      texts.add(fields.localized(nodes.get(i), fields.path(name) + "[" + i + "]"));
    }
    return texts;
  }

  /** An optional nested object; empty when absent or after a problem. */
  private Optional<FieldReader> object(FieldReader parent, String name) {
    JsonNode node = parent.field(name);
    return node == null ? Optional.empty() : FieldReader.of(node, parent.path(name), problems);
  }

  /**
   * Each element of an optional array read as an object; null elements mark problems already
   * reported.
   */
  private <T> List<T> list(
      FieldReader parent, String name, java.util.function.Function<FieldReader, T> element) {
    List<JsonNode> nodes = parent.array(name);
    if (nodes == null) {
      return null;
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      result.add(
          FieldReader.of(nodes.get(i), parent.path(name) + "[" + i + "]", problems)
              .map(element)
              .orElse(null));
    }
    return result;
  }

  private <T, K> void checkUnique(
      FieldReader root, String name, List<T> values, java.util.function.Function<T, K> key) {
    if (values == null) {
      return;
    }
    Map<K, Integer> first = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      T value = values.get(i);
      if (value == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(key.apply(value), i);
      if (earlier != null) {
        root.problem(
            root.path(name) + "[" + i + "].id",
            "id '"
                + key.apply(value)
                + "' is already used by "
                + root.path(name)
                + "["
                + earlier
                + "]");
      }
    }
  }

  /**
   * Runs a model constructor; a rule it enforces that the checks above missed is reported at this
   * path.
   */
  private <T> T build(String path, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(DefinitionProblem.at(path, String.valueOf(e.getMessage())));
      return null;
    }
  }
}
