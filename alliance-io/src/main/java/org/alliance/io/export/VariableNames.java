package org.alliance.io.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Column names that SPSS, Stata and R all accept: a letter first, then letters, digits and
 * underscores, at most 32 characters, no reserved word of SPSS or Stata, and unique without regard
 * to case. A {@code VariableNames} hands out such names one column at a time, changing a wanted
 * name only as much as needed.
 */
public final class VariableNames {
  /** Stata's limit; SPSS allows 64 bytes. */
  public static final int MAX_LENGTH = 32;

  /**
   * SPSS's reserved keywords and Stata's reserved names, in lower case (Stata's own names are
   * case-sensitive; we are stricter).
   */
  static final Set<String> RESERVED =
      Set.of(
          "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with", "_all",
          "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_pi",
          "_pred", "_rc", "_skip", "strl", "using");

  /** Stata reserves str1 to str2045 as storage types. */
  private static final Pattern STATA_STR = Pattern.compile("str\\d+");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final Set<String> taken = new HashSet<>();

  /**
   * Why a name is not acceptable to SPSS or Stata, or empty when it is; uniqueness is not checked
   * here.
   */
  public static Optional<String> problem(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "'" + name + "' must start with a letter and hold only letters, digits and _");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("'" + name + "' is longer than " + MAX_LENGTH + " characters");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESERVED.contains(lower) || STATA_STR.matcher(lower).matches()) {
      return Optional.of("'" + name + "' is a reserved word in SPSS or Stata");
    }
    return Optional.empty();
  }

  /**
   * A name like {@code wanted} that is acceptable and not yet given out: lower case, other
   * characters as {@code _}, a {@code v_} prefix when it does not start with a letter, {@code _}
   * after a reserved word, shortened to 32 characters, and {@code _2}, {@code _3} ... when it is
   * taken.
   */
  public String claim(String wanted) {
    StringBuilder clean = new StringBuilder(wanted.length());
    for (char c : wanted.toLowerCase(Locale.ROOT).toCharArray()) {
      clean.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    String base =
        clean.length() == 0 || clean.charAt(0) < 'a' || clean.charAt(0) > 'z'
            ? "v_" + clean
            : clean.toString();
    if (base.length() > MAX_LENGTH) {
      base = base.substring(0, MAX_LENGTH);
    }
    if (problem(base).isPresent()) {
      base = base.length() < MAX_LENGTH ? base + "_" : base.substring(0, MAX_LENGTH - 1) + "_";
    }
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      String suffix = "_" + n;
      name =
          (base.length() + suffix.length() > MAX_LENGTH
                  ? base.substring(0, MAX_LENGTH - suffix.length())
                  : base)
              + suffix;
    }
    return name;
  }
}
