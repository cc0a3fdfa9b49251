package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WordingCheckTest {
  private final Instrument srs = Catalog.builtIn().get("srs");

  private Instrument withItems(List<Item> items) {
    return new Instrument(
        srs.id(),
        srs.version(),
        LocalizedText.of("Session Rating Scale, our licensed wording"),
        srs.respondent(),
        srs.construct(),
        Optional.of(LocalizedText.of("Please rate today's session.")),
        items,
        srs.subscales(),
        srs.scoringRule(),
        srs.maxMissing(),
        srs.direction(),
        srs.cutoffs(),
        srs.bands(),
        srs.reliableChange(),
        srs.norms(),
        srs.licence(),
        srs.loincPanel(),
        srs.loincTotal(),
        srs.notes());
  }

  @Test
  void newWordsForEveryItemChangeNoScore() {
    List<Item> worded = new ArrayList<>();
    for (Item item : srs.items()) {
      worded.add(
          new Item(
              item.number(),
              item.id(),
              LocalizedText.of(item.label().en() + " (ours)"),
              Optional.of(LocalizedText.of("The licensed wording of item " + item.number())),
              item.scale(),
              item.reversed(),
              item.critical(),
              item.loinc()));
    }
    assertThat(WordingCheck.scoringDifferences(srs, withItems(worded))).isEmpty();
  }

  @Test
  void aReversedItemOrAMissingItemIsNoLongerWordingAlone() {
    List<Item> reversed = new ArrayList<>(srs.items());
    Item second = reversed.get(1);
    reversed.set(
        1,
        new Item(
            second.number(),
            second.id(),
            second.label(),
            second.text(),
            second.scale(),
            !second.reversed(),
            second.critical(),
            second.loinc()));
    assertThat(WordingCheck.scoringDifferences(srs, withItems(reversed)))
        .containsExactly("item 2's reversal");
    assertThat(WordingCheck.scoringDifferences(srs, withItems(srs.items().subList(0, 3))))
        .containsExactly("the number of items (3 where the built-in has 4)");
  }
}
