package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentsCommandTest {
  private static final List<String> IDS =
      List.of(
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

  @Test
  void listsAllThirteenInstruments() {
    Cli.Run run = run("instruments");

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split(" {2,}"))
        .containsExactly("id", "title", "measures", "items", "licence");
    List<String> ids = lines.subList(1, 14).stream().map(line -> line.split(" +")[0]).toList();
    assertThat(ids).containsExactlyElementsOf(IDS);
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line.split(" {2,}"))
                    .containsExactly(
                        "phq-9",
                        "Patient Health Questionnaire-9",
                        "outcome",
                        "9",
                        "public domain"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line.split(" {2,}"))
                    .containsExactly(
                        "srs", "Session Rating Scale", "alliance", "4", "licensed (no item text)"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line.split(" {2,}"))
                    .containsExactly(
                        "core-om",
                        "CORE Outcome Measure",
                        "outcome",
                        "34",
                        "open (text included)"));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void showsPhq9InFull() {
    Cli.Run run = run("instruments", "show", "phq-9");

    assertThat(run.exit()).as(run.toString()).isZero();
    String out = run.out();
    for (int n = 1; n <= 9; n++) {
      assertThat(out).contains("q" + n + " ").contains("phq9_" + n);
    }
    assertThat(out)
        .contains("Patient Health Questionnaire-9")
        .contains(">= 10")
        .contains("minimal 0 to under 5")
        .contains("moderately severe 15 to under 20")
        .contains("severe 20 to 27")
        .contains("Reliable change")
        .contains("6 points")
        .contains("Licence")
        .contains("public domain")
        .contains("0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day")
        .contains("flag if > 0")
        .contains("Item text:")
        .contains("1. Little interest or pleasure in doing things")
        .contains(
            "9. Thoughts that you would be better off dead or of hurting yourself in some way");
    assertThat(out.lines())
        .filteredOn(line -> line.contains("Reliable change"))
        .singleElement()
        .asString()
        .contains("6");
  }

  @Test
  void showsSrsWithoutItemText() {
    Cli.Run run = run("instruments", "show", "srs");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("srs_1")
        .contains("srs_4")
        .contains("Relationship")
        .contains("total < 36")
        .contains("licensed (no item text)")
        .doesNotContain("Item text")
        .doesNotContain("Reliable change");
  }

  @Test
  void showsWaiSrSubscales() {
    Cli.Run run = run("instruments", "show", "WAI-SR");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Subscales:").contains("waisr_12");
    assertThat(run.out().lines())
        .anySatisfy(
            line ->
                assertThat(line.split(" {2,}")).containsExactly("goal", "Goal", "4 6 8 11", "0"));
    assertThat(run.out().lines())
        .anySatisfy(
            line ->
                assertThat(line.split(" {2,}")).containsExactly("bond", "Bond", "3 5 7 9", "0"));
  }

  @Test
  void anUnknownInstrumentIsAUsageError() {
    Cli.Run run = run("instruments", "show", "nope");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("unknown instrument 'nope'").contains("phq-9");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void showWithoutAnIdIsAUsageError() {
    assertThat(run("instruments", "show").exit()).isEqualTo(2);
  }

  @Test
  void theLicenceOfAPublicDomainInstrumentIsNotSaidTwice() {
    Cli.Run run = run("instruments", "show", "phq-9");

    assertThat(run.out())
        .contains("public domain. Developed by Spitzer")
        .doesNotContain("public domain: public domain");
  }
}
