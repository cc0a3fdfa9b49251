package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  private static final List<String> LICENSED =
      List.of("srs", "ors", "csrs", "cors", "wai-sr", "haq-ii", "haq-ii-t", "arm-5");
  private static final List<String> WITH_TEXT =
      List.of("phq-9", "gad-7", "core-10", "core-om", "self-check");

  @Test
  void holdsExactlyTheDocumentedInstruments() {
    assertThat(CATALOG.instruments())
        .extracting(Instrument::id)
        .containsExactlyInAnyOrder(
            "srs",
            "ors",
            "csrs",
            "cors",
            "wai-sr",
            "haq-ii",
            "haq-ii-t",
            "arm-5",
            "self-check",
            "phq-9",
            "gad-7",
            "core-10",
            "core-om");
  }

  static Stream<Arguments> facts() {
    return Stream.of(
        // id, items, item prefix, scale min, scale max, scale kind, direction, construct,
        // respondent, licence
        Arguments.of(
            "srs",
            4,
            "srs",
            0,
            10,
            ResponseScale.VisualAnalogue.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "ors",
            4,
            "ors",
            0,
            10,
            ResponseScale.VisualAnalogue.class,
            Direction.HIGHER_IS_BETTER,
            Construct.OUTCOME,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "csrs",
            4,
            "csrs",
            0,
            10,
            ResponseScale.VisualAnalogue.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "cors",
            4,
            "cors",
            0,
            10,
            ResponseScale.VisualAnalogue.class,
            Direction.HIGHER_IS_BETTER,
            Construct.OUTCOME,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "wai-sr",
            12,
            "waisr",
            1,
            5,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "haq-ii",
            19,
            "haq",
            1,
            6,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "haq-ii-t",
            19,
            "haqt",
            1,
            6,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.THERAPIST,
            Licence.Kind.LICENSED),
        Arguments.of(
            "arm-5",
            5,
            "arm5",
            1,
            7,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.CLIENT,
            Licence.Kind.LICENSED),
        Arguments.of(
            "self-check",
            8,
            "selfcheck",
            0,
            1,
            ResponseScale.YesNo.class,
            Direction.HIGHER_IS_BETTER,
            Construct.ALLIANCE,
            Respondent.CLIENT,
            Licence.Kind.OPEN),
        Arguments.of(
            "phq-9",
            9,
            "phq9",
            0,
            3,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_WORSE,
            Construct.OUTCOME,
            Respondent.CLIENT,
            Licence.Kind.PUBLIC_DOMAIN),
        Arguments.of(
            "gad-7",
            7,
            "gad7",
            0,
            3,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_WORSE,
            Construct.OUTCOME,
            Respondent.CLIENT,
            Licence.Kind.PUBLIC_DOMAIN),
        Arguments.of(
            "core-10",
            10,
            "core10",
            0,
            4,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_WORSE,
            Construct.OUTCOME,
            Respondent.CLIENT,
            Licence.Kind.OPEN),
        Arguments.of(
            "core-om",
            34,
            "coreom",
            0,
            4,
            ResponseScale.Likert.class,
            Direction.HIGHER_IS_WORSE,
            Construct.OUTCOME,
            Respondent.CLIENT,
            Licence.Kind.OPEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facts")
  void instrumentFacts(
      String id,
      int items,
      String prefix,
      int min,
      int max,
      Class<?> scaleKind,
      Direction direction,
      Construct construct,
      Respondent respondent,
      Licence.Kind licence) {
    Instrument instrument = CATALOG.get(id);

    assertThat(instrument.id()).isEqualTo(id);
    assertThat(instrument.items()).hasSize(items);
    for (int n = 1; n <= items; n++) {
      Item item = instrument.items().get(n - 1);
      assertThat(item.number()).isEqualTo(n);
      assertThat(item.id()).isEqualTo(prefix + "_" + n);
      assertThat(item.scale()).isInstanceOf(scaleKind);
      assertThat(item.scale().min()).isEqualTo(min);
      assertThat(item.scale().max()).isEqualTo(max);
      assertThat(item.label().en()).isNotBlank();
    }
    assertThat(instrument.direction()).isEqualTo(direction);
    assertThat(instrument.construct()).isEqualTo(construct);
    assertThat(instrument.respondent()).isEqualTo(respondent);
    assertThat(instrument.licence().kind()).isEqualTo(licence);
    assertThat(instrument.licence().allowsText()).isEqualTo(licence != Licence.Kind.LICENSED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("licensed")
  void licensedInstrumentsShipNoItemTextAndNoInstructions(String id) {
    Instrument instrument = CATALOG.get(id);

    assertThat(instrument.licence().kind()).isEqualTo(Licence.Kind.LICENSED);
    assertThat(instrument.instructions()).isEmpty();
    assertThat(instrument.items())
        .allSatisfy(item -> assertThat(item.text()).as(item.id()).isEmpty());
  }

  static Stream<String> licensed() {
    return LICENSED.stream();
  }

  static Stream<String> withText() {
    return WITH_TEXT.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withText")
  void openInstrumentsShipTextForEveryItemAndInstructions(String id) {
    Instrument instrument = CATALOG.get(id);

    assertThat(instrument.licence().allowsText()).isTrue();
    assertThat(instrument.instructions()).isPresent();
    assertThat(instrument.items())
        .allSatisfy(
            item -> {
              assertThat(item.text()).as(item.id()).isPresent();
              assertThat(item.text().orElseThrow().en()).as(item.id()).isNotBlank();
            });
  }

  @Test
  void orsAndSrsLabels() {
    assertThat(CATALOG.get("srs").items())
        .extracting(item -> item.label().en())
        .containsExactly("Relationship", "Goals and Topics", "Approach or Method", "Overall");
    assertThat(CATALOG.get("ors").items())
        .extracting(item -> item.label().en())
        .containsExactly("Individually", "Interpersonally", "Socially", "Overall");
    assertThat(CATALOG.get("cors").items())
        .extracting(item -> item.label().en())
        .containsExactly("Me", "Family", "School", "Everything");
    assertThat(CATALOG.get("csrs").items())
        .extracting(item -> item.label().en())
        .containsExactly("Listening", "How Important", "What We Did", "Overall");
  }

  @Test
  void phq9LoincCodes() {
    Instrument phq9 = CATALOG.get("phq-9");

    assertThat(phq9.loincPanel()).hasValue("44249-1");
    assertThat(phq9.loincTotal()).hasValue("44261-6");
    assertThat(phq9.items())
        .extracting(item -> item.loinc().orElseThrow())
        .containsExactly(
            "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
            "44260-8");
  }

  @Test
  void gad7LoincCodes() {
    Instrument gad7 = CATALOG.get("gad-7");

    assertThat(gad7.loincPanel()).hasValue("69737-5");
    assertThat(gad7.loincTotal()).hasValue("70274-6");
    assertThat(gad7.items())
        .extracting(item -> item.loinc().orElseThrow())
        .containsExactly(
            "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7");
  }

  @Test
  void phqAndGadAnchors() {
    List<String> anchors =
        List.of("Not at all", "Several days", "More than half the days", "Nearly every day");
    for (String id : List.of("phq-9", "gad-7")) {
      assertThat(CATALOG.get(id).items())
          .allSatisfy(
              item ->
                  assertThat(((ResponseScale.Likert) item.scale()).anchors()).isEqualTo(anchors));
    }
    assertThat(((ResponseScale.Likert) CATALOG.get("core-10").items().get(0).scale()).anchors())
        .containsExactly(
            "Not at all", "Only occasionally", "Sometimes", "Often", "Most or all of the time");
    assertThat(((ResponseScale.Likert) CATALOG.get("wai-sr").items().get(0).scale()).anchors())
        .containsExactly("Seldom", "Sometimes", "Fairly Often", "Very Often", "Always");
  }

  @Test
  void criticalItems() {
    assertThat(criticalIds("phq-9")).containsExactly("phq9_9");
    assertThat(criticalIds("core-10")).containsExactly("core10_6");
    assertThat(criticalIds("gad-7")).isEmpty();
    assertThat(criticalIds("ors")).isEmpty();
  }

  private static List<String> criticalIds(String id) {
    return CATALOG.get(id).items().stream().filter(Item::critical).map(Item::id).toList();
  }

  static Stream<Arguments> cutoffs() {
    return Stream.of(
        Arguments.of("ors", "adult", 25.0, Cutoff.Side.AT_OR_BELOW),
        Arguments.of("cors", "child", 32.0, Cutoff.Side.AT_OR_BELOW),
        Arguments.of("srs", "concern", 36.0, Cutoff.Side.BELOW),
        Arguments.of("phq-9", "caseness", 10.0, Cutoff.Side.AT_OR_ABOVE),
        Arguments.of("gad-7", "caseness", 8.0, Cutoff.Side.AT_OR_ABOVE),
        Arguments.of("core-10", "clinical", 11.0, Cutoff.Side.AT_OR_ABOVE),
        Arguments.of("core-om", "clinical", 10.0, Cutoff.Side.AT_OR_ABOVE),
        Arguments.of("self-check", "any-no", 8.0, Cutoff.Side.BELOW));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cutoffs")
  void defaultCutoffs(String id, String cutoffId, double value, Cutoff.Side side) {
    Cutoff cutoff = CATALOG.get(id).clinicalCutoff().orElseThrow();

    assertThat(cutoff.id()).isEqualTo(cutoffId);
    assertThat(cutoff.value()).isEqualTo(value);
    assertThat(cutoff.clinicalSide()).isEqualTo(side);
    assertThat(cutoff.verified()).isTrue();
  }

  @Test
  void orsAdolescentCutoffIsMarkedUnverified() {
    assertThat(CATALOG.get("ors").cutoffs())
        .extracting(Cutoff::id, Cutoff::value, Cutoff::verified)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("adult", 25.0, true),
            org.assertj.core.groups.Tuple.tuple("adolescent", 28.0, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"csrs", "wai-sr", "haq-ii", "haq-ii-t", "arm-5"})
  void instrumentsWithoutAPublishedCutoff(String id) {
    assertThat(CATALOG.get(id).cutoffs()).isEmpty();
    assertThat(CATALOG.get(id).bands()).isEmpty();
    assertThat(CATALOG.get(id).reliableChange()).isEmpty();
  }

  @Test
  void reliableChange() {
    assertThat(CATALOG.get("ors").reliableChange()).hasValue(5.0);
    assertThat(CATALOG.get("phq-9").reliableChange()).hasValue(6.0);
    assertThat(CATALOG.get("gad-7").reliableChange()).hasValue(4.0);
    assertThat(CATALOG.get("core-10").reliableChange()).hasValue(6.0);
    assertThat(CATALOG.get("core-om").reliableChange()).hasValue(5.0);
  }

  @Test
  void core10Norms() {
    Norms norms = CATALOG.get("core-10").norms().orElseThrow();

    assertThat(norms.clinicalMean()).isEqualTo(19.7);
    assertThat(norms.clinicalSd()).isEqualTo(7.7);
    assertThat(norms.functionalMean()).isEqualTo(4.7);
    assertThat(norms.functionalSd()).isEqualTo(4.8);
    assertThat(norms.reliability()).isEqualTo(0.90);
  }

  @Test
  void scoringRulesAndMissingAllowances() {
    assertThat(CATALOG.get("core-om").scoringRule()).isEqualTo(ScoringRule.MEAN_TIMES_10);
    assertThat(CATALOG.get("arm-5").scoringRule()).isEqualTo(ScoringRule.MEAN);
    assertThat(CATALOG.get("self-check").scoringRule()).isEqualTo(ScoringRule.COUNT_YES);
    assertThat(CATALOG.get("core-10").maxMissing()).isEqualTo(1);
    assertThat(CATALOG.get("core-om").maxMissing()).isEqualTo(3);
    for (String id : List.of("srs", "ors", "csrs", "cors", "phq-9", "self-check")) {
      assertThat(CATALOG.get(id).maxMissing()).as(id).isZero();
    }
  }

  @Test
  void findIgnoresCaseAndGetRejectsUnknownIds() {
    assertThat(CATALOG.find("PHQ-9").map(Instrument::id)).hasValue("phq-9");
    assertThat(CATALOG.contains("Core-OM")).isTrue();
    assertThat(CATALOG.find("phq-8")).isEmpty();
    assertThatThrownBy(() -> CATALOG.get("oq-45"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oq-45")
        .hasMessageContaining("phq-9")
        .hasMessageContaining("core-om");
  }

  @Test
  void withReplacesTheBuiltInWithTheSameId() {
    Instrument custom =
        Instrument.builder("phq-9")
            .version("9.9")
            .title("Custom PHQ")
            .measures(Construct.OUTCOME)
            .direction(Direction.HIGHER_IS_WORSE)
            .licence(new Licence(Licence.Kind.OPEN, "clinic", "own"))
            .item(
                new Item(
                    1,
                    "x_1",
                    LocalizedText.of("x"),
                    java.util.Optional.empty(),
                    new ResponseScale.YesNo(),
                    false,
                    false,
                    java.util.Optional.empty()))
            .build();

    Catalog merged = CATALOG.with(List.of(custom));

    assertThat(merged.get("phq-9").version()).isEqualTo("9.9");
    assertThat(merged.instruments()).hasSameSizeAs(CATALOG.instruments());
    assertThat(CATALOG.get("phq-9").version()).isEqualTo("1.0");
  }

  @Test
  void ofRejectsTwoInstrumentsWithTheSameId() {
    Instrument phq9 = CATALOG.get("phq-9");

    assertThatThrownBy(() -> Catalog.of(List.of(phq9, phq9)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
