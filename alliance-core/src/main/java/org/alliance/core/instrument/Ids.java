package org.alliance.core.instrument;

import java.util.regex.Pattern;

/**
 * The shape of identifiers for instruments, items and subscales: safe in file names, URLs and CSV
 * headers.
 */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private Ids() {}

  public static boolean isValid(String id) {
    return ID.matcher(id).matches();
  }
}
