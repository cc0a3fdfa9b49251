package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One client's clinically significant change: the reliable change, where the pre and post scores
 * lie against the cutoff, and the combined category.
 *
 * @param change post - pre, in score points
 * @param reliableChange improved, unchanged or deteriorated by the RCI alone
 * @param clinicalAtPre {@code dir * pre < dir * cutoff} (a score equal to the cutoff is not
 *     clinical)
 * @param functionalAtPost {@code dir * post > dir * cutoff}
 * @param category recovered, improved, unchanged, deteriorated or harmed
 */
public record ClinicalSignificanceClient(
    String client,
    double pre,
    double post,
    double change,
    double rci,
    ChangeCategory reliableChange,
    boolean clinicalAtPre,
    boolean functionalAtPost,
    ChangeCategory category) {
  public ClinicalSignificanceClient {
    checkArgument(client != null && !client.isBlank(), "a result needs a client");
    checkArgument(Double.isFinite(rci), "client %s: the RCI must be finite, not %s", client, rci);
    requireNonNull(reliableChange, "reliableChange");
    requireNonNull(category, "category");
    checkArgument(
        reliableChange.isReliableChangeCategory(),
        "reliable change alone cannot be %s",
        reliableChange);
    checkArgument(
        category == ClinicalSignificance.combine(reliableChange, clinicalAtPre, functionalAtPost),
        "client %s: %s does not follow from %s, clinical at pre %s, functional at post %s",
        client,
        category,
        reliableChange,
        clinicalAtPre,
        functionalAtPost);
  }
}
