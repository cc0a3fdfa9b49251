package org.alliance.core.instrument;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The instruments that ship with the toolkit, as INSTRUMENTS.md gives them. Full item text only for
 * public-domain and openly licensed instruments; licensed ones carry their scoring key and short
 * labels, and a clinic loads the text it is licensed to use from a definition file.
 */
final class BuiltInInstruments {
  private BuiltInInstruments() {}

  static List<Instrument> all() {
    return List.of(
        srs(),
        ors(),
        childSrs(),
        childOrs(),
        waiSr(),
        haqII(Respondent.CLIENT),
        haqII(Respondent.THERAPIST),
        arm5(),
        selfCheck(),
        phq9(),
        gad7(),
        core10(),
        coreOm());
  }

  private static final ResponseScale VAS = new ResponseScale.VisualAnalogue();
  private static final ResponseScale YES_NO = new ResponseScale.YesNo();
  private static final ResponseScale PHQ_SCALE =
      new ResponseScale.Likert(
          0,
          3,
          List.of("Not at all", "Several days", "More than half the days", "Nearly every day"));
  private static final ResponseScale CORE_SCALE =
      new ResponseScale.Likert(
          0,
          4,
          List.of(
              "Not at all", "Only occasionally", "Sometimes", "Often", "Most or all of the time"));

  private static final Licence PCOMS_LICENCE =
      new Licence(
          Licence.Kind.LICENSED,
          "Scott D. Miller, Barry L. Duncan and Lynn Johnson",
          "Free for individual practitioners; organisations and software need a licence. Labels and scoring only are shipped.");
  private static final Licence PHQ_LICENCE =
      new Licence(
          Licence.Kind.PUBLIC_DOMAIN,
          "public domain",
          "Developed by Spitzer, Williams and Kroenke; no permission is needed to reproduce, translate, display or distribute.");
  private static final Licence CORE_LICENCE =
      new Licence(
          Licence.Kind.OPEN,
          "CORE System Trust",
          "CC BY-ND 4.0: free to reproduce, including in software, with the wording unchanged.");

  /** An item without shipped text: a short label only. */
  private static Item labelled(
      String prefix, int number, String label, ResponseScale scale, boolean reversed) {
    return new Item(
        number,
        prefix + "_" + number,
        LocalizedText.of(label),
        Optional.empty(),
        scale,
        reversed,
        false,
        Optional.empty());
  }

  /** An item whose full wording may be shipped. */
  private static Item worded(
      String prefix,
      int number,
      String label,
      String text,
      ResponseScale scale,
      boolean reversed,
      boolean critical,
      String loinc) {
    return new Item(
        number,
        prefix + "_" + number,
        LocalizedText.of(label),
        Optional.of(LocalizedText.of(text)),
        scale,
        reversed,
        critical,
        Optional.ofNullable(loinc));
  }

  static Instrument srs() {
    return Instrument.builder("srs")
        .version("3.0")
        .title("Session Rating Scale")
        .measures(Construct.ALLIANCE)
        .direction(Direction.HIGHER_IS_BETTER)
        .licence(PCOMS_LICENCE)
        .item(labelled("srs", 1, "Relationship", VAS, false))
        .item(labelled("srs", 2, "Goals and Topics", VAS, false))
        .item(labelled("srs", 3, "Approach or Method", VAS, false))
        .item(labelled("srs", 4, "Overall", VAS, false))
        .cutoff(
            new Cutoff(
                "concern",
                "alliance concern: talk about the relationship",
                36,
                Cutoff.Side.BELOW,
                true))
        .note(
            "Sources differ on the concern cutoff (< 36 or <= 36); the default is < 36 and a clinic may change it.")
        .note("All four items are needed for a total: there is no published prorating rule.")
        .build();
  }

  static Instrument ors() {
    return Instrument.builder("ors")
        .version("1.0")
        .title("Outcome Rating Scale")
        .measures(Construct.OUTCOME)
        .direction(Direction.HIGHER_IS_BETTER)
        .licence(PCOMS_LICENCE)
        .item(labelled("ors", 1, "Individually", VAS, false))
        .item(labelled("ors", 2, "Interpersonally", VAS, false))
        .item(labelled("ors", 3, "Socially", VAS, false))
        .item(labelled("ors", 4, "Overall", VAS, false))
        .cutoff(new Cutoff("adult", "clinical range (adults)", 25, Cutoff.Side.AT_OR_BELOW, true))
        .cutoff(
            new Cutoff(
                "adolescent", "clinical range (adolescents)", 28, Cutoff.Side.AT_OR_BELOW, false))
        .reliableChange(5)
        .note("The adolescent cutoff of 28 comes from a single source (unverified).")
        .note("All four items are needed for a total: there is no published prorating rule.")
        .build();
  }

  static Instrument childSrs() {
    return Instrument.builder("csrs")
        .version("1.0")
        .title("Child Session Rating Scale")
        .measures(Construct.ALLIANCE)
        .direction(Direction.HIGHER_IS_BETTER)
        .licence(PCOMS_LICENCE)
        .item(labelled("csrs", 1, "Listening", VAS, false))
        .item(labelled("csrs", 2, "How Important", VAS, false))
        .item(labelled("csrs", 3, "What We Did", VAS, false))
        .item(labelled("csrs", 4, "Overall", VAS, false))
        .note(
            "For children aged 6-12. The labels of items 3 and 4 are unverified. There is no published cutoff.")
        .build();
  }

  static Instrument childOrs() {
    return Instrument.builder("cors")
        .version("1.0")
        .title("Child Outcome Rating Scale")
        .measures(Construct.OUTCOME)
        .direction(Direction.HIGHER_IS_BETTER)
        .licence(PCOMS_LICENCE)
        .item(labelled("cors", 1, "Me", VAS, false))
        .item(labelled("cors", 2, "Family", VAS, false))
        .item(labelled("cors", 3, "School", VAS, false))
        .item(labelled("cors", 4, "Everything", VAS, false))
        .cutoff(
            new Cutoff(
                "child", "clinical range (children 6-12)", 32, Cutoff.Side.AT_OR_BELOW, true))
        .note(
            "For children aged 6-12. No reliable-change value is published for the child version.")
        .build();
  }

  static Instrument waiSr() {
    ResponseScale scale =
        new ResponseScale.Likert(
            1, 5, List.of("Seldom", "Sometimes", "Fairly Often", "Very Often", "Always"));
    Set<Integer> goal = Set.of(4, 6, 8, 11);
    Set<Integer> task = Set.of(1, 2, 10, 12);
    Instrument.Builder builder =
        Instrument.builder("wai-sr")
            .version("1.0")
            .title("Working Alliance Inventory, Short Revised")
            .measures(Construct.ALLIANCE)
            .direction(Direction.HIGHER_IS_BETTER)
            .licence(
                new Licence(
                    Licence.Kind.LICENSED,
                    "Society for Psychotherapy Research",
                    "The forms are free to download from the rights holder; labels and scoring only are shipped."));
    for (int n = 1; n <= 12; n++) {
      String scaleName = goal.contains(n) ? "Goal" : task.contains(n) ? "Task" : "Bond";
      builder.item(labelled("waisr", n, scaleName + " (item " + n + ")", scale, false));
    }
    return builder
        .subscale("goal", "Goal", 0, 4, 6, 8, 11)
        .subscale("task", "Task", 0, 1, 2, 10, 12)
        .subscale("bond", "Bond", 0, 3, 5, 7, 9)
        .note(
            "Total is the sum (12-60, subscales 4-20); the item mean (1-5) is reported beside it.")
        .note(
            "There is no published cutoff or reliable-change value; vendor bands are not norms and are not used.")
        .build();
  }

  static Instrument haqII(Respondent respondent) {
    ResponseScale scale =
        new ResponseScale.Likert(
            1,
            6,
            List.of(
                "Strongly disagree",
                "Disagree",
                "Slightly disagree",
                "Slightly agree",
                "Agree",
                "Strongly agree"));
    Set<Integer> reversed = Set.of(4, 8, 11, 16, 19);
    boolean client = respondent == Respondent.CLIENT;
    Instrument.Builder builder =
        Instrument.builder(client ? "haq-ii" : "haq-ii-t")
            .version("1.0")
            .title(
                client
                    ? "Helping Alliance Questionnaire II (patient)"
                    : "Helping Alliance Questionnaire II (therapist)")
            .respondent(respondent)
            .measures(Construct.ALLIANCE)
            .direction(Direction.HIGHER_IS_BETTER)
            .licence(
                new Licence(
                    Licence.Kind.LICENSED,
                    "Luborsky et al.",
                    "Item text is not shipped; labels and scoring only."));
    String prefix = client ? "haq" : "haqt";
    for (int n = 1; n <= 19; n++) {
      boolean isReversed = reversed.contains(n);
      builder.item(
          labelled(prefix, n, "Item " + n + (isReversed ? " (reversed)" : ""), scale, isReversed));
    }
    return builder
        .note("The 1-6 agreement scale and its anchors come from a single source (unverified).")
        .note(
            "Total is the sum (19-114); the item mean (1-6) is reported beside it. No cutoff or reliable-change value.")
        .build();
  }

  static Instrument arm5() {
    ResponseScale scale = new ResponseScale.Likert(1, 7, List.of());
    Instrument.Builder builder =
        Instrument.builder("arm-5")
            .version("1.0")
            .title("Agnew Relationship Measure, 5 items")
            .measures(Construct.ALLIANCE)
            .direction(Direction.HIGHER_IS_BETTER)
            .scoring(ScoringRule.MEAN)
            .licence(
                new Licence(
                    Licence.Kind.LICENSED,
                    "Cahill et al. 2012",
                    "Licence terms not verified; item text is not shipped."));
    for (int n = 1; n <= 5; n++) {
      builder.item(labelled("arm5", n, "Item " + n + (n == 3 ? " (reversed)" : ""), scale, n == 3));
    }
    return builder.note("Scoring (1-7, item 3 reversed, mean) comes from a single source.").build();
  }

  /**
   * The self-check in our own words, with our own German, Spanish and French (formal address, as
   * health services write to a person: Sie, usted, vous), so a client reads it in their language.
   */
  static Instrument selfCheck() {
    String[][] questions = {
      {
        "Comfortable with my therapist",
        "I feel comfortable with my therapist.",
        "Ich fühle mich bei meiner Therapeutin oder meinem Therapeuten wohl.",
        "Me siento a gusto con mi terapeuta.",
        "Je me sens à l'aise avec mon thérapeute."
      },
      {
        "Want to come back",
        "I want to come back for my next session.",
        "Ich möchte zur nächsten Sitzung wiederkommen.",
        "Quiero volver a la próxima sesión.",
        "J'ai envie de revenir à la prochaine séance."
      },
      {
        "Can talk about anything",
        "I can talk with my therapist about anything, even things that are hard to say.",
        "Ich kann in der Therapie über alles sprechen, auch über Dinge, die schwer auszusprechen sind.",
        "Puedo hablar de cualquier cosa con mi terapeuta, incluso de lo que me cuesta decir.",
        "Je peux parler de tout avec mon thérapeute, même de ce qui est difficile à dire."
      },
      {
        "Relieved after sessions",
        "I often feel lighter or relieved after a session.",
        "Nach einer Sitzung fühle ich mich oft leichter oder erleichtert.",
        "Después de una sesión, a menudo siento alivio, como si me quitara un peso de encima.",
        "Après une séance, je ressens souvent du soulagement."
      },
      {
        "Asked for my view",
        "My therapist asks what I think of our work together and of our relationship.",
        "Ich werde gefragt, wie ich unsere Zusammenarbeit und unsere Beziehung erlebe.",
        "Mi terapeuta me pregunta qué pienso de nuestro trabajo en común y de nuestra relación.",
        "Mon thérapeute me demande ce que je pense de notre travail ensemble et de notre relation."
      },
      {
        "Cared about and understood",
        "I feel that my therapist cares about me and understands me.",
        "Ich habe das Gefühl, dass ich meiner Therapeutin oder meinem Therapeuten wichtig bin und verstanden werde.",
        "Siento que le importo a mi terapeuta y que me comprende.",
        "Je sens que mon thérapeute se soucie de moi et me comprend."
      },
      {
        "Goals set together",
        "My therapist and I decide the goals of our work together.",
        "Wir legen die Ziele unserer Zusammenarbeit gemeinsam fest.",
        "Mi terapeuta y yo decidimos juntos los objetivos de nuestro trabajo.",
        "Mon thérapeute et moi décidons ensemble des objectifs de notre travail."
      },
      {
        "Supported in making changes",
        "I feel supported in making the changes I want to make.",
        "Ich fühle mich darin unterstützt, die Veränderungen anzugehen, die ich mir wünsche.",
        "Siento que tengo apoyo para hacer los cambios que deseo.",
        "Je trouve du soutien pour faire les changements que je souhaite."
      },
    };
    Instrument.Builder builder =
        Instrument.builder("self-check")
            .version("1.0")
            .title(
                new LocalizedText(
                    ImmutableMap.of(
                        "en", "Alliance self-check",
                        "de", "Selbstcheck zur therapeutischen Beziehung",
                        "es", "Autoevaluación de la relación terapéutica",
                        "fr", "Auto-évaluation de la relation thérapeutique")))
            .measures(Construct.ALLIANCE)
            .direction(Direction.HIGHER_IS_BETTER)
            .scoring(ScoringRule.COUNT_YES)
            .instructions(
                new LocalizedText(
                    ImmutableMap.of(
                        "en",
                        "These questions are about you and your therapist. There are no right or wrong answers. Answer yes or no.",
                        "de",
                        "Diese Fragen betreffen Sie und Ihre Therapeutin oder Ihren Therapeuten. Es gibt keine richtigen oder falschen Antworten. Bitte antworten Sie mit Ja oder Nein.",
                        "es",
                        "Estas preguntas tratan sobre usted y su terapeuta. No hay respuestas correctas ni incorrectas. Responda sí o no.",
                        "fr",
                        "Ces questions portent sur vous et votre thérapeute. Il n'y a pas de bonne ou de mauvaise réponse. Répondez par oui ou par non.")))
            .licence(
                new Licence(
                    Licence.Kind.OPEN,
                    "Alliance toolkit contributors",
                    "Written for this toolkit; free to use, copy and translate."));
    for (int i = 0; i < questions.length; i++) {
      String[] question = questions[i];
      builder.item(
          new Item(
              i + 1,
              "selfcheck_" + (i + 1),
              LocalizedText.of(question[0]),
              Optional.of(
                  new LocalizedText(
                      ImmutableMap.of(
                          "en",
                          question[1],
                          "de",
                          question[2],
                          "es",
                          question[3],
                          "fr",
                          question[4]))),
              YES_NO,
              false,
              false,
              Optional.empty()));
    }
    return builder
        .cutoff(
            new Cutoff(
                "any-no",
                "one or more questions answered no: worth talking over with the therapist",
                8,
                Cutoff.Side.BELOW,
                true))
        .note(
            "Score = number of yes answers (0-8). Any no is shown to the client with gentle guidance to raise it with the therapist.")
        .build();
  }

  static Instrument phq9() {
    String[][] items = {
      {"Little interest or pleasure", "Little interest or pleasure in doing things", "44250-9"},
      {"Feeling down", "Feeling down, depressed, or hopeless", "44255-8"},
      {"Sleep problems", "Trouble falling or staying asleep, or sleeping too much", "44259-0"},
      {"Tired, little energy", "Feeling tired or having little energy", "44254-1"},
      {"Appetite", "Poor appetite or overeating", "44251-7"},
      {
        "Feeling bad about yourself",
        "Feeling bad about yourself - or that you are a failure or have let yourself or your family down",
        "44258-2"
      },
      {
        "Trouble concentrating",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "44252-5"
      },
      {
        "Moving slowly or restless",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual",
        "44253-3"
      },
      {
        "Thoughts of death or self-harm",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
        "44260-8"
      },
    };
    Instrument.Builder builder =
        Instrument.builder("phq-9")
            .version("1.0")
            .title("Patient Health Questionnaire-9")
            .measures(Construct.OUTCOME)
            .direction(Direction.HIGHER_IS_WORSE)
            .licence(PHQ_LICENCE)
            .instructions(
                "Over the last 2 weeks, how often have you been bothered by any of the following problems?")
            .loinc("44249-1", "44261-6");
    for (int i = 0; i < items.length; i++) {
      builder.item(
          worded("phq9", i + 1, items[i][0], items[i][1], PHQ_SCALE, false, i == 8, items[i][2]));
    }
    return builder
        .band("minimal", 0)
        .band("mild", 5)
        .band("moderate", 10)
        .band("moderately severe", 15)
        .band("severe", 20)
        .cutoff(
            new Cutoff("caseness", "clinical range (caseness)", 10, Cutoff.Side.AT_OR_ABOVE, true))
        .reliableChange(6)
        .note("Reliable improvement is a decrease of 6 or more (NHS Talking Therapies convention).")
        .note(
            "Item 9 above 0 is a risk flag whatever the total. The optional 10th item (difficulty) is not scored.")
        .note("There is no official missing-item rule, so a total needs all nine items.")
        .build();
  }

  static Instrument gad7() {
    String[][] items = {
      {"Nervous, anxious, on edge", "Feeling nervous, anxious or on edge", "69725-0"},
      {"Cannot stop worrying", "Not being able to stop or control worrying", "68509-9"},
      {"Worrying too much", "Worrying too much about different things", "69733-4"},
      {"Trouble relaxing", "Trouble relaxing", "69734-2"},
      {"Restless", "Being so restless that it is hard to sit still", "69735-9"},
      {"Easily annoyed or irritable", "Becoming easily annoyed or irritable", "69689-8"},
      {
        "Afraid something awful might happen",
        "Feeling afraid as if something awful might happen",
        "69736-7"
      },
    };
    Instrument.Builder builder =
        Instrument.builder("gad-7")
            .version("1.0")
            .title("Generalised Anxiety Disorder-7")
            .measures(Construct.OUTCOME)
            .direction(Direction.HIGHER_IS_WORSE)
            .licence(PHQ_LICENCE)
            .instructions(
                "Over the last 2 weeks, how often have you been bothered by the following problems?")
            .loinc("69737-5", "70274-6");
    for (int i = 0; i < items.length; i++) {
      builder.item(
          worded("gad7", i + 1, items[i][0], items[i][1], PHQ_SCALE, false, false, items[i][2]));
    }
    return builder
        .band("minimal", 0)
        .band("mild", 5)
        .band("moderate", 10)
        .band("severe", 15)
        .cutoff(
            new Cutoff("caseness", "clinical range (caseness)", 8, Cutoff.Side.AT_OR_ABOVE, true))
        .reliableChange(4)
        .note("Reliable improvement is a decrease of 4 or more.")
        .build();
  }

  static Instrument core10() {
    String[][] items = {
      {"Tense, anxious or nervous", "I have felt tense, anxious or nervous"},
      {"Someone to turn to", "I have felt I have someone to turn to for support when needed"},
      {"Able to cope", "I have felt able to cope when things go wrong"},
      {"Talking to people too much", "Talking to people has felt too much for me"},
      {"Panic or terror", "I have felt panic or terror"},
      {"Plans to end my life", "I made plans to end my life"},
      {"Difficulty sleeping", "I have had difficulty getting to sleep or staying asleep"},
      {"Despairing or hopeless", "I have felt despairing or hopeless"},
      {"Unhappy", "I have felt unhappy"},
      {"Distressing images or memories", "Unwanted images or memories have been distressing me"},
    };
    Instrument.Builder builder =
        Instrument.builder("core-10")
            .version("1.0")
            .title("CORE-10")
            .measures(Construct.OUTCOME)
            .direction(Direction.HIGHER_IS_WORSE)
            .licence(CORE_LICENCE)
            .instructions(
                "This form has 10 statements about how you have been OVER THE LAST WEEK. Please read each statement and think how often you felt that way last week.")
            .maxMissing(1);
    for (int i = 0; i < items.length; i++) {
      int number = i + 1;
      builder.item(
          worded(
              "core10",
              number,
              items[i][0],
              items[i][1],
              CORE_SCALE,
              number == 2 || number == 3,
              number == 6,
              null));
    }
    return builder
        .band("healthy", 0)
        .band("low", 6)
        .band("mild", 11)
        .band("moderate", 15)
        .band("moderate-to-severe", 20)
        .band("severe", 25)
        .cutoff(new Cutoff("clinical", "clinical range", 11, Cutoff.Side.AT_OR_ABOVE, true))
        .reliableChange(6)
        .norms(
            new Norms(
                19.7,
                7.7,
                4.7,
                4.8,
                0.90,
                "Barkham et al. 2013: primary-care clinical and general-population samples"))
        .note(
            "With one item missing the clinical score is 10 x sum / 9; with two or more there is no score.")
        .note("Item 6 above 0 is a risk flag whatever the total.")
        .build();
  }

  static Instrument coreOm() {
    String[] texts = {
      "I have felt terribly alone and isolated",
      "I have felt tense, anxious or nervous",
      "I have felt I have someone to turn to for support when needed",
      "I have felt O.K. about myself",
      "I have felt totally lacking in energy and enthusiasm",
      "I have been physically violent to others",
      "I have felt able to cope when things go wrong",
      "I have been troubled by aches, pains or other physical problems",
      "I have thought of hurting myself",
      "Talking to people has felt too much for me",
      "Tension and anxiety have prevented me doing important things",
      "I have been happy with the things I have done",
      "I have been disturbed by unwanted thoughts and feelings",
      "I have felt like crying",
      "I have felt panic or terror",
      "I made plans to end my life",
      "I have felt overwhelmed by my problems",
      "I have had difficulty getting to sleep or staying asleep",
      "I have felt warmth or affection for someone",
      "My problems have been impossible to put to one side",
      "I have been able to do most things I needed to",
      "I have threatened or intimidated another person",
      "I have felt despairing or hopeless",
      "I have thought it would be better if I were dead",
      "I have felt criticised by other people",
      "I have thought I have no friends",
      "I have felt unhappy",
      "Unwanted images or memories have been distressing me",
      "I have been irritable when with other people",
      "I have thought I am to blame for my problems and difficulties",
      "I have felt optimistic about my future",
      "I have achieved the things I wanted to",
      "I have felt humiliated or shamed by other people",
      "I have hurt myself physically or taken dangerous risks with my health",
    };
    Set<Integer> positive = Set.of(3, 4, 7, 12, 19, 21, 31, 32);
    Set<Integer> risk = Set.of(6, 9, 16, 22, 24, 34);
    Instrument.Builder builder =
        Instrument.builder("core-om")
            .version("1.0")
            .title("CORE Outcome Measure")
            .measures(Construct.OUTCOME)
            .direction(Direction.HIGHER_IS_WORSE)
            .licence(CORE_LICENCE)
            .scoring(ScoringRule.MEAN_TIMES_10)
            .maxMissing(3)
            .instructions(
                "This form has 34 statements about how you have been OVER THE LAST WEEK. Please read each statement and think how often you felt that way last week.");
    for (int i = 0; i < texts.length; i++) {
      int number = i + 1;
      String text = texts[i];
      // The risk items are flagged like CORE-10 item 6: any answer above 0 needs the clinician's
      // attention.
      builder.item(
          worded(
              "coreom",
              number,
              shortLabel(text),
              text,
              CORE_SCALE,
              positive.contains(number),
              risk.contains(number),
              null));
    }
    Integer[] nonRisk =
        java.util.stream.IntStream.rangeClosed(1, 34)
            .filter(n -> !risk.contains(n))
            .boxed()
            .toArray(Integer[]::new);
    return builder
        .subscale("wellbeing", "Well-being", 0, 4, 14, 17, 31)
        .subscale("problems", "Problems", 1, 2, 5, 8, 11, 13, 15, 18, 20, 23, 27, 28, 30)
        .subscale("functioning", "Functioning", 1, 1, 3, 7, 10, 12, 19, 21, 25, 26, 29, 32, 33)
        .subscale("risk", "Risk", 0, 6, 9, 16, 22, 24, 34)
        .subscale("nonrisk", "All items minus risk", 3, nonRisk)
        .cutoff(new Cutoff("clinical", "clinical range", 10, Cutoff.Side.AT_OR_ABOVE, true))
        .reliableChange(5)
        .note(
            "Scores are item means x 10 (clinical scores, 0-40); the item mean (0-4) is reported beside the total.")
        .note(
            "Total and all-minus-risk allow up to 3 missing items; Problems and Functioning 1; Well-being and Risk none.")
        .note(
            "Positively worded items 3, 4, 7, 12, 19, 21, 31 and 32 are reversed (one public implementation wrongly reverses 30 instead of 32).")
        .build();
  }

  /** CORE-OM labels are the statement without its "I have felt" opening, to fit narrow tables. */
  private static String shortLabel(String text) {
    String label =
        text.replaceFirst("^I have (felt |been |had |thought (of )?)?", "").replaceFirst("^I ", "");
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
