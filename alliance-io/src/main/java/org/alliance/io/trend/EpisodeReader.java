package org.alliance.io.trend;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.core.trend.Course;
import org.alliance.core.trend.Episode;
import org.alliance.core.trend.Measure;
import org.alliance.core.trend.Observation;
import org.alliance.core.trend.RiskFlag;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.csv.CsvReadOptions;
import org.alliance.io.csv.InstrumentInference;
import org.alliance.io.csv.ScoreColumnRows;
import org.alliance.io.input.InputFormatException;
import org.alliance.io.input.InputProblem;
import org.alliance.io.input.SourceLocation;
import org.alliance.io.score.ScoredRow;

/**
 * Reads a file into one episode per client: either questionnaire answers, scored first, giving a
 * course per instrument, or a ready score column giving one course. A client's rows must be
 * together (as in every export sorted by client), so a file of any size streams in memory bounded
 * by one client. Problems of single rows are passed to a consumer with their place; those rows are
 * left out.
 */
public final class EpisodeReader implements Iterator<EpisodeReader.ClientEpisode>, Closeable {

  /** One client's episode and the risk items they answered. */
  public record ClientEpisode(Episode episode, List<RiskFlag> riskFlags) {}

  /**
   * One usable score of one row; the observation is null for an invalid form that only carries risk
   * flags.
   */
  private record Entry(
      String client,
      String clinician,
      Measure measure,
      Observation observation,
      List<RiskFlag> flags,
      SourceLocation location) {}

  private interface Entries extends Closeable {
    /** The next usable entry, or null at the end; unusable rows go to the problem consumer. */
    Entry next();
  }

  /** Rows read and rows left out, counted by the entries as they read. */
  private static final class RowCount {
    long rows;
    long invalid;
  }

  private final Entries entries;
  private final RowCount count;
  private final Consumer<InputProblem> problems;
  private final Set<String> finishedClients = new HashSet<>();
  private Entry pending;
  private Iterator<List<Entry>> groups;
  private boolean grouped;
  private Optional<InstrumentInference> inferred = Optional.empty();
  private ClientEpisode next;

  private EpisodeReader(Entries entries, RowCount count, Consumer<InputProblem> problems) {
    this.entries = entries;
    this.count = count;
    this.problems = problems;
  }

  /** Episodes from questionnaire answers (wide or long), scored with the given scorer. */
  public static EpisodeReader fromAnswers(
      Path file, CsvReadOptions options, Scorer scorer, Consumer<InputProblem> problems)
      throws IOException {
    return fromAnswers(AdministrationCsvReader.open(file, options), scorer, problems);
  }

  /** Episodes from answers read from a stream; {@code name} is used in messages. */
  public static EpisodeReader fromAnswers(
      String name,
      InputStream in,
      CsvReadOptions options,
      Scorer scorer,
      Consumer<InputProblem> problems)
      throws IOException {
    return fromAnswers(AdministrationCsvReader.open(name, in, options), scorer, problems);
  }

  private static EpisodeReader fromAnswers(
      AdministrationCsvReader reader, Scorer scorer, Consumer<InputProblem> problems) {
    RowCount count = new RowCount();
    Entries entries =
        new Entries() {
          @Override
          public Entry next() {
            while (reader.hasNext()) {
              ScoredRow scored = ScoredRow.score(reader.next(), scorer);
              count.rows++;
              Optional<Score> score = scored.score();
              Optional<Administration> administration = scored.row().administration();
              if (!scored.valid()) {
                count.invalid++;
                scored.locatedProblems().forEach(problems);
                // An invalid form has no score, but a risk answer on it must still reach the
                // clinician.
                if (administration.isEmpty()
                    || score.isEmpty()
                    || score.get().flags().isEmpty()
                    || !scorer.catalog().contains(score.get().instrumentId())) {
                  continue;
                }
              }
              var instrument = scorer.catalog().get(score.get().instrumentId());
              return new Entry(
                  administration.get().client(),
                  scored.row().key().clinician(),
                  Measure.of(instrument),
                  scored.valid()
                      ? new Observation(
                          administration.get().session(),
                          administration.get().date(),
                          score.get().total().getAsDouble())
                      : null,
                  flags(administration.get(), score.get()),
                  scored.row().location());
            }
            return null;
          }

          @Override
          public void close() throws IOException {
            reader.close();
          }
        };
    EpisodeReader episodes = new EpisodeReader(entries, count, problems);
    episodes.inferred = reader.inferredInstrument();
    return episodes;
  }

  /**
   * Episodes from one ready score column; {@code construct} says whether it is an alliance or
   * outcome score.
   */
  public static EpisodeReader fromScoreColumn(
      Path file,
      String column,
      Direction direction,
      Construct construct,
      Consumer<InputProblem> problems)
      throws IOException {
    return fromScoreColumn(file, column, "client", "session", direction, construct, problems);
  }

  /** The same, for a file whose client and session columns have other names. */
  public static EpisodeReader fromScoreColumn(
      Path file,
      String column,
      String clientColumn,
      String sessionColumn,
      Direction direction,
      Construct construct,
      Consumer<InputProblem> problems)
      throws IOException {
    return fromScoreColumn(
        ScoreColumnRows.open(file, column, clientColumn, sessionColumn),
        column,
        direction,
        construct,
        problems);
  }

  /** The same, from a stream in the given encoding; {@code name} is used in messages. */
  public static EpisodeReader fromScoreColumn(
      String name,
      InputStream in,
      Charset encoding,
      String column,
      String clientColumn,
      String sessionColumn,
      Direction direction,
      Construct construct,
      Consumer<InputProblem> problems)
      throws IOException {
    return fromScoreColumn(
        ScoreColumnRows.open(name, in, encoding, column, clientColumn, sessionColumn),
        column,
        direction,
        construct,
        problems);
  }

  private static EpisodeReader fromScoreColumn(
      ScoreColumnRows reader,
      String column,
      Direction direction,
      Construct construct,
      Consumer<InputProblem> problems) {
    Measure measure = Measure.column(column, direction, construct);
    RowCount count = new RowCount();
    Entries entries =
        new Entries() {
          @Override
          public Entry next() {
            Optional<ScoreColumnRows.Row> row;
            while ((row = reader.next()).isPresent()) {
              ScoreColumnRows.Row read = row.get();
              count.rows++;
              if (!read.problems().isEmpty()) {
                count.invalid++;
                read.problems().forEach(problems);
                continue;
              }
              if (read.score().isEmpty()) {
                continue; // a missing session
              }
              return new Entry(
                  read.client(),
                  read.clinician(),
                  measure,
                  new Observation(read.session(), read.date(), read.score().getAsDouble()),
                  List.of(),
                  read.location());
            }
            return null;
          }

          @Override
          public void close() throws IOException {
            reader.close();
          }
        };
    return new EpisodeReader(entries, count, problems);
  }

  private static List<RiskFlag> flags(Administration administration, Score score) {
    List<RiskFlag> flags = new ArrayList<>(score.flags().size());
    for (String item : score.flags()) {
      double answer =
          administration.answers().get(item) instanceof Answer.Value value
              ? value.value()
              : Double.NaN;
      flags.add(new RiskFlag(administration.session(), score.instrumentId(), item, answer));
    }
    return flags;
  }

  /** The instrument told from the item columns, as {@link AdministrationCsvReader} says. */
  public Optional<InstrumentInference> inferredInstrument() {
    return inferred;
  }

  /** Rows read so far. */
  public long rows() {
    return count.rows;
  }

  /** Rows left out for their problems so far. */
  public long invalidRows() {
    return count.invalid;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readClient();
    }
    return next != null;
  }

  @Override
  public ClientEpisode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ClientEpisode episode = next;
    next = null;
    return episode;
  }

  private ClientEpisode readClient() {
    List<Entry> rows = groups != null ? nextGroup() : nextRun();
    if (rows == null) {
      return null;
    }
    String client = rows.get(0).client();
    String clinician = "";
    Map<String, Measure> measures = new LinkedHashMap<>();
    Map<String, List<Entry>> byMeasure = new LinkedHashMap<>();
    List<RiskFlag> flags = new ArrayList<>();
    for (Entry entry : rows) {
      if (entry.observation() != null) {
        measures.putIfAbsent(entry.measure().id(), entry.measure());
        byMeasure.computeIfAbsent(entry.measure().id(), id -> new ArrayList<>()).add(entry);
      }
      flags.addAll(entry.flags());
      if (clinician.isEmpty()) {
        clinician = entry.clinician();
      }
    }
    flags.sort(Comparator.comparingInt(RiskFlag::session));
    List<Course> courses = new ArrayList<>(byMeasure.size());
    for (Map.Entry<String, List<Entry>> measure : byMeasure.entrySet()) {
      courses.add(
          new Course(client, measures.get(measure.getKey()), observations(measure.getValue())));
    }
    return new ClientEpisode(
        new Episode(
            client, clinician.isEmpty() ? Optional.empty() : Optional.of(clinician), courses),
        flags);
  }

  /** The next client's rows, which must be together in the file. */
  private List<Entry> nextRun() {
    Entry first = pending != null ? pending : entries.next();
    pending = null;
    if (first == null) {
      return null;
    }
    String client = first.client();
    if (!finishedClients.add(client)) {
      throw new InputFormatException(
          first.location(),
          "the rows of client "
              + client
              + " are not together: the client appears again here after other clients; sort the file by client");
    }
    List<Entry> rows = new ArrayList<>();
    Entry entry = first;
    while (entry != null && entry.client().equals(client)) {
      rows.add(entry);
      entry = entries.next();
    }
    pending = entry;
    return rows;
  }

  /** The next client's rows from wherever they were in the file, in the order clients appear. */
  private List<Entry> nextGroup() {
    if (!groups.hasNext() && !grouped) {
      Map<String, List<Entry>> byClient = new LinkedHashMap<>();
      for (Entry entry = entries.next(); entry != null; entry = entries.next()) {
        byClient.computeIfAbsent(entry.client(), client -> new ArrayList<>()).add(entry);
      }
      grouped = true;
      groups = byClient.values().iterator();
    }
    return groups.hasNext() ? groups.next() : null;
  }

  /**
   * Reads the rows in any order: each client's rows are gathered from the whole file (their
   * sessions still ordered by session number), at the cost of holding every row in memory. For
   * commands that hold every client's result anyway, such as {@code trend}, this costs nothing
   * more.
   */
  public EpisodeReader inAnyOrder() {
    if (groups == null) {
      groups = java.util.Collections.emptyIterator();
    }
    return this;
  }

  /** Observations in session order; a second score of the same session is reported and left out. */
  private List<Observation> observations(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(e -> e.observation().session()));
    List<Observation> observations = new ArrayList<>(sorted.size());
    Entry previous = null;
    for (Entry entry : sorted) {
      if (previous != null && previous.observation().session() == entry.observation().session()) {
        problems.accept(
            new InputProblem(
                entry.location(),
                "client "
                    + entry.client()
                    + " already has a "
                    + entry.measure().id()
                    + " score for session "
                    + entry.observation().session()
                    + " ("
                    + previous.location()
                    + "); this one is left out"));
        count.invalid++;
        continue;
      }
      observations.add(entry.observation());
      previous = entry;
    }
    return observations;
  }

  @Override
  public void close() throws IOException {
    entries.close();
  }
}
