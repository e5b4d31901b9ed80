package org.ringtree.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A tiny HTTP client for tests: JSON in and out, as one user (HTTP Basic or an API key) or none.
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final String base;
  // header name and value that carry the credentials; null for an anonymous client
  private final Map.Entry<String, String> credential;

  Api(String base, String username, String password) {
    this(
        base,
        username == null
            ? null
            : Map.entry(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8))));
  }

  private Api(String base, Map.Entry<String, String> credential) {
    this.base = base;
    this.credential = credential;
  }

  /** Requests signed in with HTTP Basic. */
  public static Api signedIn(String base, String username, String password) {
    return new Api(base, username, password);
  }

  /** Requests with an API key as {@code Authorization: Bearer <key>}. */
  public static Api withBearerKey(String base, String key) {
    return new Api(base, Map.entry("Authorization", "Bearer " + key));
  }

  /** Requests with an API key in the {@code X-Api-Key} header. */
  public static Api withKeyHeader(String base, String key) {
    return new Api(base, Map.entry("X-Api-Key", key));
  }

  /** A response: status, headers and body, with the body readable as JSON. */
  public record Reply(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> String.join("; ", e.getValue()))
          .findFirst()
          .orElse(null);
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** GETs with extra request headers (e.g. Range). */
  public Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(b::header);
    return send(b);
  }

  public Reply post(String path, Object body) {
    return send(json(HttpRequest.newBuilder(uri(path)), body, "POST"));
  }

  public Reply put(String path, Object body) {
    return send(json(HttpRequest.newBuilder(uri(path)), body, "PUT"));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** PUTs JSON with extra request headers (e.g. If-Match). */
  public Reply put(String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder b = json(HttpRequest.newBuilder(uri(path)), body, "PUT");
    headers.forEach(b::header);
    return send(b);
  }

  /** Sends any method with a JSON body (e.g. PUT or POST to check who may call it). */
  public Reply send(String method, String path, Object body) {
    return send(json(HttpRequest.newBuilder(uri(path)), body, method));
  }

  /** Posts text as it is with its content type (e.g. a CSV file). */
  public Reply postText(String path, String contentType, String text) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  /** Posts JSON text as it is (e.g. a flow document). */
  public Reply postRaw(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder json(HttpRequest.Builder b, Object body, String method) {
    try {
      return b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Reply send(HttpRequest.Builder b) {
    if (credential != null) {
      b.header(credential.getKey(), credential.getValue());
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
