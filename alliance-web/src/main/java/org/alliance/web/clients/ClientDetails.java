package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.web.platform.access.ClientLanguage;

/**
 * What the clinic keeps about a client beside the reference: a date of birth or an age band (never
 * both), the language of the client's own pages, and the contacts measures are sent to.
 */
public record ClientDetails(
    Optional<LocalDate> birthDate,
    Optional<AgeBand> ageBand,
    ClientLanguage language,
    Optional<EmailAddress> email,
    Optional<MobileNumber> mobile) {
  /** A new client's details when none are given: English, nothing else. */
  public static final ClientDetails NONE =
      new ClientDetails(
          Optional.empty(),
          Optional.empty(),
          ClientLanguage.DEFAULT,
          Optional.empty(),
          Optional.empty());

  public ClientDetails {
    requireNonNull(birthDate, "birthDate");
    requireNonNull(ageBand, "ageBand");
    requireNonNull(language, "language");
    requireNonNull(email, "email");
    requireNonNull(mobile, "mobile");
    if (birthDate.isPresent() && ageBand.isPresent()) {
      throw new IllegalArgumentException("a date of birth or an age band, not both");
    }
  }

  /** The client's age band on a day: worked out from the date of birth, or the band given. */
  public Optional<AgeBand> ageBandOn(LocalDate day) {
    return birthDate.map(born -> AgeBand.of(born, day)).or(() -> ageBand);
  }

  /**
   * The fields that differ from {@code before}, in words ("date of birth", "e-mail address"), for
   * the audit log: which fields changed, never their values.
   */
  public List<String> changesFrom(ClientDetails before) {
    List<String> changed = new ArrayList<>();
    if (!birthDate.equals(before.birthDate)) {
      changed.add(ClientFields.words(ClientFields.BIRTH_DATE));
    }
    if (!ageBand.equals(before.ageBand)) {
      changed.add(ClientFields.words(ClientFields.AGE_BAND));
    }
    if (language != before.language) {
      changed.add(ClientFields.words(ClientFields.LANGUAGE));
    }
    if (!email.equals(before.email)) {
      changed.add(ClientFields.words(ClientFields.EMAIL));
    }
    if (!mobile.equals(before.mobile)) {
      changed.add(ClientFields.words(ClientFields.MOBILE));
    }
    return changed;
  }

  /** The fields that hold something, in words, for the audit entry of a new client. */
  public List<String> given() {
    return changesFrom(NONE);
  }
}
