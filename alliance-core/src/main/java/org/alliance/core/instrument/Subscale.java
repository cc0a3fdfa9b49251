package org.alliance.core.instrument;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A named group of items scored on its own with the instrument's scoring rule, such as the WAI-SR
 * Bond scale or the CORE-OM Risk domain.
 *
 * @param items item numbers (from 1)
 * @param maxMissing how many of its items may be missing before the subscale has no score
 */
public record Subscale(String id, LocalizedText label, List<Integer> items, int maxMissing) {
  public Subscale {
    checkArgument(
        Ids.isValid(id), "subscale id '%s' must be lower-case letters, digits, '_' or '-'", id);
    items = ImmutableList.copyOf(items);
    checkArgument(!items.isEmpty(), "subscale %s has no items", id);
    checkArgument(
        maxMissing >= 0 && maxMissing < items.size(),
        "subscale %s: at most %s missing of %s items makes no sense",
        id,
        maxMissing,
        items.size());
  }
}
