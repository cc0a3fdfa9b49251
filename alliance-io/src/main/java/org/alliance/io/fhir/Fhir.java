package org.alliance.io.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Narrative.NarrativeStatus;

/**
 * The FHIR R4 context shared by every reader and writer, and the canonical URLs of the toolkit's
 * code systems, extensions and questionnaires. All of them live under {@value #BASE}; docs/fhir.md
 * lists them.
 */
public final class Fhir {
  /** The root of every canonical URL the toolkit defines. */
  public static final String BASE = "https://alliancetoolkit.org/fhir/";

  /** Questionnaires: {@code BASE + "Questionnaire/" + instrument id}. */
  public static final String QUESTIONNAIRE = BASE + "Questionnaire/";

  /**
   * Answer codes of choice items: the code is the answer's value as written in a CSV file ({@code
   * 0}, {@code 2}).
   */
  public static final String ANSWER_SYSTEM = BASE + "CodeSystem/answer-value";

  /**
   * Scores without a LOINC code: {@code <instrument>} for a total, {@code <instrument>:<subscale>}
   * for a subscale.
   */
  public static final String SCORE_SYSTEM = BASE + "CodeSystem/score";

  /** Items that have no LOINC code: the code is the item id, the display its short label. */
  public static final String ITEM_SYSTEM = BASE + "CodeSystem/item";

  /** Severity bands, such as {@code moderately-severe}. */
  public static final String BAND_SYSTEM = BASE + "CodeSystem/band";

  /** The rules that raise alerts, such as {@code reliable-deterioration}. */
  public static final String ALERT_RULE_SYSTEM = BASE + "CodeSystem/alert-rule";

  /** The kind of an alert: {@code risk}, {@code alliance} or {@code outcome}. */
  public static final String ALERT_KIND_SYSTEM = BASE + "CodeSystem/alert-kind";

  /**
   * Identifiers the toolkit gives its resources, so that a server can create each one only once.
   */
  public static final String IDENTIFIER_SYSTEM = BASE + "identifier";

  /** Client references, for a client whose reference is not a valid FHIR id. */
  public static final String CLIENT_SYSTEM = BASE + "client";

  /** The identifier system of a clinician reference that is not a valid FHIR id. */
  public static final String CLINICIAN_SYSTEM = BASE + "clinician";

  /**
   * The instrument's full definition (the JSON of docs/instrument.schema.json) on a Questionnaire.
   */
  public static final String INSTRUMENT_DEFINITION =
      BASE + "StructureDefinition/instrument-definition";

  /** The session number (0 for intake) on a QuestionnaireResponse, Observation or Flag. */
  public static final String SESSION = BASE + "StructureDefinition/session";

  /**
   * Who answered, when it is not the instrument's usual respondent: client, therapist, observer,
   * parent.
   */
  public static final String RESPONDENT = BASE + "StructureDefinition/respondent";

  /** The rule behind a Flag: id, version, measure and the numbers it compared. */
  public static final String ALERT_RULE = BASE + "StructureDefinition/alert-rule";

  static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

  /** The R5 name of the ordinal value; read, never written. */
  static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";

  static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
  static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
  static final String MAX_DECIMAL_PLACES =
      "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces";
  static final String DATA_ABSENT_REASON =
      "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
  static final String FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail";
  static final String DATA_ABSENT_REASON_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/data-absent-reason";
  static final String OBSERVATION_CATEGORY_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String INTERPRETATION_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  static final String FLAG_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/flag-category";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private Fhir() {}

  // Creating a context scans the whole R4 model (about a second); one instance is thread-safe and
  // shared.
  private static final class Holder {
    static final FhirContext CONTEXT = FhirContext.forR4();
  }

  /** The shared R4 context. */
  public static FhirContext context() {
    return Holder.CONTEXT;
  }

  /** A new JSON parser (parsers are cheap and not thread-safe; the context is neither). */
  static IParser jsonParser(boolean pretty) {
    return context().newJsonParser().setPrettyPrint(pretty);
  }

  /** A resource as JSON: pretty-printed, or on one line for NDJSON. */
  public static String toJson(IBaseResource resource, boolean pretty) {
    return jsonParser(pretty).encodeResourceToString(resource);
  }

  /** The canonical URL of an instrument's Questionnaire. */
  public static String questionnaireUrl(String instrumentId) {
    return QUESTIONNAIRE + instrumentId;
  }

  /**
   * A generated narrative of paragraphs of plain text, for people reading the resource on a server.
   */
  static Narrative narrative(String... paragraphs) {
    Narrative narrative = new Narrative().setStatus(NarrativeStatus.GENERATED);
    for (String paragraph : paragraphs) {
      narrative.getDiv().addTag("p").addText(xmlText(paragraph));
    }
    return narrative;
  }

  /**
   * The text without the characters XML cannot hold (control characters, lone surrogates), which
   * stray input may carry.
   */
  static String xmlText(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                clean.appendCodePoint(
                    c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000
                        ? c
                        : 0xFFFD));
    return clean.toString();
  }

  /** Whether a text may be used as a FHIR resource id (and so in a literal reference). */
  static boolean isId(String text) {
    return ID.matcher(text).matches();
  }
}
