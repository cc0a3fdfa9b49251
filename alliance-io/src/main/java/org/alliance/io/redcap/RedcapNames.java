package org.alliance.io.redcap;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Item;

/**
 * The names an instrument gets in a REDCap project: a form per instrument ({@code phq-9} becomes
 * {@code phq_9}), a field per item named like the item id ({@code phq9_1}), and the {@code
 * <form>_session} and {@code <form>_date} fields. REDCap accepts lower-case letters, digits and
 * underscores, starting with a letter, and fields of at most 26 characters; {@link #problem} says
 * why a name breaks these rules.
 */
public final class RedcapNames {
  /**
   * The longest field name REDCap accepts without warnings (longer ones break checkbox exports).
   */
  public static final int MAX_FIELD = 26;

  /** The record identifier field: the first field of the first form. */
  public static final String RECORD_ID = "record_id";

  /** The non-repeating form that holds only the record identifier. */
  public static final String CLIENT_FORM = "client";

  static final String EVENT = "redcap_event_name";
  static final String REPEAT_INSTRUMENT = "redcap_repeat_instrument";
  static final String REPEAT_INSTANCE = "redcap_repeat_instance";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private RedcapNames() {}

  /** The form an instrument is kept in. */
  public static String form(Instrument instrument) {
    return form(instrument.id());
  }

  /** The form for an instrument id: lower case, {@code -} as {@code _}. */
  public static String form(String instrumentId) {
    return instrumentId.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  /** The field an item is kept in: the item id, {@code -} as {@code _}. */
  public static String field(Item item) {
    return item.id().toLowerCase(Locale.ROOT).replace('-', '_');
  }

  public static String sessionField(String form) {
    return form + "_session";
  }

  public static String dateField(String form) {
    return form + "_date";
  }

  /** The completion status REDCap keeps for every form, in data exports only. */
  public static String completeField(String form) {
    return form + "_complete";
  }

  /** Why a field name is not acceptable to REDCap, or empty when it is. */
  public static Optional<String> problem(String field) {
    if (!NAME.matcher(field).matches()) {
      return Optional.of(
          "'"
              + field
              + "' is not a REDCap field name: use lower-case letters, digits and _, starting with a letter");
    }
    if (field.length() > MAX_FIELD) {
      return Optional.of(
          "'"
              + field
              + "' is "
              + field.length()
              + " characters; REDCap field names have at most "
              + MAX_FIELD);
    }
    if (field.startsWith("redcap_") || field.endsWith("_complete")) {
      return Optional.of("'" + field + "' is reserved by REDCap (redcap_... and ..._complete)");
    }
    return Optional.empty();
  }

  /** Why a form name is not acceptable to REDCap, or empty when it is. */
  public static Optional<String> formProblem(String form) {
    if (!NAME.matcher(form).matches()) {
      return Optional.of(
          "'"
              + form
              + "' is not a REDCap form name: use lower-case letters, digits and _, starting with a letter");
    }
    return Optional.empty();
  }
}
