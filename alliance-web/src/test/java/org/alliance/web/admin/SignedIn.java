package org.alliance.web.admin;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.web.TestClinic;
import org.alliance.web.TestClinic.Reply;

/** A user signed in with a browser session: keeps cookies, reads a page's CSRF field, posts forms and file uploads. */
final class SignedIn {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final TestClinic clinic;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  final String csrf;

  private SignedIn(TestClinic clinic, String username) {
    this.clinic = clinic;
    String loginCsrf = csrf(get("/login"));
    postForm("/login", Map.of("_csrf", loginCsrf, "username", username, "password", TestClinic.PASSWORD)).expect(303);
    this.csrf = csrf(get("/"));
  }

  static SignedIn as(TestClinic clinic, String username) {
    return new SignedIn(clinic, username);
  }

  Reply get(String path) {
    return keep(clinic.send(withCookies(clinic.request(path, null)).GET().build()));
  }

  /** Posts a form with the session's CSRF token added. */
  Reply post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    return postForm(path, all);
  }

  Reply postForm(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return keep(clinic.send(withCookies(clinic.request(path, null))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()));
  }

  /** Posts a multipart form with one file and these fields (the CSRF token added unless given). */
  Reply upload(String path, Map<String, String> fields, String fileName, byte[] file) {
    return upload(path, fields, "file", fileName, file);
  }

  /** The same with the file in a field of another name. */
  Reply upload(String path, Map<String, String> fields, String field, String fileName, byte[] file) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    String boundary = "----alliance-test-boundary";
    StringBuilder head = new StringBuilder();
    all.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(field).append("\"; filename=\"").append(fileName).append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return keep(clinic.send(withCookies(clinic.request(path, null))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()));
  }

  static String csrf(Reply page) {
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new AssertionError("no _csrf field in " + page.body());
    }
    return matcher.group(1);
  }

  private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
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
      if (header.toLowerCase(Locale.ROOT).contains("max-age=0") || value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return reply;
  }
}
