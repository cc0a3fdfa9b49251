package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mobile number a measure can be sent to by text message, kept in E.164 form ({@code
 * +447400123456}). Checked with libphonenumber against the numbering plan of its country, so a
 * number with a digit too few or a landline is refused. Personal data: never logged, never
 * exported.
 */
public record MobileNumber(String value) {
  /** What a number must look like, for the message that refuses one. */
  public static final String RULE =
      "a mobile number with + and the country code, such as +44 7400 123456";

  /** The longest text taken before it is read: E.164 has at most 15 digits, plus spacing. */
  public static final int MAX_TYPED = 32;

  private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
  private static final Pattern TYPED = Pattern.compile("\\+[0-9 ()./-]{1,31}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** The kinds of number a text message reaches; some countries do not tell mobiles apart. */
  private static final Set<PhoneNumberType> MOBILE =
      Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

  public MobileNumber {
    requireNonNull(value, "value");
    if (!E164.matcher(value).matches()) {
      throw new IllegalArgumentException("not in E.164 form");
    }
  }

  /**
   * The number typed as {@code text} ("+44 7400 123456", "+49 (151) 2345-6789"), or the reason it
   * is refused, in words for the person who typed it.
   */
  public static Result parse(String text) {
    String typed = text.strip();
    if (typed.length() > MAX_TYPED || !TYPED.matcher(typed).matches()) {
      return new Result.Refused(
          typed.startsWith("+")
              ? "expected " + RULE
              : "start with + and the country code, such as +44 7400 123456");
    }
    PhoneNumber number;
    try {
      number = NUMBERS.parse(typed, "ZZ");
    } catch (NumberParseException e) {
      return new Result.Refused("expected " + RULE);
    }
    if (!NUMBERS.isValidNumber(number)) {
      return new Result.Refused(
          "this is not a number of the country code +"
              + number.getCountryCode()
              + " (a digit too many or too few?); expected "
              + RULE);
    }
    if (!MOBILE.contains(NUMBERS.getNumberType(number))) {
      return new Result.Refused(
          "this is not a mobile number (a landline or a service number cannot take text"
              + " messages); expected "
              + RULE);
    }
    return new Result.Taken(new MobileNumber(NUMBERS.format(number, PhoneNumberFormat.E164)));
  }

  /** A number read from what was typed, or why it was refused. */
  public sealed interface Result {
    record Taken(MobileNumber number) implements Result {}

    record Refused(String reason) implements Result {}
  }

  @Override
  public String toString() {
    // Records print their fields; this one is personal data, so a stray log line shows nothing.
    return "MobileNumber[...]";
  }
}
