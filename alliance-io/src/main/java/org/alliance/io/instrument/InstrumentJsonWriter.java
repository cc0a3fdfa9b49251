package org.alliance.io.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.alliance.core.instrument.Band;
import org.alliance.core.instrument.Cutoff;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;
import org.alliance.core.instrument.Licence;
import org.alliance.core.instrument.LocalizedText;
import org.alliance.core.instrument.Norms;
import org.alliance.core.instrument.ResponseScale;
import org.alliance.core.instrument.Subscale;

/**
 * Turns an instrument into the JSON tree of a definition. Every field is written, defaults
 * included, so an exported definition shows a user everything they can change; absent optional
 * values are left out.
 */
final class InstrumentJsonWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InstrumentJsonWriter() {}

  static ObjectNode tree(Instrument instrument) {
    ObjectNode root = NODES.objectNode();
    root.put("id", instrument.id());
    root.put("version", instrument.version());
    root.set("title", text(instrument.title()));
    root.put("respondent", JsonNames.RESPONDENT.name(instrument.respondent()));
    root.put("measures", JsonNames.CONSTRUCT.name(instrument.construct()));
    instrument.instructions().ifPresent(text -> root.set("instructions", text(text)));
    root.put("scoring", JsonNames.SCORING.name(instrument.scoringRule()));
    root.put("maxMissing", instrument.maxMissing());
    root.put("direction", JsonNames.DIRECTION.name(instrument.direction()));
    ArrayNode items = root.putArray("items");
    instrument.items().forEach(item -> items.add(item(item)));
    if (!instrument.subscales().isEmpty()) {
      ArrayNode subscales = root.putArray("subscales");
      instrument.subscales().forEach(subscale -> subscales.add(subscale(subscale)));
    }
    if (!instrument.cutoffs().isEmpty()) {
      ArrayNode cutoffs = root.putArray("cutoffs");
      instrument.cutoffs().forEach(cutoff -> cutoffs.add(cutoff(cutoff)));
    }
    if (!instrument.bands().isEmpty()) {
      ArrayNode bands = root.putArray("bands");
      instrument.bands().forEach(band -> bands.add(band(band)));
    }
    instrument.reliableChange().ifPresent(points -> root.set("reliableChange", number(points)));
    instrument.norms().ifPresent(norms -> root.set("norms", norms(norms)));
    root.set("licence", licence(instrument.licence()));
    if (instrument.loincPanel().isPresent() || instrument.loincTotal().isPresent()) {
      ObjectNode loinc = root.putObject("loinc");
      instrument.loincPanel().ifPresent(code -> loinc.put("panel", code));
      instrument.loincTotal().ifPresent(code -> loinc.put("total", code));
    }
    if (!instrument.notes().isEmpty()) {
      ArrayNode notes = root.putArray("notes");
      instrument.notes().forEach(notes::add);
    }
    return root;
  }

  private static ObjectNode item(Item item) {
    ObjectNode node = NODES.objectNode();
    node.put("number", item.number());
    node.put("id", item.id());
    node.set("label", text(item.label()));
    item.text().ifPresent(text -> node.set("text", text(text)));
    node.set("scale", scale(item.scale()));
    node.put("reversed", item.reversed());
    node.put("critical", item.critical());
    item.loinc().ifPresent(code -> node.put("loinc", code));
    return node;
  }

  private static ObjectNode scale(ResponseScale scale) {
    ObjectNode node = NODES.objectNode();
    // Java 17 has no pattern switch; the scale types are a sealed, closed set.
    if (scale instanceof ResponseScale.Likert likert) {
      node.put("type", "likert");
      node.put("min", likert.minValue());
      node.put("max", likert.maxValue());
      if (!likert.anchors().isEmpty()) {
        ArrayNode anchors = node.putArray("anchors");
        if (likert.hasTranslations()) {
          likert.anchorTexts().forEach(anchor -> anchors.add(text(anchor)));
        } else {
          likert.anchors().forEach(anchors::add);
        }
      }
    } else if (scale instanceof ResponseScale.YesNo) {
      node.put("type", "yes-no");
    } else {
      node.put("type", "visual-analogue");
    }
    return node;
  }

  private static ObjectNode subscale(Subscale subscale) {
    ObjectNode node = NODES.objectNode();
    node.put("id", subscale.id());
    node.set("label", text(subscale.label()));
    ArrayNode items = node.putArray("items");
    subscale.items().forEach(items::add);
    node.put("maxMissing", subscale.maxMissing());
    return node;
  }

  private static ObjectNode cutoff(Cutoff cutoff) {
    ObjectNode node = NODES.objectNode();
    node.put("id", cutoff.id());
    node.put("label", cutoff.label());
    node.set("value", number(cutoff.value()));
    node.put("clinicalSide", JsonNames.SIDE.name(cutoff.clinicalSide()));
    node.put("verified", cutoff.verified());
    return node;
  }

  private static ObjectNode band(Band band) {
    ObjectNode node = NODES.objectNode();
    node.put("label", band.label());
    node.set("from", number(band.from()));
    return node;
  }

  private static ObjectNode norms(Norms norms) {
    ObjectNode node = NODES.objectNode();
    node.set("clinicalMean", number(norms.clinicalMean()));
    node.set("clinicalSd", number(norms.clinicalSd()));
    node.set("functionalMean", number(norms.functionalMean()));
    node.set("functionalSd", number(norms.functionalSd()));
    node.set("reliability", number(norms.reliability()));
    node.put("source", norms.source());
    return node;
  }

  private static ObjectNode licence(Licence licence) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", JsonNames.LICENCE_KIND.name(licence.kind()));
    node.put("holder", licence.holder());
    node.put("terms", licence.terms());
    return node;
  }

  /** Always an object keyed by language, English first as the model keeps it. */
  private static ObjectNode text(LocalizedText text) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<String, String> entry : text.byLanguage().entrySet()) {
      node.put(entry.getKey(), entry.getValue());
    }
    return node;
  }

  /**
   * Whole numbers without a trailing {@code .0}, as people write them; others as the shortest exact
   * decimal.
   */
  private static JsonNode number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return NODES.numberNode((long) value);
    }
    return NODES.numberNode(value);
  }
}
