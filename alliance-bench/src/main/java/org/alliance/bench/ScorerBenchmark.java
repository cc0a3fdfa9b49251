package org.alliance.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Administrations scored per second by the core scorer, on one thread. The administrations are
 * built beforehand (seeded random, about 1 in 50 with a missing item, answers in item order), so
 * only scoring is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScorerBenchmark {
  private static final int BATCH = 4096;

  @Param({"phq-9", "wai-sr", "core-om"})
  public String instrument;

  private final Scorer scorer = Scorer.builtIn();
  private Administration[] administrations;

  @Setup
  public void setUp() {
    Instrument definition = Catalog.builtIn().get(instrument);
    Random random = new Random(20261122L);
    administrations = new Administration[BATCH];
    for (int i = 0; i < BATCH; i++) {
      List<Item> items = definition.items();
      // In item order, as answers arrive from a CSV row, a form or the API.
      Map<String, Answer> answers = new LinkedHashMap<>();
      int skip = random.nextInt(50) == 0 ? random.nextInt(items.size()) : -1;
      for (int n = 0; n < items.size(); n++) {
        if (n != skip) {
          Item item = items.get(n);
          int low = (int) item.scale().min();
          int high = (int) item.scale().max();
          answers.put(item.id(), Answer.of(low + random.nextInt(high - low + 1)));
        }
      }
      administrations[i] =
          Administration.of(definition.id(), "c" + i, 1 + i % 20, Optional.empty(), answers);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void score(Blackhole blackhole) {
    for (Administration administration : administrations) {
      Score score = scorer.score(administration);
      blackhole.consume(score);
    }
  }
}
