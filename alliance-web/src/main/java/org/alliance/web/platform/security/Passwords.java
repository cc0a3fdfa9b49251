package org.alliance.web.platform.security;

import com.password4j.Password;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Password hashing with argon2id (password4j; its parameters are in {@code psw4j.properties}: 19
 * MiB, 2 iterations, 1 lane, the OWASP minimum), and the rules a new password must meet. Each hash
 * carries its own salt and parameters.
 */
public final class Passwords {
  /** The fewest characters a password may have. */
  public static final int MIN_LENGTH = 10;

  /** The most characters a password may have: the sign-in form takes no more. */
  public static final int MAX_LENGTH = 1_000;

  /** How many passwords the list of common passwords that are refused has. */
  public static final String COMMON_LIST_SIZE = "100,000";

  // The software's own name is the first guess at any of its passwords.
  private static final List<String> SERVICE_WORDS = List.of("alliance", "alliance-demo");

  // Temporary passwords are read aloud or copied by hand: no 0/o, 1/l/i.
  private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  // Checked against when a username is unknown, so an unknown name takes as long as a wrong
  // password.
  private static final String DECOY = hash("decoy password that nobody has");

  private Passwords() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).withArgon2().getResult();
  }

  /**
   * Whether the password matches the hash; an absent hash (unknown user) is checked against a
   * decoy.
   */
  public static boolean matches(String password, Optional<String> hash) {
    boolean matched = Password.check(password, hash.orElse(DECOY)).withArgon2();
    return matched && hash.isPresent();
  }

  /** Why a new password is not acceptable, or empty. */
  public static Optional<String> weakness(String password) {
    return weakness(password, List.of());
  }

  /**
   * Why a new password is not acceptable, or empty: too short or too long, too few different
   * characters, one of the common passwords (also with digits or symbols added at the end), or the
   * user's own name or the software's.
   *
   * @param personal words of the user's own, such as their username, that a password may not be
   */
  public static Optional<String> weakness(String password, Collection<String> personal) {
    if (password.length() < MIN_LENGTH) {
      return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("a password may have at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      return Optional.of("a password cannot be only spaces");
    }
    if (password.codePoints().distinct().count() < 4) {
      return Optional.of(
          "a password needs more than a few different characters; this one repeats one or two");
    }
    if (CommonPasswords.contains(password)) {
      return Optional.of(
          "this is one of the "
              + COMMON_LIST_SIZE
              + " most common passwords, which attackers try first; choose another");
    }
    String stem = stem(password);
    boolean ownName =
        personal.stream()
            .map(word -> word.replace(" ", "").toLowerCase(Locale.ROOT))
            .anyMatch(word -> !word.isEmpty() && word.equals(stem.replace(" ", "")));
    if (ownName || SERVICE_WORDS.contains(stem)) {
      return Optional.of(
          "a password may not be your own name or the name of this software, even with digits or"
              + " symbols added; choose another");
    }
    if (stem.length() >= 4 && stem.length() < password.length() && CommonPasswords.contains(stem)) {
      return Optional.of(
          "this is a common password with digits or symbols added at the end, which attackers try"
              + " early; choose another");
    }
    return Optional.empty();
  }

  /**
   * A new random password for a user whose password an admin reset, such as {@code
   * k7pm-x3rt-9qwd-h2nc} (about 80 bits); they must choose their own at the next sign-in.
   */
  public static String temporary() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
    }
    return password.toString();
  }

  /** The password in lower case without the digits, symbols and spaces at its end. */
  private static String stem(String password) {
    int end = password.length();
    while (end > 0 && !Character.isLetter(password.charAt(end - 1))) {
      end--;
    }
    return password.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
