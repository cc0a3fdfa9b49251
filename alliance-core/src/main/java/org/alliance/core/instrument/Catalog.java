package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A set of instruments looked up by id: the built-in ones, plus any a clinic defines itself. */
public final class Catalog {
  private static final Catalog BUILT_IN = new Catalog(BuiltInInstruments.all());

  private final Map<String, Instrument> byId;

  private Catalog(Collection<Instrument> instruments) {
    ImmutableMap.Builder<String, Instrument> builder = ImmutableMap.builder();
    for (Instrument instrument : instruments) {
      builder.put(instrument.id(), instrument);
    }
    this.byId = builder.buildOrThrow();
  }

  /** The instruments that ship with the toolkit. */
  public static Catalog builtIn() {
    return BUILT_IN;
  }

  /** A catalog of exactly these instruments. */
  public static Catalog of(Collection<Instrument> instruments) {
    return new Catalog(instruments);
  }

  /**
   * This catalog plus more instruments; an added instrument replaces a built-in one with the same
   * id.
   */
  public Catalog with(Collection<Instrument> more) {
    Map<String, Instrument> merged = new java.util.LinkedHashMap<>(byId);
    for (Instrument instrument : more) {
      merged.put(instrument.id(), instrument);
    }
    return new Catalog(merged.values());
  }

  /** The instrument with this id; ids are matched without regard to case. */
  public Optional<Instrument> find(String id) {
    Instrument exact = byId.get(id);
    return exact != null
        ? Optional.of(exact)
        : Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
  }

  /** The instrument with this id, or an exception that lists the known ids. */
  public Instrument get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(unknown(id)));
  }

  /** The message for an unknown instrument id. */
  public String unknown(String id) {
    return "unknown instrument '" + id + "'; known: " + String.join(", ", byId.keySet());
  }

  public List<Instrument> instruments() {
    return new ArrayList<>(byId.values());
  }

  public boolean contains(String id) {
    checkArgument(id != null, "id");
    return find(id).isPresent();
  }
}
