package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One client's reliable change index in a sample analysis, and the category it gives.
 *
 * @param change post - pre, in score points
 * @param rci the index of the method used; higher means higher post scores whatever the direction
 * @param category {@link ChangeCategory#IMPROVED}, {@link ChangeCategory#UNCHANGED} or {@link
 *     ChangeCategory#DETERIORATED}
 */
public record ReliableChangeIndex(
    String client, double pre, double post, double change, double rci, ChangeCategory category) {
  public ReliableChangeIndex {
    checkArgument(client != null && !client.isBlank(), "a result needs a client");
    checkArgument(Double.isFinite(rci), "client %s: the RCI must be finite, not %s", client, rci);
    requireNonNull(category, "category");
    checkArgument(
        category.isReliableChangeCategory(), "reliable change alone cannot be %s", category);
  }
}
