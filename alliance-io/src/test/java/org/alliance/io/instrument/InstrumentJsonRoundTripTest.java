package org.alliance.io.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.Norms;
import org.alliance.core.instrument.Respondent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstrumentJsonRoundTripTest {
  static List<Instrument> builtIns() {
    return Catalog.builtIn().instruments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void everyBuiltInInstrumentReadsBackEqual(Instrument original) {
    String json = InstrumentJson.write(original);

    DefinitionResult read = InstrumentJson.read(json);

    assertThat(read.problems()).isEmpty();
    assertThat(read.instrument()).contains(original);
    assertThat(InstrumentJson.write(read.instrument().orElseThrow())).isEqualTo(json);
  }

  @Test
  void theWholeCatalogRoundTrips() {
    // Guards the parameterized test above against an empty catalog.
    assertThat(builtIns()).hasSize(13);
    for (Instrument original : builtIns()) {
      assertThat(InstrumentJson.read(InstrumentJson.write(original)).instrument())
          .contains(original);
    }
  }

  @Test
  void writesWholeNumbersWithoutADecimalPointAndFractionsExactly() {
    Instrument core10 = Catalog.builtIn().get("core-10");

    String json = InstrumentJson.write(core10);

    assertThat(json)
        .contains("\"reliableChange\": 6,")
        .contains("\"clinicalMean\": 19.7,")
        .contains("\"reliability\": 0.9,")
        .contains("\"value\": 11,")
        .doesNotContain("6.0")
        .contains("\"scoring\": \"sum\"")
        .contains("\"direction\": \"higher-is-worse\"")
        .contains("\"clinicalSide\": \"at-or-above\"")
        .doesNotContain("\r")
        .endsWith("}\n");
    assertThat(InstrumentJson.write(Catalog.builtIn().get("core-om")))
        .contains("\"scoring\": \"mean-x10\"");
    assertThat(InstrumentJson.write(Catalog.builtIn().get("self-check")))
        .contains("\"type\": \"yes-no\"")
        .contains("\"scoring\": \"count-yes\"");
  }

  @Test
  void leavesOutAbsentOptionalFields() {
    String srs = InstrumentJson.write(Catalog.builtIn().get("srs"));

    assertThat(srs)
        .doesNotContain("\"text\"")
        .doesNotContain("\"bands\"")
        .doesNotContain("\"norms\"")
        .doesNotContain("\"loinc\"")
        .doesNotContain("\"instructions\"")
        .doesNotContain("\"reliableChange\"")
        .contains("\"type\": \"visual-analogue\"")
        .contains("\"kind\": \"licensed\"");
  }

  @Test
  void translationsAndEveryOptionalFieldRoundTrip() {
    Instrument phq9 = Catalog.builtIn().get("phq-9");
    Item first = phq9.items().get(0);
    Item translated =
        new Item(
            first.number(),
            first.id(),
            new LocalizedText(Map.of("en", "Little interest", "de", "Wenig Interesse")),
            Optional.of(
                new LocalizedText(
                    Map.of(
                        "en",
                        "Little interest or pleasure in doing things",
                        "pt-BR",
                        "Pouco interesse"))),
            first.scale(),
            true,
            true,
            first.loinc());
    List<Item> items = new java.util.ArrayList<>(phq9.items());
    items.set(0, translated);
    Instrument everything =
        new Instrument(
            "phq-9-x",
            "2.1",
            new LocalizedText(Map.of("en", "PHQ-9 variant", "fr", "Variante")),
            Respondent.PARENT,
            phq9.construct(),
            phq9.instructions(),
            items,
            List.of(),
            phq9.scoringRule(),
            2,
            phq9.direction(),
            phq9.cutoffs(),
            phq9.bands(),
            OptionalDouble.of(5.25),
            Optional.of(new Norms(1.5, 2.25, -3, 0.125, 0.85, "made up")),
            phq9.licence(),
            Optional.empty(),
            Optional.of("44261-6"),
            phq9.notes());

    String json = InstrumentJson.write(everything);
    DefinitionResult read = InstrumentJson.read(json);

    assertThat(read.problems()).isEmpty();
    assertThat(read.instrument()).contains(everything);
    assertThat(json)
        .contains("\"respondent\": \"parent\"")
        .contains("\"pt-BR\": \"Pouco interesse\"")
        .contains("\"reliableChange\": 5.25")
        .contains("\"functionalMean\": -3,");
  }
}
