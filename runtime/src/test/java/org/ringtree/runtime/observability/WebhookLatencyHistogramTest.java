package org.ringtree.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;

class WebhookLatencyHistogramTest extends RunningPlatformTest {

  private static final Pattern BUCKET =
      Pattern.compile("^http_server_requests_seconds_bucket\\{(.*)\\} \\S+$", Pattern.MULTILINE);

  @Test
  void onlyTheVoiceWebhooksPublishAFullHistogramTheRestKeepTheSloBuckets() throws Exception {
    driver().place(CallScript.demo().withCaller("+13105550090", "CA", "90210"));
    get("/actuator/health");

    Map<String, Integer> bucketsPerSeries = bucketsPerSeries(get("/actuator/prometheus"));

    Map<String, Integer> webhooks = new TreeMap<>();
    Map<String, Integer> others = new TreeMap<>();
    bucketsPerSeries.forEach(
        (series, buckets) ->
            (series.contains("uri=\"/twilio/voice/") ? webhooks : others).put(series, buckets));
    assertThat(webhooks).isNotEmpty().allSatisfy((series, n) -> assertThat(n).isGreaterThan(50));
    assertThat(others)
        .anySatisfy((series, n) -> assertThat(series).contains("uri=\"/actuator/health"))
        // 1, 2, 3, 4, 5, 10, 20 and 50 ms, then +Inf
        .allSatisfy((series, n) -> assertThat(n).isEqualTo(9));
  }

  private static Map<String, Integer> bucketsPerSeries(String scrape) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = BUCKET.matcher(scrape);
    while (m.find()) {
      counts.merge(m.group(1).replaceAll(",?le=\"[^\"]*\"", ""), 1, Integer::sum);
    }
    return counts;
  }

  private String get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
