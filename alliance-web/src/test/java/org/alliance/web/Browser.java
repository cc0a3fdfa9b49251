package org.alliance.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.TestClinic.Reply;

/**
 * A browser in miniature: keeps cookies, reads the CSRF field of a page, and posts forms and file
 * uploads.
 */
public final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final TestClinic clinic;
  final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(TestClinic clinic) {
    this.clinic = clinic;
  }

  public Reply get(String path) {
    return keep(clinic.send(withCookies(clinic.request(path, null)).GET().build()));
  }

  public Reply postForm(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return keep(
        clinic.send(
            withCookies(clinic.request(path, null))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build()));
  }

  public Reply postJson(String path, String json, String csrf) {
    HttpRequest.Builder request =
        withCookies(clinic.request(path, null)).header("Content-Type", "application/json");
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return keep(clinic.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build()));
  }

  /** Opens the login page and signs in; returns the answer to the form. */
  public Reply signIn(String username, String password) {
    String csrf = csrf(get("/login"));
    return postForm("/login", Map.of("_csrf", csrf, "username", username, "password", password));
  }

  /** The CSRF field of a page. */
  public static String csrf(Reply page) {
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new AssertionError("no _csrf field in " + page.body());
    }
    return matcher.group(1);
  }

  /** Posts a multipart form with these fields and one file in the field {@code field}. */
  public Reply upload(
      String path, Map<String, String> fields, String field, String fileName, byte[] file) {
    String boundary = "----alliance-test-boundary";
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"")
        .append(field)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return keep(
        clinic.send(
            withCookies(clinic.request(path, null))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build()));
  }

  /** The value of a cookie this browser keeps, or null. */
  public String cookie(String name) {
    return cookies.get(name);
  }

  /** The Set-Cookie headers of a reply with this cookie's name. */
  static List<String> setCookies(Reply reply, String name) {
    return reply.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith(name + "="))
        .toList();
  }

  private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (name, value) ->
              header
                  .append(header.length() == 0 ? "" : "; ")
                  .append(name)
                  .append('=')
                  .append(value));
      request.header("Cookie", header.toString());
    }
    return request;
  }

  private Reply keep(Reply reply) {
    for (String header : reply.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int equals = pair.indexOf('=');
      String name = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      boolean expired =
          header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return reply;
  }
}
