package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.routing.BidRequest;

/** The call's quality score in what buyers are pinged with (docs/rtb.md, docs/score.md). */
class ScoreInPingTest {

  private static BidRequest call(Integer score) {
    return new BidRequest(
        "c-1",
        "medicare-tx",
        "pub-42",
        null,
        "TX",
        "78701",
        "Austin",
        "512",
        "US",
        Map.of("vertical", "insurance"),
        Instant.parse("2026-11-25T09:00:00Z"),
        score);
  }

  private static RtbHttpRequest ping(
      BidRequest call, BidResponseFormat format, Map<String, String> m) {
    return RtbDialect.of(format)
        .request(
            call,
            new Destination.RtbEndpoint("https://b.example.com/bid", 2000, format, m),
            Duration.ofMillis(2000));
  }

  @Test
  void ringtreesPingCarriesTheScoreAndLeavesItOutWhenTheCallWasNotScored() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.readTree(ping(call(72), BidResponseFormat.RINGTREE, Map.of()).body())
                .get("score")
                .asInt())
        .isEqualTo(72);
    assertThat(
            json.readTree(ping(call(null), BidResponseFormat.RINGTREE, Map.of()).body())
                .has("score"))
        .isFalse();
  }

  @Test
  void aTemplateTargetGetsTheScorePlaceholder() {
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("request.method", "POST");
    mapping.put("request.body", "{\"quality\":\"{score}\",\"zip\":\"{zip}\"}");
    mapping.put("amount", "$.price");
    mapping.put("destination", "$.did");

    assertThat(ping(call(41), BidResponseFormat.TEMPLATE, mapping).body())
        .isEqualTo("{\"quality\":\"41\",\"zip\":\"78701\"}");
    assertThat(ping(call(null), BidResponseFormat.TEMPLATE, mapping).body())
        .isEqualTo("{\"quality\":\"\",\"zip\":\"78701\"}");
  }
}
