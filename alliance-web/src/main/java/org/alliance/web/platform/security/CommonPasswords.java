package org.alliance.web.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 100,000 most common passwords (Mark Burnett's list of ten million; {@code
 * passwords/README.txt} beside the list says where the copy comes from), which attackers try first.
 * Read once, when a password is first checked, and compared without regard to case.
 */
final class CommonPasswords {
  private static final String RESOURCE = "/passwords/common-passwords.txt";

  private CommonPasswords() {}

  /** Whether the password, in any case, is on the list. */
  static boolean contains(String password) {
    return Holder.LIST.contains(password.toLowerCase(Locale.ROOT));
  }

  /** How many passwords the list has. */
  static int size() {
    return Holder.LIST.size();
  }

  // Loaded on first use, so commands that never check a password do not read it.
  private static final class Holder {
    static final Set<String> LIST = load();
  }

  private static Set<String> load() {
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      Set<String> list = new HashSet<>(200_000);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          list.add(line.toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
