package org.ringtree.tools.driver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's own timing of one webhook path, from the {@code http.server.requests} histogram it
 * publishes at {@code /actuator/prometheus}: the time from the request reaching the application to
 * the TwiML being written, without the client's and the network's share. Read before and after a
 * load step; percentiles come from the bucket counts in between (each is the upper bound of its
 * bucket, so a slight overestimate).
 */
public final class ServerLatency {

  private static final Pattern BUCKET =
      Pattern.compile(
          "^http_server_requests_seconds_bucket\\{(.*)\\} ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI metrics;
  private final String uri;

  public ServerLatency(String baseUrl, String uri) {
    this.metrics = URI.create(baseUrl.replaceAll("/+$", "") + "/actuator/prometheus");
    this.uri = uri;
  }

  /** Cumulative count per bucket upper bound (seconds); empty if the platform has no histogram. */
  public Map<Double, Double> snapshot() {
    try {
      String text =
          http.send(
                  HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Map<Double, Double> buckets = new TreeMap<>();
      Matcher m = BUCKET.matcher(text);
      while (m.find()) {
        String labels = m.group(1);
        if (!labels.contains("uri=\"" + uri + "\"") || !labels.contains("status=\"200\"")) {
          continue;
        }
        Matcher le = LE.matcher(labels);
        if (le.find() && !le.group(1).equals("+Inf")) {
          buckets.merge(
              Double.parseDouble(le.group(1)), Double.parseDouble(m.group(2)), Double::sum);
        }
      }
      return buckets;
    } catch (Exception e) {
      return Map.of();
    }
  }

  /** "p50 p95 p99" in milliseconds between two snapshots, or a note why there are none. */
  static String percentiles(Map<Double, Double> before, Map<Double, Double> after) {
    if (after.isEmpty()) {
      return "server-side: no http.server.requests histogram at /actuator/prometheus";
    }
    double[] bounds = bounds(before, after);
    StringBuilder out = new StringBuilder("server-side");
    for (int i = 0; i < PERCENTILES.length; i++) {
      out.append(String.format(Locale.ROOT, "  p%.0f ≤ %.2f ms", PERCENTILES[i], bounds[i]));
    }
    return out.append(String.format(Locale.ROOT, "  (%.0f requests)", bounds[3])).toString();
  }

  static final double[] PERCENTILES = {50, 95, 99};

  /**
   * The upper bounds in milliseconds of the buckets holding p50, p95 and p99 between two snapshots,
   * then the number of requests in between; NaN where there were none.
   */
  public static double[] bounds(Map<Double, Double> before, Map<Double, Double> after) {
    double total = 0;
    TreeMap<Double, Double> delta = new TreeMap<>();
    for (Map.Entry<Double, Double> e : after.entrySet()) {
      double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      delta.put(e.getKey(), d);
      total = Math.max(total, d);
    }
    double[] bounds = new double[PERCENTILES.length + 1];
    for (int i = 0; i < PERCENTILES.length; i++) {
      double rank = Math.ceil(PERCENTILES[i] / 100 * total);
      bounds[i] =
          total == 0
              ? Double.NaN
              : delta.entrySet().stream()
                      .filter(e -> e.getValue() >= rank)
                      .map(Map.Entry::getKey)
                      .findFirst()
                      .orElse(Double.NaN)
                  * 1000;
    }
    bounds[PERCENTILES.length] = total;
    return bounds;
  }
}
