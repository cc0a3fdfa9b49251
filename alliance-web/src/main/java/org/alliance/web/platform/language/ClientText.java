package org.alliance.web.platform.language;

import static java.util.Objects.requireNonNull;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.platform.access.ClientLanguage;

/**
 * The words of the pages a client sees, in one of the languages the interface is shipped in: the
 * {@code client*.properties} bundles beside this class (UTF-8), with named placeholders such as
 * {@code {number}}, plus dates and numbers written as that language writes them. A key missing from
 * every bundle is a programming error and fails loudly, so no page ever shows a raw key.
 */
public final class ClientText {
  static final String BUNDLE = "org.alliance.web.platform.language.client";

  /** A placeholder in a text: a name in braces. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private static final Map<ClientLanguage, ClientText> ALL = new EnumMap<>(ClientLanguage.class);

  static {
    for (ClientLanguage language : ClientLanguage.values()) {
      ALL.put(language, new ClientText(language));
    }
  }

  private final ClientLanguage language;
  private final Locale locale;
  private final ResourceBundle bundle;

  private ClientText(ClientLanguage language) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language.code());
    // No fallback to the server's own locale: English is the base bundle, and nothing else.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ClientText.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The words in this language. */
  public static ClientText in(ClientLanguage language) {
    return ALL.get(requireNonNull(language, "language"));
  }

  /** English, the language of the clinician's own pages and the fallback of every other. */
  public static ClientText english() {
    return in(ClientLanguage.ENGLISH);
  }

  /**
   * The language a browser asks for in its {@code Accept-Language} header, for a page that knows
   * nothing of the client (a link that cannot be used); English when it asks for none we have or
   * the header cannot be read.
   */
  public static ClientLanguage forBrowser(Optional<String> acceptLanguage) {
    if (acceptLanguage.isEmpty() || acceptLanguage.get().length() > 500) {
      return ClientLanguage.DEFAULT;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage.get());
      List<String> codes =
          java.util.Arrays.stream(ClientLanguage.values()).map(ClientLanguage::code).toList();
      String best = Locale.lookupTag(ranges, codes);
      return best == null
          ? ClientLanguage.DEFAULT
          : ClientLanguage.ofCode(best).orElse(ClientLanguage.DEFAULT);
    } catch (IllegalArgumentException e) {
      return ClientLanguage.DEFAULT;
    }
  }

  public ClientLanguage language() {
    return language;
  }

  /** The language's code, for {@code <html lang>} and for picking an instrument's text. */
  public String code() {
    return language.code();
  }

  /** The language's name in itself, as a language menu shows it: "Deutsch". */
  public String ownName() {
    return language.ownName();
  }

  public Locale locale() {
    return locale;
  }

  /** The text of a key as written, placeholders and all. */
  String raw(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no client text '" + key + "'", e);
    }
  }

  /**
   * The text of a key with its placeholders filled: names and values in turn. A placeholder left
   * unfilled, or a name the text has no placeholder for, fails rather than reach a page.
   */
  public String get(String key, Object... namesAndValues) {
    String text = raw(key);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String placeholder = "{" + namesAndValues[i] + "}";
      if (!text.contains(placeholder)) {
        throw new IllegalStateException("client text '" + key + "' has no " + placeholder);
      }
      text = text.replace(placeholder, String.valueOf(namesAndValues[i + 1]));
    }
    Matcher left = PLACEHOLDER.matcher(text);
    if (left.find()) {
      throw new IllegalStateException("client text '" + key + "' needs " + left.group());
    }
    return text;
  }

  /** A date as this language writes it in full: "10 March 2025", "10. März 2025". */
  public String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  /** A whole number as this language writes it. */
  public String number(long number) {
    return NumberFormat.getIntegerInstance(locale).format(number);
  }
}
