package org.ringtree.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.ringtree.tools.driver.CallScript;

/** The network's own figures reach Prometheus as calls happen. */
class BusinessMetricsTest extends RunningPlatformTest {

  @org.springframework.beans.factory.annotation.Autowired BusinessMetrics metrics;

  @Test
  void aCallsPingsMoneyAndOutcomeAndAFallbackAppearInThePrometheusScrape() throws Exception {
    driver().place(CallScript.demo());
    Map<String, String> malformed = new LinkedHashMap<>();
    malformed.put("CallSid", "not a call id");
    malformed.put("From", "+13105550100");
    malformed.put("To", "+18885550101");
    driver().post(WebhookPaths.INCOMING, malformed);
    // the demo's caps are far from full in one call; the store reports a full cap this way
    metrics.capFull("daily cap");

    String scrape =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(scrape)
        .contains("ringtree_calls_settled_total{")
        .contains("ringtree_rtb_pings_seconds_count{")
        .contains("result=\"ACCEPTED\"")
        .contains("ringtree_money_booked_total{")
        .contains("kind=\"REVENUE\"")
        .contains("party=\"BUYER\"")
        .contains("ringtree_fallbacks_total{reason=\"malformed\"}");

    // every metric the shipped Grafana dashboard charts is one the platform exports
    java.util.regex.Matcher names =
        java.util.regex.Pattern.compile("(ringtree_[a-z_]+|http_server_requests_seconds_bucket)")
            .matcher(
                java.nio.file.Files.readString(
                    java.nio.file.Path.of("..", "docs", "grafana", "ringtree-network.json")));
    java.util.Set<String> charted = new java.util.TreeSet<>();
    while (names.find()) {
      charted.add(names.group(1));
    }
    assertThat(charted).hasSizeGreaterThan(5);
    assertThat(charted).allSatisfy(name -> assertThat(scrape).contains(name));
  }
}
