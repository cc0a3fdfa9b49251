package org.alliance.cli;

import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NL = System.lineSeparator();
  private static final double Z = 1.959963984540054;
  private static final String LAGGED = "alliance -> next outcome (within person)";

  @TempDir static Path shared;
  private static Path simulated;

  @TempDir Path dir;

  @BeforeAll
  static void simulate() {
    simulated = shared.resolve("cohort.csv");
    Cli.Run run = run("simulate", "--clients", "200", "--seed", "3", "--out", simulated.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
  }

  /** One client's PHQ-9 totals by session and clinician, added up from the simulated answers. */
  private record Client(String clinician, TreeMap<Integer, Integer> totals) {}

  private static Map<String, Client> phq9Clients() throws IOException {
    List<String> lines = Files.readAllLines(simulated);
    assertThat(lines.get(0))
        .isEqualTo("client,session,date,clinician,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9");
    Map<String, Client> clients = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (!cells[4].equals("phq-9")) {
        continue;
      }
      int total = 0;
      for (int i = 5; i < 14; i++) {
        total += Integer.parseInt(cells[i]);
      }
      clients
          .computeIfAbsent(cells[0], c -> new Client(cells[3], new TreeMap<>()))
          .totals()
          .put(Integer.parseInt(cells[1]), total);
    }
    return clients;
  }

  /**
   * The counts the cohort must give, worked out here from the PHQ-9 rules: RCI 6, caseness at 10 or
   * more.
   */
  private record Expected(
      int clients, int improved, int deteriorated, int clinical, int recovered) {}

  private static Expected expected(List<Client> clients) {
    int n = 0;
    int improved = 0;
    int deteriorated = 0;
    int clinical = 0;
    int recovered = 0;
    for (Client client : clients) {
      if (client.totals().size() < 2) {
        continue;
      }
      n++;
      int first = client.totals().firstEntry().getValue();
      int last = client.totals().lastEntry().getValue();
      boolean better = last - first <= -6;
      improved += better ? 1 : 0;
      deteriorated += last - first >= 6 ? 1 : 0;
      if (first >= 10) {
        clinical++;
        recovered += better && last < 10 ? 1 : 0;
      }
    }
    return new Expected(n, improved, deteriorated, clinical, recovered);
  }

  private static double[] wilson(int successes, int n) {
    double p = (double) successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {centre - half, centre + half};
  }

  private static void assertRate(JsonNode row, String outcome, int successes, int of) {
    assertThat(row.get("outcome").asText()).isEqualTo(outcome);
    assertThat(row.get("clients").asInt()).as(outcome).isEqualTo(successes);
    assertThat(row.get("of").asInt()).as(outcome).isEqualTo(of);
    assertThat(row.get("rate").asDouble())
        .as(outcome)
        .isCloseTo((double) successes / of, within(1e-12));
    double[] interval = wilson(successes, of);
    assertThat(row.get("ci_lower").asDouble())
        .as(outcome + " lower")
        .isCloseTo(Math.max(0, interval[0]), within(1e-9));
    assertThat(row.get("ci_upper").asDouble())
        .as(outcome + " upper")
        .isCloseTo(Math.min(1, interval[1]), within(1e-9));
  }

  @Test
  void givesRatesWithTheirDenominatorsAndWilsonIntervals() throws IOException {
    Expected expected = expected(new ArrayList<>(phq9Clients().values()));

    Cli.Run run = run("cohort", simulated.toString(), "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    JsonNode rates = document.get("rates");
    assertThat(rates).hasSize(3);
    assertRate(rates.get(0), "reliably improved", expected.improved(), expected.clients());
    assertRate(rates.get(1), "reliably deteriorated", expected.deteriorated(), expected.clients());
    assertRate(
        rates.get(2),
        "recovered (of those clinical at intake)",
        expected.recovered(),
        expected.clinical());
    assertThat(expected.clinical())
        .as("the recovery denominator is only those clinical at intake")
        .isLessThan(expected.clients());

    JsonNode summary = document.get("summary");
    assertThat(summary.get("clients").asInt()).isEqualTo(expected.clients());
    assertThat(summary.get("measure").asText()).isEqualTo("phq-9");
    JsonNode effect = summary.get("pre-post effect size");
    assertThat(effect.get("n").asInt()).isEqualTo(expected.clients());
    assertThat(effect.get("d").asDouble())
        .isPositive()
        .isBetween(effect.get("ci_lower").asDouble(), effect.get("ci_upper").asDouble());
  }

  // Regression (issue 12): on the same file "change" counted 0 recovered (PHQ-9: it needed norms,
  // which PHQ-9 has none of) where "cohort" counted 93 of 273 (the published cutoff). Both now
  // judge
  // by one named definition and print its name.
  @Test
  void changeCountsTheSameRecoveredClientsAsCohortAndNamesTheSameDefinition() throws IOException {
    Expected expected = expected(new ArrayList<>(phq9Clients().values()));

    JsonNode cohort = JSON.readTree(run("cohort", simulated.toString(), "--format", "json").out());
    JsonNode change = JSON.readTree(run("change", simulated.toString(), "--format", "json").out());

    JsonNode categories = change.get("summary").get("categories");
    assertThat(categories.get("recovered").asInt())
        .isEqualTo(cohort.get("rates").get(2).get("clients").asInt())
        .isEqualTo(expected.recovered())
        .isPositive();
    assertThat(categories.get("recovered").asInt() + categories.get("improved").asInt())
        .isEqualTo(expected.improved());
    assertThat(categories.get("deteriorated").asInt() + categories.get("harmed").asInt())
        .isEqualTo(expected.deteriorated());
    assertThat(change.get("summary").get("definition").asText())
        .isEqualTo(cohort.get("summary").get("definition").asText())
        .isEqualTo("Jacobson-Truax with the published cutoff");
    assertThat(change.get("summary").get("definition source").asText())
        .isEqualTo(cohort.get("summary").get("definition source").asText());
  }

  @Test
  void changeAndCohortAgreeOnTheOrsToo() throws IOException {
    Path ors = dir.resolve("ors.csv");
    assertThat(
            run(
                    "simulate",
                    "--outcome",
                    "ors",
                    "--clients",
                    "120",
                    "--seed",
                    "42",
                    "--out",
                    "" + ors)
                .exit())
        .isZero();
    // The ORS rule worked out here from the answers: clinical at 25 or less, reliable change 5.
    Map<String, TreeMap<Integer, Double>> totals = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(ors);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells[4].equals("ors")) {
        double total = 0;
        for (int i = 5; i < 9; i++) {
          total += Double.parseDouble(cells[i]);
        }
        totals
            .computeIfAbsent(cells[0], c -> new TreeMap<>())
            .put(Integer.parseInt(cells[1]), total);
      }
    }
    int recovered = 0;
    int clinical = 0;
    for (TreeMap<Integer, Double> client : totals.values()) {
      if (client.size() < 2) {
        continue;
      }
      double first = client.firstEntry().getValue();
      double last = client.lastEntry().getValue();
      if (first <= 25) {
        clinical++;
        recovered += last - first >= 5 - 1e-9 && last > 25 ? 1 : 0;
      }
    }

    JsonNode cohort = JSON.readTree(run("cohort", ors.toString(), "--format", "json").out());
    JsonNode change = JSON.readTree(run("change", ors.toString(), "--format", "json").out());

    JsonNode recoveredRow = cohort.get("rates").get(2);
    assertThat(recoveredRow.get("clients").asInt()).isEqualTo(recovered).isPositive();
    assertThat(recoveredRow.get("of").asInt()).isEqualTo(clinical);
    assertThat(change.get("summary").get("categories").get("recovered").asInt())
        .isEqualTo(recovered);
    assertThat(change.get("summary").get("definition source").asText()).contains("total <= 25");
  }

  @Test
  void normsAreADefinitionBothCommandsTakeAndName() throws IOException {
    // CORE-10 has published norms: cutoff c lies between the clinical and general populations.
    StringBuilder csv =
        new StringBuilder("client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n");
    int[][] totals = {{30, 10}, {30, 20}, {20, 10}, {30, 30}, {10, 20}, {20, 0}, {16, 10}};
    for (int c = 0; c < totals.length; c++) {
      for (int session = 0; session < 2; session++) {
        int total = totals[c][session];
        csv.append("c").append(c).append(',').append(session + 1).append(",core-10");
        for (int i = 1; i <= 10; i++) {
          int item = total / 10 + (i <= total % 10 ? 1 : 0);
          // Items 2 and 3 are reversed (4 - x): write them so that they score as the others.
          csv.append(',').append(i == 2 || i == 3 ? 4 - item : item);
        }
        csv.append('\n');
      }
    }
    Path file = write(dir, "core10.csv", csv.toString());

    JsonNode cohort =
        JSON.readTree(
            run("cohort", file.toString(), "--definition", "norms", "--format", "json").out());
    JsonNode change =
        JSON.readTree(
            run("change", file.toString(), "--definition", "norms", "--format", "json").out());

    assertThat(change.get("summary").get("cutoff").get("type").asText()).isEqualTo("c");
    assertThat(cohort.get("summary").get("definition").asText())
        .isEqualTo(change.get("summary").get("definition").asText())
        .isEqualTo("Jacobson-Truax with a cutoff from published norms");
    int recovered = change.get("summary").get("categories").get("recovered").asInt();
    assertThat(cohort.get("rates").get(2).get("clients").asInt()).isEqualTo(recovered);
    // By the norms (reliability .90, clinical SD 7.7) a change needs about 6.75 points and cutoff c
    // is about 10.5: 30 -> 10, 20 -> 10 and 20 -> 0 recover; 16 -> 10 is no reliable change.
    assertThat(recovered).isEqualTo(3);
    // By the published values (6 points, clinical at 11 or more) 16 -> 10 recovers too.
    JsonNode published =
        JSON.readTree(run("change", file.toString(), "--format", "json").out()).get("summary");
    assertThat(published.get("categories").get("recovered").asInt()).isEqualTo(4);
    assertThat(published.get("definition").asText())
        .isEqualTo("Jacobson-Truax with the published cutoff");
  }

  @Test
  void aDefinitionThatDoesNotFitIsAUsageError() {
    Cli.Run norms = run("cohort", simulated.toString(), "--definition", "norms");
    assertThat(norms.exit()).as(norms.toString()).isEqualTo(2);
    assertThat(norms.err()).contains("phq-9 has no published norms");

    Cli.Run sample = run("cohort", simulated.toString(), "--definition", "sample");
    assertThat(sample.exit()).isEqualTo(2);
    assertThat(sample.err()).contains("--definition sample needs --reliability");

    Cli.Run unknown = run("cohort", simulated.toString(), "--definition", "nhs-talking-therapies");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--definition must be one of published, norms, sample");
  }

  @Test
  void printsTheRatesAsATable() throws IOException {
    Expected expected = expected(new ArrayList<>(phq9Clients().values()));

    Cli.Run run = run("cohort", simulated.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split(" +"))
        .containsExactly("outcome", "clients", "of", "rate", "ci_lower", "ci_upper");
    assertThat(lines.get(1)).startsWith("reliably improved ");
    assertThat(lines.get(1).split(" +"))
        .contains(Integer.toString(expected.improved()), Integer.toString(expected.clients()));
    assertThat(run.out())
        .contains("clients: " + expected.clients() + NL)
        .contains("measure: phq-9" + NL);
  }

  @Test
  void comparesCliniciansOneRowEachWithAWarningBelowTheMinimum() throws IOException {
    Map<String, Client> clients = phq9Clients();
    Map<String, List<Client>> byClinician =
        clients.values().stream()
            .collect(Collectors.groupingBy(Client::clinician, TreeMap::new, Collectors.toList()));
    int minCases = 20;

    Cli.Run run =
        run(
            "cohort",
            simulated.toString(),
            "--by",
            "clinician",
            "--min-cases",
            Integer.toString(minCases),
            "--format",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    JsonNode rows = document.get("clinicians");
    List<String> names = new ArrayList<>();
    rows.forEach(row -> names.add(row.get("clinician").asText()));
    assertThat(names).containsExactlyInAnyOrderElementsOf(byClinician.keySet());
    assertThat(byClinician).hasSize(10);
    int withWarning = 0;
    for (JsonNode row : rows) {
      String clinician = row.get("clinician").asText();
      Expected expected = expected(byClinician.get(clinician));
      assertThat(row.get("clients").asInt()).as(clinician).isEqualTo(expected.clients());
      assertThat(row.get("improved").asText())
          .as(clinician)
          .isEqualTo(expected.improved() + "/" + expected.clients());
      assertThat(row.get("deteriorated").asText())
          .as(clinician)
          .isEqualTo(expected.deteriorated() + "/" + expected.clients());
      assertThat(row.get("recovered").asText())
          .as(clinician)
          .isEqualTo(expected.recovered() + "/" + expected.clinical());
      double[] interval = wilson(expected.improved(), expected.clients());
      assertThat(row.get("improved_ci").asText())
          .as(clinician)
          .isEqualTo(
              String.format(
                  java.util.Locale.ROOT,
                  "%.3f-%.3f",
                  Math.max(0, interval[0]),
                  Math.min(1, interval[1])));
      if (expected.clients() < minCases) {
        withWarning++;
        assertThat(row.get("warning").asText())
            .as(clinician)
            .contains(clinician)
            .contains("fewer than the minimum of " + minCases);
      } else {
        assertThat(row.get("warning").isNull()).as(clinician + ": " + row).isTrue();
      }
    }
    assertThat(withWarning)
        .as("the simulated file has clinicians on both sides of the minimum")
        .isBetween(1, 9);
    JsonNode summary = document.get("summary");
    assertThat(summary.get("minimum clients per clinician").asInt()).isEqualTo(minCases);
    assertThat(summary.get("clients").asInt())
        .isEqualTo(expected(new ArrayList<>(clients.values())).clients());
  }

  @Test
  void writesTheClinicianRowsAsCsv() {
    Cli.Run run = run("cohort", simulated.toString(), "--by", "clinician", "--format", "csv");

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "clinician,clients,improved,improved_rate,improved_ci,deteriorated,deteriorated_rate,"
                + "deteriorated_ci,recovered,recovered_rate,recovered_ci,effect_size,warning");
    assertThat(lines).hasSize(11);
    assertThat(run.err()).contains("minimum clients per clinician: 15" + NL);
  }

  @Test
  void estimatesTheLaggedAllianceEffectWhenTheFileHasSrsAndPhq9() throws IOException {
    Cli.Run run = run("cohort", simulated.toString(), "--format", "json");

    JsonNode lagged = JSON.readTree(run.out()).get("summary").get(LAGGED);
    assertThat(lagged).as(run.out()).isNotNull();
    assertThat(lagged.get("alliance").asText()).isEqualTo("srs");
    assertThat(lagged.get("session pairs").asInt()).isPositive();
    assertThat(lagged.get("clients").asInt()).isPositive().isLessThanOrEqualTo(200);
    double estimate = lagged.get("effect per alliance point").asDouble();
    assertThat(estimate)
        .isBetween(lagged.get("ci_lower").asDouble(), lagged.get("ci_upper").asDouble());
    assertThat(lagged.get("SE").asDouble()).isPositive();
  }

  @Test
  void hasNoLaggedAllianceEffectWithoutAnAllianceMeasure() throws IOException {
    List<String> lines = Files.readAllLines(simulated);
    List<String> phq9Only = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1).filter(line -> line.contains(",phq-9,")).forEach(phq9Only::add);
    Path file = Files.write(dir.resolve("phq9-only.csv"), phq9Only);

    Cli.Run run = run("cohort", file.toString(), "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode summary = JSON.readTree(run.out()).get("summary");
    assertThat(summary.has(LAGGED)).isFalse();
    assertThat(summary.get("clients").asInt())
        .isEqualTo(expected(new ArrayList<>(phq9Clients().values())).clients());
  }

  @Test
  void byTakesOnlyClinician() {
    Cli.Run run = run("cohort", simulated.toString(), "--by", "therapist");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--by takes clinician");
  }

  @Test
  void aScoreColumnWithoutPublishedValuesNeedsAReliability() {
    String file = GainsCommandTest.example("sgdata-long.csv").toString();

    Cli.Run without = run("cohort", file, "--score", "bdi", "--lower-is-better");
    Cli.Run with =
        run(
            "cohort",
            file,
            "--score",
            "bdi",
            "--lower-is-better",
            "--reliability",
            "0.8",
            "--format",
            "csv");

    assertThat(without.exit()).as(without.toString()).isEqualTo(2);
    assertThat(without.err()).contains("--reliability");
    assertThat(with.exit()).as(with.toString()).isZero();
    assertThat(with.out().lines()).hasSize(4);
    assertThat(with.err()).contains("clients: 43" + NL);
  }

  @Test
  void aFileWithoutTwoScoresForAnyClientExits1() throws IOException {
    Path file =
        write(
            dir,
            "single.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "a,1,1,1,1,1,1,1,1,1,0\nb,1,2,2,2,2,2,2,2,2,0\n");

    Cli.Run run = run("cohort", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("no client has two or more outcome scores");
  }

  // Regression (was a bug): as in change, an out-of-range --reliability is not checked: "cohort
  // FILE --reliability 1.5" ends with
  // "alliance: internal error: java.lang.IllegalArgumentException: reliability must lie in (0, 1)"
  // and exit 3.
  // Expected: a usage error, exit 2.
  @Test
  void aReliabilityOutsideZeroToOneIsAUsageError() {
    Cli.Run run =
        run(
            "cohort",
            GainsCommandTest.example("sgdata-long.csv").toString(),
            "--score",
            "bdi",
            "--lower-is-better",
            "--reliability",
            "1.5");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("internal error");
  }

  @Test
  void aClientWhoseRowsAreNotTogetherIsRejectedNamingTheLine() throws IOException {
    Path file =
        write(
            dir,
            "unsorted.csv",
            "client,session,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "a,1,1,1,1,1,1,1,1,1,0\nb,1,2,2,2,2,2,2,2,2,0\na,2,0,0,0,0,0,0,0,0,0\n");

    Cli.Run run = run("cohort", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + " line 4")
        .contains("sort the file by client")
        .doesNotContain("\tat ");
  }
}
