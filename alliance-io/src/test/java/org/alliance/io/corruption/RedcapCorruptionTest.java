package org.alliance.io.corruption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;
import org.alliance.io.redcap.RedcapMapping;
import org.alliance.io.redcap.RedcapMappingException;
import org.alliance.io.redcap.RedcapProject;
import org.alliance.io.redcap.RedcapReader;
import org.alliance.io.redcap.RedcapWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random corruptions of REDCap exports and mapping files: each ends in a located problem or
 * a clear error.
 */
@Tag("slow")
class RedcapCorruptionTest {
  /** Corrupted REDCap exports; a further share corrupts the mapping file instead. */
  static final int EXPORTS = 10_000;

  static final int MAPPINGS = 2_000;
  private static final String NAME = "corrupt.csv";
  private static final String MAPPING_NAME = "mapping.json";
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Scorer SCORER = Scorer.builtIn();

  /** An export and the mapping it is read with (null: the toolkit's conventions). */
  record Seed(byte[] data, String mapping) {}

  static final String LONGITUDINAL_MAPPING =
      """
      {
        "recordField": "study_id",
        "missingCodes": {"NI": "missing", "NA": "skipped"},
        "instruments": [
          {"instrument": "phq-9", "form": "depression", "session": "event",
           "events": {"baseline_arm_1": 0, "week_2_arm_1": 2, "week_4_arm_1": 4},
           "dateField": "visit_date",
           "items": {"1": "dep_1", "2": "dep_2", "3": "dep_3", "4": "dep_4", "5": "dep_5", "6": "dep_6", "7": "dep_7",
                     "8": "dep_8", "9": "dep_9"}},
          {"instrument": "srs", "session": "instance"}
        ]
      }
      """;

  static final List<Seed> SEEDS =
      List.of(
          new Seed(written(1), null),
          new Seed(written(2), null),
          new Seed(
              """
          study_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,visit_date,dep_1,dep_2,dep_3,dep_4,dep_5,dep_6,dep_7,dep_8,dep_9,depression_complete,srs_1,srs_2,srs_3,srs_4,srs_complete
          s01,baseline_arm_1,,,2026-01-05,2,2,1,2,1,1,1,0,1,2,,,,,
          s01,baseline_arm_1,srs,1,,,,,,,,,,,,9.0,8.5,9.0,NASK,2
          s01,week_2_arm_1,,,2026-01-19,1,ASKU,1,1,0,1,NASK,0,0,2,,,,,
          s01,week_2_arm_1,srs,2,,,,,,,,,,,,7.5,8.0,ASKU,9.9,2
          s02,baseline_arm_1,,,2026-01-06,3,3,3,3,3,3,3,3,NI,1,,,,,
          s02,week_4_arm_1,,,2026-02-03,0,0,0,0,0,0,NA,0,0,2,,,,,
          """
                  .getBytes(StandardCharsets.UTF_8),
              LONGITUDINAL_MAPPING),
          new Seed(
              """
          record_id,redcap_repeat_instrument,redcap_repeat_instance,redcap_survey_identifier,age,srs_session,srs_date,srs_1,srs_2,srs_3,srs_4,srs_complete,diary_note,diary_complete
          c1,,,,34,,,,,,,,,
          c1,srs,2,,,1,2026-01-07,9.0,8.5,9.0,9.1,2,,
          c1,srs,3,,,2,,7.0,NASK,8.0,ASKU,2,,
          c1,diary,1,,,,,,,,,,"felt, better",2
          c2,srs,1,,,0,2026-01-09,9,9,9,9,2,,
          """
                  .getBytes(StandardCharsets.UTF_8),
              null));

  /** A REDCap import written by the toolkit: several clients, instruments and sessions. */
  static byte[] written(long seed) {
    Random random = new Random(seed);
    List<Instrument> instruments =
        List.of(
            CATALOG.get("phq-9"),
            CATALOG.get("srs"),
            CATALOG.get("core-10"),
            CATALOG.get("self-check"));
    StringWriter out = new StringWriter();
    try (RedcapWriter writer = new RedcapWriter(out, RedcapProject.of(instruments))) {
      for (int c = 0; c < 3; c++) {
        for (Instrument instrument : instruments) {
          for (int session = 0; session < 2; session++) {
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (Item item : instrument.items()) {
              int kind = random.nextInt(12);
              if (kind == 0) {
                answers.put(item.id(), Answer.NotAnswered.SKIPPED);
              } else if (kind == 1) {
                answers.put(item.id(), Answer.NotAnswered.DECLINED);
              } else if (kind > 2) {
                answers.put(
                    item.id(),
                    Answer.of(
                        item.scale() instanceof ResponseScale.VisualAnalogue
                            ? random.nextInt(101) / 10.0
                            : random.nextInt((int) item.scale().max() + 1)));
              }
            }
            writer.write(
                Administration.of(
                    instrument.id(),
                    "c" + c,
                    session,
                    Optional.of(LocalDate.of(2026, 1, 5).plusDays(7L * session)),
                    answers));
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static RedcapMapping mapping(String json) throws IOException {
    if (json == null) {
      return RedcapMapping.conventions();
    }
    return RedcapMapping.read(
        MAPPING_NAME, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), CATALOG);
  }

  /** Reads and scores every administration, checking that each problem has its place. */
  static int readAll(byte[] data, RedcapMapping mapping) throws IOException {
    int rows = 0;
    try (RedcapReader reader =
        RedcapReader.open(NAME, new ByteArrayInputStream(data), mapping, CATALOG)) {
      reader.instruments();
      reader.ignoredColumns();
      while (reader.hasNext()) {
        AdministrationRow row = reader.next();
        rows++;
        Mutator.checkRow(row, SCORER, NAME);
        if (row.administration().isEmpty() && row.problems().isEmpty()) {
          throw new Mutator.UnlocatedProblem(
              "a row without an administration and without a problem at " + row.location());
        }
      }
      reader.unmappedForms();
    }
    return rows;
  }

  @Test
  void corruptedExportsEndInLocatedProblemsOrAClearError() {
    int clear =
        Mutator.run(
            "RedcapReader",
            5_000_000L,
            EXPORTS,
            m -> {
              Seed seed = m.pick(SEEDS);
              byte[] data = m.csv(seed.data());
              m.input(data);
              readAll(data, mapping(seed.mapping()));
            });
    assertThat(clear).isLessThan(EXPORTS);
  }

  @Test
  void corruptedMappingFilesEndInAProblemWithItsPlace() {
    List<String> refused = new ArrayList<>();
    Mutator.run(
        "RedcapMapping",
        6_000_000L,
        MAPPINGS,
        m -> {
          String json = m.json(LONGITUDINAL_MAPPING);
          m.input(json);
          RedcapMapping mapping;
          try {
            mapping = mapping(json);
          } catch (RedcapMappingException e) {
            if (!e.file().equals(MAPPING_NAME)
                || e.problems().isEmpty()
                || e.problems().stream().anyMatch(String::isBlank)) {
              throw new Mutator.UnlocatedProblem(
                  "a mapping problem without its file or message: " + e.getMessage());
            }
            refused.add(e.getMessage());
            return;
          }
          readAll(SEEDS.get(2).data(), mapping);
        });
    assertThat(refused).hasSizeGreaterThan(MAPPINGS / 4);
  }
}
