package org.alliance.cli;

import java.util.List;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alliance instruments}: lists the catalog. */
@Command(
    name = "instruments",
    mixinStandardHelpOptions = true,
    description = "List the questionnaires the toolkit can score.",
    subcommands = ShowInstrumentCommand.class)
final class InstrumentsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    TextTable table = new TextTable(List.of("id", "title", "measures", "items", "licence"));
    for (Instrument instrument : Catalog.builtIn().instruments()) {
      table.add(List.of(
          instrument.id(),
          instrument.title().en(),
          Labels.lower(instrument.construct()),
          String.valueOf(instrument.items().size()),
          Labels.licence(instrument.licence())));
    }
    table.print(spec.commandLine().getOut());
    spec.commandLine().getOut().println();
    spec.commandLine().getOut().println("Details of one instrument: alliance instruments show ID");
  }
}
