package org.alliance.web.platform.security;

import com.password4j.Password;
import java.util.Optional;

/**
 * Password hashing with argon2id (password4j; its parameters are in {@code psw4j.properties}: 19
 * MiB, 2 iterations, 1 lane, the OWASP minimum). Each hash carries its own salt and parameters.
 */
public final class Passwords {
  /** The fewest characters a password may have. */
  public static final int MIN_LENGTH = 10;

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
    if (password.length() < MIN_LENGTH) {
      return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.isBlank()) {
      return Optional.of("a password cannot be only spaces");
    }
    return Optional.empty();
  }
}
