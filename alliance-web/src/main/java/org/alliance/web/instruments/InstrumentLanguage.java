package org.alliance.web.instruments;

import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.web.platform.access.ClientLanguage;

/**
 * Whether a definition has the words a client sees in the client's language: its title, its
 * instructions, every question as the form shows it (the item's text where it may be shown, else
 * its label) and every answer label. A client whose language a definition lacks sees the English,
 * and the clinician is told so, never left to find out.
 */
public final class InstrumentLanguage {
  private InstrumentLanguage() {}

  /**
   * Whether the client sees this instrument in their language.
   *
   * @param showsText whether forms show the items' full text (see {@code ClinicInstruments})
   */
  public static boolean covers(Instrument instrument, ClientLanguage language, boolean showsText) {
    String code = language.code();
    if (language == ClientLanguage.ENGLISH) {
      return true;
    }
    if (!instrument.title().has(code)
        || instrument.instructions().map(text -> !text.has(code)).orElse(false)) {
      return false;
    }
    for (Item item : instrument.items()) {
      LocalizedText shown = showsText && item.text().isPresent() ? item.text().get() : item.label();
      if (!shown.has(code)) {
        return false;
      }
      if (item.scale() instanceof ResponseScale.Likert likert
          && likert.anchorTexts().stream().anyMatch(anchor -> !anchor.has(code))) {
        return false;
      }
    }
    return true;
  }

  /** The languages of the client's pages in which a client sees this instrument in full. */
  public static java.util.List<String> clientLanguages(Instrument instrument, boolean showsText) {
    return java.util.Arrays.stream(ClientLanguage.values())
        .filter(language -> covers(instrument, language, showsText))
        .map(ClientLanguage::code)
        .toList();
  }

  /**
   * What the clinician is told when the client will see this instrument in English: "The PHQ-9 has
   * no French text here: the client will see it in English."; empty when the client sees their own
   * language.
   */
  public static Optional<String> fallbackNote(
      Instrument instrument, ClientLanguage language, boolean showsText) {
    if (covers(instrument, language, showsText)) {
      return Optional.empty();
    }
    return Optional.of(
        "The "
            + ClinicInstruments.shortName(instrument)
            + " has no "
            + language.englishName()
            + " text here: the client will see it in English.");
  }
}
