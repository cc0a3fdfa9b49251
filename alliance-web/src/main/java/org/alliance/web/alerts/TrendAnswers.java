package org.alliance.web.alerts;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.Optional;
import org.alliance.web.alerts.ScoreHistory.ClientVersion;

/**
 * The trend answers last written, one per episode of care, each valid for one version of its data
 * and one basis (the fit of the expected courses and the clinic's instruments): a client's trend is
 * read far more often than their data changes, and computing and writing it costs more than
 * everything else a trend request does.
 */
final class TrendAnswers {
  /** About 2,000 answers of 40 sessions of two measures. */
  private static final long MAX_BYTES = 32L * 1024 * 1024;

  private record Answer(ClientVersion version, ClinicTrends.Basis basis, byte[] json) {}

  private final Cache<Long, Answer> answers =
      CacheBuilder.newBuilder()
          .maximumWeight(MAX_BYTES)
          .<Long, Answer>weigher((client, answer) -> answer.json().length)
          .build();

  /** The answer for this version of the client's data, if it was written on the same basis. */
  Optional<byte[]> find(ClientVersion version, ClinicTrends.Basis basis) {
    Answer answer = answers.getIfPresent(version.episodeId());
    // The client's row is part of the version: the answer names the client and their clinician.
    return answer != null
            && answer.version().equals(version)
            && answer.basis().fit() == basis.fit()
            && answer.basis().catalog() == basis.catalog()
        ? Optional.of(answer.json())
        : Optional.empty();
  }

  /** Forgets a client's answer, which names the client. */
  void forget(long clientId) {
    answers.invalidate(clientId);
  }

  /** Keeps an answer written from data of this version on this basis, and returns it. */
  byte[] keep(ClientVersion version, ClinicTrends.Basis basis, byte[] json) {
    answers.put(version.episodeId(), new Answer(version, basis, json));
    return json;
  }
}
