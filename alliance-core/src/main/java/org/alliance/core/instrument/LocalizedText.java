package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A short text in one or more languages, keyed by BCP 47 language tag. English ({@code en}) is
 * always present and is the fallback for any language that has no translation.
 */
public record LocalizedText(Map<String, String> byLanguage) {

  public static final String ENGLISH = "en";

  public LocalizedText {
    byLanguage = ImmutableMap.copyOf(byLanguage);
    checkArgument(
        byLanguage.containsKey(ENGLISH), "a text needs an English version: %s", byLanguage);
    byLanguage.forEach(
        (language, text) -> checkArgument(!text.isBlank(), "the %s text is blank", language));
  }

  /** A text in English only. */
  public static LocalizedText of(String english) {
    return new LocalizedText(Map.of(ENGLISH, english));
  }

  /** The English text. */
  public String en() {
    return byLanguage.get(ENGLISH);
  }

  /** The text in the given language, or in English when there is no translation. */
  public String in(String language) {
    return byLanguage.getOrDefault(language, en());
  }

  /** Whether there is a text in this language itself, not only the English fallback. */
  public boolean has(String language) {
    return byLanguage.containsKey(language);
  }

  @Override
  public String toString() {
    return en();
  }
}
