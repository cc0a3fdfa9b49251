package org.alliance.web.administrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;

/**
 * Reads the body of {@code POST /api/clients/{id}/administrations}: {@code instrument}, optional
 * {@code version}, {@code session}, optional {@code date} (YYYY-MM-DD), and {@code answers} by item
 * id. An answer is a number, null (missing), or {@code "missing"}, {@code "skipped"} or {@code
 * "declined"}. Every problem of the body is collected and reported at once, each with its JSON
 * path.
 */
final class AdministrationRequest {
  private static final Set<String> FIELDS =
      Set.of("instrument", "version", "session", "date", "answers");

  private AdministrationRequest() {}

  /**
   * The administration the body describes, for the client with this reference; 400 listing every
   * problem otherwise.
   */
  static Administration parse(
      JsonNode body, String client, ClinicInstruments instruments, Instant now) {
    if (body == null || !body.isObject()) {
      throw WebException.badRequest(
          "the body must be a JSON object with instrument, session, answers and optionally version and date");
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(
            new FieldProblem(
                name, "unknown field; expected instrument, version, session, date, answers"));
      }
    }
    String instrument = null;
    JsonNode instrumentNode = body.get("instrument");
    if (instrumentNode == null
        || !instrumentNode.isTextual()
        || instrumentNode.asText().isBlank()) {
      problems.add(new FieldProblem("instrument", "expected an instrument id such as \"phq-9\""));
    } else if (instruments.refusal(instrumentNode.asText()).isPresent()) {
      problems.add(
          new FieldProblem("instrument", instruments.refusal(instrumentNode.asText()).get()));
    } else {
      instrument = instruments.catalog().get(instrumentNode.asText()).id();
    }
    Optional<String> version = Optional.empty();
    JsonNode versionNode = body.get("version");
    if (versionNode != null && !versionNode.isNull()) {
      if (versionNode.isTextual() || versionNode.isNumber()) {
        version = Optional.of(versionNode.asText());
      } else {
        problems.add(
            new FieldProblem(
                "version", "expected the instrument version as a string, such as \"1\""));
      }
    }
    int session = -1;
    JsonNode sessionNode = body.get("session");
    if (sessionNode == null
        || !sessionNode.canConvertToInt()
        || !sessionNode.isIntegralNumber()
        || !Administration.isSessionNumber(sessionNode.asInt())) {
      problems.add(
          new FieldProblem(
              "session",
              "expected a session number ("
                  + Administration.SESSION_NUMBER
                  + ")"
                  + (sessionNode == null ? "" : ", found " + sessionNode)));
    } else {
      session = sessionNode.asInt();
    }
    Optional<LocalDate> date = Optional.empty();
    JsonNode dateNode = body.get("date");
    if (dateNode != null && !dateNode.isNull()) {
      try {
        date = Optional.of(LocalDate.parse(dateNode.isTextual() ? dateNode.asText() : "not text"));
        RecordAdministration.futureDate(date, now)
            .ifPresent(problem -> problems.add(new FieldProblem("date", problem)));
      } catch (DateTimeParseException e) {
        problems.add(
            new FieldProblem("date", "expected a date as \"YYYY-MM-DD\", found " + dateNode));
      }
    }
    Answers answers = Answers.of();
    JsonNode answersNode = body.get("answers");
    if (answersNode == null || !answersNode.isObject()) {
      problems.add(
          new FieldProblem(
              "answers", "expected an object of answers by item id, such as {\"phq9_1\": 2}"));
    } else {
      Answers.Builder builder = Answers.builder(answersNode.size());
      for (Map.Entry<String, JsonNode> field : answersNode.properties()) {
        Optional<Answer> answer = answer(field.getValue());
        if (answer.isEmpty()) {
          problems.add(
              new FieldProblem(
                  "answers." + field.getKey(),
                  "expected a number, null, \"missing\", \"skipped\" or \"declined\", found "
                      + field.getValue()));
        } else {
          builder.put(field.getKey(), answer.get());
        }
      }
      answers = builder.build();
    }
    if (!problems.isEmpty()) {
      throw WebException.badRequest(
          "the administration has "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems"),
          problems);
    }
    return new Administration(
        instrument, version, client, session, date, Optional.empty(), answers);
  }

  /** An answer from JSON; a string that is a number counts as that number. */
  private static Optional<Answer> answer(JsonNode value) {
    if (value.isNull()) {
      return Optional.of(Answer.NotAnswered.MISSING);
    }
    if (value.isNumber()) {
      return Optional.of(Answer.of(value.doubleValue()));
    }
    if (!value.isTextual()) {
      return Optional.empty();
    }
    String text = value.asText().trim();
    switch (text.toLowerCase(Locale.ROOT)) {
      case "missing", "":
        return Optional.of(Answer.NotAnswered.MISSING);
      case "skipped":
        return Optional.of(Answer.NotAnswered.SKIPPED);
      case "declined":
        return Optional.of(Answer.NotAnswered.DECLINED);
      default:
        try {
          double number = Double.parseDouble(text);
          return Double.isFinite(number)
              ? Optional.of(Answer.of(number))
              : Optional.of(new Answer.Unreadable(text));
        } catch (NumberFormatException e) {
          // Kept as unreadable, so the scorer reports it beside every other problem of the form.
          return Optional.of(new Answer.Unreadable(text));
        }
    }
  }
}
