package org.alliance.io.json;

import java.util.List;
import java.util.Map;
import org.alliance.core.instrument.Band;
import org.alliance.core.scoring.Score;

/**
 * The score of one administration as JSON, the same wherever it is written (the API, the CLI's JSON
 * lines). Numbers are written as Jackson writes doubles ({@code 13.0}); absent values are null.
 *
 * @param total null when the administration could not be scored
 * @param mean the mean item score, null without a total
 * @param subscales subscale scores by id, in the instrument's order; empty without a total
 * @param band the label of the total's severity band, null without bands or a total
 * @param clinical whether the total is on the clinical side of the cutoff, null without a cutoff or
 *     a total
 * @param flags ids of risk items answered above their minimum, even in an invalid administration
 * @param missing ids of the items with no answer
 */
public record ScoreJson(
    String instrument,
    Double total,
    Double mean,
    Map<String, Double> subscales,
    String band,
    Boolean clinical,
    List<String> flags,
    boolean prorated,
    List<String> missing,
    boolean valid,
    List<ProblemJson> problems) {

  public static ScoreJson of(Score score) {
    return new ScoreJson(
        score.instrumentId(),
        AllianceJson.number(score.total()),
        AllianceJson.number(score.mean()),
        score.subscales(),
        score.band().map(Band::label).orElse(null),
        score.clinical().orElse(null),
        score.flags(),
        score.prorated(),
        score.missing(),
        score.valid(),
        score.problems().stream().map(ProblemJson::of).toList());
  }

  /** An administration with no score: what was found about it, and why it has no score. */
  public static ScoreJson unscored(
      String instrument, List<String> flags, List<String> missing, List<ProblemJson> problems) {
    return new ScoreJson(
        instrument, null, null, Map.of(), null, null, flags, false, missing, false, problems);
  }
}
