package org.alliance.io.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentLibraryTest {
  @TempDir Path dir;

  @Test
  void loadsEveryJsonFileOfADirectoryInNameOrderAndReportsTheBadOne() throws IOException {
    Files.writeString(dir.resolve("b-mood.json"), UserInstrumentTest.MINIMAL);
    Files.writeString(
        dir.resolve("a-gad.json"),
        InstrumentJson.write(Catalog.builtIn().get("gad-7"))
            .replace("\"gad-7\"", "\"gad-7-local\""));
    Files.writeString(
        dir.resolve("c-broken.json"),
        UserInstrumentTest.MINIMAL.replace("\"reversed\"", "\"revesred\""));
    Files.writeString(dir.resolve("notes.txt"), "not a definition");

    InstrumentLibrary.Loaded loaded = InstrumentLibrary.load(dir);

    assertThat(loaded.instruments())
        .extracting(Instrument::id)
        .containsExactly("gad-7-local", "clinic-mood-4");
    assertThat(loaded.hasProblems()).isTrue();
    assertThat(loaded.problems())
        .extracting(InstrumentLibrary.Problem::toString)
        .containsExactly(
            dir.resolve("c-broken.json")
                + " $.items[2].revesred: unknown field 'revesred'; did you mean 'reversed'?");
    Catalog catalog = loaded.catalog();
    assertThat(catalog.find("clinic-mood-4")).isPresent();
    assertThat(catalog.find("gad-7-local")).isPresent();
    assertThat(catalog.find("phq-9")).contains(Catalog.builtIn().get("phq-9"));
  }

  @Test
  void aDefinitionWithABuiltInIdReplacesIt() {
    InstrumentLibrary.Loaded loaded =
        InstrumentLibrary.load(Path.of("../examples/instruments/srs-licensed.json"));

    assertThat(loaded.problems()).isEmpty();
    Instrument srs = loaded.catalog().get("srs");
    Instrument builtIn = Catalog.builtIn().get("srs");
    assertThat(srs).isNotEqualTo(builtIn);
    assertThat(srs.items())
        .allSatisfy(
            item ->
                assertThat(item.text())
                    .map(LocalizedText::en)
                    .get()
                    .asString()
                    .contains("licence"));
    assertThat(srs.items())
        .extracting(item -> item.id())
        .isEqualTo(builtIn.items().stream().map(item -> item.id()).toList());
    assertThat(srs.cutoffs()).isEqualTo(builtIn.cutoffs());
    assertThat(loaded.catalog().instruments()).hasSameSizeAs(Catalog.builtIn().instruments());
  }

  @Test
  void twoDefinitionsOfOneIdAreAProblem() throws IOException {
    Files.writeString(dir.resolve("one.json"), UserInstrumentTest.MINIMAL);
    Files.writeString(dir.resolve("two.json"), UserInstrumentTest.MINIMAL);

    InstrumentLibrary.Loaded loaded = InstrumentLibrary.load(dir);

    assertThat(loaded.instruments()).hasSize(1);
    assertThat(loaded.problems())
        .singleElement()
        .hasToString(
            dir.resolve("two.json")
                + " $.id: instrument 'clinic-mood-4' is already defined in "
                + dir.resolve("one.json")
                + "; keep one definition per id");
  }

  @Test
  void aMissingFileAnEmptyDirectoryAndAFileInAnotherEncodingAreProblems() throws IOException {
    Path missing = dir.resolve("nope.json");
    assertThat(InstrumentLibrary.load(missing).problems())
        .extracting(InstrumentLibrary.Problem::toString)
        .containsExactly(missing + ": no such file");

    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(InstrumentLibrary.load(empty).problems())
        .extracting(InstrumentLibrary.Problem::toString)
        .containsExactly(empty + ": no instrument definitions (*.json files) here");

    Path latin1 =
        Files.write(
            dir.resolve("latin1.json"),
            "{\"id\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(InstrumentLibrary.load(latin1).problems())
        .extracting(InstrumentLibrary.Problem::toString)
        .containsExactly(latin1 + ": not UTF-8 text: save the definition as UTF-8");
  }
}
