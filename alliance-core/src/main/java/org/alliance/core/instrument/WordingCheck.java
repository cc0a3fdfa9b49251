package org.alliance.core.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a definition changes only the words of a built-in instrument (its title, instructions,
 * item labels and texts, licence and notes), so that a clinic's licensed wording can take the
 * built-in's place without changing a single score: everything that scores, judges or labels data
 * must stay the built-in's. Translations are words: a wording may add them to the answer labels
 * too.
 */
public final class WordingCheck {
  private WordingCheck() {}

  /** What the candidate changes beyond words, in plain sentences; empty when it changes none. */
  public static List<String> scoringDifferences(Instrument builtIn, Instrument candidate) {
    List<String> differences = new ArrayList<>();
    same(differences, "the construct", builtIn.construct(), candidate.construct());
    same(differences, "the respondent", builtIn.respondent(), candidate.respondent());
    same(differences, "the scoring rule", builtIn.scoringRule(), candidate.scoringRule());
    same(differences, "the missing-item rule", builtIn.maxMissing(), candidate.maxMissing());
    same(differences, "the direction", builtIn.direction(), candidate.direction());
    same(differences, "the cutoffs", builtIn.cutoffs(), candidate.cutoffs());
    same(differences, "the bands", builtIn.bands(), candidate.bands());
    same(differences, "the reliable change", builtIn.reliableChange(), candidate.reliableChange());
    same(differences, "the norms", builtIn.norms(), candidate.norms());
    same(
        differences, "the subscales", scoring(builtIn.subscales()), scoring(candidate.subscales()));
    if (builtIn.items().size() != candidate.items().size()) {
      differences.add(
          "the number of items ("
              + candidate.items().size()
              + " where the built-in has "
              + builtIn.items().size()
              + ")");
      return differences;
    }
    for (int i = 0; i < builtIn.items().size(); i++) {
      Item original = builtIn.items().get(i);
      Item item = candidate.items().get(i);
      String where = "item " + original.number();
      same(differences, where + "'s id", original.id(), item.id());
      same(
          differences,
          where + "'s response scale",
          original.scale().withoutTranslations(),
          item.scale().withoutTranslations());
      same(differences, where + "'s reversal", original.reversed(), item.reversed());
      same(differences, where + "'s risk flag", original.critical(), item.critical());
    }
    return differences;
  }

  /** A subscale's scoring without its label, which is words. */
  private static List<String> scoring(List<Subscale> subscales) {
    return subscales.stream()
        .map(subscale -> subscale.id() + subscale.items() + "/" + subscale.maxMissing())
        .toList();
  }

  private static void same(
      List<String> differences, String what, Object builtIn, Object candidate) {
    if (!Objects.equals(builtIn, candidate)) {
      differences.add(what);
    }
  }
}
