package org.alliance.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.alliance.core.scoring.Scorer;
import org.alliance.io.csv.AdministrationCsvReader;
import org.alliance.io.score.ScoredRow;

/**
 * Reads and scores a file on a background thread while the caller writes the results, so the two
 * halves of the work run on two cores. Rows arrive in file order, in batches; a bounded queue keeps
 * memory constant. A failure while reading is rethrown to the caller.
 */
final class BackgroundScoring implements Iterator<ScoredRow>, AutoCloseable {
  private static final int BATCH = 1024;
  private static final Batch END = new Batch(List.of(), null);

  private record Batch(List<ScoredRow> rows, Throwable failure) {}

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
  private final Thread producer;
  private Iterator<ScoredRow> current = List.<ScoredRow>of().iterator();
  private boolean finished;

  BackgroundScoring(AdministrationCsvReader reader, Scorer scorer) {
    this.producer = new Thread(() -> produce(reader, scorer), "alliance-reader");
    producer.setDaemon(true);
    producer.start();
  }

  private void produce(AdministrationCsvReader reader, Scorer scorer) {
    try {
      List<ScoredRow> batch = new ArrayList<>(BATCH);
      while (reader.hasNext()) {
        batch.add(ScoredRow.score(reader.next(), scorer));
        if (batch.size() == BATCH) {
          queue.put(new Batch(batch, null));
          batch = new ArrayList<>(BATCH);
        }
      }
      if (!batch.isEmpty()) {
        queue.put(new Batch(batch, null));
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      queue.clear();
      queue.offer(new Batch(List.of(), e));
    }
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (finished) {
        return false;
      }
      Batch batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading", e);
      }
      if (batch.failure() != null) {
        finished = true;
        if (batch.failure() instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) batch.failure();
      }
      if (batch == END) {
        finished = true;
        return false;
      }
      current = batch.rows().iterator();
    }
    return true;
  }

  @Override
  public ScoredRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public void close() {
    producer.interrupt();
  }
}
