package org.alliance.web.instruments;

import io.javalin.http.Context;
import java.util.List;
import org.alliance.web.platform.Platform;

/**
 * {@code GET /api/instruments}: every instrument the clinic has, whether it takes new data, and its
 * items with their answers, so a script knows what {@code POST .../administrations} and imports
 * accept.
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
    List<InstrumentJson> list =
        instruments.catalog().instruments().stream()
            .map(instrument -> InstrumentJson.of(instrument, instruments))
            .toList();
    ctx.json(new InstrumentJson.Answer(list));
  }
}
