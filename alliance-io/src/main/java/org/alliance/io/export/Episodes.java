package org.alliance.io.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.alliance.io.input.InputProblem;

/**
 * Splits one client's administrations into episodes of care and finds duplicates. The answers file
 * has no episode column, so a client has one episode unless the session numbers start again: an
 * instrument given again at session 0 or 1, on a later date, after the client has reached a higher
 * session, opens episode 2 (and so on), together with the administrations at session 0 or 1 just
 * before it. The same instrument at the same session twice in one episode otherwise is a duplicate:
 * the first is kept, the second reported.
 *
 * <p>Administrations are taken in date order when every one of the client's has a date, else in
 * file order.
 */
final class Episodes {
  private Episodes() {}

  /** An entry with its episode number, from 1. */
  record Placed(ExportEntry entry, int episode) {}

  /**
   * The client's entries in episodes, ordered by episode, then session; duplicates go to {@code
   * problems}.
   */
  static List<Placed> place(List<ExportEntry> entries, List<InputProblem> problems) {
    List<ExportEntry> ordered = new ArrayList<>(entries);
    boolean dated = ordered.stream().allMatch(e -> e.administration().date().isPresent());
    if (dated) {
      ordered.sort(
          Comparator.comparing((ExportEntry e) -> e.administration().date().orElseThrow())
              .thenComparingInt(e -> e.administration().session())
              .thenComparingLong(ExportEntry::order));
    }
    List<Placed> placed = new ArrayList<>();
    int episode = 1;
    int episodeStart = 0;
    int highest = -1;
    Map<String, ExportEntry> seen = new HashMap<>();
    for (ExportEntry entry : ordered) {
      var administration = entry.administration();
      String key = administration.instrumentId() + "\u0000" + administration.session();
      ExportEntry earlier = seen.get(key);
      if (earlier != null) {
        boolean later =
            dated
                && laterThan(
                    administration.date().orElseThrow(),
                    earlier.administration().date().orElseThrow());
        boolean restart =
            administration.session() <= 1
                && highest > administration.session()
                && (later || !dated);
        if (!restart) {
          problems.add(
              new InputProblem(
                  entry.location(),
                  "not exported: client "
                      + administration.client()
                      + " has "
                      + administration.instrumentId()
                      + " at session "
                      + administration.session()
                      + " twice in one episode (also at "
                      + earlier.location()
                      + ")"));
          continue;
        }
        episode++;
        // Administrations at session 0 or 1 just before the restart (other instruments of the new
        // first
        // session, an intake) belong to the new episode.
        int from = placed.size();
        while (from > episodeStart
            && placed.get(from - 1).entry().administration().session()
                <= administration.session()) {
          from--;
        }
        seen.clear();
        highest = -1;
        for (int i = from; i < placed.size(); i++) {
          ExportEntry moved = placed.get(i).entry();
          placed.set(i, new Placed(moved, episode));
          seen.put(
              moved.administration().instrumentId() + "\u0000" + moved.administration().session(),
              moved);
          highest = Math.max(highest, moved.administration().session());
        }
        episodeStart = from;
      }
      seen.put(key, entry);
      highest = Math.max(highest, administration.session());
      placed.add(new Placed(entry, episode));
    }
    placed.sort(
        Comparator.comparingInt(Placed::episode)
            .thenComparingInt(p -> p.entry().administration().session())
            .thenComparingLong(p -> p.entry().order()));
    return placed;
  }

  private static boolean laterThan(LocalDate a, LocalDate b) {
    return Objects.requireNonNull(a).isAfter(b);
  }
}
