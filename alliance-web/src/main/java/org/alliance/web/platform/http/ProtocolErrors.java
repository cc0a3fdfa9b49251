package org.alliance.web.platform.http;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests it refuses before any route sees them (a path with {@code ..} or a
 * broken %-encoding, a missing or malformed Host header, headers too large): the security headers
 * every answer carries and one short sentence saying what is wrong, as JSON {@code {"error": ...}}
 * under {@code /api} or when the client asks for JSON, as plain text elsewhere. Never Jetty's page,
 * which names the server and echoes the address.
 *
 * <p>Two handlers, one for the server (requests it cannot read at all) and one for the servlet
 * context (requests it refuses by their path): each keeps its Jetty base class's handling of the
 * request and only words the answer, since the servlet context must complete its error answers its
 * own way.
 */
public final class ProtocolErrors {
  private ProtocolErrors() {}

  /** For {@code Server.setErrorHandler}. */
  public static org.eclipse.jetty.server.handler.ErrorHandler forServer(SecurityHeaders headers) {
    return new ForServer(headers);
  }

  /** For the servlet context's {@code setErrorHandler}. */
  public static org.eclipse.jetty.ee10.servlet.ErrorHandler forServlets(SecurityHeaders headers) {
    return new ForServlets(headers);
  }

  private static final class ForServer extends org.eclipse.jetty.server.handler.ErrorHandler {
    private final SecurityHeaders headers;

    ForServer(SecurityHeaders headers) {
      this.headers = headers;
      setCacheControl("no-store");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      headers.all().forEach(response.getHeaders()::put);
      return super.handle(request, response, callback);
    }

    /** Every method gets the sentence, not only GET and POST as in Jetty's. */
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    /** One answer whatever the client says it accepts (Jetty's writes none for "text/csv"). */
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback)
        throws java.io.IOException {
      if (!generateAcceptableResponse(
          request, response, callback, contentType(request), UTF_8, code, message, cause)) {
        callback.succeeded();
      }
    }

    @Override
    protected void writeErrorPlain(
        Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writer.write(plain(code, message));
    }

    @Override
    protected void writeErrorJson(
        Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writer.write(json(code, message));
    }

    /** A request Jetty cannot even read as one (answered from the connection, without one). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      headers.all().forEach(fields::put);
      fields.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
      return ByteBuffer.wrap(plain(status, reason).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final class ForServlets extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    private final SecurityHeaders headers;

    ForServlets(SecurityHeaders headers) {
      this.headers = headers;
      setCacheControl("no-store");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      headers.all().forEach(response.getHeaders()::put);
      return super.handle(request, response, callback);
    }

    /** Every method gets the sentence, not only GET and POST as in Jetty's. */
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    /** One answer whatever the client says it accepts (Jetty's writes none for "text/csv"). */
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback)
        throws java.io.IOException {
      if (!generateAcceptableResponse(
          request, response, callback, contentType(request), UTF_8, code, message, cause)) {
        callback.succeeded();
      }
    }

    @Override
    protected void writeErrorPlain(
        Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writer.write(plain(code, message));
    }

    @Override
    protected void writeErrorJson(
        Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writer.write(json(code, message));
    }
  }

  private static final List<Charset> UTF_8 = List.of(StandardCharsets.UTF_8);

  /** JSON under the API or when asked for, plain text otherwise; never Jetty's HTML. */
  private static String contentType(Request request) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    if (path != null
        && (path.equals("/api") || path.startsWith("/api/") || path.equals("/health"))) {
      return "application/json";
    }
    // A request Jetty could not read at all has lost its path and headers: plain text then.
    HttpField accept = request.getHeaders().getField(HttpHeader.ACCEPT);
    return accept != null && accept.getValue().toLowerCase(Locale.ROOT).contains("json")
        ? "application/json"
        : "text/plain";
  }

  private static String plain(int status, String reason) {
    return message(status, reason) + "\n";
  }

  private static String json(int status, String reason) {
    return new String(Json.bytes(ErrorJson.of(message(status, reason))), StandardCharsets.UTF_8);
  }

  /** What went wrong in the client's terms; Jetty's reason only chooses among these. */
  static String message(int status, String reason) {
    String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    return switch (status) {
      case 400 -> {
        if (lower.contains("host")) {
          yield "the request's Host header is missing or malformed";
        } else if (lower.contains("content-length") || lower.contains("transfer-encoding")) {
          yield "the request's Content-Length or Transfer-Encoding header is malformed or"
              + " contradicts the other";
        } else if (lower.contains("multipart")) {
          yield "the upload is not a valid multipart form (check its boundary and parts)";
        } else if (lower.contains("form")) {
          yield "the form's fields cannot be read (URL-encoded fields expected)";
        } else if (lower.contains("character") && !lower.contains("path")) {
          yield "the request has a character HTTP does not allow";
        } else {
          yield "the address is malformed or not allowed (such as one with '..', '\\' or a"
              + " broken %-encoding)";
        }
      }
      case 404 -> "there is nothing at this address";
      case 405 -> "this method is not allowed here";
      case 408 -> "the request took too long to arrive";
      case 411 -> "the request needs a Content-Length header";
      case 413 -> "the request is too large";
      case 414 -> "the address is too long";
      case 415 -> "this content type is not accepted here";
      case 431 -> "the request's headers are too large";
      case 501 -> "this method is not known here";
      case 505 -> "this HTTP version is not supported; use HTTP/1.1";
      default -> {
        String standard = HttpStatus.getMessage(status);
        yield standard == null ? "the request cannot be served" : standard.toLowerCase(Locale.ROOT);
      }
    };
  }
}
