package org.alliance.web.platform.http;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, with the status and a message for the person or program that
 * sent it; a bad request lists every problem found, each naming its field. Never carries client
 * data it should not reveal: a client the user may not see is "not found", exactly like one that
 * does not exist.
 */
public final class WebException extends RuntimeException {
  private final int status;
  private final List<FieldProblem> problems;
  private final Map<String, Object> details;

  /**
   * One problem of a request, naming where it is: a JSON path, an item id, or a line and column.
   */
  public record FieldProblem(String field, String message) {
    public FieldProblem {
      requireNonNull(field, "field");
      requireNonNull(message, "message");
    }
  }

  public WebException(int status, String message) {
    this(status, message, List.of());
  }

  public WebException(int status, String message, List<FieldProblem> problems) {
    this(status, message, problems, Map.of());
  }

  /**
   * @param details more fields for the JSON answer, such as the risk items answered on a form that
   *     could not be scored: a risk answer is never hidden, even from a rejected request
   */
  public WebException(
      int status, String message, List<FieldProblem> problems, Map<String, Object> details) {
    super(message, null, false, false);
    this.status = status;
    this.problems = ImmutableList.copyOf(problems);
    this.details = ImmutableMap.copyOf(details);
  }

  public static WebException badRequest(String message) {
    return new WebException(400, message);
  }

  public static WebException badRequest(String message, List<FieldProblem> problems) {
    return new WebException(400, message, problems);
  }

  public static WebException unauthorized(String message) {
    return new WebException(401, message);
  }

  public static WebException forbidden(String message) {
    return new WebException(403, message);
  }

  public static WebException notFound(String message) {
    return new WebException(404, message);
  }

  public static WebException conflict(String message) {
    return new WebException(409, message);
  }

  public int status() {
    return status;
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  public Map<String, Object> details() {
    return details;
  }
}
