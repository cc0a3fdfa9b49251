package org.alliance.core.instrument;

import static java.util.Objects.requireNonNull;

/**
 * Who owns an instrument and what we may do with it. Item text is shipped only for public-domain
 * and openly licensed instruments; licensed ones ship their scoring key and short labels.
 *
 * @param holder the copyright holder, or "public domain"
 * @param terms the terms in a sentence, for the catalog listing
 */
public record Licence(Kind kind, String holder, String terms) {

  public enum Kind {
    PUBLIC_DOMAIN,
    OPEN,
    LICENSED
  }

  public Licence {
    requireNonNull(kind, "kind");
    requireNonNull(holder, "holder");
    requireNonNull(terms, "terms");
  }

  /** Whether the full item text may be distributed with the toolkit. */
  public boolean allowsText() {
    return kind != Kind.LICENSED;
  }
}
