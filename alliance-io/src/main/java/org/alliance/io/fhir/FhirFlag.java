package org.alliance.io.fhir;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.trend.Alert;
import org.alliance.core.trend.AlertRule;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Flag.FlagStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Alert -&gt; FHIR Flag: the explanation as the flag's text, the rule (id, version, the numbers it
 * compared) in an extension, so a clinician or an auditor can always see why it was raised.
 */
public final class FhirFlag {
  private FhirFlag() {}

  /**
   * The Flag of an alert.
   *
   * @param date the date of the session the alert is about, when known
   * @param observation the reference of the Observation the alert is about, when it is exported too
   */
  public static Flag toFlag(
      Alert alert, Optional<LocalDate> date, Optional<Reference> observation) {
    Flag flag = new Flag();
    flag.addExtension(Fhir.SESSION, new UnsignedIntType(alert.session()));
    flag.addExtension(rule(alert));
    observation.ifPresent(reference -> flag.addExtension(Fhir.FLAG_DETAIL, reference));
    flag.setStatus(FlagStatus.ACTIVE);
    String kind = kind(alert.rule());
    flag.addCategory(new CodeableConcept(new Coding(Fhir.ALERT_KIND_SYSTEM, kind, kind)));
    if (alert.rule() == AlertRule.CRITICAL_ITEM) {
      flag.addCategory(
          new CodeableConcept(new Coding(Fhir.FLAG_CATEGORY_SYSTEM, "safety", "Safety")));
    }
    flag.setCode(
        new CodeableConcept(
                new Coding(Fhir.ALERT_RULE_SYSTEM, alert.rule().id(), alert.rule().title()))
            .setText(alert.explanation()));
    flag.setSubject(FhirQuestionnaireResponse.subject(alert.client()));
    date.ifPresent(
        day -> flag.setPeriod(new Period().setStartElement(FhirQuestionnaireResponse.date(day))));
    flag.setText(
        Fhir.narrative(
            alert.rule().title() + ": " + alert.explanation(),
            "Client "
                + alert.client()
                + ", "
                + alert.measure()
                + ", session "
                + alert.session()
                + date.map(day -> ", " + day).orElse("")
                + ". Rule "
                + alert.rule().id()
                + " version "
                + alert.rule().version()
                + "."));
    return flag;
  }

  /** What an alert is about, for sorting flags: a risk answer, the alliance, or the outcome. */
  static String kind(AlertRule rule) {
    return switch (rule) {
      case CRITICAL_ITEM -> "risk";
      case VICIOUS_CIRCLE, UNREPAIRED_RUPTURE, ALLIANCE_BELOW_CUTOFF, ALLIANCE_DROP -> "alliance";
      case RELIABLE_DETERIORATION, NOT_ON_TRACK, OFF_TRACK_CAUTION -> "outcome";
    };
  }

  private static Extension rule(Alert alert) {
    Extension rule = new Extension(Fhir.ALERT_RULE);
    rule.addExtension("id", new CodeType(alert.rule().id()));
    rule.addExtension("version", new StringType(alert.rule().version()));
    rule.addExtension("measure", new StringType(alert.measure()));
    for (Map.Entry<String, Double> number : alert.numbers().entrySet()) {
      Extension entry = new Extension("number");
      entry.addExtension("name", new StringType(number.getKey()));
      double value = number.getValue();
      entry.addExtension(
          "value",
          Double.isFinite(value)
              ? new DecimalType(AnswerCodes.decimal(value))
              : new StringType(Double.toString(value)));
      rule.addExtension(entry);
    }
    return rule;
  }
}
