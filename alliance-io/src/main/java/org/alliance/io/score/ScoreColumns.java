package org.alliance.io.score;

import java.util.List;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Subscale;

/**
 * Which subscale columns a score table has: one per subscale when every row is of one known
 * instrument, otherwise a single {@code subscales} column of {@code id=score} pairs, since a
 * streamed file's instruments are not known in advance.
 */
public record ScoreColumns(Optional<Instrument> instrument) {

  public static ScoreColumns of(Instrument instrument) {
    return new ScoreColumns(Optional.of(instrument));
  }

  public static ScoreColumns mixed() {
    return new ScoreColumns(Optional.empty());
  }

  /** The columns every score table has besides the subscales. */
  public static final List<String> FIXED =
      List.of(
          "client",
          "session",
          "date",
          "instrument",
          "total",
          "band",
          "clinical",
          "flags",
          "valid",
          "problems");

  public List<String> subscaleIds() {
    return instrument
        .map(i -> i.subscales().stream().map(Subscale::id).toList())
        .orElse(List.of("subscales"));
  }

  /**
   * The subscale column names, in order: the subscale id, or {@code id_score} where the id is also
   * a fixed column (the CORE-OM Problems domain beside the {@code problems} column).
   */
  public List<String> subscaleColumns() {
    return subscaleIds().stream()
        .map(id -> FIXED.contains(id) && instrument.isPresent() ? id + "_score" : id)
        .toList();
  }
}
