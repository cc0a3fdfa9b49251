package org.alliance.web.instruments;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.web.platform.Platform;

/**
 * {@code GET /api/instruments}: every instrument the clinic has, whether it takes new data, and its items
 * with their answers, so a script knows what {@code POST .../administrations} and imports accept.
 */
public final class InstrumentsApi {
  private final Platform platform;

  private final ClinicInstruments instruments;

  public InstrumentsApi(Platform platform, ClinicInstruments instruments) {
    this.platform = platform;
    this.instruments = instruments;
  }

  public void list(Context ctx) {
    platform.authentication().require(ctx);
    List<Map<String, Object>> list = instruments.catalog().instruments().stream()
        .map(instrument -> instrument(instrument, instruments)).toList();
    ctx.json(Map.of("instruments", list));
  }

  private static Map<String, Object> instrument(Instrument instrument, ClinicInstruments instruments) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", instrument.id());
    json.put("version", instrument.version());
    json.put("title", instrument.title().en());
    json.put("builtIn", !instruments.isCustom(instrument.id()));
    json.put("inUse", instruments.inUse(instrument.id()));
    json.put("construct", instrument.construct().name().toLowerCase(java.util.Locale.ROOT));
    json.put("minTotal", instrument.minTotal());
    json.put("maxTotal", instrument.maxTotal());
    json.put("items", instrument.items().stream().map(InstrumentsApi::item).toList());
    return json;
  }

  private static Map<String, Object> item(Item item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("number", item.number());
    json.put("id", item.id());
    json.put("label", item.label().en());
    json.put("answers", item.scale().describe());
    json.put("critical", item.critical());
    return json;
  }
}
