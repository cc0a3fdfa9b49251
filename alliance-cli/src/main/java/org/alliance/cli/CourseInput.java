package org.alliance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.CsvLayout;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.input.InputProblem;
import org.alliance.io.trend.EpisodeReader;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input of the analysis commands: a file of questionnaire answers (scored first), or a file
 * with a ready score column and the direction of that score. Each client's rows must be together.
 */
final class CourseInput {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "CSV file: answers (long or wide, as for score) or, with --score, one row per session (client, session, score). "
              + "Each client's rows must be together (trend takes them in any order).")
  Path file;

  @Option(
      names = "--instrument",
      paramLabel = "ID",
      description = "Instrument of answer rows without an instrument column.")
  String instrument;

  @Option(
      names = "--instruments",
      paramLabel = "DIR_OR_FILE",
      description = InstrumentDefinitions.OPTION_DESCRIPTION)
  Path instruments;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "wide or long answers (default: from the header).")
  CsvLayout layout;

  @Option(
      names = "--score",
      paramLabel = "COLUMN",
      description = "Read this ready score column instead of answers.")
  String scoreColumn;

  @ArgGroup(exclusive = true)
  ScoreDirection direction;

  @Option(
      names = "--client-column",
      paramLabel = "NAME",
      defaultValue = "client",
      description =
          "With --score: the column of client references (e.g. id). Default: ${DEFAULT-VALUE}.")
  String clientColumn;

  @Option(
      names = "--session-column",
      paramLabel = "NAME",
      defaultValue = "session",
      description =
          "With --score: the column of session numbers (e.g. time). Default: ${DEFAULT-VALUE}.")
  String sessionColumn;

  @Option(
      names = "--measure",
      paramLabel = "ID",
      description =
          "Which instrument to analyse when the file has several (default: the first of the right kind).")
  String measure;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = InputFiles.ENCODING_DESCRIPTION)
  Charset encoding = StandardCharsets.UTF_8;

  /** Set by commands that accept the rows of a client anywhere in the file. */
  boolean anyOrder;

  /** The same reading options for another file, such as a reference file. */
  CourseInput withFile(Path other) {
    CourseInput copy = new CourseInput();
    copy.file = other;
    copy.instrument = instrument;
    copy.instruments = instruments;
    copy.layout = layout;
    copy.scoreColumn = scoreColumn;
    copy.direction = direction;
    copy.clientColumn = clientColumn;
    copy.sessionColumn = sessionColumn;
    copy.measure = measure;
    copy.encoding = encoding;
    copy.anyOrder = anyOrder;
    return copy;
  }

  static final class ScoreDirection {
    @Option(
        names = "--lower-is-better",
        required = true,
        description = "Lower scores are better (PHQ-9, BDI); for a ready score column.")
    boolean lower;

    @Option(
        names = "--higher-is-better",
        required = true,
        description = "Higher scores are better (ORS, SRS); for a ready score column.")
    boolean higher;

    Direction direction() {
      return lower ? Direction.HIGHER_IS_WORSE : Direction.HIGHER_IS_BETTER;
    }
  }

  /**
   * The built-in instruments plus {@code --instruments}; empty after printing the problems of the
   * definitions.
   */
  Optional<Catalog> catalog(CommandLine commandLine) {
    return InstrumentDefinitions.catalog(instruments, commandLine.getErr());
  }

  /**
   * Opens the file as episodes.
   *
   * @param construct what a ready score column measures, for this command
   */
  EpisodeReader open(
      Catalog catalog,
      Construct construct,
      CommandLine commandLine,
      Consumer<InputProblem> problems)
      throws IOException {
    InputFiles.check(file, commandLine);
    if (scoreColumn != null && direction == null) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--score needs --lower-is-better or --higher-is-better, so that improvement has a direction");
    }
    if (scoreColumn == null && direction != null) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--lower-is-better and --higher-is-better go with --score; an instrument has its own direction");
    }
    if (instrument != null && !catalog.contains(instrument)) {
      throw new CommandLine.ParameterException(commandLine, catalog.unknown(instrument));
    }
    if (measure != null && !catalog.contains(measure)) {
      throw new CommandLine.ParameterException(commandLine, catalog.unknown(measure));
    }
    // These commands print their results at the end, so a bar never mixes with them.
    InputStream in = InputFiles.open(file, InputFiles.showsProgress(file));
    EpisodeReader reader =
        scoreColumn != null
            ? EpisodeReader.fromScoreColumn(
                InputFiles.name(file),
                in,
                encoding,
                scoreColumn,
                clientColumn,
                sessionColumn,
                direction.direction(),
                construct,
                problems)
            : EpisodeReader.fromAnswers(
                InputFiles.name(file), in, csvOptions(catalog), new Scorer(catalog), problems);
    InputFiles.noteInstrument(reader.inferredInstrument(), commandLine.getErr());
    return anyOrder ? reader.inAnyOrder() : reader;
  }

  /** How to read the answers: the options given, the encoding, and the instrument inferred. */
  CsvReadOptions csvOptions(Catalog catalog) {
    return new CsvReadOptions(catalog, Optional.ofNullable(instrument), Optional.ofNullable(layout))
        .withEncoding(encoding)
        .inferringInstrument();
  }
}
