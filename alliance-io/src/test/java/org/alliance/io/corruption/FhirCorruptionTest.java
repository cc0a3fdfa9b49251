package org.alliance.io.corruption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.alliance.io.fhir.Fhir;
import org.alliance.io.fhir.FhirExport;
import org.alliance.io.fhir.FhirImport;
import org.alliance.io.fhir.FhirNdjsonWriter;
import org.alliance.io.fhir.FhirQuestionnaire;
import org.alliance.io.fhir.ScoredAdministration;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.instrument.DefinitionProblem;
import org.alliance.io.instrument.DefinitionResult;
import org.alliance.io.score.ScoredRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random corruptions of FHIR input: Bundles (JSON), NDJSON, and Questionnaires. Besides the
 * generic JSON and byte corruptions of {@link Mutator} (truncation, bad encodings, byte flips, deep
 * nesting, wrong types, huge values), each input may get corruptions that only FHIR has: unknown
 * questionnaires, codes and linkIds, answers of the wrong type, missing subjects and sessions,
 * withdrawn responses. Every input ends in rows whose problems name file, line and element, or in a
 * clear {@link org.alliance.io.input.InputFormatException} with its line; never in any other
 * exception.
 */
@Tag("slow")
class FhirCorruptionTest {
  static final int INPUTS = 10_000;
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Scorer SCORER = Scorer.builtIn();
  private static final JsonMapper JSON = new JsonMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SYNTAX = Pattern.compile("line (\\d+), column (\\d+)");
  private static final List<String> INSTRUMENTS =
      List.of("phq-9", "gad-7", "srs", "ors", "wai-sr", "core-10", "self-check", "arm-5");

  private static final List<String> BUNDLES = new ArrayList<>();
  private static final List<String> NDJSON = new ArrayList<>();

  static {
    Random random = new Random(20_260_101);
    for (int seed = 0; seed < 4; seed++) {
      List<ScoredAdministration> administrations = new ArrayList<>();
      List<Alert> alerts = new ArrayList<>();
      // Questionnaires carry their whole definition and are passed over by the importer: one small
      // seed has them.
      boolean questionnaires = seed == 0;
      for (int i = 0; i < (questionnaires ? 2 : 2 + random.nextInt(5)); i++) {
        Instrument instrument =
            CATALOG.get(
                questionnaires ? "srs" : INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size())));
        Administration administration =
            administration(instrument, random, "c00" + random.nextInt(3), 1 + i);
        administrations.add(ScoredAdministration.of(administration, SCORER));
        if (random.nextBoolean()) {
          alerts.add(
              new Alert(
                  administration.client(),
                  AlertRule.values()[random.nextInt(AlertRule.values().length)],
                  instrument.id(),
                  administration.session(),
                  "Explained",
                  Map.of("change", 7.0, "threshold", 6.0)));
        }
      }
      FhirExport export =
          questionnaires ? FhirExport.of(CATALOG) : FhirExport.of(CATALOG).withoutQuestionnaires();
      try {
        StringWriter bundle = new StringWriter();
        export.writeBundle(administrations, alerts, bundle);
        BUNDLES.add(bundle.toString());
        StringWriter ndjson = new StringWriter();
        try (FhirNdjsonWriter writer = export.ndjson(ndjson)) {
          writer.write(administrations, alerts);
        }
        NDJSON.add(ndjson.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // A single response, pretty-printed, is a file of its own.
    String line =
        NDJSON
            .get(0)
            .lines()
            .filter(l -> l.contains("\"QuestionnaireResponse\""))
            .findFirst()
            .orElseThrow();
    try {
      BUNDLES.add(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(line)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Administration administration(
      Instrument instrument, Random random, String client, int session) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      int kind = random.nextInt(12);
      if (kind == 0) {
        continue;
      }
      Answer answer =
          kind == 1
              ? Answer.NotAnswered.SKIPPED
              : kind == 2
                  ? Answer.NotAnswered.DECLINED
                  : Answer.of(
                      item.scale().min()
                          + random.nextInt((int) (item.scale().max() - item.scale().min()) + 1));
      answers.put(item.id(), answer);
    }
    return new Administration(
        instrument.id(),
        Optional.of(instrument.version()),
        client,
        session,
        Optional.of(LocalDate.of(2026, 1, 5).plusWeeks(session)),
        Optional.empty(),
        answers);
  }

  // ---------------------------------------------------------------- FHIR-specific corruptions

  /**
   * One corruption that only FHIR has, applied to a random QuestionnaireResponse (or any resource)
   * in the text.
   */
  static String fhir(Mutator m, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      return text;
    }
    List<ObjectNode> resources = new ArrayList<>();
    collectResources(root, resources);
    if (resources.isEmpty()) {
      return text;
    }
    List<ObjectNode> responses =
        resources.stream()
            .filter(r -> "QuestionnaireResponse".equals(r.path("resourceType").asText()))
            .toList();
    ObjectNode response = responses.isEmpty() ? m.pick(resources) : m.pick(responses);
    List<ObjectNode> items = new ArrayList<>();
    collectItems(response, items);
    ObjectNode item = items.isEmpty() ? null : m.pick(items);
    int op = m.random.nextInt(14);
    switch (op) {
      case 0 ->
          set(
              m,
              response,
              "questionnaire",
              m.pick(
                  List.of(
                      NODES.textNode("https://example.org/Questionnaire/bdi-ii"),
                      NODES.textNode(""),
                      NODES.textNode("phq-9"),
                      NODES.textNode("http://loinc.org/q/44249-1"),
                      NODES.textNode("|"),
                      NODES.textNode(Fhir.QUESTIONNAIRE),
                      NODES.numberNode(42),
                      NODES.nullNode(),
                      NODES.textNode("q".repeat(5_000)))));
      case 1 -> {
        if (m.random.nextBoolean()) {
          m.log.add("remove subject");
          response.remove("subject");
        } else {
          set(
              m,
              response,
              "subject",
              m.pick(
                  List.of(
                      NODES.objectNode(),
                      NODES.objectNode().put("reference", "Group/g"),
                      NODES.objectNode().put("reference", 5),
                      NODES.objectNode().put("reference", "urn:uuid:1"),
                      NODES.objectNode().set("identifier", NODES.objectNode().put("value", "")),
                      NODES.textNode("Patient/x"),
                      NODES.objectNode().put("reference", "Patient/" + "p".repeat(70)))));
        }
      }
      case 2 -> {
        JsonNode extensions = response.path("extension");
        if (extensions.isArray() && !extensions.isEmpty() && m.random.nextInt(4) > 0) {
          ObjectNode extension = (ObjectNode) extensions.get(0);
          set(
              m,
              extension,
              "valueUnsignedInt",
              m.pick(
                  List.of(
                      NODES.numberNode(-1),
                      NODES.numberNode(1e308),
                      NODES.numberNode(2147483648L),
                      NODES.textNode("3"),
                      NODES.nullNode(),
                      NODES.numberNode(1.5),
                      NODES.numberNode(new BigInteger("9".repeat(200))))));
        } else {
          m.log.add("remove extension");
          response.remove("extension");
        }
      }
      case 3, 4 -> {
        if (item != null
            && item.path("answer").isArray()
            && !item.path("answer").isEmpty()
            && item.path("answer").get(0).isObject()) {
          ObjectNode answer = (ObjectNode) item.path("answer").get(0);
          List<String> keys = new ArrayList<>();
          answer.fieldNames().forEachRemaining(keys::add);
          keys.forEach(answer::remove);
          String key =
              m.pick(
                  List.of(
                      "valueString",
                      "valueDecimal",
                      "valueInteger",
                      "valueBoolean",
                      "valueDate",
                      "valueCoding",
                      "valueQuantity",
                      "valueFoo",
                      "value"));
          set(
              m,
              answer,
              key,
              m.pick(
                  List.of(
                      NODES.textNode("2"),
                      NODES.numberNode(2),
                      NODES.numberNode(2.5),
                      NODES.numberNode(-0.0),
                      NODES.numberNode(1e308),
                      NODES.booleanNode(true),
                      NODES.objectNode().put("code", "1"),
                      NODES.nullNode(),
                      NODES.arrayNode(),
                      NODES.numberNode(new BigInteger("1" + "0".repeat(400))))));
        }
      }
      case 5 -> {
        JsonNode coding = item == null ? null : item.path("answer").path(0).path("valueCoding");
        if (coding != null && coding.isObject()) {
          if (m.random.nextBoolean()) {
            set(
                m,
                (ObjectNode) coding,
                "code",
                m.pick(
                    List.of(
                        NODES.textNode("99"),
                        NODES.textNode("-1"),
                        NODES.textNode("1e999"),
                        NODES.textNode("9".repeat(500)),
                        NODES.textNode(""),
                        NODES.textNode("x"),
                        NODES.textNode("0.1"),
                        NODES.textNode("LA6568-5"),
                        NODES.textNode("2.00000000000000001"),
                        NODES.numberNode(1),
                        NODES.textNode("0." + "0".repeat(400) + "1"))));
          } else {
            set(
                m,
                (ObjectNode) coding,
                "system",
                m.pick(
                    List.of(
                        NODES.textNode("http://loinc.org"),
                        NODES.textNode(""),
                        NODES.numberNode(3))));
          }
        }
      }
      case 6 -> {
        if (item != null) {
          if (m.random.nextInt(4) == 0) {
            m.log.add("remove linkId");
            item.remove("linkId");
          } else {
            set(
                m,
                item,
                "linkId",
                m.pick(
                    List.of(
                        NODES.textNode(""),
                        NODES.textNode("unknown"),
                        NODES.numberNode(5),
                        NODES.nullNode(),
                        NODES.textNode("/44250-9"),
                        NODES.textNode("PHQ9_1"),
                        NODES.textNode("_instructions"))));
          }
        }
      }
      case 7 ->
          set(
              m,
              response,
              "status",
              m.pick(
                  List.of(
                      NODES.textNode("entered-in-error"),
                      NODES.textNode("x"),
                      NODES.numberNode(1),
                      NODES.textNode("stopped"))));
      case 8 ->
          set(
              m,
              response,
              "authored",
              m.pick(
                  List.of(
                      NODES.textNode(""),
                      NODES.textNode("2026-13-01"),
                      NODES.textNode("0000-00-00"),
                      NODES.numberNode(20260101),
                      NODES.textNode("2026-01-01T10:00:00"),
                      NODES.textNode("+999999999-12-31"),
                      NODES.textNode("2026-01-01T25:00:00Z"),
                      NODES.textNode("2026"))));
      case 9 -> {
        if (item != null) {
          ArrayNode extensions = item.putArray("extension");
          extensions
              .addObject()
              .put("url", "http://hl7.org/fhir/StructureDefinition/data-absent-reason")
              .put(
                  "valueCode",
                  m.pick(
                      List.of(
                          "asked-declined", "not-applicable", "forgot", "", "error", "unknown")));
          m.log.add("data-absent-reason on an item");
          if (m.random.nextBoolean()) {
            item.remove("answer");
          }
        }
      }
      case 10 -> {
        if (item != null) {
          int copies = m.random.nextInt(5) == 0 ? 1 + m.random.nextInt(300) : 1;
          m.log.add("duplicate an item x" + copies + " or its answer");
          for (int i = 0; i < copies; i++) {
            if (m.random.nextBoolean()
                && item.path("answer").isArray()
                && !item.path("answer").isEmpty()) {
              item.withArray("answer").add(item.path("answer").get(0).deepCopy());
            } else {
              response.withArray("item").add(item.deepCopy());
            }
          }
        }
      }
      case 11 -> {
        if (item != null) {
          int depth = 1 + m.random.nextInt(m.random.nextBoolean() ? 20 : 300);
          m.log.add("nest items " + depth + " deep");
          ObjectNode inner = item;
          for (int i = 0; i < depth; i++) {
            inner = inner.withArray("item").addObject().put("linkId", "g" + i);
          }
        }
      }
      case 12 -> {
        if (m.random.nextBoolean()) {
          m.log.add("remove resourceType");
          response.remove("resourceType");
        } else {
          set(
              m,
              response,
              "resourceType",
              m.pick(
                  List.of(
                      NODES.textNode("Patient"),
                      NODES.textNode(""),
                      NODES.numberNode(1),
                      NODES.textNode("Bundle"),
                      NODES.textNode("questionnaireresponse"))));
        }
      }
      default -> {
        if (item != null) {
          set(
              m,
              item,
              "answer",
              m.pick(
                  List.of(
                      NODES.objectNode(),
                      NODES.textNode("1"),
                      NODES.arrayNode().add(1),
                      NODES.arrayNode().add(NODES.objectNode()),
                      NODES.arrayNode().add(NODES.objectNode().put("valueDecimal", 1e-300)))));
        }
      }
    }
    return m.random.nextBoolean() ? root.toString() : root.toPrettyString();
  }

  private static void set(Mutator m, ObjectNode object, String field, JsonNode value) {
    m.log.add(field + " := " + Mutator.abbreviate(value.toString()));
    object.set(field, value);
  }

  private static void collectResources(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode object && object.has("resourceType")) {
      out.add(object);
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collectResources(it.next(), out);
    }
  }

  private static void collectItems(JsonNode node, List<ObjectNode> out) {
    JsonNode items = node.path("item");
    if (items.isArray()) {
      for (JsonNode item : items) {
        if (item instanceof ObjectNode object) {
          out.add(object);
          collectItems(object, out);
        }
      }
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads every row, checking that each row and each problem, the reader's or the scorer's, has its
   * place.
   */
  static void readAll(Mutator m, String name, byte[] data) throws IOException {
    m.input(data);
    try (FhirImport source = FhirImport.open(name, new ByteArrayInputStream(data), CATALOG)) {
      source.format();
      while (source.hasNext()) {
        AdministrationRow row = source.next();
        Mutator.checkLocation(row.location(), name, "the row");
        for (InputProblem problem : row.problems()) {
          check(problem, name);
        }
        ScoredRow scored = ScoredRow.score(row, SCORER);
        for (InputProblem problem : scored.locatedProblems()) {
          check(problem, name);
        }
        scored.problemMessages();
        scored.total();
        row.readable();
        if (row.administration().isEmpty() && row.problems().isEmpty()) {
          throw new Mutator.UnlocatedProblem(
              "a row without an administration and without a problem at " + row.location());
        }
      }
      source.otherResources();
    }
  }

  private static void check(InputProblem problem, String name) {
    SourceLocation where = problem.where();
    Mutator.checkLocation(where, name, problem);
    if (where.field().isPresent() && where.field().get().isBlank()
        || problem.message() == null
        || problem.message().isBlank()) {
      throw new Mutator.UnlocatedProblem("a problem without an element or a message: " + problem);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void corruptedBundlesEndInLocatedProblemsOrAClearError() {
    assertThat(BUNDLES).hasSize(5);
    int clear =
        Mutator.run(
            "FhirImport (Bundle)",
            11_000_000L,
            INPUTS,
            m -> {
              String text = m.pick(BUNDLES);
              byte[] data =
                  switch (m.random.nextInt(5)) {
                    case 0 -> utf8(fhir(m, text));
                    case 1 -> utf8(m.json(fhir(m, text)));
                    case 2 -> utf8(m.json(text));
                    case 3 -> encoded(m, m.random.nextBoolean() ? fhir(m, text) : text);
                    default ->
                        m.csv(
                            utf8(
                                m.random.nextBoolean()
                                    ? fhir(m, text)
                                    : text)); // byte level: truncation, bad UTF-8, BOM
                  };
              readAll(m, "corrupt.json", data);
            });
    assertThat(clear).isLessThan(INPUTS);
  }

  @Test
  void corruptedNdjsonEndsInLocatedProblemsOrAClearError() {
    int clear =
        Mutator.run(
            "FhirImport (NDJSON)",
            12_000_000L,
            INPUTS,
            m -> {
              List<String> lines =
                  new ArrayList<>(NDJSON.get(m.random.nextInt(NDJSON.size())).lines().toList());
              int at = m.random.nextInt(lines.size());
              byte[] data =
                  switch (m.random.nextInt(5)) {
                    case 0 -> {
                      lines.set(at, compact(fhir(m, lines.get(at))));
                      yield utf8(String.join("\n", lines) + "\n");
                    }
                    case 4 -> encoded(m, String.join("\n", lines) + "\n");
                    case 1 -> {
                      lines.set(at, m.json(lines.get(at)));
                      yield utf8(String.join("\n", lines) + "\n");
                    }
                    case 2 ->
                        m.csv(
                            utf8(
                                String.join("\n", lines)
                                    + "\n")); // lines deleted, swapped, cut; bad bytes; CR line
                    // ends
                    default -> {
                      lines.set(at, compact(fhir(m, lines.get(at))));
                      yield m.csv(utf8(String.join(m.random.nextBoolean() ? "\n" : "\r\n", lines)));
                    }
                  };
              // Mostly named as NDJSON; sometimes the importer must tell from the content.
              readAll(m, m.random.nextInt(5) == 0 ? "corrupt.json" : "corrupt.ndjson", data);
            });
    assertThat(clear).isLessThan(INPUTS / 10);
  }

  /**
   * The text in another encoding, perhaps with a byte-order mark that says otherwise, perhaps cut
   * short.
   */
  static byte[] encoded(Mutator m, String text) {
    String charset =
        m.pick(
            List.of(
                "UTF-16LE",
                "UTF-16BE",
                "UTF-16",
                "UTF-32BE",
                "UTF-32LE",
                "ISO-8859-1",
                "windows-1252"));
    byte[] body =
        text.replace("c00", m.random.nextBoolean() ? "cö\u00e9" : "c\u2603")
            .getBytes(Charset.forName(charset));
    byte[][] marks = {
      {},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {(byte) 0xFF, (byte) 0xFE},
      {(byte) 0xFE, (byte) 0xFF},
      {0, 0, (byte) 0xFE, (byte) 0xFF},
      {(byte) 0xFF, (byte) 0xFE, 0, 0}
    };
    byte[] mark = marks[m.random.nextInt(marks.length)];
    int length = m.random.nextInt(4) == 0 ? m.random.nextInt(body.length + 1) : body.length;
    m.log.add(
        "encoded as "
            + charset
            + " with mark "
            + Arrays.toString(mark)
            + ", "
            + length
            + " of "
            + body.length
            + " bytes");
    byte[] data = Arrays.copyOf(mark, mark.length + length);
    System.arraycopy(body, 0, data, mark.length, length);
    return data;
  }

  private static String compact(String json) {
    try {
      return JSON.readTree(json).toString();
    } catch (IOException e) {
      return json.replace('\n', ' ');
    }
  }

  @Test
  void corruptedQuestionnairesGiveProblemsWithTheirPlaceAndNeverThrow() {
    List<String> seeds = new ArrayList<>();
    for (String id : INSTRUMENTS) {
      String json = FhirQuestionnaire.toJson(CATALOG.get(id));
      seeds.add(json);
      try {
        ObjectNode foreign = (ObjectNode) JSON.readTree(json);
        foreign.remove("extension"); // read from its items, as from another system
        seeds.add(foreign.toPrettyString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Mutator.run(
        "FhirQuestionnaire.read",
        13_000_000L,
        INPUTS,
        m -> {
          String json =
              m.random.nextBoolean() ? m.json(m.pick(seeds)) : fhirQuestionnaire(m, m.pick(seeds));
          m.input(json);
          DefinitionResult result = FhirQuestionnaire.read(json);
          if (result == null || result.instrument().isEmpty() && result.problems().isEmpty()) {
            throw new Mutator.UnlocatedProblem("no instrument and no problem");
          }
          for (DefinitionProblem problem : result.problems()) {
            Matcher syntax = SYNTAX.matcher(problem.where());
            boolean located =
                problem.where().startsWith("$")
                    || problem.where().startsWith("Questionnaire")
                    || syntax.matches() && Long.parseLong(syntax.group(1)) >= 1;
            if (!located || problem.message().isBlank()) {
              throw new Mutator.UnlocatedProblem(
                  "a problem without its place: '" + problem.where() + "': " + problem.message());
            }
          }
        });
  }

  /**
   * Corruptions of the scoring information of a Questionnaire: ordinal values, types, scale bounds,
   * the definition.
   */
  private static String fhirQuestionnaire(Mutator m, String json) {
    ObjectNode root;
    try {
      root = (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      return json;
    }
    List<ObjectNode> items = new ArrayList<>();
    collectItems(root, items);
    ObjectNode item = m.pick(items);
    switch (m.random.nextInt(6)) {
      case 0 ->
          set(
              m,
              item,
              "type",
              m.pick(
                  List.of(
                      NODES.textNode("string"),
                      NODES.textNode("decimal"),
                      NODES.textNode("choice"),
                      NODES.textNode("group"),
                      NODES.textNode("x"),
                      NODES.numberNode(1))));
      case 1 -> {
        JsonNode options = item.path("answerOption");
        if (options.isArray() && !options.isEmpty()) {
          ObjectNode option = (ObjectNode) options.get(m.random.nextInt(options.size()));
          if (m.random.nextBoolean()) {
            m.log.add("remove an ordinalValue");
            option.remove("extension");
          } else {
            option
                .withArray("extension")
                .removeAll()
                .addObject()
                .put("url", "http://hl7.org/fhir/StructureDefinition/ordinalValue")
                .set(
                    "valueDecimal",
                    m.pick(
                        List.of(
                            NODES.numberNode(0.5),
                            NODES.numberNode(1e9),
                            NODES.numberNode(-3),
                            NODES.numberNode(new BigInteger("9".repeat(50))),
                            NODES.numberNode(1e308))));
            m.log.add("change an ordinalValue");
          }
        }
      }
      case 2 -> {
        if (root.path("extension").isArray() && !root.path("extension").isEmpty()) {
          ObjectNode definition = (ObjectNode) root.path("extension").get(0);
          set(
              m,
              definition,
              "valueString",
              m.pick(
                  List.of(
                      NODES.textNode("{}"),
                      NODES.textNode("not json"),
                      NODES.numberNode(3),
                      NODES.textNode(m.json(definition.path("valueString").asText())))));
        }
      }
      case 3 ->
          set(
              m,
              root,
              m.pick(List.of("url", "version", "id", "name")),
              m.pick(
                  List.of(
                      NODES.textNode("https://alliancetoolkit.org/fhir/Questionnaire/other"),
                      NODES.textNode(""),
                      NODES.textNode("Ünïcode name!"),
                      NODES.numberNode(7),
                      NODES.textNode("x".repeat(300)))));
      case 4 -> {
        m.log.add("min/max extensions");
        item.putArray("extension")
            .addObject()
            .put("url", "http://hl7.org/fhir/StructureDefinition/minValue")
            .set(
                "valueDecimal",
                m.pick(List.of(NODES.numberNode(0), NODES.numberNode(5), NODES.numberNode(1e300))));
        item.withArray("extension")
            .addObject()
            .put("url", "http://hl7.org/fhir/StructureDefinition/maxValue")
            .set(
                "valueDecimal",
                m.pick(
                    List.of(
                        NODES.numberNode(10), NODES.numberNode(-5), NODES.numberNode(2_000_000))));
      }
      default ->
          set(
              m,
              item,
              "linkId",
              m.pick(
                  List.of(
                      NODES.textNode(""),
                      NODES.textNode("!!"),
                      NODES.textNode("dup"),
                      NODES.textNode("X".repeat(100)))));
    }
    return root.toPrettyString();
  }
}
