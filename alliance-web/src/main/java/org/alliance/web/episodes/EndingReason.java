package org.alliance.web.episodes;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why an episode of care ended, as stored (the code) and as a clinician reads it (the words). */
public enum EndingReason {
  FINISHED("finished", "finished"),
  DROPPED_OUT("dropped-out", "dropped out"),
  REFERRED_ON("referred-on", "referred on"),
  MOVED("moved", "moved away"),
  OTHER("other", "other");

  private final String code;
  private final String words;

  EndingReason(String code, String words) {
    this.code = code;
    this.words = words;
  }

  /** The stored value and the value the API and forms take, such as {@code dropped-out}. */
  public String code() {
    return code;
  }

  /** The reason in plain words, for pages and reports. */
  public String words() {
    return words;
  }

  public static Optional<EndingReason> ofCode(String code) {
    return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
  }

  /** Every code, for messages that refuse an unknown one. */
  public static String codes() {
    return Arrays.stream(values()).map(EndingReason::code).collect(Collectors.joining(", "));
  }
}
