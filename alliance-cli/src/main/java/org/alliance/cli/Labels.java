package org.alliance.cli;

import java.util.Locale;
import org.alliance.core.instrument.Licence;

/** Enum constants and codes as words for people. */
final class Labels {
  private Labels() {}

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String licence(Licence licence) {
    return switch (licence.kind()) {
      case PUBLIC_DOMAIN -> "public domain";
      case OPEN -> "open (text included)";
      case LICENSED -> "licensed (no item text)";
    };
  }
}
