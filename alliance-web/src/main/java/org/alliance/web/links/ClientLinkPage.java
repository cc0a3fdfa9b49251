package org.alliance.web.links;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.alliance.core.instrument.Catalog;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.scoring.Administration;
import org.alliance.web.administrations.Administrations;
import org.alliance.web.administrations.StoredAdministration;
import org.alliance.web.episodes.Episodes;
import org.alliance.web.instruments.ClinicInstruments;
import org.alliance.web.instruments.InstrumentLanguage;
import org.alliance.web.platform.Platform;
import org.alliance.web.platform.access.Access;
import org.alliance.web.platform.access.Client;
import org.alliance.web.platform.access.ClientLanguage;
import org.alliance.web.platform.access.Clients;
import org.alliance.web.platform.audit.AuditAction;
import org.alliance.web.platform.audit.AuditLog;
import org.alliance.web.platform.http.PageRequests;
import org.alliance.web.platform.http.Pages;
import org.alliance.web.platform.http.WebException;
import org.alliance.web.platform.security.Principal;
import org.alliance.web.platform.security.Secrets;
import org.alliance.web.platform.security.Viewer;

/**
 * Sending a client a link to fill in one measure on their own phone ({@code POST
 * /clients/{id}/links}): the answer shows the link and its QR code once, since the database keeps
 * only the hash of its token.
 */
public final class ClientLinkPage {
  /** How long a link stays open: a week covers the time to the next weekly session. */
  public static final Duration LINK_LIFETIME = Duration.ofDays(7);

  private final Platform platform;

  private final ClinicInstruments instruments;
  private final Supplier<URI> publicUrl;

  /**
   * @param publicUrl where clients reach the server: links are built from it, never from the
   *     request's Host header, which the sender of a request chooses
   */
  public ClientLinkPage(Platform platform, ClinicInstruments instruments, Supplier<URI> publicUrl) {
    this.platform = platform;
    this.instruments = instruments;
    this.publicUrl = publicUrl;
  }

  /**
   * What the clinician sees after creating a link.
   *
   * @param language the language the client's pages are in, in words
   * @param languageNote that the client will see the measure in English, for want of their language
   *     in its definition; empty when they see their own
   */
  public record CreatedLink(
      long clientId,
      String reference,
      String instrument,
      int session,
      String url,
      String qrSvg,
      Instant expiresAt,
      String language,
      Optional<String> languageNote) {}

  /** {@code POST /clients/{id}/links}: instrument, and the session (the next one when blank). */
  public void create(Context ctx) {
    platform.authentication().require(ctx);
    long id = PageRequests.id(ctx, "id");
    String instrumentId =
        PageRequests.field(ctx, "instrument")
            .orElseThrow(
                () ->
                    WebException.badRequest("instrument: choose the measure the client fills in"));
    Instrument instrument = instruments.forNewData("instrument", instrumentId);
    var requestedSession = PageRequests.session(ctx, "session");
    String token = Secrets.random();
    Instant now = platform.clock().instant();
    Instant expires = now.plus(LINK_LIFETIME);
    record Made(Principal principal, Client client, int session, ClientLanguage language) {}
    Made made =
        platform
            .database()
            .write(
                handle -> {
                  Principal principal = platform.authentication().require(ctx, handle);
                  Client client = Access.client(handle, principal, id);
                  // A link is answered into the open episode: none is sent without one.
                  Episodes.openForRecording(handle, id);
                  int session =
                      requestedSession.isPresent()
                          ? requestedSession.getAsInt()
                          : nextSession(
                              Administrations.ofOpenEpisode(handle, id).stream()
                                  .mapToInt(StoredAdministration::session)
                                  .max());
                  long link =
                      ClientLinks.create(
                          handle,
                          Secrets.hash(token),
                          id,
                          instrument.id(),
                          session,
                          expires,
                          principal.userId(),
                          now);
                  AuditLog.record(
                      handle,
                      Optional.of(principal.userId()),
                      AuditAction.LINK_CREATE,
                      Optional.of(id),
                      instrument.id()
                          + " session "
                          + session
                          + " (link "
                          + link
                          + ", expires "
                          + expires
                          + ")",
                      now);
                  return new Made(
                      principal,
                      client,
                      session,
                      Clients.language(handle, id).orElse(ClientLanguage.DEFAULT));
                });
    String url = publicUrl.get().toString().replaceAll("/+$", "") + "/f/" + token;
    CreatedLink created =
        new CreatedLink(
            id,
            made.client().reference(),
            ClinicInstruments.shortName(instrument),
            made.session(),
            url,
            ClientLinkQrCode.svg(url),
            expires,
            made.language().label(),
            InstrumentLanguage.fallbackNote(
                instrument, made.language(), instruments.showsText(instrument)));
    Pages.render(ctx, "links/link.jte", "viewer", Viewer.of(made.principal()), "link", created);
  }

  /**
   * For the client's page, where links are made: the measures in use that the client would see in
   * English for want of their language, in one sentence; empty for an English-speaking client or
   * when every measure has their language.
   */
  public static Optional<String> languageNote(
      ClinicInstruments instruments, ClientLanguage language) {
    java.util.List<String> english =
        instruments.inUse().stream()
            .filter(
                instrument ->
                    !InstrumentLanguage.covers(
                        instrument, language, instruments.showsText(instrument)))
            .map(ClinicInstruments::shortName)
            .toList();
    if (english.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "This client's pages are in "
            + language.englishName()
            + ". "
            + (english.size() == 1
                ? "The " + english.get(0) + " has"
                : String.join(", ", english) + " have")
            + " no "
            + language.englishName()
            + " text here: the client will see "
            + (english.size() == 1 ? "it" : "them")
            + " in English.");
  }

  /** A link sent earlier, as the client's page lists it. */
  public record LinkLine(
      String instrument, int session, String sent, String expires, String state) {}

  public static java.util.List<LinkLine> lines(
      java.util.List<ClientLinks.LinkInfo> links, Catalog catalog, Instant now) {
    return links.stream()
        .map(
            link ->
                new LinkLine(
                    catalog
                        .find(link.instrumentId())
                        .map(instrument -> instrument.title().en())
                        .orElse(link.instrumentId()),
                    link.session(),
                    minutes(link.createdAt()),
                    minutes(link.expiresAt()),
                    link.state(now)))
        .toList();
  }

  private static String minutes(Instant instant) {
    return instant.toString().substring(0, 16).replace('T', ' ') + " UTC";
  }

  /**
   * The session a link is for by default: the one after the latest, or the first; never beyond the
   * highest session number (a client's record may hold larger ones from before that limit).
   */
  public static int nextSession(java.util.OptionalInt latest) {
    return latest.isPresent()
        ? (int) Math.min(latest.getAsInt() + 1L, Administration.MAX_SESSION)
        : 1;
  }
}
