package org.alliance.io.redcap;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.io.json.JsonErrors;

/**
 * How the fields of a REDCap project map to instruments and items. Without a mapping file the
 * toolkit's own conventions apply ({@link #conventions()}): fields named like item ids, a form per
 * instrument named like its id, {@code <form>_session} and {@code <form>_date}. A mapping file
 * (JSON, see docs/exports.md) names the fields of any other project.
 *
 * @param recordField the record identifier column; empty means {@code record_id}, else the first
 *     column
 * @param forms the instruments to read; empty with {@code conventional} means every instrument
 *     whose item fields are in the file
 * @param missingCodes REDCap missing-data codes and what each means
 */
public record RedcapMapping(
    Optional<String> recordField,
    List<FormMapping> forms,
    Map<String, Answer.NotAnswered> missingCodes,
    boolean conventional) {

  /** Where an administration's session number comes from. */
  public enum SessionSource {
    /** A field holding the number ({@code <form>_session} by convention). */
    FIELD,
    /** The repeat instance of a repeating form. */
    INSTANCE,
    /** The event, looked up in a table of event names and session numbers. */
    EVENT
  }

  /**
   * One instrument as kept in the project.
   *
   * @param form the form name, matched against {@code redcap_repeat_instrument}
   * @param sessionField the field holding the session number when the session comes from a field
   * @param dateField the field holding the date; empty means {@code <form>_date} when the file has
   *     it
   * @param events event name to session number, when the session comes from the event
   * @param itemFields item id to field, in the instrument's item order; items without a field are
   *     missing
   * @param source where this mapping was written, for messages ({@code $.instruments[0]} or
   *     "conventions")
   */
  public record FormMapping(
      Instrument instrument,
      String form,
      SessionSource session,
      Optional<String> sessionField,
      Map<String, Integer> events,
      Optional<String> dateField,
      Map<String, String> itemFields,
      String source) {
    public FormMapping {
      requireNonNull(instrument, "instrument");
      requireNonNull(form, "form");
      requireNonNull(session, "session");
      requireNonNull(sessionField, "sessionField");
      events = ImmutableMap.copyOf(events);
      requireNonNull(dateField, "dateField");
      itemFields = ImmutableMap.copyOf(itemFields);
      requireNonNull(source, "source");
    }

    /**
     * The toolkit's own naming for an instrument: the session from {@code <form>_session} (or the
     * repeat instance when the file has no such field), the date from {@code <form>_date} when the
     * file has it.
     */
    public static FormMapping conventional(Instrument instrument) {
      String form = RedcapNames.form(instrument);
      Map<String, String> items = new LinkedHashMap<>();
      for (Item item : instrument.items()) {
        items.put(item.id(), RedcapNames.field(item));
      }
      // No date field named: the reader takes <form>_date when the file has it.
      return new FormMapping(
          instrument,
          form,
          SessionSource.FIELD,
          Optional.of(RedcapNames.sessionField(form)),
          Map.of(),
          Optional.empty(),
          items,
          "conventions");
    }
  }

  /** The missing-data codes REDCap offers that the toolkit understands without being told. */
  public static final Map<String, Answer.NotAnswered> DEFAULT_CODES =
      ImmutableMap.of(
          "ASKU",
          Answer.NotAnswered.DECLINED,
          "NASK",
          Answer.NotAnswered.SKIPPED,
          "UNK",
          Answer.NotAnswered.MISSING);

  /** Mapping files larger than this are surely not mapping files. */
  private static final int MAX_BYTES = 4 << 20;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxNumberLength(40)
                          .build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  public RedcapMapping {
    requireNonNull(recordField, "recordField");
    forms = ImmutableList.copyOf(forms);
    missingCodes = ImmutableMap.copyOf(missingCodes);
  }

  /** The toolkit's conventions, as its REDCap writer follows them. */
  public static RedcapMapping conventions() {
    return new RedcapMapping(Optional.empty(), List.of(), DEFAULT_CODES, true);
  }

  /** Reads a mapping file; instruments and items are checked against the catalog. */
  public static RedcapMapping read(Path file, Catalog catalog) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in, catalog);
    }
  }

  /** Reads a mapping from a stream; {@code name} is used in messages. */
  public static RedcapMapping read(String name, InputStream in, Catalog catalog)
      throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new RedcapMappingException(
          name,
          List.of(
              "the file is larger than "
                  + (MAX_BYTES >> 20)
                  + " MiB; a mapping is a few lines of JSON"));
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new RedcapMappingException(
          name, List.of(where + "not valid JSON: " + JsonErrors.describe(e)));
    } catch (IOException e) {
      // Bytes that are not UTF-8 surface as a CharConversionException, not as a JSON error.
      throw new RedcapMappingException(
          name, List.of("not readable as UTF-8 JSON: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    RedcapMapping mapping = parse(root, catalog, problems);
    if (!problems.isEmpty()) {
      throw new RedcapMappingException(name, problems);
    }
    return mapping;
  }

  private static RedcapMapping parse(JsonNode root, Catalog catalog, List<String> problems) {
    if (root == null || !root.isObject()) {
      problems.add("$: expected an object with \"instruments\", found " + describe(root));
      return conventions();
    }
    unknownFields(
        root,
        "$",
        Set.of("recordField", "missingCodes", "instruments", "$schema", "description"),
        problems);
    Optional<String> recordField = optionalText(root, "recordField", "$", problems);
    Map<String, Answer.NotAnswered> codes = new LinkedHashMap<>(DEFAULT_CODES);
    JsonNode codeNode = root.get("missingCodes");
    if (codeNode != null && !codeNode.isNull()) {
      if (!codeNode.isObject()) {
        problems.add(
            "$.missingCodes: expected an object such as {\"NASK\": \"skipped\"}, found "
                + describe(codeNode));
      } else {
        for (Map.Entry<String, JsonNode> code : codeNode.properties()) {
          String path = "$.missingCodes." + code.getKey();
          Optional<Answer.NotAnswered> meaning = meaning(code.getValue());
          if (code.getKey().isBlank()) {
            problems.add(
                path
                    + ": a missing-data code cannot be empty (an empty cell is already a missing answer)");
          } else if (meaning.isEmpty()) {
            problems.add(
                path
                    + ": expected \"missing\", \"skipped\" or \"declined\", found "
                    + describe(code.getValue()));
          } else {
            codes.put(code.getKey().strip(), meaning.get());
          }
        }
      }
    }
    JsonNode instruments = root.get("instruments");
    List<FormMapping> forms = new ArrayList<>();
    if (instruments == null || !instruments.isArray() || instruments.isEmpty()) {
      problems.add(
          "$.instruments: expected a list of the instruments in the project, found "
              + describe(instruments));
    } else {
      Set<String> formNames = new HashSet<>();
      for (int i = 0; i < instruments.size(); i++) {
        String path = "$.instruments[" + i + "]";
        form(instruments.get(i), path, catalog, problems)
            .ifPresent(
                form -> {
                  if (!formNames.add(form.form())) {
                    problems.add(path + ".form: form '" + form.form() + "' is mapped twice");
                  } else {
                    forms.add(form);
                  }
                });
      }
    }
    return new RedcapMapping(recordField, forms, codes, false);
  }

  private static Optional<FormMapping> form(
      JsonNode node, String path, Catalog catalog, List<String> problems) {
    if (!node.isObject()) {
      problems.add(path + ": expected an object with \"instrument\", found " + describe(node));
      return Optional.empty();
    }
    unknownFields(
        node,
        path,
        Set.of("instrument", "form", "session", "sessionField", "events", "dateField", "items"),
        problems);
    int before = problems.size();
    Optional<String> instrumentId = optionalText(node, "instrument", path, problems);
    if (instrumentId.isEmpty()) {
      if (problems.size() == before) {
        problems.add(path + ".instrument: missing: expected an instrument id such as \"phq-9\"");
      }
      return Optional.empty();
    }
    Optional<Instrument> found = catalog.find(instrumentId.get());
    if (found.isEmpty()) {
      problems.add(path + ".instrument: " + catalog.unknown(instrumentId.get()));
      return Optional.empty();
    }
    Instrument instrument = found.get();
    String form = optionalText(node, "form", path, problems).orElse(RedcapNames.form(instrument));
    Optional<String> sessionText = optionalText(node, "session", path, problems);
    Optional<String> sessionField = optionalText(node, "sessionField", path, problems);
    Map<String, Integer> events = events(node.get("events"), path + ".events", problems);
    SessionSource session = SessionSource.FIELD;
    if (sessionText.isPresent()) {
      try {
        session = SessionSource.valueOf(sessionText.get().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            path
                + ".session: expected \"field\", \"instance\" or \"event\", found \""
                + sessionText.get()
                + "\"");
      }
    } else if (!events.isEmpty()) {
      session = SessionSource.EVENT;
    }
    if (session == SessionSource.EVENT && events.isEmpty()) {
      problems.add(
          path
              + ".events: the session comes from the event, so list each event with its session number, "
              + "such as {\"baseline_arm_1\": 0, \"week_1_arm_1\": 1}");
    }
    if (session == SessionSource.FIELD && sessionField.isEmpty()) {
      sessionField = Optional.of(RedcapNames.sessionField(form));
    }
    Optional<String> dateField = optionalText(node, "dateField", path, problems);
    Map<String, String> items = items(node.get("items"), path + ".items", instrument, problems);
    return Optional.of(
        new FormMapping(
            instrument,
            form,
            session,
            session == SessionSource.FIELD ? sessionField : Optional.empty(),
            events,
            dateField,
            items,
            path));
  }

  private static Map<String, Integer> events(JsonNode node, String path, List<String> problems) {
    Map<String, Integer> events = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return events;
    }
    if (!node.isObject()) {
      problems.add(
          path
              + ": expected an object of event names and session numbers, found "
              + describe(node));
      return events;
    }
    for (Map.Entry<String, JsonNode> event : node.properties()) {
      JsonNode number = event.getValue();
      if (!number.isIntegralNumber()
          || !number.canConvertToInt()
          || !Administration.isSessionNumber(number.intValue())) {
        problems.add(
            path
                + "."
                + event.getKey()
                + ": expected a session number ("
                + Administration.SESSION_NUMBER
                + "), found "
                + describe(number));
      } else {
        events.put(event.getKey(), number.intValue());
      }
    }
    return events;
  }

  /**
   * Item fields: the conventional name for every item, replaced by the file's {@code items}
   * entries.
   */
  private static Map<String, String> items(
      JsonNode node, String path, Instrument instrument, List<String> problems) {
    Map<String, String> items = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      items.put(item.id(), RedcapNames.field(item));
    }
    if (node == null || node.isNull()) {
      return items;
    }
    if (!node.isObject()) {
      problems.add(
          path
              + ": expected an object of item ids (or numbers) and field names, found "
              + describe(node));
      return items;
    }
    Set<String> fields = new HashSet<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey().strip().toLowerCase(Locale.ROOT);
      Optional<Item> item =
          key.matches("\\d{1,4}") ? instrument.item(Integer.parseInt(key)) : instrument.item(key);
      String where = path + "." + entry.getKey();
      if (item.isEmpty()) {
        problems.add(
            where
                + ": not an item of "
                + instrument.id()
                + " (its items are "
                + instrument.items().get(0).id()
                + " to "
                + instrument.items().get(instrument.items().size() - 1).id()
                + ", or their numbers 1 to "
                + instrument.items().size()
                + ")");
      } else if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
        problems.add(where + ": expected a field name, found " + describe(entry.getValue()));
      } else if (!fields.add(entry.getValue().asText().strip().toLowerCase(Locale.ROOT))) {
        problems.add(where + ": field '" + entry.getValue().asText() + "' is mapped to two items");
      } else {
        items.put(item.get().id(), entry.getValue().asText().strip());
      }
    }
    return items;
  }

  private static Optional<String> optionalText(
      JsonNode node, String field, String path, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add(path + "." + field + ": expected a text, found " + describe(value));
      return Optional.empty();
    }
    return Optional.of(value.asText().strip());
  }

  private static Optional<Answer.NotAnswered> meaning(JsonNode value) {
    if (!value.isTextual()) {
      return Optional.empty();
    }
    return switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
      case "missing" -> Optional.of(Answer.NotAnswered.MISSING);
      case "skipped" -> Optional.of(Answer.NotAnswered.SKIPPED);
      case "declined" -> Optional.of(Answer.NotAnswered.DECLINED);
      default -> Optional.empty();
    };
  }

  private static void unknownFields(
      JsonNode node, String path, Set<String> known, List<String> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(
            path
                + "."
                + name
                + ": unknown field; expected one of "
                + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    return node.getNodeType().name().toLowerCase(Locale.ROOT)
        + " "
        + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }
}
