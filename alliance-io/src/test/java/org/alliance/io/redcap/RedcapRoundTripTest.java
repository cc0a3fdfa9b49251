package org.alliance.io.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.instrument.InstrumentLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Administrations written as a REDCap import and read back as a REDCap export come back unchanged.
 */
class RedcapRoundTripTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  /**
   * Random administrations of every built-in instrument, with missing, skipped and declined answers
   * and session 0.
   */
  static List<Administration> administrations(long seed) {
    Random random = new Random(seed);
    List<Administration> all = new ArrayList<>();
    int clients = 1 + random.nextInt(6);
    for (int c = 0; c < clients; c++) {
      String client = random.nextBoolean() ? "c" + c : "client, \"" + c + "\" é";
      for (Instrument instrument : CATALOG.instruments()) {
        int sessions = random.nextInt(4);
        int first = random.nextInt(2);
        for (int session = first; session < first + sessions; session++) {
          Optional<LocalDate> date =
              random.nextBoolean()
                  ? Optional.of(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700)))
                  : Optional.empty();
          all.add(
              Administration.of(
                  instrument.id(), client, session, date, answers(instrument, random)));
        }
      }
    }
    return all;
  }

  static Map<String, Answer> answers(Instrument instrument, Random random) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        continue; // missing
      }
      if (kind == 1) {
        answers.put(item.id(), Answer.NotAnswered.SKIPPED);
      } else if (kind == 2) {
        answers.put(item.id(), Answer.NotAnswered.DECLINED);
      } else if (item.scale() instanceof ResponseScale.VisualAnalogue) {
        answers.put(item.id(), Answer.of(random.nextInt(101) / 10.0));
      } else {
        int min = (int) item.scale().min();
        answers.put(item.id(), Answer.of(min + random.nextInt((int) item.scale().max() - min + 1)));
      }
    }
    return answers;
  }

  static String write(List<Administration> administrations, RedcapProject project)
      throws IOException {
    StringWriter out = new StringWriter();
    try (RedcapWriter writer = new RedcapWriter(out, project)) {
      administrations.forEach(writer::write);
    }
    return out.toString();
  }

  static List<AdministrationRow> read(String csv, RedcapMapping mapping) throws IOException {
    List<AdministrationRow> rows = new ArrayList<>();
    try (RedcapReader reader =
        RedcapReader.open(
            "export.csv",
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            mapping,
            CATALOG)) {
      reader.forEachRemaining(rows::add);
      assertThat(reader.ignoredColumns()).isEmpty();
      assertThat(reader.unmappedForms()).isEmpty();
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void everyInstrumentComesBackUnchanged(long seed) throws IOException {
    List<Administration> written = administrations(seed);
    RedcapProject project = RedcapProject.of(CATALOG.instruments());

    List<AdministrationRow> rows = read(write(written, project), RedcapMapping.conventions());

    assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    assertThat(rows.stream().map(row -> row.administration().orElseThrow()).toList())
        .isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(longs = {101, 102, 103})
  void theRoundTripCoversSkippedDeclinedMissingAndSessionZero(long seed) {
    List<Administration> written = new ArrayList<>();
    for (long s = seed; s < seed + 10; s++) {
      written.addAll(administrations(s));
    }
    assertThat(written).anyMatch(a -> a.session() == 0);
    assertThat(written).anyMatch(a -> a.answers().containsValue(Answer.NotAnswered.SKIPPED));
    assertThat(written).anyMatch(a -> a.answers().containsValue(Answer.NotAnswered.DECLINED));
    assertThat(written)
        .anyMatch(a -> a.answers().size() < CATALOG.get(a.instrumentId()).items().size());
    assertThat(written.stream().map(Administration::instrumentId).distinct())
        .hasSize(CATALOG.instruments().size());
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33})
  void aProjectOfSomeInstrumentsReadsBackWithTheInstanceAsSessionWhenTheSessionFieldIsDropped(
      long seed) throws IOException {
    List<Administration> written = new ArrayList<>();
    for (long s = seed; s < seed + 5; s++) {
      administrations(s).stream()
          .filter(
              a -> a.instrumentId().equals("srs") && a.session() > 0 && a.client().matches("c\\d+"))
          .filter(
              a ->
                  written.stream()
                      .noneMatch(w -> w.client().equals(a.client()) && w.session() == a.session()))
          .forEach(written::add);
    }
    assertThat(written).isNotEmpty();
    RedcapProject project = RedcapProject.of(List.of(CATALOG.get("srs")));
    String csv = write(written, project);
    // A project without the session field: the repeat instance (session + 1) is all there is.
    String withoutSession =
        csv.lines().map(line -> dropColumn(line, 3)).reduce("", (a, b) -> a + b + "\n");

    List<AdministrationRow> rows = read(withoutSession, RedcapMapping.conventions());

    assertThat(rows.stream().map(row -> row.administration().orElseThrow().session()).toList())
        .isEqualTo(written.stream().map(a -> a.session() + 1).toList());
  }

  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43, 44, 45})
  void aClinicsOwnInstrumentComesBackUnchanged(long seed) throws IOException {
    Path definition = Path.of("../examples/instruments/clinic-stress-4.json");
    InstrumentLibrary.Loaded loaded =
        InstrumentLibrary.load(
            Files.exists(definition)
                ? definition
                : Path.of("examples/instruments/clinic-stress-4.json"));
    assertThat(loaded.problems()).isEmpty();
    Catalog catalog = loaded.catalog();
    Instrument stress = catalog.get("clinic-stress-4");
    Random random = new Random(seed);
    List<Administration> written = new ArrayList<>();
    for (int session = 0; session < 6; session++) {
      written.add(
          Administration.of(
              stress.id(),
              "k" + random.nextInt(3),
              session,
              Optional.empty(),
              answers(stress, random)));
    }
    RedcapProject project = RedcapProject.of(List.of(stress, catalog.get("srs")));
    StringWriter out = new StringWriter();
    try (RedcapWriter writer = new RedcapWriter(out, project)) {
      written.forEach(writer::write);
    }

    List<Administration> read = new ArrayList<>();
    try (RedcapReader reader =
        RedcapReader.open(
            "export.csv",
            new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
            RedcapMapping.conventions(),
            catalog)) {
      reader.forEachRemaining(row -> read.add(row.administration().orElseThrow()));
      assertThat(reader.instruments())
          .extracting(Instrument::id)
          .containsExactly("srs", "clinic-stress-4");
    }
    assertThat(read).isEqualTo(written);
    assertThat(out.toString())
        .startsWith(
            "record_id,redcap_repeat_instrument,redcap_repeat_instance,clinic_stress_4_session,"
                + "clinic_stress_4_date,stress_1,stress_2,stress_3,stress_4,clinic_stress_4_complete,srs_session");
  }

  private static String dropColumn(String line, int index) {
    List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
    cells.remove(index);
    return String.join(",", cells);
  }
}
