package org.alliance.io.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.alliance.core.instrument.Respondent;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.AdministrationRow;

/** Seeded random administrations and helpers shared by the FHIR tests. */
final class FhirFixtures {
  static final Catalog CATALOG = Catalog.builtIn();
  static final Scorer SCORER = Scorer.builtIn();
  private static final List<String> CLIENTS =
      List.of("c001", "client-0042", "A.7", "c 002", "é-1", "x_y", "7");

  private FhirFixtures() {}

  /**
   * A random administration of the instrument: answers on and off the scale, skipped, declined,
   * missing (left out or explicit) and unreadable; with or without date and respondent. The version
   * is always given, since a response pins it.
   */
  static Administration random(Instrument instrument, Random random) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    int style = random.nextInt(4); // 0: complete and valid; others: anything goes
    for (Item item : instrument.items()) {
      Answer answer = style == 0 ? onScale(item.scale(), random) : anyAnswer(item.scale(), random);
      if (answer != null) {
        answers.put(item.id(), answer);
      }
    }
    Optional<LocalDate> date =
        random.nextInt(5) == 0
            ? Optional.empty()
            : Optional.of(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2500)));
    Optional<Respondent> respondent =
        random.nextInt(4) == 0
            ? Optional.of(Respondent.values()[random.nextInt(Respondent.values().length)])
            : Optional.empty();
    String version = random.nextInt(10) == 0 ? "0.9" : instrument.version();
    return new Administration(
        instrument.id(),
        Optional.of(version),
        CLIENTS.get(random.nextInt(CLIENTS.size())),
        random.nextInt(61),
        date,
        respondent,
        answers);
  }

  /** A valid, complete administration. */
  static Administration complete(Instrument instrument, Random random, String client, int session) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Item item : instrument.items()) {
      answers.put(item.id(), onScale(item.scale(), random));
    }
    return new Administration(
        instrument.id(),
        Optional.of(instrument.version()),
        client,
        session,
        Optional.of(LocalDate.of(2026, 1, 7).plusWeeks(session)),
        Optional.empty(),
        answers);
  }

  static Answer onScale(ResponseScale scale, Random random) {
    if (scale instanceof ResponseScale.VisualAnalogue) {
      return Answer.of(random.nextInt(101) / 10.0);
    }
    return Answer.of((int) scale.min() + random.nextInt((int) (scale.max() - scale.min()) + 1));
  }

  private static Answer anyAnswer(ResponseScale scale, Random random) {
    int kind = random.nextInt(20);
    if (kind < 11) {
      return onScale(scale, random);
    }
    return switch (kind) {
      case 11, 12 -> null;
      case 13 -> Answer.NotAnswered.SKIPPED;
      case 14 -> Answer.NotAnswered.DECLINED;
      case 15 -> Answer.NotAnswered.MISSING;
      case 16 -> new Answer.Unreadable(random.nextBoolean() ? "three" : "7,5");
      case 17 -> Answer.of(scale.max() + 1 + random.nextInt(5));
      case 18 -> Answer.of(scale instanceof ResponseScale.VisualAnalogue ? 5.37 : 1.5);
      default -> Answer.of(random.nextBoolean() ? -1 : 1e20);
    };
  }

  /** Every row an import of this text gives. */
  static List<AdministrationRow> read(String name, String text) throws IOException {
    return read(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every row an import of these bytes gives. */
  static List<AdministrationRow> read(String name, byte[] data) throws IOException {
    List<AdministrationRow> rows = new ArrayList<>();
    try (FhirImport source = FhirImport.open(name, new ByteArrayInputStream(data), CATALOG)) {
      source.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The one row of an import that must give exactly one. */
  static AdministrationRow readOne(String name, String text) throws IOException {
    List<AdministrationRow> rows = read(name, text);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row, got " + rows.size() + ": " + rows);
    }
    return rows.get(0);
  }
}
