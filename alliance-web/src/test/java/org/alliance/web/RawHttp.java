package org.alliance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK's client would not send as written: paths with
 * {@code ..} or broken percent-encoding, a wrong Host or Content-Length, any method.
 */
public final class RawHttp {
  private RawHttp() {}

  /** An answer: status, headers by lower-case name, and the body. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return status + " " + headers + "\n" + text();
    }
  }

  /** A request with {@code Host: localhost} and {@code Connection: close} added. */
  public static Answer send(int port, String method, String target, String... headers) {
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: localhost:").append(port).append("\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return send(port, request.toString().getBytes(StandardCharsets.ISO_8859_1), 10_000);
  }

  /**
   * Sends these bytes as they are, ends the sending side, and reads one answer (empty status 0 when
   * the server closes without answering).
   */
  public static Answer send(int port, byte[] request, int timeoutMillis) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (java.net.SocketException e) {
        // the server answered and closed before reading everything: read its answer below
      }
      try {
        return read(socket.getInputStream(), false);
      } catch (java.net.SocketException e) {
        return new Answer(0, Map.of(), new byte[0]);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "no answer within "
              + timeoutMillis
              + " ms to "
              + new String(request, 0, Math.min(200, request.length), StandardCharsets.ISO_8859_1),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One kept-alive connection for many requests, opened again whenever the server closes it; much
   * cheaper than a socket per request when thousands are sent.
   */
  public static final class Connection implements AutoCloseable {
    private final int port;
    private final int timeoutMillis;
    private Socket socket;

    public Connection(int port, int timeoutMillis) {
      this.port = port;
      this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends a complete request (with a Content-Length or none, never "Connection: close") and reads
     * its answer; status 0 when the server closed without answering.
     */
    public Answer exchange(byte[] request, boolean head) {
      try {
        boolean reused = socket != null;
        if (!reused) {
          open();
        }
        Answer answer = attempt(socket, request, head);
        if (answer.status() == 0 && reused) {
          // A kept-alive connection the server had already let go: once more on a new one.
          close();
          open();
          answer = attempt(socket, request, head);
        }
        boolean closing =
            answer.status() <= 0
                || answer.header("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false)
                || answer.headers().get("content-length") == null
                    && answer.headers().get("transfer-encoding") == null
                    && !head;
        if (closing) {
          close();
        }
        return answer;
      } catch (SocketTimeoutException e) {
        close();
        throw new AssertionError(
            "no answer within "
                + timeoutMillis
                + " ms to "
                + new String(
                    request, 0, Math.min(300, request.length), StandardCharsets.ISO_8859_1),
            e);
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(e);
      }
    }

    /** Whether a connection is open to send the next request on. */
    public boolean isOpen() {
      return socket != null;
    }

    private void open() throws IOException {
      socket = new Socket("localhost", port);
      socket.setSoTimeout(timeoutMillis);
      socket.setTcpNoDelay(true);
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing a socket we are done with; nothing to do
        }
        socket = null;
      }
    }
  }

  /**
   * Writes a request and reads its answer. A server may answer and close before it has read all of
   * a request it refuses (headers too large, say), so a failed write still reads what came back;
   * status 0 when nothing did.
   */
  private static Answer attempt(Socket socket, byte[] request, boolean head) throws IOException {
    try {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
    } catch (java.net.SocketException e) {
      // read what the server said before it closed, below
    }
    try {
      return read(socket.getInputStream(), head);
    } catch (java.net.SocketException e) {
      return new Answer(0, Map.of(), new byte[0]);
    }
  }

  /** One answer; the answer to HEAD has headers only, whatever its Content-Length says. */
  private static Answer read(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      return new Answer(0, Map.of(), new byte[0]);
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
      // Not the start of an answer: the connection is out of step with its requests.
      return new Answer(-1, Map.of("unreadable", List.of(statusLine)), new byte[0]);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    byte[] body;
    List<String> length = headers.get("content-length");
    if (head || status == 204 || status == 304) {
      return new Answer(status, headers, new byte[0]);
    }
    List<String> transfer = headers.get("transfer-encoding");
    if (transfer != null && transfer.get(0).equalsIgnoreCase("chunked")) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        all.write(in.readNBytes(size));
        line(in);
      }
      // The trailer, if any, up to the empty line that ends the answer.
      for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
        // trailers carry nothing the tests look at
      }
      body = all.toByteArray();
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length.get(0)));
    } else {
      body = in.readAllBytes();
    }
    List<String> encoding = headers.get("content-encoding");
    if (encoding != null && encoding.get(0).equalsIgnoreCase("gzip") && body.length > 0) {
      body =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
    }
    return new Answer(status, headers, body);
  }

  private static int chunkSize(InputStream in) throws IOException {
    String line = line(in);
    return line == null ? 0 : Integer.parseInt(line.split(";", 2)[0].trim(), 16);
  }

  /** A line ending in CRLF, without it; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
