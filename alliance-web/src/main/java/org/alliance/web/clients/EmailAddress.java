package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address a measure can be sent to. Checked strictly: the form a browser's e-mail field
 * takes (the HTML standard's "valid e-mail address"), a domain with at least one dot, no dot at
 * either end of the name or twice in a row, and the lengths mail servers accept (64 characters
 * before the {@code @}, 254 in all). Personal data: never logged, never exported.
 */
public record EmailAddress(String value) {
  /** The longest address mail servers deliver to (RFC 5321's path limit less its brackets). */
  public static final int MAX_LENGTH = 254;

  private static final int MAX_LOCAL = 64;
  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  /** What an address must look like, for the message that refuses one. */
  public static final String RULE = "an e-mail address such as name@example.org";

  public EmailAddress {
    requireNonNull(value, "value");
    if (parse(value).filter(value::equals).isEmpty()) {
      throw new IllegalArgumentException("not " + RULE);
    }
  }

  /**
   * The address in {@code text} (spaces around it dropped, the domain in lower case), or empty when
   * it is not one.
   */
  public static Optional<EmailAddress> of(String text) {
    return parse(text).map(EmailAddress::new);
  }

  private static Optional<String> parse(String text) {
    String address = text.strip();
    int at = address.lastIndexOf('@');
    if (address.length() > MAX_LENGTH || at < 1 || at > MAX_LOCAL) {
      return Optional.empty();
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!LOCAL.matcher(local).matches()
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")) {
      return Optional.empty();
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    // A top-level domain is never all digits: "name@10.0.0.1" is no mail domain.
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(local + "@" + domain);
  }

  @Override
  public String toString() {
    // Records print their fields; this one is personal data, so a stray log line shows nothing.
    return "EmailAddress[...]";
  }
}
