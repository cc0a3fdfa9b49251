package org.alliance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Norms;
import org.alliance.core.instrument.Numbers;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.Subscale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code alliance instruments show ID}: one instrument in full. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show one instrument: items with their ids and scales, subscales, cutoffs, bands, reliable change and licence.")
final class ShowInstrumentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "ID",
      description = "The instrument id, e.g. phq-9 (see: alliance instruments).")
  String id;

  @CommandLine.Option(
      names = "--instruments",
      paramLabel = "DIR_OR_FILE",
      description = InstrumentDefinitions.OPTION_DESCRIPTION)
  Path instruments;

  // "alliance instruments --instruments X show ID" gives the option to the parent: accept it there
  // as well as after the subcommand.
  @CommandLine.ParentCommand InstrumentsCommand parent;

  private Path definitions() {
    return instruments != null ? instruments : parent == null ? null : parent.instruments;
  }

  @Override
  public Integer call() {
    Optional<Instrument> found =
        InstrumentDefinitions.instrument(definitions(), id, spec.commandLine());
    if (found.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    Instrument instrument = found.get();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        instrument.title().en()
            + " ("
            + instrument.id()
            + ", version "
            + instrument.version()
            + ")");
    field(
        out,
        "Measures",
        Labels.lower(instrument.construct())
            + ", answered by the "
            + Labels.lower(instrument.respondent()));
    field(
        out,
        "Direction",
        instrument.direction() == org.alliance.core.instrument.Direction.HIGHER_IS_BETTER
            ? "higher is better"
            : "higher is worse");
    field(out, "Score", scoring(instrument));
    field(
        out,
        "Range",
        Numbers.format(instrument.minTotal()) + "-" + Numbers.format(instrument.maxTotal()));
    field(
        out,
        "Missing items",
        instrument.maxMissing() == 0
            ? "none allowed: every item is needed for a total"
            : "up to " + instrument.maxMissing() + " (the total is prorated)");
    for (Cutoff cutoff : instrument.cutoffs()) {
      field(
          out,
          "Cutoff",
          cutoff.describe() + ": " + cutoff.label() + (cutoff.verified() ? "" : " (unverified)"));
    }
    if (!instrument.bands().isEmpty()) {
      field(out, "Bands", bands(instrument));
    }
    instrument
        .reliableChange()
        .ifPresent(rc -> field(out, "Reliable change", Numbers.format(rc) + " points"));
    instrument.norms().ifPresent(norms -> field(out, "Norms", norms(norms)));
    field(out, "Licence", licence(instrument.licence()));
    instrument
        .loincTotal()
        .ifPresent(
            code ->
                field(
                    out,
                    "LOINC",
                    "panel " + instrument.loincPanel().orElse("-") + ", total " + code));
    instrument.instructions().ifPresent(text -> field(out, "Instructions", text.en()));
    for (String note : instrument.notes()) {
      field(out, "Note", note);
    }

    out.println();
    out.println("Items (CSV columns q1..q" + instrument.items().size() + " or the item ids):");
    TextTable items = new TextTable(List.of("column", "id", "label", "scale", "keyed", "risk"));
    for (Item item : instrument.items()) {
      items.add(
          List.of(
              "q" + item.number(),
              item.id(),
              item.label().en(),
              scale(item.scale()),
              item.reversed() ? "reversed" : "",
              item.critical() ? "flag if > " + Numbers.format(item.scale().min()) : ""));
    }
    items.print(out);
    if (instrument.items().stream().anyMatch(item -> item.text().isPresent())) {
      out.println();
      out.println("Item text:");
      for (Item item : instrument.items()) {
        item.text().ifPresent(text -> out.println("  " + item.number() + ". " + text.en()));
      }
    }
    if (!instrument.subscales().isEmpty()) {
      out.println();
      out.println("Subscales:");
      TextTable subscales = new TextTable(List.of("id", "label", "items", "missing allowed"));
      for (Subscale subscale : instrument.subscales()) {
        subscales.add(
            List.of(
                subscale.id(),
                subscale.label().en(),
                subscale.items().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                String.valueOf(subscale.maxMissing())));
      }
      subscales.print(out);
    }
    out.flush();
    return ExitCode.OK;
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("  %-16s %s%n", name + ":", value);
  }

  private static String scoring(Instrument instrument) {
    return switch (instrument.scoringRule()) {
      case SUM -> "sum of item scores";
      case MEAN -> "mean of item scores";
      case MEAN_TIMES_10 -> "mean of item scores x 10 (clinical score)";
      case COUNT_YES -> "number of yes answers";
    };
  }

  private static String scale(ResponseScale scale) {
    if (scale instanceof ResponseScale.Likert likert && !likert.anchors().isEmpty()) {
      List<String> points = new ArrayList<>();
      for (int i = 0; i < likert.anchors().size(); i++) {
        points.add((likert.minValue() + i) + " " + likert.anchors().get(i));
      }
      return String.join(", ", points);
    }
    return scale.describe();
  }

  private static String bands(Instrument instrument) {
    List<Band> bands = instrument.bands();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      Band band = bands.get(i);
      String upper =
          i + 1 < bands.size()
              ? " to under " + Numbers.format(bands.get(i + 1).from())
              : " to " + Numbers.format(instrument.maxTotal());
      parts.add(band.label() + " " + Numbers.format(band.from()) + upper);
    }
    return String.join("; ", parts);
  }

  private static String norms(Norms norms) {
    return "clinical mean "
        + Numbers.format(norms.clinicalMean())
        + " (SD "
        + Numbers.format(norms.clinicalSd())
        + "), functional mean "
        + Numbers.format(norms.functionalMean())
        + " (SD "
        + Numbers.format(norms.functionalSd())
        + "), reliability "
        + Numbers.format(norms.reliability())
        + "; "
        + norms.source();
  }

  /** "public domain. Developed by ...", without saying "public domain: public domain". */
  private static String licence(org.alliance.core.instrument.Licence licence) {
    String kind = Labels.licence(licence);
    return (licence.holder().equalsIgnoreCase(kind) ? kind : kind + ": " + licence.holder())
        + ". "
        + licence.terms();
  }
}
