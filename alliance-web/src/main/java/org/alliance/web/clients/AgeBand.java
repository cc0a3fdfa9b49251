package org.alliance.web.clients;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An age band, recorded instead of a date of birth when the clinic keeps less, or worked out from
 * the date of birth. The bands are those most services report outcomes by.
 */
public enum AgeBand {
  UNDER_18("under-18", "under 18", 0, 17),
  FROM_18_TO_25("18-25", "18 to 25", 18, 25),
  FROM_26_TO_35("26-35", "26 to 35", 26, 35),
  FROM_36_TO_45("36-45", "36 to 45", 36, 45),
  FROM_46_TO_55("46-55", "46 to 55", 46, 55),
  FROM_56_TO_65("56-65", "56 to 65", 56, 65),
  OVER_65("over-65", "over 65", 66, Integer.MAX_VALUE);

  private final String code;
  private final String words;
  private final int from;
  private final int to;

  AgeBand(String code, String words, int from, int to) {
    this.code = code;
    this.words = words;
    this.from = from;
    this.to = to;
  }

  /** The code stored and answered by the API, such as {@code 26-35}. */
  public String code() {
    return code;
  }

  /** The band in words, such as "26 to 35". */
  public String words() {
    return words;
  }

  public static Optional<AgeBand> ofCode(String code) {
    return Arrays.stream(values()).filter(band -> band.code.equals(code)).findFirst();
  }

  /** The band of someone of this age in whole years. */
  public static AgeBand ofAge(int years) {
    return Arrays.stream(values())
        .filter(band -> years >= band.from && years <= band.to)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("age " + years));
  }

  /** The band of someone born on {@code birthDate}, on {@code day}. */
  public static AgeBand of(LocalDate birthDate, LocalDate day) {
    return ofAge(Math.max(0, Period.between(birthDate, day).getYears()));
  }

  /** The codes, for messages that refuse one. */
  public static String codes() {
    return Arrays.stream(values()).map(AgeBand::code).collect(Collectors.joining(", "));
  }
}
