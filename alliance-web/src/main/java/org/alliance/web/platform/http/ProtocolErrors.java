package org.alliance.web.platform.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before any route sees it (a path with {@code ..} or a
 * broken %-encoding, a missing or malformed Host header, headers too large): the security headers
 * every answer carries and one short sentence saying what is wrong, as JSON {@code {"error": ...}}
 * under {@code /api} or for a program (one that asks for JSON or sends an API token), as plain text
 * elsewhere. Never Jetty's page, which names the server and echoes the address.
 */
public final class ProtocolErrors extends ErrorHandler {
  private final SecurityHeaders headers;

  public ProtocolErrors(SecurityHeaders headers) {
    this.headers = headers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason = (String) request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      status = http.getCode();
      reason = http.getReason();
      response.setStatus(status);
    }
    HttpFields.Mutable fields = response.getHeaders();
    headers.all().forEach(fields::put);
    boolean json = wantsJson(request);
    byte[] body = body(status, reason, json);
    fields.put(HttpHeader.CONTENT_TYPE, contentType(json));
    fields.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
    if (HttpMethod.HEAD.is(request.getMethod())) {
      // The answer to HEAD has no body: one here would be read as the next answer on the
      // connection.
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }

  /**
   * A request Jetty cannot even read as one (it answers from the connection, without a request).
   */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    headers.all().forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, contentType(false));
    return ByteBuffer.wrap(body(status, reason, false));
  }

  private static boolean wantsJson(Request request) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    if (path != null
        && (path.equals("/api") || path.startsWith("/api/") || path.equals("/health"))) {
      return true;
    }
    // A request Jetty could not read at all has lost its path and headers: plain text then.
    HttpField accept = request.getHeaders().getField(HttpHeader.ACCEPT);
    return accept != null && accept.getValue().toLowerCase(Locale.ROOT).contains("json");
  }

  private static String contentType(boolean json) {
    return json ? "application/json" : "text/plain; charset=utf-8";
  }

  private static byte[] body(int status, String reason, boolean json) {
    String message = message(status, reason);
    return json
        ? Json.bytes(ErrorJson.of(message))
        : (message + "\n").getBytes(StandardCharsets.UTF_8);
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
