package org.alliance.io.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Respondent;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.ScoringRule;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** A definition written by hand, as a clinic would, read and used for scoring. */
class UserInstrumentTest {
  /**
   * A clinic's own measure with only the required fields and English-only texts written as plain
   * strings.
   */
  static final String MINIMAL =
      """
      {
        "id": "clinic-mood-4",
        "version": "1",
        "title": "Clinic mood check",
        "measures": "outcome",
        "direction": "higher-is-worse",
        "maxMissing": 1,
        "items": [
          {"number": 1, "id": "mood_1", "label": "Low mood", "scale": {"type": "likert", "min": 0, "max": 3}},
          {"number": 2, "id": "mood_2", "label": "Worry", "scale": {"type": "likert", "min": 0, "max": 3}},
          {"number": 3, "id": "mood_3", "label": "Hopeful", "scale": {"type": "likert", "min": 0, "max": 3}, "reversed": true},
          {"number": 4, "id": "mood_4", "label": "Self-harm thoughts", "scale": {"type": "likert", "min": 0, "max": 3}, "critical": true}
        ],
        "cutoffs": [{"id": "clinical", "label": "needs review", "value": 6, "clinicalSide": "at-or-above"}],
        "bands": [{"label": "low", "from": 0}, {"label": "high", "from": 6}],
        "licence": {"kind": "open", "holder": "Example Clinic", "terms": "Our own measure."}
      }
      """;

  @Test
  void aHandWrittenDefinitionReadsWithItsDefaults() {
    DefinitionResult result = InstrumentJson.read(MINIMAL);

    assertThat(result.problems()).isEmpty();
    Instrument mood = result.instrument().orElseThrow();
    assertThat(mood.id()).isEqualTo("clinic-mood-4");
    assertThat(mood.title().en()).isEqualTo("Clinic mood check");
    assertThat(mood.respondent()).isEqualTo(Respondent.CLIENT);
    assertThat(mood.construct()).isEqualTo(Construct.OUTCOME);
    assertThat(mood.scoringRule()).isEqualTo(ScoringRule.SUM);
    assertThat(mood.direction()).isEqualTo(Direction.HIGHER_IS_WORSE);
    assertThat(mood.maxMissing()).isEqualTo(1);
    assertThat(mood.items())
        .extracting(item -> item.id())
        .containsExactly("mood_1", "mood_2", "mood_3", "mood_4");
    assertThat(mood.items().get(2).reversed()).isTrue();
    assertThat(mood.items().get(3).critical()).isTrue();
    assertThat(mood.items().get(0).scale()).isEqualTo(new ResponseScale.Likert(0, 3, List.of()));
    assertThat(mood.clinicalCutoff().orElseThrow().clinicalSide())
        .isEqualTo(Cutoff.Side.AT_OR_ABOVE);
    assertThat(mood.clinicalCutoff().orElseThrow().verified()).isTrue();
    assertThat(mood.maxTotal()).isEqualTo(12);
  }

  @Test
  void aUserInstrumentScoresThroughTheScorer() {
    Instrument mood = InstrumentJson.read(MINIMAL).instrument().orElseThrow();
    Scorer scorer = new Scorer(Catalog.builtIn().with(List.of(mood)));

    Score full = scorer.score(administration(mood, 2.0, 3.0, 0.0, 1.0));
    Score prorated = scorer.score(administration(mood, 2.0, null, 3.0, 0.0));

    // Item 3 is reversed: 3 - 0 = 3, so 2 + 3 + 3 + 1 = 9.
    assertThat(full.valid()).as(full.problems().toString()).isTrue();
    assertThat(full.total().getAsDouble()).isEqualTo(9);
    assertThat(full.band().orElseThrow().label()).isEqualTo("high");
    assertThat(full.clinical()).contains(true);
    assertThat(full.flags()).isNotEmpty();
    // One item missing: (2 + 0 + 0) x 4 / 3.
    assertThat(prorated.valid()).isTrue();
    assertThat(prorated.prorated()).isTrue();
    assertThat(prorated.total().getAsDouble()).isCloseTo(8.0 / 3, within(1e-9));
    assertThat(prorated.clinical()).contains(false);
  }

  @Test
  void theExampleDefinitionsAreValid() throws IOException {
    Path examples = Path.of("../examples/instruments");
    InstrumentLibrary.Loaded loaded = InstrumentLibrary.load(examples);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.instruments())
        .extracting(Instrument::id)
        .containsExactly("clinic-stress-4", "phq-9", "srs");
    Instrument stress = loaded.instruments().get(0);
    assertThat(stress.title().in("de")).isEqualTo("Wöchentlicher Belastungscheck der Praxis");
    assertThat(stress.subscales())
        .singleElement()
        .satisfies(s -> assertThat(s.items()).containsExactly(1, 2));
    assertThat(Files.readString(examples.resolve("srs-licensed.json"))).contains("\"id\": \"srs\"");
    // A clinic's German PHQ-9: German texts and answer labels, and nothing that scores changed.
    Instrument german = loaded.instruments().get(1);
    assertThat(
            org.alliance.core.instrument.WordingCheck.scoringDifferences(
                org.alliance.core.instrument.Catalog.builtIn().get("phq-9"), german))
        .isEmpty();
    assertThat(german.items().get(0).text().orElseThrow().in("de")).startsWith("[PHQ-9 Frage 1");
    org.alliance.core.instrument.ResponseScale.Likert scale =
        (org.alliance.core.instrument.ResponseScale.Likert) german.items().get(0).scale();
    assertThat(scale.anchors()).first().isEqualTo("Not at all");
    assertThat(scale.anchorsIn("de")).first().asString().startsWith("[Antwort 0");
    assertThat(scale.anchorsIn("fr")).first().isEqualTo("Not at all");
    // Written back out, the translated answer labels survive.
    assertThat(InstrumentJson.read(InstrumentJson.write(german)).instrument()).contains(german);
  }

  private static Administration administration(Instrument instrument, Double... values) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        answers.put(instrument.items().get(i).id(), new Answer.Value(values[i]));
      }
    }
    return Administration.of(instrument.id(), "c-1", 1, Optional.empty(), answers);
  }
}
