package org.alliance.io.csv;

import static org.alliance.io.csv.CsvFiles.any;
import static org.alliance.io.csv.CsvFiles.readAll;
import static org.alliance.io.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.score.ScoredRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same administrations written in the wide and in the long layout score the same. */
class WideLongEquivalenceTest {
  private static final List<String> INSTRUMENTS =
      List.of("phq-9", "gad-7", "core-10", "wai-sr", "ors", "core-om");
  private static final int ADMINISTRATIONS = 20;

  @TempDir Path dir;

  /** One generated administration: its instrument and each item's cell text ("" when missing). */
  private record Generated(
      String client, int session, LocalDate date, Instrument instrument, List<String> cells) {}

  @Test
  void wideAndLongGiveTheSameScores() throws IOException {
    List<Generated> generated = generate(new Random(20240601L));
    int widest =
        generated.stream().mapToInt(g -> g.instrument().items().size()).max().orElseThrow();

    StringBuilder wide = new StringBuilder("client,session,date,instrument");
    for (int n = 1; n <= widest; n++) {
      wide.append(",q").append(n);
    }
    wide.append('\n');
    StringBuilder longRows = new StringBuilder("client,session,date,instrument,item,value\n");
    Random spelling = new Random(7);
    for (Generated g : generated) {
      wide.append(g.client())
          .append(',')
          .append(g.session())
          .append(',')
          .append(g.date())
          .append(',')
          .append(g.instrument().id());
      for (int n = 1; n <= widest; n++) {
        wide.append(',').append(n <= g.cells().size() ? g.cells().get(n - 1) : "");
      }
      wide.append('\n');
      for (Item item : g.instrument().items()) {
        String cell = g.cells().get(item.number() - 1);
        if (cell.isEmpty() && spelling.nextBoolean()) {
          continue; // a missing answer is either left out or written with an empty value
        }
        String itemName =
            switch (spelling.nextInt(3)) {
              case 0 -> item.id();
              case 1 -> "q" + item.number();
              default -> String.valueOf(item.number());
            };
        longRows
            .append(g.client())
            .append(',')
            .append(g.session())
            .append(',')
            .append(g.date())
            .append(',')
            .append(g.instrument().id())
            .append(',')
            .append(itemName)
            .append(',')
            .append(cell)
            .append('\n');
      }
    }
    Path wideFile = write(dir, "wide.csv", wide.toString());
    Path longFile = write(dir, "long.csv", longRows.toString());

    List<ScoredRow> fromWide = score(wideFile, CsvLayout.WIDE);
    List<ScoredRow> fromLong = score(longFile, CsvLayout.LONG);

    assertThat(fromWide).hasSize(ADMINISTRATIONS);
    assertThat(fromLong).hasSize(ADMINISTRATIONS);
    int valid = 0;
    for (int i = 0; i < ADMINISTRATIONS; i++) {
      ScoredRow w = fromWide.get(i);
      ScoredRow l = fromLong.get(i);
      String what = generated.get(i).toString();
      assertThat(w.row().problems()).as(what).isEmpty();
      assertThat(l.row().problems()).as(what).isEmpty();
      assertThat(l.row().key()).as(what).isEqualTo(w.row().key());
      // An empty long-layout value is an explicit MISSING answer; an empty wide cell is no entry.
      // Both mean missing.
      assertThat(given(l)).as(what).isEqualTo(given(w));
      assertThat(l.instrument()).as(what).isEqualTo(w.instrument());
      assertThat(l.valid()).as(what).isEqualTo(w.valid());
      assertThat(l.total()).as(what).isEqualTo(w.total());
      assertThat(l.score().get().subscales()).as(what).isEqualTo(w.score().get().subscales());
      assertThat(l.score().get().missing()).as(what).isEqualTo(w.score().get().missing());
      assertThat(l.score().get().prorated()).as(what).isEqualTo(w.score().get().prorated());
      assertThat(l.score().get().flags()).as(what).isEqualTo(w.score().get().flags());
      if (w.valid()) {
        valid++;
      }
    }
    // The comparison only means something if most administrations were actually scored.
    assertThat(valid).isGreaterThanOrEqualTo(ADMINISTRATIONS / 2);
    // ...and if the seed covers several instruments and at least one prorated total.
    assertThat(fromWide.stream().map(ScoredRow::instrument).distinct().count())
        .isGreaterThanOrEqualTo(4);
    assertThat(fromWide)
        .anySatisfy(row -> assertThat(row.valid() && row.score().get().prorated()).isTrue());
  }

  private static java.util.Map<String, Answer> given(ScoredRow row) {
    java.util.Map<String, Answer> given =
        new java.util.TreeMap<>(row.row().administration().get().answers());
    given.values().removeIf(answer -> answer == Answer.NotAnswered.MISSING);
    return given;
  }

  private static List<ScoredRow> score(Path file, CsvLayout expected) throws IOException {
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, any())) {
      assertThat(reader.layout()).isEqualTo(expected);
    }
    Scorer scorer = Scorer.builtIn();
    return readAll(file, any()).stream().map(row -> ScoredRow.score(row, scorer)).toList();
  }

  private static List<Generated> generate(Random random) {
    Catalog catalog = Catalog.builtIn();
    List<Generated> all = new ArrayList<>();
    for (int i = 0; i < ADMINISTRATIONS; i++) {
      Instrument instrument = catalog.get(INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size())));
      List<String> cells = new ArrayList<>();
      for (Item item : instrument.items()) {
        cells.add(value(item.scale(), random));
      }
      // Now and then leave out as many items as the instrument allows, so prorating is compared
      // too.
      if (instrument.maxMissing() > 0 && random.nextInt(3) == 0) {
        for (int k = 0; k < instrument.maxMissing(); k++) {
          cells.set(random.nextInt(cells.size()), "");
        }
      }
      all.add(
          new Generated(
              "c" + (i % 7), 1 + i / 7, LocalDate.of(2024, 1, 1).plusDays(i), instrument, cells));
    }
    return all;
  }

  private static String value(ResponseScale scale, Random random) {
    if (scale instanceof ResponseScale.VisualAnalogue) {
      return Numbers.format(random.nextInt(101) / 10.0);
    }
    return String.valueOf(
        (int) scale.min() + random.nextInt((int) (scale.max() - scale.min()) + 1));
  }
}
