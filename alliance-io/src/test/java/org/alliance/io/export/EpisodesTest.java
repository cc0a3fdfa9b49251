package org.alliance.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;
import org.junit.jupiter.api.Test;

class EpisodesTest {
  private long line = 2;

  private ExportEntry entry(String instrument, int session, String date) {
    Administration administration =
        Administration.of(
            instrument,
            "c1",
            session,
            date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)),
            Map.of());
    return new ExportEntry(
        administration,
        Scorer.builtIn().score(administration),
        SourceLocation.line("in.csv", line),
        line++);
  }

  /** Each placed entry as {@code episode:instrument@session}. */
  private static List<String> placed(List<ExportEntry> entries, List<InputProblem> problems) {
    return Episodes.place(entries, problems).stream()
        .map(
            p ->
                p.episode()
                    + ":"
                    + p.entry().administration().instrumentId()
                    + "@"
                    + p.entry().administration().session())
        .toList();
  }

  @Test
  void sessionsStartingAgainOnALaterDateOpenASecondEpisodeWithTheIntakeBeforeIt() {
    List<ExportEntry> entries =
        List.of(
            entry("phq-9", 1, "2025-01-06"),
            entry("srs", 1, "2025-01-06"),
            entry("phq-9", 2, "2025-01-13"),
            entry("phq-9", 3, "2025-01-20"),
            // A year later: an intake, then session 1 again.
            entry("ors", 0, "2026-01-05"),
            entry("srs", 1, "2026-01-12"),
            entry("phq-9", 1, "2026-01-12"),
            entry("phq-9", 2, "2026-01-19"));
    List<InputProblem> problems = new ArrayList<>();

    assertThat(placed(entries, problems))
        .containsExactly(
            "1:phq-9@1",
            "1:srs@1",
            "1:phq-9@2",
            "1:phq-9@3",
            "2:ors@0",
            "2:srs@1",
            "2:phq-9@1",
            "2:phq-9@2");
    assertThat(problems).isEmpty();
  }

  @Test
  void aSessionOneWithAMistypedDateIsNotANewEpisode() {
    // Session 1's date is after session 2's: out of order, but nothing is given twice.
    List<ExportEntry> entries =
        List.of(
            entry("srs", 1, "2025-01-20"),
            entry("srs", 2, "2025-01-13"),
            entry("srs", 3, "2025-01-27"));
    List<InputProblem> problems = new ArrayList<>();

    assertThat(placed(entries, problems)).containsExactly("1:srs@1", "1:srs@2", "1:srs@3");
    assertThat(problems).isEmpty();
  }

  @Test
  void aLaterSessionGivenTwiceIsADuplicateNotAnEpisode() {
    List<ExportEntry> entries =
        List.of(
            entry("srs", 1, "2025-01-06"),
            entry("srs", 2, "2025-01-13"),
            entry("srs", 3, "2025-01-20"),
            entry("srs", 2, "2025-02-03"));
    List<InputProblem> problems = new ArrayList<>();

    assertThat(placed(entries, problems)).containsExactly("1:srs@1", "1:srs@2", "1:srs@3");
    assertThat(problems)
        .extracting(InputProblem::toString)
        .containsExactly(
            "in.csv line 5: not exported: client c1 has srs at session 2 twice in one episode (also at in.csv line 3)");
  }

  @Test
  void withoutDatesTheFileOrderDecidesAndTheSameDayIsADuplicate() {
    List<ExportEntry> undated =
        List.of(
            entry("srs", 1, null),
            entry("srs", 2, null),
            entry("srs", 1, null),
            entry("srs", 2, null));
    List<InputProblem> problems = new ArrayList<>();
    assertThat(placed(undated, problems))
        .containsExactly("1:srs@1", "1:srs@2", "2:srs@1", "2:srs@2");

    List<ExportEntry> sameDay =
        List.of(
            entry("srs", 1, "2025-01-06"),
            entry("srs", 2, "2025-01-13"),
            entry("srs", 1, "2025-01-13"));
    assertThat(placed(sameDay, problems)).containsExactly("1:srs@1", "1:srs@2");
    // On the same date as session 2, session 1 again is no restart: (2025-01-13, session 1) sorts
    // before session 2.
    assertThat(problems).hasSize(1);
  }

  @Test
  void aFileSortedByInstrumentIsOneEpisode() {
    List<ExportEntry> entries =
        List.of(
            entry("phq-9", 1, null),
            entry("phq-9", 2, null),
            entry("phq-9", 3, null),
            entry("srs", 1, null),
            entry("srs", 2, null),
            entry("srs", 3, null));
    List<InputProblem> problems = new ArrayList<>();

    assertThat(placed(entries, problems))
        .containsExactly("1:phq-9@1", "1:srs@1", "1:phq-9@2", "1:srs@2", "1:phq-9@3", "1:srs@3");
    assertThat(problems).isEmpty();
  }
}
