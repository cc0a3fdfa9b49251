package org.alliance.io.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.input.AdministrationSource;

/**
 * Finds one client's latest administration of each instrument in a stream of administrations, for
 * the item-level answers of a client report. Only that client's rows are kept, so a file of any
 * size streams.
 */
public final class LatestAdministrations {
  private LatestAdministrations() {}

  /**
   * The client's latest administration of each instrument of the catalog, as answers item by item,
   * in the order the instruments first appear. Of two administrations at the same session the first
   * is kept, as the trend models keep the first score of a session. Rows whose key fields could not
   * be read are skipped.
   */
  public static List<ItemAnswers> of(AdministrationSource source, String client, Catalog catalog) {
    requireNonNull(client, "client");
    Map<String, Administration> latest = new LinkedHashMap<>();
    Map<String, Instrument> instruments = new LinkedHashMap<>();
    while (source.hasNext()) {
      AdministrationRow row = source.next();
      if (row.administration().isEmpty() || !row.administration().get().client().equals(client)) {
        continue;
      }
      Administration administration = row.administration().get();
      var instrument = catalog.find(administration.instrumentId());
      if (instrument.isEmpty()) {
        continue;
      }
      String id = instrument.get().id();
      instruments.putIfAbsent(id, instrument.get());
      Administration kept = latest.get(id);
      if (kept == null || administration.session() > kept.session()) {
        latest.put(id, administration);
      }
    }
    List<ItemAnswers> answers = new ArrayList<>(latest.size());
    latest.forEach(
        (id, administration) -> answers.add(ItemAnswers.of(instruments.get(id), administration)));
    return answers;
  }
}
