package org.alliance.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alliance instruments}: lists the catalog. */
@Command(
    name = "instruments",
    mixinStandardHelpOptions = true,
    description = "List the questionnaires the toolkit can score.",
    subcommands = {
      ShowInstrumentCommand.class,
      InstrumentsCheckCommand.class,
      InstrumentsExportCommand.class
    })
final class InstrumentsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--instruments",
      paramLabel = "DIR_OR_FILE",
      description = InstrumentDefinitions.OPTION_DESCRIPTION)
  Path instruments;

  @Override
  public Integer call() {
    Optional<Catalog> catalog =
        InstrumentDefinitions.catalog(instruments, spec.commandLine().getErr());
    if (catalog.isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    TextTable table = new TextTable(List.of("id", "title", "measures", "items", "licence"));
    for (Instrument instrument : catalog.get().instruments()) {
      table.add(
          List.of(
              instrument.id(),
              instrument.title().en(),
              Labels.lower(instrument.construct()),
              String.valueOf(instrument.items().size()),
              Labels.licence(instrument.licence())));
    }
    table.print(spec.commandLine().getOut());
    spec.commandLine().getOut().println();
    spec.commandLine().getOut().println("Details of one instrument: alliance instruments show ID");
    spec.commandLine()
        .getOut()
        .println(
            "Your own instruments: alliance instruments export ID > mine.json, edit, "
                + "then alliance instruments check mine.json");
    return ExitCode.OK;
  }
}
