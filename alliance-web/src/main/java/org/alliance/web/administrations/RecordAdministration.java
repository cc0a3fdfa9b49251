package org.alliance.web.administrations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.alliance.core.scoring.Score;
import org.alliance.core.scoring.Scorer;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.jdbi.v3.core.Handle;

/**
 * What happens when a form is saved, wherever it comes from (the API, the tablet entry, a client's
 * link, an import, the demo clinic): the instrument must be in use in the clinic, the answers are
 * scored, a form that cannot be scored is not stored, the client must have an open episode of care
 * (the entry joins it; none is opened unasked), a session of the episode that already has this
 * instrument is refused (also when another submission wins the race for it), the risk items
 * answered are kept beside the score, and the entry is audited, all in the caller's transaction.
 * The client's alerts follow by themselves: they are kept per version of the client's data, so the
 * next read after a new administration computes them again.
 */
public final class RecordAdministration {
  private final ClinicInstruments instruments;

  public RecordAdministration(ClinicInstruments instruments) {
    this.instruments = instruments;
  }

  /**
   * Why a form's date cannot be right, if it cannot: a day after today. Today is taken where the
   * clinic may be, so up to a day ahead of UTC (the server's clock) is accepted.
   */
  public static Optional<String> futureDate(Optional<LocalDate> date, Instant now) {
    LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
    return date.filter(day -> day.isAfter(latest))
        .map(
            day ->
                day
                    + " is in the future; give the day the questionnaire was filled in (today at "
                    + "the latest)");
  }

  /**
   * A form scored against the clinic's instrument. Scoring stores nothing, so a caller can show the
   * problems of a form that is not {@link Scored#valid() valid} and ask again.
   *
   * @throws org.alliance.web.platform.http.WebException 400 when the clinic does not use the
   *     instrument now
   */
  public Scored score(Administration administration) {
    Instrument instrument = instruments.forNewData("instrument", administration.instrumentId());
    return Scored.of(instrument, administration, Scorer.score(instrument, administration));
  }

  /**
   * Scores the answers a client gave on their own form today (a link on their phone, or the
   * clinic's tablet in kiosk mode): dated today, under the client's current reference.
   */
  public Scored scoreClientForm(
      Handle handle,
      long clientId,
      Instrument instrument,
      int session,
      Answers answers,
      Instant now) {
    String reference =
        org.alliance.web.platform.access.Clients.find(handle, clientId).orElseThrow().reference();
    return score(
        new Administration(
            instrument.id(),
            Optional.of(instrument.version()),
            reference,
            session,
            Optional.of(LocalDate.ofInstant(now, ZoneOffset.UTC)),
            Optional.empty(),
            answers));
  }

  /**
   * Stores a valid scored form in the client's open episode of care, with its audit entry, and
   * returns the administration's id.
   *
   * @throws org.alliance.web.platform.http.WebException 409 when the client has no open episode
   * @throws SessionAlreadyRecorded when the episode already has this instrument at this session,
   *     found before storing or refused by the database because a concurrent submission was
   *     committed first
   */
  public long store(Handle handle, long clientId, Scored scored, Source source, Instant now) {
    return storeIn(
        handle, clientId, Episodes.openForRecording(handle, clientId), scored, source, now);
  }

  /**
   * Stores a valid scored form in a given episode of the client (a correction stays in the episode
   * of the entry it corrects).
   */
  public long storeIn(
      Handle handle, long clientId, long episodeId, Scored scored, Source source, Instant now) {
    if (!scored.valid()) {
      throw new IllegalArgumentException(
          "a form that cannot be scored is not stored: " + scored.score().problems());
    }
    Administration administration = scored.administration();
    String instrumentId = scored.instrument().id();
    if (Administrations.exists(handle, episodeId, instrumentId, administration.session())) {
      throw new SessionAlreadyRecorded(instrumentId, administration.session(), null);
    }
    long id =
        Administrations.insert(
            handle,
            clientId,
            episodeId,
            administration,
            scored.instrument().version(),
            scored.score(),
            scored.riskFlags(),
            source.createdBy(),
            now);
    AuditLog.record(
        handle,
        source.user(),
        source.action(),
        Optional.of(clientId),
        instrumentId
            + " session "
            + administration.session()
            + " (administration "
            + id
            + source.via()
            + ")",
        now);
    return id;
  }

  /**
   * A form and its score.
   *
   * @param riskFlags the risk items answered above their minimum, with the answers, in item order
   */
  public record Scored(
      Instrument instrument,
      Administration administration,
      Score score,
      Map<String, Double> riskFlags) {
    public Scored {
      riskFlags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(riskFlags));
    }

    /** A form already scored with this instrument (an import scores while it reads). */
    public static Scored of(Instrument instrument, Administration administration, Score score) {
      Map<String, Double> flags = new LinkedHashMap<>();
      for (String item : score.flags()) {
        if (administration.answer(item) instanceof Answer.Value value) {
          flags.put(item, value.value());
        }
      }
      return new Scored(instrument, administration, score, flags);
    }

    public boolean valid() {
      return score.valid();
    }
  }

  /**
   * Who saves a form and through what, for the stored row and its audit entry.
   *
   * @param user the signed-in user; empty for a client filling in a link
   * @param createdBy the user the administration is stored under (for a link, the clinician who
   *     sent it)
   * @param via how it came, added to the audit entry, such as {@code ", tablet entry"}
   */
  public record Source(Optional<Long> user, long createdBy, AuditAction action, String via) {
    /** Sent through the API by a user. */
    public static Source api(long user) {
      return new Source(Optional.of(user), user, AuditAction.ADMINISTRATION_CREATE, "");
    }

    /** Entered on the tablet form by a user. */
    public static Source tablet(long user) {
      return new Source(
          Optional.of(user), user, AuditAction.ADMINISTRATION_CREATE, ", tablet entry");
    }

    /** Filled in by the client through a link a clinician sent. */
    public static Source link(long linkId, long sentBy) {
      return new Source(
          Optional.empty(), sentBy, AuditAction.ADMINISTRATION_CREATE, ", client link " + linkId);
    }

    /**
     * Filled in by the client on a tablet in kiosk mode, which a clinician started: stored as a
     * link's answers are, under that clinician.
     */
    public static Source kiosk(long kioskId, long startedBy) {
      return new Source(
          Optional.empty(),
          startedBy,
          AuditAction.ADMINISTRATION_CREATE,
          ", kiosk mode " + kioskId);
    }

    /** A row of a file a user imports. */
    public static Source importRow(long user, long line) {
      return new Source(
          Optional.of(user), user, AuditAction.ADMINISTRATION_IMPORT, ", line " + line);
    }

    /** A user's correction of an earlier entry. */
    public static Source correction(long user, long corrected) {
      return new Source(
          Optional.of(user),
          user,
          AuditAction.ADMINISTRATION_CORRECT,
          ", correcting administration " + corrected);
    }

    /** Made up for the demo clinic. */
    public static Source demo(long clinician) {
      return new Source(
          Optional.empty(), clinician, AuditAction.ADMINISTRATION_CREATE, ", demo clinic");
    }
  }
}
