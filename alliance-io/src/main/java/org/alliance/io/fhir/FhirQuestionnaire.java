package org.alliance.io.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Ids;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Licence;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.io.instrument.DefinitionProblem;
import org.alliance.io.instrument.DefinitionResult;
import org.alliance.io.instrument.InstrumentJson;
import org.alliance.io.json.JsonErrors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.ResourceType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Instrument &lt;-&gt; FHIR Questionnaire. A Questionnaire written here carries the instrument's
 * full definition in an extension, so reading it back gives an equal instrument; a Questionnaire
 * from elsewhere is read from its items, scored as the sum of the answers' ordinal values.
 */
public final class FhirQuestionnaire {
  /** The linkId of the display item that holds the instructions; item ids never start with '_'. */
  static final String INSTRUCTIONS_LINK_ID = "_instructions";

  // Duplicate keys and trailing content are syntax errors here, so they come with a line and
  // column.
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private FhirQuestionnaire() {}

  /** The Questionnaire of an instrument, without a resource id. */
  public static Questionnaire toQuestionnaire(Instrument instrument) {
    Questionnaire questionnaire = new Questionnaire();
    // The full definition keeps what FHIR has no place for: scoring rule, reversed and risk items,
    // subscales, cutoffs with their side, bands, reliable change, norms, translations, notes.
    questionnaire.addExtension(
        Fhir.INSTRUMENT_DEFINITION, new StringType(InstrumentJson.write(instrument).strip()));
    questionnaire.setUrl(Fhir.questionnaireUrl(instrument.id()));
    questionnaire.setVersion(instrument.version());
    questionnaire.setName(computableName(instrument.title().en()));
    questionnaire.setTitle(instrument.title().en());
    questionnaire.setStatus(PublicationStatus.ACTIVE);
    questionnaire.addSubjectType(ResourceType.Patient.name());
    instrument
        .loincPanel()
        .ifPresent(panel -> questionnaire.addCode(new Coding(Fhir.LOINC, panel, null)));
    questionnaire.setCopyright(instrument.licence().holder() + ". " + instrument.licence().terms());
    questionnaire.setText(
        Fhir.narrative(
            instrument.title().en()
                + ", version "
                + instrument.version()
                + ": "
                + instrument.items().size()
                + " items.",
            "Licence: " + instrument.licence().holder() + ". " + instrument.licence().terms()));
    instrument
        .instructions()
        .ifPresent(
            text ->
                questionnaire
                    .addItem()
                    .setLinkId(INSTRUCTIONS_LINK_ID)
                    .setType(QuestionnaireItemType.DISPLAY)
                    .setText(text.en()));
    for (Item item : instrument.items()) {
      questionnaire.addItem(item(item));
    }
    return questionnaire;
  }

  /**
   * The Questionnaire of an instrument as pretty-printed JSON, with the instrument id as its
   * resource id where FHIR allows it.
   */
  public static String toJson(Instrument instrument) {
    Questionnaire questionnaire = toQuestionnaire(instrument);
    if (Fhir.isId(instrument.id())) {
      questionnaire.setId(instrument.id());
    }
    return Fhir.toJson(questionnaire, true) + "\n";
  }

  private static QuestionnaireItemComponent item(Item item) {
    QuestionnaireItemComponent component = new QuestionnaireItemComponent().setLinkId(item.id());
    item.text().ifPresent(text -> component.setText(text.en()));
    item.loinc().ifPresent(code -> component.addCode(new Coding(Fhir.LOINC, code, null)));
    // The short label travels as the display of the item's own code: a licensed item has no text to
    // show.
    component.addCode(new Coding(Fhir.ITEM_SYSTEM, item.id(), item.label().en()));
    ResponseScale scale = item.scale();
    if (scale instanceof ResponseScale.VisualAnalogue) {
      component.setType(QuestionnaireItemType.DECIMAL);
      component.addExtension(Fhir.MIN_VALUE, new DecimalType(AnswerCodes.decimal(scale.min())));
      component.addExtension(Fhir.MAX_VALUE, new DecimalType(AnswerCodes.decimal(scale.max())));
      component.addExtension(Fhir.MAX_DECIMAL_PLACES, new IntegerType(1));
      return component;
    }
    component.setType(QuestionnaireItemType.CHOICE);
    if (scale instanceof ResponseScale.YesNo) {
      component.addAnswerOption(option(1, "Yes"));
      component.addAnswerOption(option(0, "No"));
    } else if (scale instanceof ResponseScale.Likert likert) {
      for (int value = likert.minValue(); value <= likert.maxValue(); value++) {
        component.addAnswerOption(
            option(
                value,
                likert.anchors().isEmpty()
                    ? null
                    : likert.anchors().get(value - likert.minValue())));
      }
    }
    return component;
  }

  private static QuestionnaireItemAnswerOptionComponent option(int value, String display) {
    QuestionnaireItemAnswerOptionComponent option = new QuestionnaireItemAnswerOptionComponent();
    option.setValue(new Coding(Fhir.ANSWER_SYSTEM, Integer.toString(value), display));
    option.addExtension(Fhir.ORDINAL_VALUE, new DecimalType(value));
    return option;
  }

  /**
   * "PatientHealthQuestionnaire9" for "Patient Health Questionnaire-9": a name a machine can use.
   */
  static String computableName(String title) {
    StringBuilder name = new StringBuilder();
    for (String word : title.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, 'Q');
    }
    return name.toString();
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a Questionnaire in JSON. Text that is not JSON gives one problem with its line and
   * column; a JSON resource that is not a Questionnaire, or one that cannot be scored, gives every
   * problem found.
   */
  public static DefinitionResult read(String json) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String message = "not valid JSON: " + JsonErrors.describe(e);
      return invalid(
          where == null || where.getLineNr() < 1
              ? "$"
              : "line " + where.getLineNr() + ", column " + Math.max(1, where.getColumnNr()),
          message);
    }
    if (tree == null || tree.isMissingNode()) {
      return invalid("$", "the file is empty: expected a FHIR Questionnaire");
    }
    JsonNode type = tree.path("resourceType");
    if (!tree.isObject() || !type.isTextual() || !type.asText().equals("Questionnaire")) {
      return invalid(
          "$.resourceType",
          "expected a FHIR Questionnaire, found "
              + (tree.isObject() ? describe(type) : "JSON that is not an object"));
    }
    Questionnaire questionnaire;
    try {
      // Lenient: an element HAPI does not know (an R5 one, say) is no reason to refuse a
      // questionnaire.
      questionnaire =
          Fhir.jsonParser(false)
              .setParserErrorHandler(new LenientErrorHandler(false))
              .parseResource(Questionnaire.class, json);
    } catch (DataFormatException e) {
      return invalid("$", "not a readable FHIR Questionnaire: " + e.getMessage());
    } catch (RuntimeException e) {
      // HAPI's parser fails on some malformed resources with NullPointerException and the like; the
      // JSON itself was read above, so all that can be said is that the resource is malformed.
      return invalid(
          "$",
          "not a readable FHIR Questionnaire: its elements do not have the types FHIR gives them");
    }
    return toInstrument(questionnaire);
  }

  private static String describe(JsonNode type) {
    return type.isMissingNode() ? "no resourceType" : "resourceType " + type;
  }

  /**
   * The instrument a Questionnaire describes: from the toolkit's definition extension when present,
   * else from its items (see the class comment). Problems name the element, such as {@code
   * Questionnaire.item[2]}.
   */
  public static DefinitionResult toInstrument(Questionnaire questionnaire) {
    Extension definition = extension(questionnaire.getExtension(), Fhir.INSTRUMENT_DEFINITION);
    if (definition != null) {
      return fromDefinition(questionnaire, definition);
    }
    return new ForeignReader(questionnaire).read();
  }

  private static DefinitionResult fromDefinition(
      Questionnaire questionnaire, Extension definition) {
    String where = "Questionnaire.extension(" + Fhir.INSTRUMENT_DEFINITION + ")";
    if (!(definition.getValue() instanceof StringType text) || text.getValue() == null) {
      return invalid(where, "expected valueString holding the instrument definition in JSON");
    }
    DefinitionResult result = InstrumentJson.read(text.getValue());
    if (!result.isValid()) {
      List<DefinitionProblem> problems = new ArrayList<>();
      for (DefinitionProblem problem : result.problems()) {
        problems.add(new DefinitionProblem(where + " " + problem.where(), problem.message()));
      }
      return new DefinitionResult(Optional.empty(), problems);
    }
    Instrument instrument = result.instrument().get();
    String url = questionnaire.getUrl();
    if (url != null
        && url.startsWith(Fhir.QUESTIONNAIRE)
        && !url.equals(Fhir.questionnaireUrl(instrument.id()))) {
      return invalid(
          "Questionnaire.url",
          "the url names instrument '"
              + url.substring(Fhir.QUESTIONNAIRE.length())
              + "' but the definition is of '"
              + instrument.id()
              + "'");
    }
    if (questionnaire.hasVersion() && !questionnaire.getVersion().equals(instrument.version())) {
      return invalid(
          "Questionnaire.version",
          "the version is "
              + questionnaire.getVersion()
              + " but the definition is of version "
              + instrument.version());
    }
    return result;
  }

  private static DefinitionResult invalid(String where, String message) {
    return new DefinitionResult(Optional.empty(), List.of(new DefinitionProblem(where, message)));
  }

  /** Reads a Questionnaire that does not carry the toolkit's definition. */
  private static final class ForeignReader {
    private final Questionnaire questionnaire;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private final List<String> unscored = new ArrayList<>();
    private final Set<String> itemIds = new HashSet<>();

    ForeignReader(Questionnaire questionnaire) {
      this.questionnaire = questionnaire;
    }

    DefinitionResult read() {
      Optional<String> id = instrumentId();
      if (id.isEmpty()) {
        problems.add(
            new DefinitionProblem(
                "Questionnaire.url",
                "cannot make an instrument id from the id, url or name: give the Questionnaire an id such as 'my-scale'"));
      }
      List<QuestionnaireItemComponent> top = questionnaire.getItem();
      for (int i = 0; i < top.size(); i++) {
        collect(top.get(i), "Questionnaire.item[" + i + "]");
      }
      if (items.isEmpty() && problems.isEmpty()) {
        problems.add(
            new DefinitionProblem(
                "Questionnaire.item",
                "no item can be scored: expected choice items whose answer options have an ordinalValue, boolean items, or decimal or integer items with minValue and maxValue"));
      }
      if (!problems.isEmpty()) {
        return new DefinitionResult(Optional.empty(), problems);
      }
      String title =
          questionnaire.hasTitle()
              ? questionnaire.getTitle()
              : questionnaire.hasName() ? questionnaire.getName() : id.get();
      Instrument.Builder builder =
          Instrument.builder(id.get())
              .version(questionnaire.hasVersion() ? questionnaire.getVersion() : "1")
              .title(title)
              .measures(Construct.OUTCOME)
              .direction(Direction.HIGHER_IS_WORSE)
              .licence(
                  new Licence(
                      Licence.Kind.LICENSED,
                      questionnaire.hasPublisher()
                          ? questionnaire.getPublisher()
                          : "not stated in the Questionnaire",
                      questionnaire.hasCopyright()
                          ? questionnaire.getCopyright()
                          : "not stated in the Questionnaire; check before sharing the item text"))
              .note(
                  "Read from a FHIR Questionnaire without the toolkit's definition: the total is the sum of the answers' "
                      + "ordinal values, taken to be an outcome measure where higher is worse, with no cutoff or bands. "
                      + "Check this and export the definition to add what is missing.");
      if (!unscored.isEmpty()) {
        builder.note("Not scored (not a scale): " + String.join(", ", unscored) + ".");
      }
      loinc(questionnaire.getCode()).ifPresent(panel -> builder.loinc(panel, null));
      items.forEach(builder::item);
      try {
        return new DefinitionResult(Optional.of(builder.build()), List.of());
      } catch (IllegalArgumentException e) {
        return invalid("Questionnaire", e.getMessage());
      }
    }

    private Optional<String> instrumentId() {
      List<String> candidates = new ArrayList<>();
      if (questionnaire.getIdElement().hasIdPart()) {
        candidates.add(questionnaire.getIdElement().getIdPart());
      }
      if (questionnaire.hasUrl()) {
        String url = questionnaire.getUrl();
        int bar = url.indexOf('|');
        String plain = bar >= 0 ? url.substring(0, bar) : url;
        candidates.add(plain.substring(plain.lastIndexOf('/') + 1));
      }
      if (questionnaire.hasName()) {
        candidates.add(questionnaire.getName());
      }
      for (String candidate : candidates) {
        String id = sanitize(candidate);
        if (!id.isEmpty()) {
          return Optional.of(id);
        }
      }
      return Optional.empty();
    }

    private void collect(QuestionnaireItemComponent component, String path) {
      QuestionnaireItemType type = component.getType();
      if (type == QuestionnaireItemType.GROUP || (component.hasItem() && type == null)) {
        List<QuestionnaireItemComponent> children = component.getItem();
        for (int i = 0; i < children.size(); i++) {
          collect(children.get(i), path + ".item[" + i + "]");
        }
        return;
      }
      if (type == QuestionnaireItemType.DISPLAY) {
        return;
      }
      String linkId = component.getLinkId();
      if (linkId == null || linkId.isBlank()) {
        problems.add(new DefinitionProblem(path + ".linkId", "missing: every item needs a linkId"));
        return;
      }
      Optional<ResponseScale> scale = scale(component, type, path);
      if (scale.isEmpty()) {
        return;
      }
      String id = sanitize(linkId);
      if (id.isEmpty()) {
        id = "item" + (items.size() + 1);
      }
      if (!itemIds.add(id)) {
        problems.add(
            new DefinitionProblem(
                path + ".linkId",
                "linkId '"
                    + linkId
                    + "' gives item id '"
                    + id
                    + "', which an earlier item already has"));
        return;
      }
      Optional<String> loinc = loinc(component.getCode());
      String label =
          component.getCode().stream()
              .filter(
                  coding ->
                      Fhir.ITEM_SYSTEM.equals(coding.getSystem())
                          && coding.hasDisplay()
                          && !coding.getDisplay().isBlank())
              .map(Coding::getDisplay)
              .findFirst()
              .orElse(
                  component.hasText() && !component.getText().isBlank()
                      ? shorten(component.getText())
                      : linkId);
      Optional<LocalizedText> text =
          component.hasText() && !component.getText().isBlank()
              ? Optional.of(LocalizedText.of(component.getText()))
              : Optional.empty();
      if (component.hasItem()) {
        unscored.add("the items nested under " + linkId);
      }
      items.add(
          new Item(
              items.size() + 1,
              id,
              LocalizedText.of(label),
              text,
              scale.get(),
              false,
              false,
              loinc));
    }

    private Optional<ResponseScale> scale(
        QuestionnaireItemComponent component, QuestionnaireItemType type, String path) {
      if (type == null) {
        problems.add(new DefinitionProblem(path + ".type", "missing: every item needs a type"));
        return Optional.empty();
      }
      switch (type) {
        case BOOLEAN:
          return Optional.of(new ResponseScale.YesNo());
        case CHOICE:
        case OPENCHOICE:
          return choices(component, path);
        case DECIMAL:
        case INTEGER:
          {
            Optional<BigDecimal> min = number(extension(component.getExtension(), Fhir.MIN_VALUE));
            Optional<BigDecimal> max = number(extension(component.getExtension(), Fhir.MAX_VALUE));
            if (min.isEmpty() || max.isEmpty()) {
              problems.add(
                  new DefinitionProblem(
                      path,
                      "a "
                          + type.toCode()
                          + " item needs minValue and maxValue extensions to be scored"));
              return Optional.empty();
            }
            if (type == QuestionnaireItemType.DECIMAL
                && min.get().compareTo(BigDecimal.ZERO) == 0
                && max.get().compareTo(BigDecimal.TEN) == 0) {
              return Optional.of(new ResponseScale.VisualAnalogue());
            }
            return likert(min.get(), max.get(), List.of(), path);
          }
        default:
          unscored.add(component.getLinkId() + " (" + type.toCode() + ")");
          return Optional.empty();
      }
    }

    private Optional<ResponseScale> choices(QuestionnaireItemComponent component, String path) {
      if (!component.hasAnswerOption()) {
        problems.add(
            new DefinitionProblem(
                path + ".answerOption",
                component.hasAnswerValueSet()
                    ? "answers from the value set "
                        + component.getAnswerValueSet()
                        + " cannot be scored: list them as answerOption with an ordinalValue"
                    : "missing: a choice item needs answer options with an ordinalValue to be scored"));
        return Optional.empty();
      }
      TreeMap<BigDecimal, String> byValue = new TreeMap<>();
      List<QuestionnaireItemAnswerOptionComponent> options = component.getAnswerOption();
      boolean allDisplayed = true;
      for (int i = 0; i < options.size(); i++) {
        QuestionnaireItemAnswerOptionComponent option = options.get(i);
        Optional<BigDecimal> ordinal = ordinal(option);
        if (ordinal.isEmpty()) {
          problems.add(
              new DefinitionProblem(
                  path + ".answerOption[" + i + "]",
                  "no ordinalValue: the answer cannot be scored"));
          return Optional.empty();
        }
        String display =
            option.getValue() instanceof Coding coding
                    && coding.hasDisplay()
                    && !coding.getDisplay().isBlank()
                ? coding.getDisplay()
                : null;
        allDisplayed &= display != null;
        if (byValue.put(ordinal.get(), display == null ? "" : display) != null) {
          problems.add(
              new DefinitionProblem(
                  path + ".answerOption[" + i + "]",
                  "two answer options have the ordinal value " + ordinal.get().toString()));
          return Optional.empty();
        }
      }
      BigDecimal min = byValue.firstKey();
      BigDecimal max = byValue.lastKey();
      if (isSmallWholeNumber(min)
          && isSmallWholeNumber(max)
          && min.compareTo(max) < 0
          && byValue.size() != max.subtract(min).intValueExact() + 1) {
        problems.add(
            new DefinitionProblem(
                path + ".answerOption",
                "the ordinal values must be the whole numbers from the lowest to the highest, one option each; found "
                    + byValue.keySet()));
        return Optional.empty();
      }
      return likert(
          min,
          max,
          allDisplayed ? new ArrayList<>(byValue.values()) : List.of(),
          path + ".answerOption");
    }

    private Optional<ResponseScale> likert(
        BigDecimal min, BigDecimal max, List<String> anchors, String path) {
      if (!isSmallWholeNumber(min) || !isSmallWholeNumber(max) || min.compareTo(max) >= 0) {
        problems.add(
            new DefinitionProblem(
                path,
                "the scale must run over whole numbers from a lowest to a higher value; found "
                    + min.toString()
                    + " to "
                    + max.toString()));
        return Optional.empty();
      }
      return Optional.of(
          new ResponseScale.Likert(min.intValueExact(), max.intValueExact(), anchors));
    }

    private static boolean isSmallWholeNumber(BigDecimal value) {
      return value.stripTrailingZeros().scale() <= 0
          && value.abs().compareTo(BigDecimal.valueOf(1_000_000)) <= 0;
    }
  }

  /**
   * The ordinal value of an answer option: on the option itself or on its coding; the R5 itemWeight
   * too.
   */
  static Optional<BigDecimal> ordinal(QuestionnaireItemAnswerOptionComponent option) {
    for (Extension extension : option.getExtension()) {
      if (Fhir.ORDINAL_VALUE.equals(extension.getUrl())
          || Fhir.ITEM_WEIGHT.equals(extension.getUrl())) {
        return number(extension);
      }
    }
    if (option.getValue() instanceof Coding coding) {
      for (Extension extension : coding.getExtension()) {
        if (Fhir.ORDINAL_VALUE.equals(extension.getUrl())
            || Fhir.ITEM_WEIGHT.equals(extension.getUrl())) {
          return number(extension);
        }
      }
    }
    return Optional.empty();
  }

  /** The first extension with this URL; HAPI's own look-up throws when there are several. */
  private static Extension extension(List<Extension> extensions, String url) {
    return extensions.stream()
        .filter(extension -> url.equals(extension.getUrl()))
        .findFirst()
        .orElse(null);
  }

  private static Optional<BigDecimal> number(Extension extension) {
    if (extension == null) {
      return Optional.empty();
    }
    Type value = extension.getValue();
    if (value instanceof DecimalType decimal && decimal.getValue() != null) {
      return Optional.of(decimal.getValue());
    }
    if (value instanceof IntegerType integer && integer.getValue() != null) {
      return Optional.of(BigDecimal.valueOf(integer.getValue()));
    }
    return Optional.empty();
  }

  private static Optional<String> loinc(List<Coding> codes) {
    return codes.stream()
        .filter(coding -> Fhir.LOINC.equals(coding.getSystem()) && coding.hasCode())
        .map(Coding::getCode)
        .findFirst();
  }

  /** A text as an id: lower case, other characters as '_', starting with a letter or digit. */
  static String sanitize(String text) {
    String id =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_").replaceFirst("^[_-]+", "");
    if (id.length() > 64) {
      id = id.substring(0, 64);
    }
    return Ids.isValid(id) ? id : "";
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
