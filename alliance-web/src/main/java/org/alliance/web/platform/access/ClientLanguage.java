package org.alliance.web.platform.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language a client reads the pages they see in (the phone form, link pages, guidance): one of
 * the languages the clinic's interface is shipped in. English unless the clinician chooses another.
 */
public enum ClientLanguage {
  ENGLISH("en", "English", "English"),
  GERMAN("de", "German", "Deutsch"),
  SPANISH("es", "Spanish", "Español"),
  FRENCH("fr", "French", "Français");

  /** The language a client has until someone chooses another. */
  public static final ClientLanguage DEFAULT = ENGLISH;

  private final String code;
  private final String englishName;
  private final String ownName;

  ClientLanguage(String code, String englishName, String ownName) {
    this.code = code;
    this.englishName = englishName;
    this.ownName = ownName;
  }

  /** The ISO 639-1 code stored and answered by the API, such as {@code de}. */
  public String code() {
    return code;
  }

  /** How a clinician's page names it: "German (Deutsch)", or "English". */
  public String label() {
    return englishName.equals(ownName) ? englishName : englishName + " (" + ownName + ")";
  }

  /** Its name in English, as a clinician's page names it in a sentence: "German". */
  public String englishName() {
    return englishName;
  }

  /** Its name in itself, as a client's language menu shows it: "Deutsch". */
  public String ownName() {
    return ownName;
  }

  /** The language with this code. */
  public static Optional<ClientLanguage> ofCode(String code) {
    return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
  }

  /** The codes, for messages that refuse one: "en, de, es or fr". */
  public static String codes() {
    String all =
        Arrays.stream(values()).map(ClientLanguage::code).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
