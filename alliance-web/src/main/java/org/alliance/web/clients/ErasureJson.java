package org.alliance.web.clients;

/**
 * The answer to {@code POST /api/clients/{id}/erasure}: what was done, with counts only.
 *
 * @param reference the client's new, neutral reference after anonymising; null once removed
 * @param scoresKept the scores kept, de-identified, for statistics (0 once removed)
 */
public record ErasureJson(
    long client,
    String mode,
    String reference,
    int administrationsRemoved,
    int correctionsRemoved,
    int notesRemoved,
    int noteVersionsRemoved,
    int acknowledgementsRemoved,
    int linksRemoved,
    int scoresKept) {
  static ErasureJson of(long client, EraseClient.Erased erased) {
    EraseClient.Holdings held = erased.removed();
    boolean removed = erased.mode() == EraseClient.Mode.REMOVE;
    return new ErasureJson(
        client,
        erased.mode().id(),
        erased.newReference().orElse(null),
        removed ? held.administrations() : 0,
        removed ? held.corrections() : 0,
        held.notes(),
        held.noteVersions(),
        held.acknowledgements(),
        held.links(),
        removed ? 0 : held.administrations());
  }
}
