package org.alliance.web.clients;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.http.WebException.FieldProblem;

/**
 * A client's fields as a form or a JSON body gives them, checked against their rules: every problem
 * found is reported at once, each naming its field. The same rules for the pages and the API.
 */
public final class ClientFields {
  public static final String REFERENCE = "reference";
  public static final String CLINICIAN = "clinician";
  public static final String BIRTH_DATE = "birthDate";
  public static final String AGE_BAND = "ageBand";
  public static final String LANGUAGE = "language";
  public static final String EMAIL = "email";
  public static final String MOBILE = "mobile";

  /** Every field a client has, in the order forms show them. */
  public static final List<String> ALL =
      List.of(REFERENCE, CLINICIAN, BIRTH_DATE, AGE_BAND, LANGUAGE, EMAIL, MOBILE);

  /** The oldest date of birth taken, in years before today: older is surely a typing mistake. */
  public static final int MAX_AGE_YEARS = 120;

  private ClientFields() {}

  /**
   * The fields a request gives: a field present with a value sets it, present but blank (or null in
   * JSON) clears it, and a field left out keeps what the client has.
   */
  public record Given(Map<String, Optional<String>> fields) {
    public Given {
      fields = new LinkedHashMap<>(fields);
    }

    public Optional<Optional<String>> get(String field) {
      return Optional.ofNullable(fields.get(field));
    }

    public Optional<String> value(String field) {
      return get(field).flatMap(value -> value);
    }
  }

  /** A client's reference and details after a change. */
  public record Changed(String reference, ClientDetails details) {}

  /**
   * Applies the given fields to a client's present reference and details; 400 listing every problem
   * when any field breaks its rule.
   *
   * @param today the clinic's date, against which a date of birth is checked
   */
  public static Changed apply(
      String reference, ClientDetails current, Given given, Set<String> allowed, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String field : given.fields().keySet()) {
      if (!allowed.contains(field)) {
        problems.add(
            new FieldProblem(
                field, "there is no such field; a client has " + String.join(", ", allowed)));
      }
    }
    String newReference = reference;
    if (given.get(REFERENCE).isPresent()) {
      Optional<String> typed = given.value(REFERENCE);
      if (typed.isEmpty()) {
        problems.add(
            new FieldProblem(REFERENCE, "the client's pseudonymous reference is required"));
      } else if (!Clients.isReference(typed.get())) {
        problems.add(
            new FieldProblem(
                REFERENCE, Clients.REFERENCE_RULE + "; found '" + shorten(typed.get()) + "'"));
      } else {
        newReference = typed.get();
      }
    }
    Optional<LocalDate> birthDate = current.birthDate();
    Optional<AgeBand> ageBand = current.ageBand();
    if (given.get(BIRTH_DATE).isPresent()) {
      birthDate = given.value(BIRTH_DATE).flatMap(text -> birthDate(text, today, problems));
    }
    if (given.get(AGE_BAND).isPresent()) {
      ageBand = given.value(AGE_BAND).flatMap(text -> ageBand(text, problems));
    }
    if (given.value(BIRTH_DATE).isPresent() && given.value(AGE_BAND).isPresent()) {
      problems.add(
          new FieldProblem(
              AGE_BAND,
              "give a date of birth or an age band, not both (the band is worked out from the date)"));
    } else if (given.value(BIRTH_DATE).isPresent()) {
      // A date of birth replaces a band given before, and the reverse.
      ageBand = Optional.empty();
    } else if (given.value(AGE_BAND).isPresent()) {
      birthDate = Optional.empty();
    }
    ClientLanguage language = current.language();
    if (given.get(LANGUAGE).isPresent()) {
      String code = given.value(LANGUAGE).orElse(ClientLanguage.DEFAULT.code());
      Optional<ClientLanguage> known = ClientLanguage.ofCode(code);
      if (known.isEmpty()) {
        problems.add(
            new FieldProblem(
                LANGUAGE,
                "expected "
                    + ClientLanguage.codes()
                    + " (English, German, Spanish or French); found '"
                    + shorten(code)
                    + "'"));
      } else {
        language = known.get();
      }
    }
    Optional<EmailAddress> email = current.email();
    if (given.get(EMAIL).isPresent()) {
      email = Optional.empty();
      Optional<String> typed = given.value(EMAIL);
      if (typed.isPresent()) {
        // The address itself is not repeated: messages may be logged by whoever sent the request.
        email = EmailAddress.of(typed.get());
        if (email.isEmpty()) {
          problems.add(
              new FieldProblem(
                  EMAIL,
                  typed.get().strip().length() > EmailAddress.MAX_LENGTH
                      ? "at most " + EmailAddress.MAX_LENGTH + " characters"
                      : "expected " + EmailAddress.RULE));
        }
      }
    }
    Optional<MobileNumber> mobile = current.mobile();
    if (given.get(MOBILE).isPresent()) {
      mobile = Optional.empty();
      Optional<String> typed = given.value(MOBILE);
      if (typed.isPresent()) {
        MobileNumber.Result read = MobileNumber.parse(typed.get());
        if (read instanceof MobileNumber.Result.Taken taken) {
          mobile = Optional.of(taken.number());
        } else if (read instanceof MobileNumber.Result.Refused refused) {
          problems.add(new FieldProblem(MOBILE, refused.reason()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw WebException.badRequest(
          problems.size() == 1
              ? problems.get(0).field() + ": " + problems.get(0).message()
              : "the client's details have " + problems.size() + " problems",
          problems);
    }
    return new Changed(
        newReference, new ClientDetails(birthDate, ageBand, language, email, mobile));
  }

  private static Optional<LocalDate> birthDate(
      String text, LocalDate today, List<FieldProblem> problems) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(
          new FieldProblem(
              BIRTH_DATE,
              "'"
                  + shorten(text)
                  + "' is not a date of the calendar; expected YYYY-MM-DD, such as 1990-04-23"));
      return Optional.empty();
    }
    if (!date.isBefore(today)) {
      problems.add(new FieldProblem(BIRTH_DATE, "must be a day before today, found " + date));
      return Optional.empty();
    }
    if (date.isBefore(today.minusYears(MAX_AGE_YEARS))) {
      problems.add(
          new FieldProblem(
              BIRTH_DATE,
              "more than " + MAX_AGE_YEARS + " years ago (" + date + "); check the year"));
      return Optional.empty();
    }
    return Optional.of(date);
  }

  private static Optional<AgeBand> ageBand(String code, List<FieldProblem> problems) {
    Optional<AgeBand> band = AgeBand.ofCode(code.strip());
    if (band.isEmpty()) {
      problems.add(
          new FieldProblem(
              AGE_BAND, "expected one of " + AgeBand.codes() + "; found '" + shorten(code) + "'"));
    }
    return band;
  }

  /** A field's name in words, for the audit log and the pages. */
  public static String words(String field) {
    return switch (field) {
      case REFERENCE -> "reference";
      case CLINICIAN -> "clinician";
      case BIRTH_DATE -> "date of birth";
      case AGE_BAND -> "age band";
      case LANGUAGE -> "language";
      case EMAIL -> "e-mail address";
      case MOBILE -> "mobile number";
      default -> field;
    };
  }

  /** Typed text repeated in a message, cut short so that a long paste does not fill the page. */
  private static String shorten(String text) {
    String stripped = text.strip();
    return stripped.length() <= 40 ? stripped : stripped.substring(0, 40) + "...";
  }
}
