package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.http.WebException.FieldProblem;
import org.alliance.web.platform.security.User;

/**
 * The form that adds a client or changes their details, as a page shows it: the values (as typed,
 * when the form comes back with problems), each problem beside its field, and the choices.
 *
 * @param action where the form is sent
 * @param adding whether it adds a client (with a reference and a clinician) or changes one
 * @param clinicians the clinicians the user may add a client for; a clinician has only themself
 * @param today the latest date of birth a date field offers is the day before
 */
public record ClientForm(
    String action,
    boolean adding,
    Map<String, String> values,
    List<FieldProblem> problems,
    List<Choice> clinicians,
    LocalDate today) {
  public ClientForm {
    requireNonNull(action, "action");
    values = Map.copyOf(values);
    problems = List.copyOf(problems);
    clinicians = List.copyOf(clinicians);
    requireNonNull(today, "today");
  }

  /** An option of a select: the value sent and the words shown. */
  public record Choice(String value, String label) {}

  /** An empty form to add a client. */
  public static ClientForm adding(List<User> clinicians, LocalDate today) {
    return new ClientForm(
        "/clients",
        true,
        Map.of(ClientFields.LANGUAGE, ClientLanguage.DEFAULT.code()),
        List.of(),
        choices(clinicians),
        today);
  }

  /** The form to change a client's details, filled in with what the clinic has. */
  public static ClientForm editing(
      long id, String reference, ClientDetails details, LocalDate today) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ClientFields.REFERENCE, reference);
    details.birthDate().ifPresent(date -> values.put(ClientFields.BIRTH_DATE, date.toString()));
    details.ageBand().ifPresent(band -> values.put(ClientFields.AGE_BAND, band.code()));
    values.put(ClientFields.LANGUAGE, details.language().code());
    details.email().ifPresent(email -> values.put(ClientFields.EMAIL, email.value()));
    details.mobile().ifPresent(mobile -> values.put(ClientFields.MOBILE, mobile.value()));
    return new ClientForm(
        "/clients/" + id + "/details", false, values, List.of(), List.of(), today);
  }

  /** The same form come back with what was typed and the problems found. */
  public ClientForm withProblems(Map<String, String> typed, List<FieldProblem> found) {
    return new ClientForm(action, adding, typed, found, clinicians, today);
  }

  static List<Choice> choices(List<User> clinicians) {
    return clinicians.stream()
        .map(
            user ->
                new Choice(
                    user.username(),
                    user.displayName().equals(user.username())
                        ? user.username()
                        : user.displayName() + " (" + user.username() + ")"))
        .toList();
  }

  /** What the field holds, or "". */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /** The problem with the field, if any. */
  public Optional<String> problem(String field) {
    return problems.stream()
        .filter(problem -> problem.field().equals(field))
        .map(FieldProblem::message)
        .findFirst();
  }

  /** Problems that belong to no field of the form, such as a reference already taken. */
  public List<String> otherProblems() {
    return problems.stream()
        .filter(problem -> !ClientFields.ALL.contains(problem.field()))
        .map(FieldProblem::message)
        .toList();
  }

  public List<Choice> languages() {
    return Arrays.stream(ClientLanguage.values())
        .map(language -> new Choice(language.code(), language.label()))
        .toList();
  }

  public List<Choice> ageBands() {
    return Arrays.stream(AgeBand.values())
        .map(band -> new Choice(band.code(), band.words()))
        .toList();
  }

  /** The latest date of birth the date field takes: yesterday. */
  public String latestBirthDate() {
    return today.minusDays(1).toString();
  }

  /** The earliest date of birth the date field takes. */
  public String earliestBirthDate() {
    return today.minusYears(ClientFields.MAX_AGE_YEARS).toString();
  }

  /** The HTML id of a field, unique on a page that has both forms. */
  public String id(String field) {
    return (adding ? "new-" : "edit-") + field;
  }
}
