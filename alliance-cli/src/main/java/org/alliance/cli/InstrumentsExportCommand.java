package org.alliance.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Instrument;
import org.alliance.io.instrument.InstrumentJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code alliance instruments export ID}: prints an instrument's JSON definition, a starting point
 * for one's own.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON definition of an instrument, with every field written out.",
      "Start your own definition from one: alliance instruments export srs > srs.json"
    })
final class InstrumentsExportCommand implements Callable<Integer> {
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
    Optional<Instrument> instrument =
        InstrumentDefinitions.instrument(definitions(), id, spec.commandLine());
    if (instrument.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    spec.commandLine().getOut().print(InstrumentJson.write(instrument.get()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
