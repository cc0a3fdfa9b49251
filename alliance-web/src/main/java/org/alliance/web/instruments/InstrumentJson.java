package org.alliance.web.instruments;

import java.util.List;
import java.util.Locale;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;

/**
 * An instrument as {@code GET /api/instruments} lists it, with its items and what each accepts.
 *
 * @param clientLanguages the languages of the client's pages (en, de, es, fr) in which a client
 *     sees this instrument in full; a client with another language sees it in English
 */
public record InstrumentJson(
    String id,
    String version,
    String title,
    boolean builtIn,
    boolean inUse,
    String construct,
    double minTotal,
    double maxTotal,
    List<String> clientLanguages,
    List<ItemJson> items) {

  static InstrumentJson of(Instrument instrument, ClinicInstruments instruments) {
    return new InstrumentJson(
        instrument.id(),
        instrument.version(),
        instrument.title().en(),
        Catalog.builtIn().contains(instrument.id()),
        instruments.inUse(instrument.id()),
        instrument.construct().name().toLowerCase(Locale.ROOT),
        instrument.minTotal(),
        instrument.maxTotal(),
        InstrumentLanguage.clientLanguages(instrument, instruments.showsText(instrument)),
        instrument.items().stream().map(ItemJson::of).toList());
  }

  /**
   * @param answers the answers the item accepts, in words
   */
  public record ItemJson(int number, String id, String label, String answers, boolean critical) {
    static ItemJson of(Item item) {
      return new ItemJson(
          item.number(), item.id(), item.label().en(), item.scale().describe(), item.critical());
    }
  }

  /** {@code GET /api/instruments}. */
  public record Answer(List<InstrumentJson> instruments) {}
}
