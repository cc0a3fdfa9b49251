package org.alliance.cli;

import static org.alliance.cli.Cli.PHQ9_HEADER;
import static org.alliance.cli.Cli.run;
import static org.alliance.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  @Test
  void listsEveryProblemWithItsLineAndExits1() throws IOException {
    Path file =
        write(
            dir,
            "check.csv",
            PHQ9_HEADER
                + "c1,1,2024-01-01,0,1,2,3,0,1,2,3,0\n"
                + "c2,-1,2024-13-01,0,1,2,3,0,1,2,3,0\n"
                + "c3,1,2024-01-03,0,1,2,3,0,1,2,3\n"
                + "c4,1,2024-01-04,0,1,2,3,0,1,2,3,4\n"
                + ",1,2024-01-05,0,1,2,3,0,1,2,3,0\n");

    Cli.Run run = run("validate", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            ""
                + file
                + " line 3, column 2 (session): expected a session number (a whole number from 0 to 1000), found '-1'"
                + NL
                + file
                + " line 3, column 3 (date): expected a date as YYYY-MM-DD, found '2024-13-01'"
                + NL
                + file
                + " line 4: the row has 11 fields where the header has 12"
                + NL
                + file
                + " line 4, column 12 (q9): 1 of 9 items missing (phq9_9); phq-9 allows none"
                + NL
                + file
                + " line 5, column 12 (q9): item phq9_9: expected 0-3, found 4"
                + NL
                + file
                + " line 6, column 1 (client): the client reference is empty"
                + NL
                + "checked 5 administrations: 1 valid, 4 invalid (6 problems)"
                + NL);
    // validate checks without scoring: no score table is written.
    assertThat(run.out()).doesNotContain("total").doesNotContain("moderate");
  }

  @Test
  void exits0OnACleanFile() throws IOException {
    Path file =
        write(
            dir,
            "clean.csv",
            "client,session,date,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n"
                + "c1,1,2024-01-01,phq-9,0,1,2,3,0,1,2,3,0\n"
                + "c1,1,2024-01-01,gad-7,0,1,2,3,0,1,2,,\n");

    Cli.Run run = run("validate", file.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("checked 2 administrations: 2 valid, 0 invalid" + NL);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void checksTheLongLayoutToo() throws IOException {
    Path file =
        write(
            dir,
            "long.csv",
            "client,session,date,instrument,item,value\n"
                + "c1,1,2024-01-01,gad-7,1,1\n"
                + "c1,1,2024-01-01,gad-7,q1,2\n");

    Cli.Run run = run("validate", file.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            file
                + " line 3, column 5 (item): item gad7_1 is given twice for this administration (also on line 2)");
  }

  @Test
  void reportsAnUnknownInstrumentInTheFileAtItsLine() throws IOException {
    Path file = write(dir, "unknown.csv", "client,session,instrument,q1\n" + "c1,1,phq-10,1\n");

    Cli.Run run = run("validate", file.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains(file + " line 2").contains("unknown instrument 'phq-10'");
  }

  @Test
  void anUnreadableFileExits1WithOneMessage() throws IOException {
    Path file = write(dir, "bad.csv", "client,date\nc1,2024-01-01\n");

    Cli.Run run = run("validate", file.toString(), "--instrument", "phq-9");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("alliance: " + file + " line 1");
  }
}
