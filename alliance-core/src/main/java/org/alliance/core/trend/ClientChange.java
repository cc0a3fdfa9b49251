package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One client's change from a first to a last score as a {@link ChangeDefinition} judged it: the
 * reliable change, where the two scores lie against the definition's cutoff, and the combined
 * category (recovered, improved, unchanged, deteriorated, harmed).
 *
 * @param rci the reliable change index, empty when the definition judges by a published number of
 *     points rather than an index
 * @param reliableChange improved, unchanged or deteriorated by reliable change alone
 * @param clinicalAtPre the first score is on the clinical side of the cutoff
 * @param functionalAtPost the last score is on the other side
 * @param category the combined category, as {@link ClinicalSignificance#combine} gives it
 */
public record ClientChange(
    String client,
    double pre,
    double post,
    OptionalDouble rci,
    ChangeCategory reliableChange,
    boolean clinicalAtPre,
    boolean functionalAtPost,
    ChangeCategory category) {
  public ClientChange {
    checkArgument(client != null && !client.isBlank(), "a change needs a client");
    checkArgument(
        Double.isFinite(pre) && Double.isFinite(post), "scores must be finite: %s, %s", pre, post);
    requireNonNull(rci, "rci");
    requireNonNull(reliableChange, "reliableChange");
    checkArgument(
        category == ClinicalSignificance.combine(reliableChange, clinicalAtPre, functionalAtPost),
        "client %s: %s does not follow from %s, clinical at pre %s, functional at post %s",
        client,
        category,
        reliableChange,
        clinicalAtPre,
        functionalAtPost);
  }

  /** The change with its combined category worked out. */
  public static ClientChange of(
      String client,
      double pre,
      double post,
      OptionalDouble rci,
      ChangeCategory reliableChange,
      boolean clinicalAtPre,
      boolean functionalAtPost) {
    return new ClientChange(
        client,
        pre,
        post,
        rci,
        reliableChange,
        clinicalAtPre,
        functionalAtPost,
        ClinicalSignificance.combine(reliableChange, clinicalAtPre, functionalAtPost));
  }

  /** A clinically significant change computed from norms or a sample. */
  public static ClientChange of(ClinicalSignificanceClient client) {
    return new ClientChange(
        client.client(),
        client.pre(),
        client.post(),
        OptionalDouble.of(client.rci()),
        client.reliableChange(),
        client.clinicalAtPre(),
        client.functionalAtPost(),
        client.category());
  }

  /** post - pre, in score points. */
  public double change() {
    return post - pre;
  }

  /** Clinical at the first score, out of the clinical range at the last, and reliably improved. */
  public boolean recovered() {
    return category == ChangeCategory.RECOVERED;
  }
}
