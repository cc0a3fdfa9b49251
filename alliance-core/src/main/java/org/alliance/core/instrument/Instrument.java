package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A questionnaire and everything needed to score and interpret it: items, subscales, scoring and
 * missing-item rules, direction, cutoffs, severity bands, reliable change, norms, licence and
 * codes.
 *
 * @param id stable identifier such as {@code phq-9}
 * @param instructions the stem shown above the items, where the licence allows shipping it
 * @param maxMissing how many items may be missing before the total has no score; above 0 the total
 *     is prorated
 * @param cutoffs clinical cutoffs; the first is the default one used for the clinical flag
 * @param bands severity bands in ascending order, possibly none
 * @param reliableChange the published reliable-change threshold in total-score points, if any
 * @param norms published clinical and functional norms, if any
 * @param notes caveats a user should know, such as values only one source gave
 */
public record Instrument(
    String id,
    String version,
    LocalizedText title,
    Respondent respondent,
    Construct construct,
    Optional<LocalizedText> instructions,
    List<Item> items,
    List<Subscale> subscales,
    ScoringRule scoringRule,
    int maxMissing,
    Direction direction,
    List<Cutoff> cutoffs,
    List<Band> bands,
    OptionalDouble reliableChange,
    Optional<Norms> norms,
    Licence licence,
    Optional<String> loincPanel,
    Optional<String> loincTotal,
    List<String> notes) {

  public Instrument {
    checkArgument(
        id != null && Ids.isValid(id),
        "instrument id '%s' must be lower-case letters, digits, '_' or '-'",
        id);
    checkArgument(version != null && !version.isBlank(), "instrument %s needs a version", id);
    requireNonNull(title, "title");
    requireNonNull(respondent, "respondent");
    requireNonNull(construct, "construct");
    requireNonNull(instructions, "instructions");
    requireNonNull(scoringRule, "scoringRule");
    requireNonNull(direction, "direction");
    requireNonNull(reliableChange, "reliableChange");
    requireNonNull(norms, "norms");
    requireNonNull(licence, "licence");
    requireNonNull(loincPanel, "loincPanel");
    requireNonNull(loincTotal, "loincTotal");
    items = ImmutableList.copyOf(items);
    subscales = ImmutableList.copyOf(subscales);
    cutoffs = ImmutableList.copyOf(cutoffs);
    bands = ImmutableList.copyOf(bands);
    notes = ImmutableList.copyOf(notes);

    checkArgument(!items.isEmpty(), "instrument %s has no items", id);
    Set<String> itemIds = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      checkArgument(
          item.number() == i + 1,
          "%s: item %s is listed in position %s; number items 1..N in order",
          id,
          item.number(),
          i + 1);
      checkArgument(itemIds.add(item.id()), "%s: item id %s is used twice", id, item.id());
    }
    checkArgument(
        maxMissing >= 0 && maxMissing < items.size(),
        "%s: maxMissing %s must lie in 0..%s",
        id,
        maxMissing,
        items.size() - 1);
    if (scoringRule == ScoringRule.COUNT_YES) {
      checkArgument(maxMissing == 0, "%s: a count of yes answers cannot be prorated", id);
      checkArgument(
          items.stream().allMatch(item -> item.scale() instanceof ResponseScale.YesNo),
          "%s: a count of yes answers needs yes/no items",
          id);
    }
    Set<String> subscaleIds = new HashSet<>();
    for (Subscale subscale : subscales) {
      checkArgument(
          subscaleIds.add(subscale.id()), "%s: subscale id %s is used twice", id, subscale.id());
      for (int number : subscale.items()) {
        checkArgument(
            number >= 1 && number <= items.size(),
            "%s: subscale %s names item %s, which does not exist",
            id,
            subscale.id(),
            number);
      }
    }
    for (int i = 1; i < bands.size(); i++) {
      checkArgument(
          bands.get(i - 1).from() < bands.get(i).from(),
          "%s: bands must be listed in ascending order",
          id);
    }
    Set<String> cutoffIds = new HashSet<>();
    for (Cutoff cutoff : cutoffs) {
      checkArgument(cutoffIds.add(cutoff.id()), "%s: cutoff id %s is used twice", id, cutoff.id());
    }
    reliableChange.ifPresent(
        rc -> checkArgument(rc > 0, "%s: reliable change must be positive", id));
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The item with this id. */
  public Optional<Item> item(String itemId) {
    for (Item item : items) {
      if (item.id().equals(itemId)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** The item with this number (from 1). */
  public Optional<Item> item(int number) {
    return number >= 1 && number <= items.size()
        ? Optional.of(items.get(number - 1))
        : Optional.empty();
  }

  /** The cutoff used for the clinical flag, if the instrument has one. */
  public Optional<Cutoff> clinicalCutoff() {
    return cutoffs.isEmpty() ? Optional.empty() : Optional.of(cutoffs.get(0));
  }

  /** The severity band a total falls in, if the instrument has bands. */
  public Optional<Band> band(double total) {
    Band found = null;
    for (Band band : bands) {
      if (total >= band.from()) {
        found = band;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The lowest possible total. */
  public double minTotal() {
    return bound(true, items);
  }

  /** The highest possible total. */
  public double maxTotal() {
    return bound(false, items);
  }

  /** The lowest possible score of a subscale. */
  public double minScore(Subscale subscale) {
    return bound(true, itemsOf(subscale));
  }

  /** The highest possible score of a subscale. */
  public double maxScore(Subscale subscale) {
    return bound(false, itemsOf(subscale));
  }

  /** The items of a subscale, in its order. */
  public List<Item> itemsOf(Subscale subscale) {
    List<Item> result = new ArrayList<>(subscale.items().size());
    for (int number : subscale.items()) {
      result.add(items.get(number - 1));
    }
    return result;
  }

  private double bound(boolean lowest, List<Item> scored) {
    // Every item can independently reach its scale's minimum or maximum (reversal swaps them).
    double sum = 0;
    for (Item item : scored) {
      sum += lowest ? item.scale().min() : item.scale().max();
    }
    return scoringRule.apply(sum, scored.size(), scored.size());
  }

  /** Assembles an instrument step by step; {@link #build()} validates it. */
  public static final class Builder {
    private final String id;
    private String version = "1";
    private LocalizedText title;
    private Respondent respondent = Respondent.CLIENT;
    private Construct construct;
    private LocalizedText instructions;
    private final List<Item> items = new ArrayList<>();
    private final List<Subscale> subscales = new ArrayList<>();
    private ScoringRule scoringRule = ScoringRule.SUM;
    private int maxMissing;
    private Direction direction;
    private final List<Cutoff> cutoffs = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private Double reliableChange;
    private Norms norms;
    private Licence licence;
    private String loincPanel;
    private String loincTotal;
    private final List<String> notes = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder title(String english) {
      this.title = LocalizedText.of(english);
      return this;
    }

    /** A title with its translations. */
    public Builder title(LocalizedText title) {
      this.title = title;
      return this;
    }

    public Builder respondent(Respondent respondent) {
      this.respondent = respondent;
      return this;
    }

    public Builder measures(Construct construct) {
      this.construct = construct;
      return this;
    }

    public Builder instructions(String english) {
      this.instructions = LocalizedText.of(english);
      return this;
    }

    /** Instructions with their translations. */
    public Builder instructions(LocalizedText instructions) {
      this.instructions = instructions;
      return this;
    }

    public Builder item(Item item) {
      items.add(item);
      return this;
    }

    public Builder subscale(
        String subscaleId, String label, int maxMissing, Integer... itemNumbers) {
      subscales.add(
          new Subscale(subscaleId, LocalizedText.of(label), List.of(itemNumbers), maxMissing));
      return this;
    }

    public Builder scoring(ScoringRule rule) {
      this.scoringRule = rule;
      return this;
    }

    /** Allow up to {@code n} missing items, prorating the total. */
    public Builder maxMissing(int n) {
      this.maxMissing = n;
      return this;
    }

    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    public Builder cutoff(Cutoff cutoff) {
      cutoffs.add(cutoff);
      return this;
    }

    public Builder band(String label, double from) {
      bands.add(new Band(label, from));
      return this;
    }

    public Builder reliableChange(double points) {
      this.reliableChange = points;
      return this;
    }

    public Builder norms(Norms norms) {
      this.norms = norms;
      return this;
    }

    public Builder licence(Licence licence) {
      this.licence = licence;
      return this;
    }

    public Builder loinc(String panel, String total) {
      this.loincPanel = panel;
      this.loincTotal = total;
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public Instrument build() {
      return new Instrument(
          id,
          version,
          title,
          respondent,
          construct,
          Optional.ofNullable(instructions),
          items,
          subscales,
          scoringRule,
          maxMissing,
          direction,
          cutoffs,
          bands,
          reliableChange == null ? OptionalDouble.empty() : OptionalDouble.of(reliableChange),
          Optional.ofNullable(norms),
          licence,
          Optional.ofNullable(loincPanel),
          Optional.ofNullable(loincTotal),
          notes);
    }
  }
}
