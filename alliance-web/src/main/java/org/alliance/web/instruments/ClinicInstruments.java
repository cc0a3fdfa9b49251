package org.alliance.web.instruments;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.instrument.DefinitionResult;
import org.alliance.io.instrument.InstrumentJson;
import org.alliance.web.instruments.CustomInstruments.StoredDefinition;
import org.alliance.web.platform.http.WebException;
import org.jdbi.v3.core.Jdbi;

/**
 * The instruments of the clinic: the built-in ones plus those the clinic added, and which of them
 * it uses. Scores, trends and reports cover every instrument in the catalog, so stored data stays
 * visible; new data (an entry, a client link, an API submission, an import) is taken only for an
 * instrument in use. Read from the database at start, after each change made here, and every little
 * while for changes made by another server on the same database; requests share one immutable
 * state.
 */
public final class ClinicInstruments {
  /**
   * The toolkit's own alliance self-check, whose "no" answers pages list as themes to talk over.
   */
  public static final String SELF_CHECK = "self-check";

  private final Jdbi jdbi;
  private volatile State state;

  /** One state of the clinic's instruments, and the rows it was read from. */
  private record State(Rows rows, Scorer scorer, Set<String> custom, Set<String> off) {}

  private record Rows(List<StoredDefinition> custom, Set<String> off) {}

  public ClinicInstruments(Jdbi jdbi) {
    this.jdbi = jdbi;
    reload();
  }

  /**
   * Reads the clinic's instruments again. The state, and with it the catalog, is replaced only when
   * the rows changed, since trends cached for one catalog are computed again for another.
   */
  public void reload() {
    Rows rows =
        jdbi.withHandle(
            handle -> new Rows(CustomInstruments.all(handle), InstrumentsOff.all(handle)));
    State current = state;
    if (current != null && current.rows().equals(rows)) {
      return;
    }
    List<Instrument> custom = new ArrayList<>();
    for (StoredDefinition stored : rows.custom()) {
      DefinitionResult read = InstrumentJson.read(stored.definition());
      // Checked before it was stored, so a failure here means the stored row was changed by hand.
      custom.add(
          read.instrument()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the stored definition of custom instrument "
                              + stored.instrumentId()
                              + " no longer reads: "
                              + read.problems())));
    }
    Set<String> customIds =
        custom.stream().map(Instrument::id).collect(ImmutableSet.toImmutableSet());
    state =
        new State(
            rows,
            new Scorer(Catalog.builtIn().with(custom)),
            customIds,
            ImmutableSet.copyOf(rows.off()));
  }

  /** The scorer of every instrument the clinic has, used or not. */
  public Scorer scorer() {
    return state.scorer();
  }

  public Catalog catalog() {
    return state.scorer().catalog();
  }

  /** Whether the clinic added this instrument itself. */
  public boolean isCustom(String instrumentId) {
    return state.custom().contains(instrumentId);
  }

  /**
   * Whether forms show an item's full text: where its licence lets the toolkit ship it, or where
   * the clinic added the definition itself, with the wording it is licensed to use.
   */
  public boolean showsText(Instrument instrument) {
    return instrument.licence().allowsText() || isCustom(instrument.id());
  }

  /** Whether the clinic takes new data for this instrument. */
  public boolean inUse(String instrumentId) {
    State current = state;
    return current.scorer().catalog().contains(instrumentId)
        && !current.off().contains(instrumentId);
  }

  /** The instruments the clinic takes new data for, in catalog order. */
  public List<Instrument> inUse() {
    State current = state;
    return current.scorer().catalog().instruments().stream()
        .filter(instrument -> !current.off().contains(instrument.id()))
        .toList();
  }

  /**
   * The instrument with this id for new data; 400 naming the field when it is unknown or switched
   * off.
   */
  public Instrument forNewData(String field, String instrumentId) {
    Optional<String> refusal = refusal(instrumentId);
    if (refusal.isPresent()) {
      throw WebException.badRequest(field + ": " + refusal.get());
    }
    return catalog().get(instrumentId);
  }

  /**
   * Why new data for this instrument is not taken (it is unknown, or switched off); empty when it
   * is taken.
   */
  public Optional<String> refusal(String instrumentId) {
    Catalog catalog = catalog();
    return catalog
        .find(instrumentId)
        .map(
            instrument ->
                inUse(instrument.id())
                    ? Optional.<String>empty()
                    : Optional.of(notInUse(instrument.id())))
        .orElseGet(() -> Optional.of(catalog.unknown(instrumentId)));
  }

  /** Why new data for an instrument that is switched off is refused. */
  public static String notInUse(String instrumentId) {
    return "this clinic does not use "
        + instrumentId
        + " now; an admin can switch it on under Instruments";
  }

  /** The instrument's short name as clinicians say it: "ORS", "PHQ-9". */
  public static String shortName(Instrument instrument) {
    return instrument.id().toUpperCase(java.util.Locale.ROOT);
  }
}
