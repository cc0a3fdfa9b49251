package org.alliance.web.platform.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alliance.web.platform.access.ClientLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The words of the client's pages: every language has every key, no text is empty, each text has
 * the same placeholders in every language, and every key the code and templates ask for exists, so
 * no page can show a missing key.
 */
class ClientTextTest {
  private static final Path BUNDLES =
      Path.of("src/main/resources/org/alliance/web/platform/language");

  /** A key as code and templates ask for it: {@code get("form.save")}, or a message's name. */
  private static final Pattern ASKED = Pattern.compile("get\\(\\s*\"([a-zA-Z]+\\.[a-zA-Z]+)\"");

  private static final Pattern MESSAGE =
      Pattern.compile("message\\(\\s*ctx,\\s*\\d{3},\\s*[^,]+,\\s*\"([a-zA-Z]+)\"\\)");

  private static Properties bundle(ClientLanguage language) throws IOException {
    String name =
        language == ClientLanguage.ENGLISH
            ? "client.properties"
            : "client_" + language.code() + ".properties";
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(BUNDLES.resolve(name))) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = ClientText.PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  @ParameterizedTest
  @EnumSource(ClientLanguage.class)
  void everyLanguageHasEveryKeyWithTheSamePlaceholdersAndNoEmptyText(ClientLanguage language)
      throws IOException {
    Properties english = bundle(ClientLanguage.ENGLISH);
    Properties translated = bundle(language);
    assertThat(translated.stringPropertyNames())
        .as("the keys of " + language)
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String text = translated.getProperty(key);
      assertThat(text).as(language + " " + key).isNotBlank();
      assertThat(placeholders(text))
          .as("the placeholders of " + language + " " + key)
          .isEqualTo(placeholders(english.getProperty(key)));
      // Read through the real bundle, as pages do: the UTF-8 file, not a fallback.
      assertThat(ClientText.in(language).raw(key)).isEqualTo(text);
    }
  }

  @Test
  void theTranslationsAreRealTranslationsReadAsUtf8() {
    assertThat(ClientText.in(ClientLanguage.GERMAN).get("done.title")).isEqualTo("Vielen Dank");
    assertThat(ClientText.in(ClientLanguage.SPANISH).get("form.yes")).isEqualTo("Sí");
    assertThat(ClientText.in(ClientLanguage.FRENCH).get("language.label")).isEqualTo("Langue");
    assertThat(ClientText.in(ClientLanguage.GERMAN).get("language.change")).isEqualTo("Ändern");
    for (ClientLanguage language : ClientLanguage.values()) {
      if (language != ClientLanguage.ENGLISH) {
        assertThat(ClientText.in(language).get("done.guidance"))
            .as(language.code())
            .isNotEqualTo(ClientText.english().get("done.guidance"));
      }
    }
  }

  /** Every key the code and templates ask for is in the bundle (and so, above, in all four). */
  @Test
  void everyKeyAskedForExists() throws IOException {
    Properties english = bundle(ClientLanguage.ENGLISH);
    Set<String> asked = new TreeSet<>();
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Path.of("src/main/java/org/alliance/web")),
            Files.walk(Path.of("src/main/jte")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String source = Files.readString(file);
        if (!source.contains("ClientText") && !source.contains("text().get(")) {
          continue;
        }
        Matcher matcher = ASKED.matcher(source);
        while (matcher.find()) {
          asked.add(matcher.group(1));
        }
        Matcher message = MESSAGE.matcher(source);
        while (message.find()) {
          asked.add(message.group(1) + ".title");
          asked.add(message.group(1) + ".text");
        }
      }
    }
    assertThat(asked).hasSizeGreaterThan(20);
    assertThat(english.stringPropertyNames()).containsAll(asked);
  }

  @Test
  void aMissingKeyOrPlaceholderFailsLoudlyRatherThanShowingOnAPage() {
    assertThatThrownBy(() -> ClientText.english().get("no.such"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no.such");
    assertThatThrownBy(() -> ClientText.english().get("problem.oneAnswer"))
        .hasMessageContaining("{number}");
    assertThatThrownBy(() -> ClientText.english().get("form.save", "number", 3))
        .hasMessageContaining("{number}");
    assertThat(ClientText.in(ClientLanguage.FRENCH).get("problem.oneAnswer", "number", "3"))
        .isEqualTo("Question 3 : donnez une seule réponse, ou passez la question.");
  }

  @Test
  void datesAndNumbersAreWrittenAsEachLanguageWritesThem() {
    LocalDate date = LocalDate.of(2025, 3, 10);
    assertThat(ClientText.english().date(date)).isEqualTo("March 10, 2025");
    assertThat(ClientText.in(ClientLanguage.GERMAN).date(date)).isEqualTo("10. März 2025");
    assertThat(ClientText.in(ClientLanguage.SPANISH).date(date)).isEqualTo("10 de marzo de 2025");
    assertThat(ClientText.in(ClientLanguage.FRENCH).date(date)).isEqualTo("10 mars 2025");
    assertThat(ClientText.english().number(12345)).isEqualTo("12,345");
    assertThat(ClientText.in(ClientLanguage.GERMAN).number(12345)).isEqualTo("12.345");
  }

  @Test
  void aPageThatKnowsNothingOfTheClientFollowsTheBrowser() {
    assertThat(ClientText.forBrowser(Optional.of("fr-CH, fr;q=0.9, en;q=0.8")))
        .isEqualTo(ClientLanguage.FRENCH);
    assertThat(ClientText.forBrowser(Optional.of("pt-BR, es;q=0.5")))
        .isEqualTo(ClientLanguage.SPANISH);
    assertThat(ClientText.forBrowser(Optional.of("de-AT"))).isEqualTo(ClientLanguage.GERMAN);
    assertThat(ClientText.forBrowser(Optional.of("ja"))).isEqualTo(ClientLanguage.ENGLISH);
    assertThat(ClientText.forBrowser(Optional.of(";;;=q"))).isEqualTo(ClientLanguage.ENGLISH);
    assertThat(ClientText.forBrowser(Optional.empty())).isEqualTo(ClientLanguage.ENGLISH);
  }
}
