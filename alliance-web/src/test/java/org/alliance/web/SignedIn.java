package org.alliance.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alliance.web.TestClinic.Reply;

/**
 * A user signed in with a browser session, whose forms and uploads carry the session's CSRF token.
 */
public final class SignedIn {
  private final Browser browser;
  public final String csrf;

  private SignedIn(TestClinic clinic, String username) {
    browser = new Browser(clinic);
    browser.signIn(username, TestClinic.PASSWORD).expect(303);
    csrf = Browser.csrf(browser.get("/"));
  }

  public static SignedIn as(TestClinic clinic, String username) {
    return new SignedIn(clinic, username);
  }

  public Reply get(String path) {
    return browser.get(path);
  }

  /** Posts a form with the session's CSRF token added. */
  public Reply post(String path, Map<String, String> fields) {
    return browser.postForm(path, withCsrf(fields));
  }

  /** Posts a form exactly as given, with or without a CSRF token. */
  public Reply postForm(String path, Map<String, String> fields) {
    return browser.postForm(path, fields);
  }

  /**
   * Posts a multipart form with one file in the field {@code file} (the CSRF token added unless
   * given).
   */
  public Reply upload(String path, Map<String, String> fields, String fileName, byte[] file) {
    return upload(path, fields, "file", fileName, file);
  }

  /** The same with the file in a field of another name. */
  public Reply upload(
      String path, Map<String, String> fields, String field, String fileName, byte[] file) {
    return browser.upload(path, withCsrf(fields), field, fileName, file);
  }

  private Map<String, String> withCsrf(Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    return all;
  }
}
