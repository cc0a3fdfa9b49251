package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.alliance.io.report.ItemAnswers;
import org.alliance.web.alerts.AlertItem;
import org.alliance.web.clients.ChartNotes.ChartNote;

/**
 * What a client's page shows: a chart per measure, why the client stands where they do among the
 * clients, the alerts with their explanations (and what was done about them), the latest answers
 * item by item, the themes of the self-check answered "no", the notes on the chart, and every
 * administration.
 */
public record ClientView(
    long id,
    String reference,
    String clinician,
    List<Chart> charts,
    String why,
    List<AlertItem> alerts,
    List<ItemAnswers> latestAnswers,
    List<String> selfCheckNo,
    List<ChartNote> notes,
    List<ChartNotes.EarlierVersion> noteHistory,
    List<AdministrationLine> administrations,
    List<HistoryLine> history,
    List<String> trendNotes,
    List<EntryChoice> instruments,
    int nextSession,
    Facts facts,
    EpisodesView episodes,
    String notice) {
  public ClientView {
    requireNonNull(reference, "reference");
    charts = List.copyOf(charts);
    alerts = List.copyOf(alerts);
    latestAnswers = List.copyOf(latestAnswers);
    selfCheckNo = List.copyOf(selfCheckNo);
    notes = List.copyOf(notes);
    noteHistory = List.copyOf(noteHistory);
    administrations = List.copyOf(administrations);
    history = List.copyOf(history);
    trendNotes = List.copyOf(trendNotes);
    instruments = List.copyOf(instruments);
    requireNonNull(facts, "facts");
    requireNonNull(notice, "notice");
  }

  /**
   * The client's details as the page shows them ("" for a contact not recorded), the form that
   * changes them, and the clinicians the client may be moved to.
   *
   * @param age "born DATE (BAND)", "BAND (age band)", or "not recorded"
   * @param discharged "discharged on DATE by WHO", or "" while on the active caseload
   * @param mayReassign whether the user moves clients between clinicians (a supervisor, an admin)
   */
  public record Facts(
      String age,
      String language,
      String email,
      String mobile,
      String discharged,
      ClientForm form,
      boolean mayReassign,
      List<ClientForm.Choice> moveTo) {
    public Facts {
      moveTo = List.copyOf(moveTo);
    }

    public boolean isDischarged() {
      return !discharged.isEmpty();
    }
  }

  /**
   * The client's episodes of care as the page lists them, which one it shows, and what the forms
   * that close the open one or open a new one need.
   *
   * @param shown the episode the page shows, in words
   * @param showingLatest whether it is the latest, the one shown without asking
   * @param openId the id of the open episode; 0 when there is none
   * @param today the day a closing form suggests, YYYY-MM-DD
   */
  public record EpisodesView(
      List<EpisodeLine> lines,
      String shown,
      boolean showingLatest,
      long openId,
      String today,
      List<ClientForm.Choice> reasons) {
    public EpisodesView {
      lines = List.copyOf(lines);
      reasons = List.copyOf(reasons);
    }

    public boolean hasOpen() {
      return openId != 0;
    }

    /** The id of the episode the page shows. */
    public long shownId() {
      return lines.stream().filter(EpisodeLine::shown).findFirst().map(EpisodeLine::id).orElse(0L);
    }
  }

  /**
   * One episode in the list: its number, dates and ending in words, and the address that shows it.
   */
  public record EpisodeLine(long id, String words, String href, boolean shown) {}

  /**
   * A measure's chart, drawn by the io chart code (an SVG image at {@code src}), with what it shows
   * in words.
   */
  public record Chart(
      String measure, String title, String description, String src, List<String> findings) {}

  /** One administration as stored: its total, band and any risk items answered. */
  public record AdministrationLine(
      long id,
      int session,
      String date,
      String instrument,
      String total,
      String band,
      String risk) {}

  /** The earlier versions of one note, oldest first. */
  public List<ChartNotes.EarlierVersion> earlier(long noteId) {
    return noteHistory.stream().filter(version -> version.noteId() == noteId).toList();
  }

  /** An entry as it was before it was corrected or voided, with why, by whom and when. */
  public record HistoryLine(String entry, String change, String reason, String by, String on) {}

  /** An instrument the clinician may enter or send as a link. */
  public record EntryChoice(String id, String title) {}
}
