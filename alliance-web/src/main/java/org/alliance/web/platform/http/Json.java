package org.alliance.web.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.alliance.core.cohort.Interval;
import org.alliance.core.cohort.Proportion;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;
import org.alliance.core.trend.Alert;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientSummary;
import org.alliance.web.administrations.StoredAdministration;

/**
 * The JSON the API answers with: one mapper (ISO dates, no timestamps as numbers) and the shapes of the
 * objects that several endpoints share. Absent values are written as null, so every field is always there.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /**
   * Writes a value as JSON straight to the response. The hot endpoints use it: Javalin copies a result
   * through a new 32 KB buffer, which at thousands of requests a second is most of the server's garbage.
   */
  public static void send(Context ctx, int status, Object value) {
    send(ctx, status, bytes(value));
  }

  /** A value as JSON bytes; the answers are maps and lists of plain values, which always can be written. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the answer could not be written as JSON", e);
    }
  }

  /** The same with the JSON already written. */
  public static void send(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType(ContentType.APPLICATION_JSON);
    try {
      ctx.outputStream().write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the answer could not be sent", e);
    }
  }

  /** A client as lists show it. */
  public static Map<String, Object> client(Client client) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", client.id());
    json.put("reference", client.reference());
    json.put("clinician", client.clinicianUsername());
    json.put("createdAt", client.createdAt());
    return json;
  }

  /** A line of a caseload. */
  public static Map<String, Object> client(ClientSummary summary) {
    Map<String, Object> json = client(summary.client());
    json.put("administrations", summary.administrations());
    json.put("lastSession", summary.lastSession().isPresent() ? summary.lastSession().getAsInt() : null);
    json.put("lastDate", summary.lastDate().orElse(null));
    return json;
  }

  /** Answers by item id: numbers, or the reason one is missing. */
  public static Map<String, Object> answers(Answers answers) {
    Map<String, Object> json = new LinkedHashMap<>();
    answers.forEach((item, answer) -> {
      if (answer instanceof Answer.Value value) {
        json.put(item, value.value());
      } else if (answer instanceof Answer.NotAnswered reason) {
        json.put(item, reason.name().toLowerCase(Locale.ROOT));
      } else if (answer instanceof Answer.Unreadable unreadable) {
        json.put(item, unreadable.raw());
      }
    });
    return json;
  }

  /** A stored administration with the score it had when written. */
  public static Map<String, Object> administration(StoredAdministration stored) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", stored.id());
    json.put("instrument", stored.instrumentId());
    json.put("version", stored.instrumentVersion());
    json.put("session", stored.session());
    json.put("date", stored.date().orElse(null));
    json.put("answers", answers(stored.answers()));
    json.put("total", number(stored.total()));
    json.put("valid", stored.valid());
    json.put("band", stored.band().orElse(null));
    json.put("riskFlags", stored.riskFlags());
    json.put("createdAt", stored.createdAt());
    return json;
  }

  /** A score: total, mean, subscales, band, clinical flag, risk flags, prorating, missing items, problems. */
  public static Map<String, Object> score(Score score) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instrument", score.instrumentId());
    json.put("total", number(score.total()));
    json.put("mean", number(score.mean()));
    json.put("subscales", score.subscales());
    json.put("band", score.band().map(band -> band.label()).orElse(null));
    json.put("clinical", score.clinical().orElse(null));
    json.put("flags", score.flags());
    json.put("prorated", score.prorated());
    json.put("missing", score.missing());
    json.put("valid", score.valid());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem problem : score.problems()) {
      problems.add(problem(problem));
    }
    json.put("problems", problems);
    return json;
  }

  public static Map<String, Object> problem(Problem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", problem.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("item", problem.item().orElse(null));
    json.put("message", problem.message());
    return json;
  }

  /** An alert with its rule, version, urgency, explanation and the numbers behind it. */
  public static Map<String, Object> alert(Alert alert) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rule", alert.rule().id());
    json.put("version", alert.rule().version());
    json.put("title", alert.rule().title());
    json.put("urgency", alert.rule().urgency());
    json.put("measure", alert.measure());
    json.put("session", alert.session());
    json.put("explanation", alert.explanation());
    json.put("numbers", alert.numbers());
    return json;
  }

  /** A rate with its count, denominator and 95% Wilson interval (null when no one is counted). */
  public static Map<String, Object> proportion(Proportion proportion) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", proportion.successes());
    json.put("of", proportion.denominator());
    json.put("rate", number(proportion.rate()));
    json.put("interval", proportion.wilson().map(Json::interval).orElse(null));
    return json;
  }

  public static Map<String, Object> interval(Interval interval) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("lower", interval.lower());
    json.put("upper", interval.upper());
    return json;
  }

  public static Double number(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
