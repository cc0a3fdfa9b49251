package org.alliance.io.redcap;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.ResponseScale;

/**
 * Writes the REDCap data dictionary of a {@link RedcapProject}, to upload in the project's Designer
 * before importing the data {@link RedcapWriter} writes. Likert and yes/no items are radio buttons
 * with {@code value, label | ...} choices; visual-analogue items are numbers from 0 to 10 with one
 * decimal. Item wording and answer labels appear only where the instrument's licence lets them be
 * shipped; otherwise the field shows the item's short label and the choices are the numbers alone.
 */
public final class RedcapDictionaryWriter {
  /** REDCap's column headers, exactly as its Data Dictionary upload expects them. */
  public static final List<String> HEADER =
      List.of(
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

  private static final int NAME = 0;
  private static final int FORM = 1;
  private static final int SECTION = 2;
  private static final int TYPE = 3;
  private static final int LABEL = 4;
  private static final int CHOICES = 5;
  private static final int NOTE = 6;
  private static final int VALIDATION = 7;
  private static final int MIN = 8;
  private static final int MAX = 9;
  private static final int NUMBER = 14;
  private static final int ANNOTATION = 17;

  private RedcapDictionaryWriter() {}

  public static void write(Writer out, RedcapProject project) throws IOException {
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    csv.writeRecord(HEADER);
    String[] row = row();
    row[NAME] = RedcapNames.RECORD_ID;
    row[FORM] = RedcapNames.CLIENT_FORM;
    row[TYPE] = "text";
    row[LABEL] = "Client reference";
    row[NOTE] = "The clinic's or study's reference, never a name";
    csv.writeRecord(row);
    for (RedcapProject.Form form : project.forms()) {
      Instrument instrument = form.instrument();
      row = row();
      row[NAME] = form.sessionField();
      row[FORM] = form.name();
      row[SECTION] = instrument.title().en();
      row[TYPE] = "text";
      row[LABEL] = "Session number";
      row[NOTE] = "0 for an intake or baseline";
      row[VALIDATION] = "integer";
      row[MIN] = "0";
      row[ANNOTATION] = "Alliance: session of " + instrument.id();
      csv.writeRecord(row);
      row = row();
      row[NAME] = form.dateField();
      row[FORM] = form.name();
      row[TYPE] = "text";
      row[LABEL] = "Date given";
      row[VALIDATION] = "date_ymd";
      row[ANNOTATION] = "Alliance: date of " + instrument.id();
      csv.writeRecord(row);
      boolean text = instrument.licence().allowsText();
      for (int i = 0; i < instrument.items().size(); i++) {
        Item item = instrument.items().get(i);
        row = row();
        row[NAME] = form.itemFields().get(i);
        row[FORM] = form.name();
        if (i == 0 && text) {
          row[SECTION] = instrument.instructions().map(LocalizedText::en).orElse("");
        }
        row[LABEL] = text ? item.text().orElse(item.label()).en() : item.label().en();
        row[NUMBER] = Integer.toString(item.number());
        row[ANNOTATION] =
            "Alliance: item " + item.id() + " of " + instrument.id() + " " + instrument.version();
        describeScale(item.scale(), text, row);
        csv.writeRecord(row);
      }
    }
    csv.flush();
  }

  private static void describeScale(ResponseScale scale, boolean text, String[] row) {
    if (scale instanceof ResponseScale.Likert likert) {
      List<String> choices = new ArrayList<>();
      for (int value = likert.minValue(); value <= likert.maxValue(); value++) {
        String label =
            text && !likert.anchors().isEmpty()
                ? likert.anchors().get(value - likert.minValue())
                : Integer.toString(value);
        // REDCap splits choices at "|": keep it out of the labels.
        choices.add(value + ", " + label.replace('|', '/'));
      }
      row[TYPE] = "radio";
      row[CHOICES] = String.join(" | ", choices);
    } else if (scale instanceof ResponseScale.YesNo) {
      row[TYPE] = "radio";
      row[CHOICES] = "1, Yes | 0, No";
    } else {
      row[TYPE] = "text";
      row[VALIDATION] = "number_1dp";
      row[MIN] = "0";
      row[MAX] = "10";
      row[NOTE] = "0.0-10.0, one decimal (the mark on the 10 cm line)";
    }
  }

  private static String[] row() {
    String[] row = new String[HEADER.size()];
    Arrays.fill(row, "");
    return row;
  }
}
