package org.ringtree.runtime.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signed in with the console's form (sign-in page, its CSRF token, the session cookie),
 * then speaking to the portal with that cookie only, as the console's own pages would.
 */
final class BrowserSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final String base;
  private final String cookie;

  private BrowserSession(String base, String cookie) {
    this.base = base;
    this.cookie = cookie;
  }

  static BrowserSession signIn(String base, String username, String password) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
    Matcher token =
        Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on the sign-in page");
    }
    HttpResponse<String> signedIn =
        send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(page))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + username
                            + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
    if (signedIn.statusCode() != 302) {
      throw new AssertionError("sign-in refused: " + signedIn.statusCode());
    }
    return new BrowserSession(base, cookie(signedIn));
  }

  /** The reply: status and body. */
  record Reply(int status, String body, String contentType) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  Reply get(String path) {
    return reply(send(request(path).GET()));
  }

  /** A POST with the session cookie only: no CSRF token. */
  Reply post(String path, Object body) {
    return reply(send(json(request(path), body)));
  }

  /** A POST with the CSRF token the portal hands to the session, in its header. */
  Reply postWithCsrf(String path, Object body) {
    JsonNode csrf = get("/api/portal/csrf").json();
    return reply(
        send(
            json(request(path), body)
                .header(csrf.get("headerName").asText(), csrf.get("token").asText())));
  }

  /** Any request with the session cookie and one extra header (e.g. a wrong Basic password). */
  Reply getWithHeader(String path, String header, String value) {
    return reply(send(request(path).header(header, value).GET()));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie);
  }

  private static HttpRequest.Builder json(HttpRequest.Builder b, Object body) {
    try {
      return b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply reply(HttpResponse<String> r) {
    return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }

  private static String cookie(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("RINGTREE_SESSION="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
