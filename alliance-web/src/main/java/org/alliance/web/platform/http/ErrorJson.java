package org.alliance.web.platform.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Every API error: the message, the problems each naming its field (left out when there are none),
 * and the details some errors add after them (such as {@code riskFlags}).
 */
public record ErrorJson(
    String error,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblemJson> problems,
    @JsonAnyGetter Map<String, Object> details) {

  /**
   * @param field a JSON path such as {@code answers.phq9_3}, or a field or query parameter
   */
  public record FieldProblemJson(String field, String message) {}

  public static ErrorJson of(String message) {
    return new ErrorJson(message, List.of(), Map.of());
  }

  public static ErrorJson of(WebException e) {
    return new ErrorJson(
        e.getMessage(),
        e.problems().stream()
            .map(problem -> new FieldProblemJson(problem.field(), problem.message()))
            .toList(),
        e.details());
  }
}
