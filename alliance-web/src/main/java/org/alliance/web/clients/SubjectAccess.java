package org.alliance.web.clients;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.Corrections;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.alerts.AlertAcknowledgements;
import org.alliance.web.alerts.AlertAcknowledgements.Acknowledgement;
import org.alliance.web.alerts.ScoreHistory;
import org.alliance.web.alerts.SessionScore;
import org.alliance.web.clients.ChartNotes.ChartNote;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.links.ClientLinks;
import org.alliance.web.platform.access.Client;
import org.jdbi.v3.core.Handle;

/**
 * Everything the clinic holds about one client (GDPR art. 15), read in one transaction, for the
 * subject-access PDF and FHIR Bundle: the reference, details and contacts, every administration,
 * the corrected and voided entries, chart notes with their history, what was done about alerts, and
 * the links sent.
 */
public record SubjectAccess(
    Client client,
    ClientRecords.ClientRecord record,
    List<StoredAdministration> administrations,
    List<SessionScore> scores,
    List<Corrections.HistoryEntry> corrections,
    List<ChartNote> notes,
    List<ChartNotes.EarlierVersion> noteHistory,
    List<Acknowledgement> acknowledgements,
    List<ClientLinks.LinkInfo> links) {
  public SubjectAccess {
    requireNonNull(client, "client");
    requireNonNull(record, "record");
    administrations = List.copyOf(administrations);
    scores = List.copyOf(scores);
    corrections = List.copyOf(corrections);
    notes = List.copyOf(notes);
    noteHistory = List.copyOf(noteHistory);
    acknowledgements = List.copyOf(acknowledgements);
    links = List.copyOf(links);
  }

  /** Reads everything about a client the caller may reach (checked before). */
  public static SubjectAccess read(Handle handle, Client client) {
    long id = client.id();
    return new SubjectAccess(
        client,
        ClientRecords.find(handle, id).orElseThrow(),
        Administrations.ofClient(handle, id),
        // The charts and alerts are of the latest episode of care, as on the client's page (a
        // course is one episode's); every entry of every episode is listed with its answers.
        ScoreHistory.scores(handle, Episodes.chosen(handle, client, Optional.empty()).id()),
        Corrections.ofClient(handle, id),
        ChartNotes.ofClient(handle, id),
        ChartNotes.historyOf(handle, id),
        AlertAcknowledgements.ofClient(handle, id),
        ClientLinks.ofClient(handle, id));
  }
}
