package org.alliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alliance push}: uploads a file of administrations to a clinic server through its HTTP API.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Upload a file of administrations (answers CSV, or a FHIR Bundle / NDJSON) to a clinic server, which scores "
          + "and stores every valid one and reports the rest with their line and column.",
      "The token is a personal API token created in the server (see docs/web.md); prefer ALLIANCE_TOKEN to --token, "
          + "so it stays out of the shell's history."
    })
final class PushCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to upload.")
  Path file;

  @Option(
      names = "--server",
      paramLabel = "URL",
      required = true,
      description = "The server, e.g. https://alliance.example.org")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:ALLIANCE_TOKEN}",
      description = "Personal API token. Default: the ALLIANCE_TOKEN environment variable.")
  String token;

  @Option(
      names = "--instrument",
      paramLabel = "ID",
      description = "Instrument of CSV rows without an instrument column.")
  String instrument;

  @Option(
      names = "--clinician",
      paramLabel = "USERNAME",
      description = "Clinician whose caseload new clients join.")
  String clinician;

  @Option(
      names = "--strict",
      description = "The server stores nothing if any administration has a problem.")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    CommandLine commandLine = spec.commandLine();
    InputFiles.check(file, commandLine);
    if (token == null || token.isBlank()) {
      throw new CommandLine.ParameterException(
          commandLine, "no API token: give --token or set ALLIANCE_TOKEN");
    }
    URI uri = importUri(commandLine);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String type =
        name.endsWith(".json") || name.endsWith(".ndjson") ? "application/fhir+json" : "text/csv";
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token.strip())
            .header("Content-Type", type)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(15))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException("cannot reach " + server + ": connection refused");
    } catch (HttpTimeoutException e) {
      throw new IOException("cannot reach " + server + ": no answer in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading", e);
    }
    return report(response, commandLine.getOut(), commandLine.getErr());
  }

  private URI importUri(CommandLine commandLine) {
    StringBuilder query = new StringBuilder("/api/import?strict=").append(strict);
    if (instrument != null) {
      query
          .append("&instrument=")
          .append(java.net.URLEncoder.encode(instrument, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (clinician != null) {
      query
          .append("&clinician=")
          .append(java.net.URLEncoder.encode(clinician, java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      URI base = new URI(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
      if (base.getScheme() == null
          || !base.getScheme().matches("https?")
          || base.getHost() == null) {
        throw new URISyntaxException(server, "expected http:// or https:// and a host");
      }
      return URI.create(base + query.toString());
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(
          commandLine, "--server: not a server address: " + server + " (" + e.getReason() + ")");
    }
  }

  private int report(HttpResponse<String> response, PrintWriter out, PrintWriter err) {
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status == 401) {
      err.println("alliance: the server refused the token (401); create a new one in the server");
      return ExitCode.INVALID_INPUT;
    }
    if (status != 200) {
      err.println(
          "alliance: the server answered " + status + ": " + text(body, "error", response.body()));
      printProblems(body, err);
      return ExitCode.INVALID_INPUT;
    }
    printProblems(body, err);
    long rows = body.path("rows").asLong();
    long rejected = body.path("rejected").asLong();
    out.println(
        "stored "
            + body.path("taken").asLong()
            + " of "
            + rows
            + " administration"
            + (rows == 1 ? "" : "s")
            + " on "
            + server
            + (rejected > 0 ? "; " + rejected + " rejected (problems on stderr)" : "")
            + (body.path("clientsCreated").asLong() > 0
                ? "; " + body.path("clientsCreated").asLong() + " new clients"
                : ""));
    return rejected > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private void printProblems(JsonNode body, PrintWriter err) {
    for (JsonNode problem : body.path("problems")) {
      StringBuilder where = new StringBuilder(file.toString());
      if (problem.hasNonNull("line")) {
        where.append(" line ").append(problem.get("line").asLong());
      }
      if (problem.hasNonNull("column")) {
        where.append(", column ").append(problem.get("column").asInt());
      }
      if (problem.hasNonNull("field")) {
        where.append(" (").append(problem.get("field").asText()).append(')');
      }
      err.println(where + ": " + problem.path("message").asText());
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String text(JsonNode body, String field, String fallback) {
    return body.hasNonNull(field) ? body.get(field).asText() : fallback.strip();
  }
}
