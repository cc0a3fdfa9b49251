package org.alliance.core.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The answers of one administration by item id: an immutable map that keeps the order answers were
 * given in. Backed by two small arrays, because a questionnaire has at most a few dozen items and
 * bulk scoring builds millions of these.
 */
public final class Answers extends AbstractMap<String, Answer> {
  private static final Answers EMPTY = new Answers(new String[0], new Answer[0], 0);

  private final String[] ids;
  private final Answer[] answers;
  private final int size;

  private Answers(String[] ids, Answer[] answers, int size) {
    this.ids = ids;
    this.answers = answers;
    this.size = size;
  }

  public static Answers of() {
    return EMPTY;
  }

  /** A copy of a map, in its iteration order. */
  public static Answers copyOf(Map<String, ? extends Answer> map) {
    if (map instanceof Answers answers) {
      return answers;
    }
    Builder builder = builder(map.size());
    map.forEach(builder::put);
    return builder.build();
  }

  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  @Override
  public int size() {
    return size;
  }

  /** The item id at a position, in the order given. */
  public String id(int index) {
    checkIndex(index);
    return ids[index];
  }

  /** The answer at a position, in the order given. */
  public Answer answer(int index) {
    checkIndex(index);
    return answers[index];
  }

  /**
   * The position of an item id, or -1. Looks at {@code hint} first: answers usually come in item
   * order, so a caller walking the items finds each answer at once.
   */
  public int indexOf(String id, int hint) {
    if (hint >= 0 && hint < size && (ids[hint] == id || ids[hint].equals(id))) {
      return hint;
    }
    for (int i = 0; i < size; i++) {
      if (ids[i].equals(id)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String id && indexOf(id, -1) >= 0;
  }

  @Override
  public Answer get(Object key) {
    if (!(key instanceof String id)) {
      return null;
    }
    int index = indexOf(id, -1);
    return index < 0 ? null : answers[index];
  }

  @Override
  public Set<Entry<String, Answer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Answer>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Answer> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int index = next++;
            return new SimpleImmutableEntry<>(ids[index], answers[index]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("answer " + index + " of " + size);
    }
  }

  /** Collects answers; an item id may be given only once. */
  public static final class Builder {
    private String[] ids;
    private Answer[] answers;
    private int size;

    private Builder(int expectedSize) {
      ids = new String[Math.max(expectedSize, 4)];
      answers = new Answer[ids.length];
    }

    public Builder put(String id, Answer answer) {
      requireNonNull(id, "item id");
      requireNonNull(answer, "answer");
      for (int i = 0; i < size; i++) {
        checkArgument(!ids[i].equals(id), "item %s is answered twice", id);
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        answers = Arrays.copyOf(answers, size * 2);
      }
      ids[size] = id;
      answers[size] = answer;
      size++;
      return this;
    }

    public Answers build() {
      return size == 0 ? EMPTY : new Answers(ids, answers, size);
    }
  }
}
