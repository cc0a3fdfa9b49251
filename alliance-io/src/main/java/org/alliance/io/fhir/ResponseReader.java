package org.alliance.io.fhir;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Respondent;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.io.fhir.LocatedJson.Arr;
import org.alliance.io.fhir.LocatedJson.Bool;
import org.alliance.io.fhir.LocatedJson.Node;
import org.alliance.io.fhir.LocatedJson.Num;
import org.alliance.io.fhir.LocatedJson.Obj;
import org.alliance.io.fhir.LocatedJson.Str;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;

/**
 * Reads one QuestionnaireResponse (as located JSON) into an administration row. Every problem names
 * its element ({@code QuestionnaireResponse.item[2].answer[0].valueCoding}) with the line and
 * column it starts at. Key problems (questionnaire, subject, session, date) leave the row without
 * an administration; answer problems leave out only that answer.
 */
final class ResponseReader {
  private static final Pattern PATIENT =
      Pattern.compile(
          "(?:.*/)?Patient/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?");
  private static final Pattern PRACTITIONER =
      Pattern.compile(
          "(?:.*/)?Practitioner/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final List<String> STATUSES =
      List.of("in-progress", "completed", "amended", "entered-in-error", "stopped");
  private static final Set<String> INTEGER_VALUES =
      Set.of("valueUnsignedInt", "valueInteger", "valuePositiveInt");

  private final Catalog catalog;

  ResponseReader(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The row of one response.
   *
   * @param prefix what comes before the element path in a location, such as {@code entry[3] }
   */
  AdministrationRow read(String file, String prefix, Obj resource) {
    return new Read(file, prefix, resource).row();
  }

  /**
   * An instrument from a questionnaire canonical: the toolkit's URL, a URL or reference ending in
   * an id, or a LOINC panel.
   */
  Optional<Instrument> instrument(String url) {
    String tail =
        url.startsWith(Fhir.QUESTIONNAIRE)
            ? url.substring(Fhir.QUESTIONNAIRE.length())
            : url.substring(url.lastIndexOf('/') + 1);
    if (tail.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instrument> byId = catalog.find(tail);
    if (byId.isPresent()) {
      return byId;
    }
    return catalog.instruments().stream()
        .filter(instrument -> instrument.loincPanel().equals(Optional.of(tail)))
        .findFirst();
  }

  /** The reading of one response. */
  private final class Read {
    private final String file;
    private final String prefix;
    private final Obj resource;
    private final List<InputProblem> problems = new ArrayList<>();
    private final Answers.Builder answers = Answers.builder(16);
    private final Map<String, String> answeredAt = new HashMap<>();
    private final Map<String, SourceLocation> places = new HashMap<>();
    private boolean keyReadable = true;
    private Instrument instrument;
    private Optional<String> version = Optional.empty();
    private String client;
    private int session = -1;
    private Optional<LocalDate> date = Optional.empty();
    private Optional<Respondent> respondent = Optional.empty();
    private String rawInstrument = "";
    private String rawSession = "";
    private String rawDate = "";
    private String rawClinician = "";

    Read(String file, String prefix, Obj resource) {
      this.file = file;
      this.prefix = prefix;
      this.resource = resource;
    }

    AdministrationRow row() {
      questionnaire();
      status();
      subject();
      authored();
      extensions();
      author();
      if (instrument != null) {
        items(resource, "QuestionnaireResponse");
      }
      Optional<Administration> administration = Optional.empty();
      if (keyReadable && instrument != null && client != null && session >= 0) {
        administration =
            Optional.of(
                new Administration(
                    instrument.id(), version, client, session, date, respondent, answers.build()));
      }
      SourceLocation location = at(resource, "QuestionnaireResponse");
      var key =
          new AdministrationRow.RawKey(
              client == null ? "" : client, rawSession, rawDate, rawInstrument, rawClinician);
      Map<String, SourceLocation> itemPlaces = Map.copyOf(places);
      return new AdministrationRow(
          administration,
          key,
          location,
          itemId -> itemPlaces.getOrDefault(itemId, location),
          problems);
    }

    private void questionnaire() {
      Optional<String> canonical =
          string(resource, "questionnaire", "QuestionnaireResponse.questionnaire", true);
      if (canonical.isEmpty()) {
        if (resource.get("questionnaire").isEmpty()) {
          keyProblem(
              resource,
              "QuestionnaireResponse.questionnaire",
              "missing: the response must say which questionnaire it answers, such as "
                  + Fhir.questionnaireUrl("phq-9")
                  + "|1.0");
        }
        return;
      }
      rawInstrument = canonical.get();
      int bar = rawInstrument.indexOf('|');
      String url = bar < 0 ? rawInstrument : rawInstrument.substring(0, bar);
      if (bar >= 0 && bar < rawInstrument.length() - 1) {
        version = Optional.of(rawInstrument.substring(bar + 1));
      }
      Optional<Instrument> found = instrument(url);
      if (found.isEmpty()) {
        String tail = url.substring(url.lastIndexOf('/') + 1);
        keyProblem(
            resource.get("questionnaire").get(),
            "QuestionnaireResponse.questionnaire",
            "unknown questionnaire '" + rawInstrument + "': " + catalog.unknown(tail));
        return;
      }
      instrument = found.get();
      rawInstrument = instrument.id();
    }

    private void status() {
      Optional<String> status = string(resource, "status", "QuestionnaireResponse.status", false);
      if (status.isEmpty()) {
        return;
      }
      Node node = resource.get("status").get();
      if (status.get().equals("entered-in-error")) {
        keyProblem(
            node,
            "QuestionnaireResponse.status",
            "the response is marked entered-in-error (withdrawn), so it is not read");
      } else if (!STATUSES.contains(status.get())) {
        problem(
            node,
            "QuestionnaireResponse.status",
            "unknown status '"
                + status.get()
                + "': expected one of "
                + String.join(", ", STATUSES));
      }
    }

    private void subject() {
      String path = "QuestionnaireResponse.subject";
      Optional<Node> node = resource.get("subject");
      if (node.isEmpty()) {
        keyProblem(
            resource, path, "missing: the response needs a subject, Patient/<client reference>");
        return;
      }
      if (!(node.get() instanceof Obj subject)) {
        keyProblem(
            node.get(), path, "expected an object (a Reference), found " + node.get().kind());
        return;
      }
      int before = problems.size();
      Optional<String> reference = string(subject, "reference", path + ".reference", true);
      if (reference.isPresent()) {
        Matcher patient = PATIENT.matcher(reference.get());
        if (patient.matches()) {
          client = patient.group(1);
          return;
        }
      }
      Optional<Obj> identifier = object(subject, "identifier", path + ".identifier", true);
      Optional<String> value =
          identifier.flatMap(id -> string(id, "value", path + ".identifier.value", true));
      if (value.isPresent() && !value.get().isBlank()) {
        client = value.get();
        return;
      }
      if (problems.size() > before) {
        return; // a reference or identifier of the wrong type, already reported
      }
      if (reference.isPresent()) {
        keyProblem(
            subject.get("reference").get(),
            path + ".reference",
            "the subject '"
                + abbreviate(reference.get())
                + "' is not a Patient reference: expected Patient/<client reference> or an identifier");
      } else {
        keyProblem(
            subject,
            path,
            "the subject has neither a reference nor an identifier value: expected Patient/<client reference>");
      }
    }

    private void authored() {
      String path = "QuestionnaireResponse.authored";
      Optional<String> authored = string(resource, "authored", path, true);
      if (authored.isEmpty()) {
        return;
      }
      rawDate = authored.get();
      Node node = resource.get("authored").get();
      String text = authored.get();
      try {
        if (text.length() < 10 || !DATE.matcher(text.substring(0, 10)).matches()) {
          throw new DateTimeException(text);
        }
        LocalDate day = LocalDate.parse(text.substring(0, 10));
        if (text.length() > 10) {
          OffsetDateTime.parse(text); // a time must come with its zone, as FHIR requires
        }
        date = Optional.of(day);
      } catch (DateTimeException e) {
        keyProblem(
            node,
            path,
            "expected a date (YYYY-MM-DD) or a date and time with its zone, found '"
                + abbreviate(text)
                + "'");
      }
    }

    private void extensions() {
      boolean sessionFound = false;
      Optional<Arr> extensions =
          array(resource, "extension", "QuestionnaireResponse.extension", false);
      List<Node> elements = extensions.map(Arr::elements).orElse(List.of());
      for (int i = 0; i < elements.size(); i++) {
        String path = "QuestionnaireResponse.extension[" + i + "]";
        if (!(elements.get(i) instanceof Obj extension)
            || !(extension.fields().get("url") instanceof Str url)) {
          continue;
        }
        if (url.value().equals(Fhir.SESSION)) {
          if (sessionFound) {
            keyProblem(extension, path, "a second session extension; expected one");
            continue;
          }
          sessionFound = true;
          session(extension, path);
        } else if (url.value().equals(Fhir.RESPONDENT)) {
          respondent(extension, path);
        }
      }
      if (!sessionFound) {
        keyProblem(
            resource,
            "QuestionnaireResponse.extension",
            "no session number: expected the extension "
                + Fhir.SESSION
                + " with valueUnsignedInt (0 for intake)");
      }
    }

    private void session(Obj extension, String path) {
      for (Map.Entry<String, Node> field : extension.fields().entrySet()) {
        if (INTEGER_VALUES.contains(field.getKey())) {
          Node value = field.getValue();
          rawSession =
              value instanceof Num number
                  ? number.value().toString()
                  : value instanceof Str text ? text.value() : "";
          if (value instanceof Num number
              && isWhole(number.value())
              && number.value().signum() >= 0
              && number.value().compareTo(BigDecimal.valueOf(Administration.MAX_SESSION)) <= 0) {
            session = number.value().intValueExact();
          } else {
            keyProblem(
                value,
                path + "." + field.getKey(),
                "expected a session number ("
                    + Administration.SESSION_NUMBER
                    + "), found "
                    + describe(value));
          }
          return;
        }
      }
      keyProblem(
          extension,
          path,
          "the session extension needs valueUnsignedInt, a whole number 0 or more");
    }

    private void respondent(Obj extension, String path) {
      Optional<String> code = string(extension, "valueCode", path + ".valueCode", true);
      if (code.isEmpty()) {
        if (extension.get("valueCode").isEmpty()) {
          keyProblem(
              extension,
              path,
              "the respondent extension needs valueCode: client, therapist, observer or parent");
        }
        return;
      }
      for (Respondent candidate : Respondent.values()) {
        if (candidate.name().toLowerCase(Locale.ROOT).equals(code.get())) {
          respondent = Optional.of(candidate);
          return;
        }
      }
      keyProblem(
          extension.get("valueCode").get(),
          path + ".valueCode",
          "unknown respondent '"
              + abbreviate(code.get())
              + "': expected client, therapist, observer or parent");
    }

    /**
     * The clinician of the raw key, from an author Practitioner/<id>; anything else is left alone.
     */
    private void author() {
      if (!(resource.fields().get("author") instanceof Obj author)) {
        return;
      }
      if (author.fields().get("reference") instanceof Str reference) {
        Matcher practitioner = PRACTITIONER.matcher(reference.value());
        if (practitioner.matches()) {
          rawClinician = practitioner.group(1);
        }
      } else if (author.fields().get("identifier") instanceof Obj identifier
          && identifier.fields().get("system") instanceof Str system
          && system.value().equals(Fhir.CLINICIAN_SYSTEM)
          && identifier.fields().get("value") instanceof Str value) {
        // A clinician reference that is not a FHIR id, as FhirQuestionnaireResponse.author writes.
        rawClinician = value.value();
      }
    }

    // ------------------------------------------------------------ items

    private void items(Obj parent, String path) {
      Optional<Arr> items = array(parent, "item", path + ".item", false);
      if (items.isEmpty()) {
        return;
      }
      List<Node> elements = items.get().elements();
      for (int i = 0; i < elements.size(); i++) {
        String itemPath = path + ".item[" + i + "]";
        if (elements.get(i) instanceof Obj item) {
          item(item, itemPath);
        } else {
          problem(
              elements.get(i),
              itemPath,
              "expected an object (an item), found " + elements.get(i).kind());
        }
      }
    }

    private void item(Obj item, String path) {
      Optional<String> linkId = string(item, "linkId", path + ".linkId", false);
      if (linkId.isEmpty() && item.get("linkId").isEmpty()) {
        problem(item, path + ".linkId", "missing: every item needs a linkId");
      }
      Optional<Arr> answerArray = array(item, "answer", path + ".answer", false);
      List<Node> answerNodes = answerArray.map(Arr::elements).orElse(List.of());
      Optional<Answer> absent = absentReason(item, path);
      Optional<Item> target = linkId.flatMap(this::itemOf);
      if (linkId.isPresent()
          && target.isEmpty()
          && (!answerNodes.isEmpty() || absent.isPresent())) {
        problem(
            item.get("linkId").get(),
            path + ".linkId",
            "unknown linkId '"
                + abbreviate(linkId.get())
                + "': not an item of "
                + instrument.id()
                + " (its items are "
                + instrument.items().get(0).id()
                + " to "
                + instrument.items().get(instrument.items().size() - 1).id()
                + ")");
      }
      if (target.isPresent()) {
        answer(target.get(), item, answerNodes, absent, path);
      }
      // Items nested under a group, or under an answer, are read too.
      items(item, path);
      for (int i = 0; i < answerNodes.size(); i++) {
        if (answerNodes.get(i) instanceof Obj answer) {
          items(answer, path + ".answer[" + i + "]");
        }
      }
    }

    private void answer(
        Item target, Obj item, List<Node> answerNodes, Optional<Answer> absent, String path) {
      String earlier = answeredAt.putIfAbsent(target.id(), path);
      if (earlier != null) {
        problem(
            item,
            path,
            "item " + target.id() + " is answered twice (also at " + prefix + earlier + ")");
        return;
      }
      places.put(target.id(), at(item, path));
      if (answerNodes.isEmpty()) {
        absent.ifPresent(answer -> answers.put(target.id(), answer));
        return;
      }
      if (absent.isPresent()) {
        problem(
            item,
            path,
            "item "
                + target.id()
                + " has both an answer and a data-absent-reason; expected one or the other");
        return;
      }
      if (answerNodes.size() > 1) {
        problem(
            answerNodes.get(1),
            path + ".answer[1]",
            "item " + target.id() + " has " + answerNodes.size() + " answers; expected one");
        return;
      }
      String answerPath = path + ".answer[0]";
      if (!(answerNodes.get(0) instanceof Obj answer)) {
        problem(
            answerNodes.get(0),
            answerPath,
            "expected an object (an answer), found " + answerNodes.get(0).kind());
        return;
      }
      places.put(target.id(), at(answer, answerPath));
      value(target, answer, answerPath).ifPresent(value -> answers.put(target.id(), value));
    }

    private Optional<Answer> value(Item target, Obj answer, String path) {
      List<String> keys =
          answer.fields().keySet().stream().filter(name -> name.startsWith("value")).toList();
      if (keys.isEmpty()) {
        problem(
            answer,
            path,
            "the answer to "
                + target.id()
                + " has no value[x]; expected "
                + expected(target.scale()));
        return Optional.empty();
      }
      if (keys.size() > 1) {
        problem(
            answer,
            path,
            "the answer to "
                + target.id()
                + " has more than one value: "
                + String.join(", ", keys));
        return Optional.empty();
      }
      String key = keys.get(0);
      Node node = answer.fields().get(key);
      String valuePath = path + "." + key;
      ResponseScale scale = target.scale();
      boolean choice = !(scale instanceof ResponseScale.VisualAnalogue);
      switch (key) {
        case "valueString":
          if (node instanceof Str text) {
            return Optional.of(
                new Answer.Unreadable(text.value())); // the scorer reports it, as for a CSV cell
          }
          break;
        case "valueCoding":
          if (choice) {
            return coding(target, node, valuePath);
          }
          return wrongType(target, node, valuePath, key);
        case "valueInteger":
          if (node instanceof Num number && !isWhole(number.value())) {
            problem(
                node,
                valuePath,
                "valueInteger must be a whole number, found "
                    + abbreviate(number.value().toString()));
            return Optional.empty();
          }
          return number(target, node, valuePath);
        case "valueDecimal":
          if (choice) {
            return wrongType(target, node, valuePath, key);
          }
          return number(target, node, valuePath);
        case "valueBoolean":
          if (scale instanceof ResponseScale.YesNo && node instanceof Bool yes) {
            return Optional.of(Answer.of(yes.value() ? 1 : 0));
          }
          if (scale instanceof ResponseScale.YesNo) {
            break;
          }
          return wrongType(target, node, valuePath, key);
        default:
          return wrongType(target, node, valuePath, key);
      }
      problem(
          node,
          valuePath,
          "expected "
              + (key.equals("valueString") ? "a string" : "true or false")
              + ", found "
              + node.kind());
      return Optional.empty();
    }

    private Optional<Answer> coding(Item target, Node node, String path) {
      if (!(node instanceof Obj coding)) {
        problem(node, path, "expected an object (a Coding), found " + node.kind());
        return Optional.empty();
      }
      Optional<BigDecimal> ordinal = ordinal(coding, path);
      if (ordinal.isPresent()) {
        return exact(ordinal.get(), target, node, path);
      }
      Optional<String> system = string(coding, "system", path + ".system", false);
      Optional<String> code = string(coding, "code", path + ".code", false);
      if (code.isEmpty() && coding.get("code").isPresent()) {
        return Optional.empty(); // reported as a wrong type
      }
      if (system.isEmpty() || system.get().equals(Fhir.ANSWER_SYSTEM)) {
        OptionalDouble value = code.map(AnswerCodes::value).orElse(OptionalDouble.empty());
        if (value.isPresent()) {
          return Optional.of(Answer.of(value.getAsDouble()));
        }
      }
      String found = system.map(s -> s + "|").orElse("") + code.orElse("(no code)");
      problem(
          node,
          path,
          "answer not in the answer options of "
              + target.id()
              + ": expected a code of "
              + Fhir.ANSWER_SYSTEM
              + " ("
              + target.scale().describe()
              + "), found '"
              + abbreviate(found)
              + "'");
      return Optional.empty();
    }

    /** An ordinalValue (or itemWeight) extension on the coding itself, as some forms write it. */
    private Optional<BigDecimal> ordinal(Obj coding, String path) {
      if (!(coding.fields().get("extension") instanceof Arr extensions)) {
        return Optional.empty();
      }
      for (Node element : extensions.elements()) {
        if (element instanceof Obj extension
            && extension.fields().get("url") instanceof Str url
            && (url.value().equals(Fhir.ORDINAL_VALUE) || url.value().equals(Fhir.ITEM_WEIGHT))) {
          Node value =
              extension
                  .fields()
                  .getOrDefault("valueDecimal", extension.fields().get("valueInteger"));
          if (value instanceof Num number) {
            return Optional.of(number.value());
          }
          problem(extension, path + ".extension", "the ordinalValue extension needs valueDecimal");
        }
      }
      return Optional.empty();
    }

    private Optional<Answer> number(Item target, Node node, String path) {
      if (!(node instanceof Num number)) {
        problem(node, path, "expected a number, found " + node.kind());
        return Optional.empty();
      }
      return exact(number.value(), target, node, path);
    }

    private Optional<Answer> exact(BigDecimal value, Item target, Node node, String path) {
      double converted = value.doubleValue();
      // A value a double cannot hold exactly would be rounded, perhaps onto a valid answer: refuse
      // it.
      if (!Double.isFinite(converted) || BigDecimal.valueOf(converted).compareTo(value) != 0) {
        problem(
            node,
            path,
            "the answer to "
                + target.id()
                + ", "
                + abbreviate(value.toString())
                + ", is too large or has more digits than an answer can hold");
        return Optional.empty();
      }
      return Optional.of(Answer.of(converted));
    }

    private Optional<Answer> wrongType(Item target, Node node, String path, String key) {
      problem(
          node,
          path,
          "wrong value type "
              + key
              + " for item "
              + target.id()
              + " ("
              + target.scale().describe()
              + "): expected "
              + expected(target.scale()));
      return Optional.empty();
    }

    private String expected(ResponseScale scale) {
      if (scale instanceof ResponseScale.VisualAnalogue) {
        return "valueDecimal (or valueInteger)";
      }
      if (scale instanceof ResponseScale.YesNo) {
        return "valueCoding from the answer options, valueBoolean or valueInteger";
      }
      return "valueCoding from the answer options (or valueInteger)";
    }

    private Optional<Answer> absentReason(Obj item, String path) {
      if (!(item.fields().get("extension") instanceof Arr extensions)) {
        return Optional.empty();
      }
      List<Node> elements = extensions.elements();
      for (int i = 0; i < elements.size(); i++) {
        if (elements.get(i) instanceof Obj extension
            && extension.fields().get("url") instanceof Str url
            && url.value().equals(Fhir.DATA_ABSENT_REASON)) {
          String extensionPath = path + ".extension[" + i + "]";
          Optional<String> code =
              string(extension, "valueCode", extensionPath + ".valueCode", false);
          if (code.isEmpty()) {
            if (extension.get("valueCode").isEmpty()) {
              problem(extension, extensionPath, "the data-absent-reason extension needs valueCode");
            }
            return Optional.empty();
          }
          return switch (code.get()) {
            case FhirQuestionnaireResponse.DECLINED -> Optional.of(Answer.NotAnswered.DECLINED);
            case FhirQuestionnaireResponse.SKIPPED, FhirQuestionnaireResponse.SKIPPED_TOO ->
                Optional.of(Answer.NotAnswered.SKIPPED);
            case FhirQuestionnaireResponse.UNREADABLE_EMPTY ->
                Optional.of(new Answer.Unreadable(""));
            default -> {
              if (FhirQuestionnaireResponse.ABSENT_REASONS.contains(code.get())) {
                yield Optional.of(Answer.NotAnswered.MISSING);
              }
              problem(
                  extension.get("valueCode").get(),
                  extensionPath + ".valueCode",
                  "unknown data-absent-reason '"
                      + abbreviate(code.get())
                      + "': expected asked-declined, not-applicable, asked-unknown, unknown or another code of "
                      + Fhir.DATA_ABSENT_REASON_SYSTEM);
              yield Optional.empty();
            }
          };
        }
      }
      return Optional.empty();
    }

    /**
     * The instrument's item a linkId names: by item id, as an id made from the linkId, or by LOINC
     * code.
     */
    private Optional<Item> itemOf(String linkId) {
      Optional<Item> item = instrument.item(linkId);
      if (item.isEmpty()) {
        item = instrument.item(FhirQuestionnaire.sanitize(linkId));
      }
      if (item.isEmpty()) {
        String code = linkId.startsWith("/") ? linkId.substring(1) : linkId;
        item =
            instrument.items().stream()
                .filter(candidate -> candidate.loinc().equals(Optional.of(code)))
                .findFirst();
      }
      return item;
    }

    // ------------------------------------------------------------ typed access

    private Optional<String> string(Obj object, String name, String path, boolean key) {
      Node node = object.fields().get(name);
      if (node == null) {
        return Optional.empty();
      }
      if (node instanceof Str text) {
        return Optional.of(text.value());
      }
      report(node, path, "expected a string, found " + node.kind(), key);
      return Optional.empty();
    }

    private Optional<Obj> object(Obj object, String name, String path, boolean key) {
      Node node = object.fields().get(name);
      if (node == null) {
        return Optional.empty();
      }
      if (node instanceof Obj found) {
        return Optional.of(found);
      }
      report(node, path, "expected an object, found " + node.kind(), key);
      return Optional.empty();
    }

    private Optional<Arr> array(Obj object, String name, String path, boolean key) {
      Node node = object.fields().get(name);
      if (node == null) {
        return Optional.empty();
      }
      if (node instanceof Arr found) {
        return Optional.of(found);
      }
      report(node, path, "expected an array, found " + node.kind(), key);
      return Optional.empty();
    }

    private void report(Node node, String path, String message, boolean key) {
      if (key) {
        keyProblem(node, path, message);
      } else {
        problem(node, path, message);
      }
    }

    private void keyProblem(Node node, String path, String message) {
      keyReadable = false;
      problem(node, path, message);
    }

    private void problem(Node node, String path, String message) {
      problems.add(new InputProblem(at(node, path), message));
    }

    private SourceLocation at(Node node, String path) {
      return SourceLocation.cell(
          file, node.line(), (int) Math.min(node.column(), Integer.MAX_VALUE), prefix + path);
    }
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  private static String describe(Node node) {
    return node instanceof Num number
        ? abbreviate(number.value().toString())
        : node instanceof Str text ? "'" + abbreviate(text.value()) + "'" : node.kind();
  }

  /** Long input shown in a message is cut short: a message is for reading. */
  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
