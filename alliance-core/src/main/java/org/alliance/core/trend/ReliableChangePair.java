package org.alliance.core.trend;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One client's score before and after treatment, either of which may be missing. A sample analysis
 * leaves out every client with a missing score before it computes any statistic.
 */
public record ReliableChangePair(String client, OptionalDouble pre, OptionalDouble post) {
  public ReliableChangePair {
    checkArgument(client != null && !client.isBlank(), "a pre-post pair needs a client");
    requireNonNull(pre, "pre");
    requireNonNull(post, "post");
    checkArgument(
        pre.isEmpty() || Double.isFinite(pre.getAsDouble()),
        "client %s: the pre score must be finite",
        client);
    checkArgument(
        post.isEmpty() || Double.isFinite(post.getAsDouble()),
        "client %s: the post score must be finite",
        client);
  }

  /** A client with both scores. */
  public static ReliableChangePair of(String client, double pre, double post) {
    return new ReliableChangePair(client, OptionalDouble.of(pre), OptionalDouble.of(post));
  }

  /** The scores of a course at two sessions, missing where the course has no observation. */
  public static ReliableChangePair fromCourse(Course course, int preSession, int postSession) {
    checkArgument(
        preSession < postSession,
        "the pre session %s must come before the post session %s",
        preSession,
        postSession);
    return new ReliableChangePair(course.client(), course.at(preSession), course.at(postSession));
  }

  /**
   * The first and the last observation of a course. A course with a single observation has no post
   * score (the same score cannot be both), and an empty course has neither.
   */
  public static ReliableChangePair firstAndLast(Course course) {
    OptionalDouble pre =
        course.first().map(o -> OptionalDouble.of(o.score())).orElse(OptionalDouble.empty());
    OptionalDouble post =
        course.observations().size() < 2
            ? OptionalDouble.empty()
            : OptionalDouble.of(course.last().orElseThrow().score());
    return new ReliableChangePair(course.client(), pre, post);
  }

  /** True when both scores are present. */
  public boolean isComplete() {
    return pre.isPresent() && post.isPresent();
  }
}
