package org.alliance.io.csv;

import static org.alliance.io.csv.CsvFiles.phq9;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.io.input.AdministrationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke test that a large file streams: 200,000 rows are read through the iterator and only
 * counted, without keeping any list of rows. No timing is asserted.
 */
class StreamingReaderTest {
  private static final int ROWS = 200_000;

  @TempDir Path dir;

  @Test
  void streamsA200000RowWideFile() throws IOException {
    Path file = dir.resolve("large.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("client,session,date,q1,q2,q3,q4,q5,q6,q7,q8,q9,note\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(
            "client-"
                + i
                + ","
                + (i % 40)
                + ",2024-01-"
                + (1 + i % 28 < 10 ? "0" : "")
                + (1 + i % 28)
                + ","
                + (i % 4)
                + ",1,2,3,0,1,2,3,"
                + (i % 2)
                + ",row "
                + i
                + "\n");
      }
    }

    long count = 0;
    long withProblems = 0;
    long flagged = 0;
    long lastLine = 0;
    String lastClient = null;
    try (AdministrationCsvReader reader = AdministrationCsvReader.open(file, phq9())) {
      while (reader.hasNext()) {
        AdministrationRow row = reader.next();
        count++;
        if (!row.problems().isEmpty()) {
          withProblems++;
        }
        if (row.administration()
            .map(a -> a.answers().get("phq9_9"))
            .filter(a -> !a.equals(org.alliance.core.scoring.Answer.of(0)))
            .isPresent()) {
          flagged++;
        }
        lastLine = row.location().line();
        lastClient = row.key().client();
      }
    }

    assertThat(count).isEqualTo(ROWS);
    assertThat(withProblems).isZero();
    assertThat(flagged).isEqualTo(ROWS / 2);
    assertThat(lastLine).isEqualTo(ROWS + 1L);
    assertThat(lastClient).isEqualTo("client-" + (ROWS - 1));
  }
}
