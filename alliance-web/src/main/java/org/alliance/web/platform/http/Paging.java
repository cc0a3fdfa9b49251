package org.alliance.web.platform.http;

import static com.google.common.base.Preconditions.checkArgument;

import io.javalin.http.Context;
import java.util.List;

/**
 * Which page of a long list is asked for: its number (from 1) and how many lines a page has. A page
 * past the last is simply empty.
 */
public record Paging(int number, int size) {
  /** Lines on a page unless the request asks for another size. */
  public static final int DEFAULT_SIZE = 50;

  /** The most lines on one page. */
  public static final int MAX_SIZE = 500;

  /** The highest page number taken: far past any clinic's list, yet no overflow in the offset. */
  public static final int MAX_NUMBER = 1_000_000;

  public Paging {
    checkArgument(number >= 1 && number <= MAX_NUMBER, "page number %s", number);
    checkArgument(size >= 1 && size <= MAX_SIZE, "page size %s", size);
  }

  /** How many lines come before this page. */
  public long offset() {
    return (long) (number - 1) * size;
  }

  /**
   * The {@code page} and {@code size} query parameters, each optional; 400 naming the parameter
   * when one is not a whole number in its range.
   */
  public static Paging of(Context ctx) {
    return new Paging(
        Requests.queryInt(ctx, "page", 1, MAX_NUMBER).orElse(1),
        Requests.queryInt(ctx, "size", 1, MAX_SIZE).orElse(DEFAULT_SIZE));
  }

  /** The lines of this page out of the whole list. */
  public <T> Paged<T> slice(List<T> all) {
    int from = (int) Math.min(offset(), all.size());
    int to = (int) Math.min(offset() + size, all.size());
    return new Paged<>(all.subList(from, to), all.size(), this);
  }

  /**
   * One page of a list and how long the whole list is.
   *
   * @param total how many lines the whole list has
   */
  public record Paged<T>(List<T> items, int total, Paging paging) {
    public Paged {
      items = List.copyOf(items);
    }

    /** How many pages the whole list fills (at least one, even when empty). */
    public int pages() {
      return Math.max(1, (total + paging.size() - 1) / paging.size());
    }

    public boolean hasPrevious() {
      return paging.number() > 1;
    }

    public boolean hasNext() {
      return paging.offset() + paging.size() < total;
    }
  }
}
