package org.alliance.io.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Construct;
import org.alliance.core.instrument.Direction;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Licence;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.junit.jupiter.api.Test;

class RedcapDictionaryTest {
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Pattern REDCAP_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  static List<CsvRecord> dictionary(RedcapProject project) throws IOException {
    StringWriter out = new StringWriter();
    RedcapDictionaryWriter.write(out, project);
    return CsvReader.builder().ofCsvRecord(out.toString()).stream().toList();
  }

  static CsvRecord field(List<CsvRecord> rows, String name) {
    return rows.stream().filter(row -> row.getField(0).equals(name)).findFirst().orElseThrow();
  }

  @Test
  void hasRedcapsEighteenColumnsAndAValidNameForEveryFieldAndForm() throws IOException {
    List<CsvRecord> rows = dictionary(RedcapProject.of(CATALOG.instruments()));

    assertThat(rows.get(0).getFields())
        .containsExactly(
            "Variable / Field Name",
            "Form Name",
            "Section Header",
            "Field Type",
            "Field Label",
            "Choices, Calculations, OR Slider Labels",
            "Field Note",
            "Text Validation Type OR Show Slider Number",
            "Text Validation Min",
            "Text Validation Max",
            "Identifier?",
            "Branching Logic (Show field only if...)",
            "Required Field?",
            "Custom Alignment",
            "Question Number (surveys only)",
            "Matrix Group Name",
            "Matrix Ranking?",
            "Field Annotation");
    List<CsvRecord> fields = rows.subList(1, rows.size());
    assertThat(fields.get(0).getFields().subList(0, 5))
        .containsExactly("record_id", "client", "", "text", "Client reference");
    assertThat(fields)
        .allSatisfy(
            row -> {
              assertThat(row.getFieldCount()).isEqualTo(18);
              assertThat(row.getField(0)).matches(REDCAP_NAME).hasSizeLessThanOrEqualTo(26);
              assertThat(row.getField(1)).matches(REDCAP_NAME);
              assertThat(row.getField(3)).isIn("text", "radio");
            });
    assertThat(fields.stream().map(row -> row.getField(0)).distinct()).hasSize(fields.size());
    int items = CATALOG.instruments().stream().mapToInt(i -> i.items().size() + 2).sum();
    assertThat(fields).hasSize(1 + items);
  }

  @Test
  void shipsWordingAndAnchorsOnlyWhereTheLicenceAllows() throws IOException {
    List<CsvRecord> rows = dictionary(RedcapProject.of(CATALOG.instruments()));

    CsvRecord phq1 = field(rows, "phq9_1");
    assertThat(phq1.getField(1)).isEqualTo("phq_9");
    assertThat(phq1.getField(2))
        .isEqualTo(
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?");
    assertThat(phq1.getField(3)).isEqualTo("radio");
    assertThat(phq1.getField(4)).isEqualTo("Little interest or pleasure in doing things");
    assertThat(phq1.getField(5))
        .isEqualTo(
            "0, Not at all | 1, Several days | 2, More than half the days | 3, Nearly every day");
    // WAI-SR is licensed: its short label and bare numbers, no anchors.
    CsvRecord wai4 = field(rows, "waisr_4");
    assertThat(wai4.getField(1)).isEqualTo("wai_sr");
    assertThat(wai4.getField(2)).isEmpty();
    assertThat(wai4.getField(4)).isEqualTo("Goal (item 4)");
    assertThat(wai4.getField(5)).isEqualTo("1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5");
    CsvRecord srs1 = field(rows, "srs_1");
    assertThat(
            List.of(
                srs1.getField(3),
                srs1.getField(4),
                srs1.getField(5),
                srs1.getField(7),
                srs1.getField(8),
                srs1.getField(9)))
        .containsExactly("text", "Relationship", "", "number_1dp", "0", "10");
    assertThat(field(rows, "selfcheck_1").getField(5)).isEqualTo("1, Yes | 0, No");
    CsvRecord session = field(rows, "core_om_session");
    assertThat(
            List.of(
                session.getField(2), session.getField(3), session.getField(7), session.getField(8)))
        .containsExactly("CORE Outcome Measure", "text", "integer", "0");
    assertThat(field(rows, "core_om_date").getField(7)).isEqualTo("date_ymd");
  }

  @Test
  void theDataFileHasExactlyTheDictionarysFieldsInItsOrder() throws IOException {
    RedcapProject project = RedcapProject.of(CATALOG.instruments());
    StringWriter data = new StringWriter();
    try (RedcapWriter writer = new RedcapWriter(data, project)) {
      writer.write(
          Administration.of(
              "srs",
              "c1",
              0,
              Optional.of(LocalDate.of(2026, 1, 7)),
              Map.of(
                  "srs_1",
                  Answer.of(9),
                  "srs_2",
                  Answer.of(8.5),
                  "srs_3",
                  Answer.NotAnswered.SKIPPED,
                  "srs_4",
                  Answer.NotAnswered.DECLINED)));
    }
    List<CsvRecord> lines = CsvReader.builder().ofCsvRecord(data.toString()).stream().toList();
    List<String> header = lines.get(0).getFields();
    List<String> dataFields = new ArrayList<>(header.subList(3, header.size()));
    dataFields.removeIf(name -> name.endsWith("_complete"));

    List<String> dictionaryFields =
        dictionary(project).stream().skip(2).map(row -> row.getField(0)).toList();

    assertThat(header.subList(0, 3))
        .containsExactly("record_id", "redcap_repeat_instrument", "redcap_repeat_instance");
    assertThat(dataFields).isEqualTo(dictionaryFields);
    CsvRecord row = lines.get(1);
    int at = header.indexOf("srs_session");
    assertThat(row.getFields().subList(0, 3)).containsExactly("c1", "srs", "1");
    // A mark on the line has exactly one decimal for REDCap's number_1dp; skipped and declined are
    // its codes.
    assertThat(row.getFields().subList(at, at + 7))
        .containsExactly("0", "2026-01-07", "9.0", "8.5", "NASK", "ASKU", "2");
    assertThat(row.getFields().stream().filter(cell -> !cell.isEmpty())).hasSize(10);
  }

  @Test
  void refusesASecondAdministrationAtTheSameSessionAndUnknownInstruments() throws IOException {
    RedcapProject project = RedcapProject.of(List.of(CATALOG.get("srs")));
    try (RedcapWriter writer = new RedcapWriter(new StringWriter(), project)) {
      Administration srs = Administration.of("srs", "c1", 3, Optional.empty(), Map.of());
      writer.write(srs);
      assertThatThrownBy(() -> writer.write(srs))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "client c1 has srs twice at session 3; a REDCap project keeps one per session");
      assertThatThrownBy(
              () -> writer.write(Administration.of("ors", "c1", 3, Optional.empty(), Map.of())))
          .hasMessage("the REDCap project has no form for instrument 'ors'");
    }
  }

  @Test
  void refusesNamesRedcapWouldNotAccept() {
    Instrument awkward =
        Instrument.builder("9-lives")
            .title("Awkward")
            .measures(Construct.OUTCOME)
            .direction(Direction.HIGHER_IS_WORSE)
            .licence(new Licence(Licence.Kind.OPEN, "us", "free"))
            .item(
                new Item(
                    1,
                    "a_very_long_item_identifier_1",
                    LocalizedText.of("Long"),
                    Optional.empty(),
                    new ResponseScale.YesNo(),
                    false,
                    false,
                    Optional.empty()))
            .item(
                new Item(
                    2,
                    "x_complete",
                    LocalizedText.of("Reserved"),
                    Optional.empty(),
                    new ResponseScale.YesNo(),
                    false,
                    false,
                    Optional.empty()))
            .build();

    assertThatThrownBy(
            () -> RedcapProject.of(List.of(awkward, CATALOG.get("srs"), CATALOG.get("srs"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot make a REDCap project of these instruments: "
                + "9-lives: form '9_lives' is not a REDCap form name: use lower-case letters, digits and _, starting with a letter; "
                + "9-lives session: '9_lives_session' is not a REDCap field name: use lower-case letters, digits and _, starting with a letter; "
                + "9-lives date: '9_lives_date' is not a REDCap field name: use lower-case letters, digits and _, starting with a letter; "
                + "9-lives item a_very_long_item_identifier_1: 'a_very_long_item_identifier_1' is 29 characters; REDCap field names have at most 26; "
                + "9-lives item x_complete: 'x_complete' is reserved by REDCap (redcap_... and ..._complete); "
                + "srs: its form name 'srs' is already used by srs; "
                + "srs session: field 'srs_session' is already used by srs session; "
                + "srs date: field 'srs_date' is already used by srs date; "
                + "srs item srs_1: field 'srs_1' is already used by srs item srs_1; "
                + "srs item srs_2: field 'srs_2' is already used by srs item srs_2; "
                + "srs item srs_3: field 'srs_3' is already used by srs item srs_3; "
                + "srs item srs_4: field 'srs_4' is already used by srs item srs_4");
  }
}
