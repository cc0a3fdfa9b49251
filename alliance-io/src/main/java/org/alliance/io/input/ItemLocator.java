package org.alliance.io.input;

/** Finds the cell an item's answer came from, so a scoring problem can name its line and column. */
@FunctionalInterface
public interface ItemLocator {
  SourceLocation locate(String itemKey);
}
