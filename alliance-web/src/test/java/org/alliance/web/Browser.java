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

/** A browser in miniature: keeps cookies, reads the CSRF field of a page, and posts forms. */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final TestClinic clinic;
  final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(TestClinic clinic) {
    this.clinic = clinic;
  }

  Reply get(String path) {
    return keep(clinic.send(withCookies(clinic.request(path, null)).GET().build()));
  }

  Reply postForm(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return keep(clinic.send(withCookies(clinic.request(path, null))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()));
  }

  Reply postJson(String path, String json, String csrf) {
    HttpRequest.Builder request = withCookies(clinic.request(path, null)).header("Content-Type", "application/json");
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return keep(clinic.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build()));
  }

  /** Opens the login page and signs in; returns the answer to the form. */
  Reply signIn(String username, String password) {
    String csrf = csrf(get("/login"));
    return postForm("/login", Map.of("_csrf", csrf, "username", username, "password", password));
  }

  /** The CSRF field of a page. */
  static String csrf(Reply page) {
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new AssertionError("no _csrf field in " + page.body());
    }
    return matcher.group(1);
  }

  /** The Set-Cookie headers of a reply with this cookie's name. */
  static List<String> setCookies(Reply reply, String name) {
    return reply.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "=")).toList();
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
      boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return reply;
  }
}
