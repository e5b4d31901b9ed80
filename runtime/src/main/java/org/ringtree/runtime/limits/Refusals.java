package org.ringtree.runtime.limits;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.ringtree.rules.json.RingtreeJson;

/** The short answers of the limits: 429 with Retry-After, 413; a JSON body that says why. */
final class Refusals {

  private Refusals() {}

  static void tooManyRequests(HttpServletResponse response, Duration wait, String reason)
      throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    write(response, 429, "Too Many Requests", reason + "; retry after " + seconds + " s");
  }

  static void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
    // the rest of the body is not read: close the connection rather than drain it
    response.setHeader("Connection", "close");
    write(
        response,
        413,
        "Content Too Large",
        "the request body is larger than the " + maxBytes + " bytes this endpoint accepts");
  }

  private static void write(HttpServletResponse response, int status, String error, String reason)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(RingtreeJson.write(Map.of("status", status, "error", error, "message", reason)));
  }
}
