package org.alliance.io.json;

import static org.alliance.io.json.JsonFixtures.json;
import static org.alliance.io.json.JsonFixtures.names;
import static org.alliance.io.json.JsonFixtures.phq9;
import static org.alliance.io.json.JsonFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.alliance.core.scoring.Problem;
import org.alliance.core.scoring.Score;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;
import org.junit.jupiter.api.Test;

class ScoreJsonTest {

  @Test
  void writesEveryFieldOfAScoreInOrder() throws Exception {
    assertThat(names(tree(ScoreJson.of(phq9(1, 1, 1, 1, 1, 1, 1, 1, 1)))))
        .containsExactly(
            "instrument",
            "total",
            "mean",
            "subscales",
            "band",
            "clinical",
            "flags",
            "prorated",
            "missing",
            "valid",
            "problems");
  }

  @Test
  void aTotalAtTheCutoffIsClinical() throws Exception {
    // The PHQ-9 cutoff is total >= 10, and 10 is also where the "moderate" band starts.
    Score atCutoff = phq9(2, 2, 2, 1, 1, 1, 1, 0, 0);

    assertThat(json(ScoreJson.of(atCutoff)))
        .isEqualTo(
            "{\"instrument\":\"phq-9\",\"total\":10.0,\"mean\":"
                + 10 / 9.0
                + ",\"subscales\":{},\"band\":\"moderate\",\"clinical\":true,\"flags\":[],\"prorated\":false,"
                + "\"missing\":[],\"valid\":true,\"problems\":[]}");
  }

  @Test
  void aTotalJustBelowTheCutoffIsNotClinicalAndARiskAnswerIsFlagged() throws Exception {
    Score below = phq9(1, 1, 1, 1, 1, 1, 1, 1, 1);

    assertThat(json(ScoreJson.of(below)))
        .isEqualTo(
            "{\"instrument\":\"phq-9\",\"total\":9.0,\"mean\":1.0,"
                + "\"subscales\":{},\"band\":\"mild\",\"clinical\":false,\"flags\":[\"phq9_9\"],\"prorated\":false,"
                + "\"missing\":[],\"valid\":true,\"problems\":[]}");
  }

  @Test
  void anAdministrationWithoutAScoreHasNullsAndItsProblems() throws Exception {
    Score missing = phq9(1, 1, 1, 1, 1, 1, 1, null, 1);
    String message = missing.problems().get(0).message();

    assertThat(json(ScoreJson.of(missing)))
        .isEqualTo(
            "{\"instrument\":\"phq-9\",\"total\":null,\"mean\":null,"
                + "\"subscales\":{},\"band\":null,\"clinical\":null,\"flags\":[\"phq9_9\"],\"prorated\":false,"
                + "\"missing\":[\"phq9_8\"],\"valid\":false,\"problems\":[{\"kind\":\"too-many-missing\",\"item\":null,"
                + "\"message\":\""
                + message
                + "\"}]}");
  }

  @Test
  void anUnscoredAdministrationHasEveryFieldToo() throws Exception {
    ScoreJson unscored =
        ScoreJson.unscored(
            "gad-7",
            List.of(),
            List.of("gad7_1"),
            List.of(
                new ProblemJson("unreadable-row", null, "client: the client reference is empty")));

    assertThat(json(unscored))
        .isEqualTo(
            "{\"instrument\":\"gad-7\",\"total\":null,\"mean\":null,\"subscales\":{},"
                + "\"band\":null,\"clinical\":null,\"flags\":[],\"prorated\":false,\"missing\":[\"gad7_1\"],\"valid\":false,"
                + "\"problems\":[{\"kind\":\"unreadable-row\",\"item\":null,\"message\":\"client: the client reference is empty\"}]}");
  }

  @Test
  void namesAProblemsKindInLowerCaseWithDashesAndItsItem() throws Exception {
    Problem problem =
        new Problem(
            Problem.Kind.OUT_OF_RANGE, Optional.of("phq9_3"), "item phq9_3: expected 0-3, found 7");

    assertThat(json(ProblemJson.of(problem)))
        .isEqualTo(
            "{\"kind\":\"out-of-range\",\"item\":\"phq9_3\",\"message\":\"item phq9_3: expected 0-3, found 7\"}");
  }

  @Test
  void aReadersProblemIsAnUnreadableRowNamingItsColumn() throws Exception {
    InputProblem problem =
        new InputProblem(
            SourceLocation.cell("a.csv", 5, 2, "session"), "expected a session number");

    assertThat(json(ProblemJson.of(problem)))
        .isEqualTo(
            "{\"kind\":\"unreadable-row\",\"item\":null,\"message\":\"session: expected a session number\"}");
  }
}
