package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult.Status;

/** Keeps docs/rtb.md true: its request example is what we send, its answers parse as described. */
class RtbDocsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static List<String> jsonBlocks() throws Exception {
    String md = Files.readString(Path.of("..", "docs", "rtb.md"));
    Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(md);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void theDocumentedRequestIsWhatWeSend() throws Exception {
    BidRequest request =
        new BidRequest(
            "c-01JD4W6Q2M",
            "medicare-tx",
            "pub-42",
            "+15125550111",
            "TX",
            "78701",
            "Austin",
            "512",
            "US",
            Map.of("vertical", "insurance", "ivr_age", "67"),
            NOW);
    ObjectMapper mapper = new ObjectMapper();

    assertThat(mapper.readTree(new BidRequestJson().write(request, Duration.ofMillis(2000))))
        .isEqualTo(mapper.readTree(jsonBlocks().get(0)));
  }

  @Test
  void theDocumentedAnswersParseAsDescribed() throws Exception {
    List<String> b = jsonBlocks();
    BidResponseParser parser = new BidResponseParser();
    record Example(
        int block, BidResponseFormat format, Map<String, String> mapping, Status status) {}
    List<Example> examples =
        List.of(
            new Example(1, BidResponseFormat.RINGTREE, Map.of(), Status.ACCEPTED),
            new Example(2, BidResponseFormat.RINGTREE, Map.of(), Status.DECLINED),
            new Example(3, BidResponseFormat.RINGBA, Map.of(), Status.ACCEPTED),
            new Example(4, BidResponseFormat.RINGBA, Map.of(), Status.DECLINED),
            new Example(5, BidResponseFormat.RETREAVER, Map.of(), Status.ACCEPTED),
            new Example(6, BidResponseFormat.RETREAVER, Map.of(), Status.DECLINED),
            new Example(7, BidResponseFormat.CALLGRID, Map.of(), Status.ACCEPTED),
            new Example(
                8,
                BidResponseFormat.MAPPING,
                Map.of(
                    "amount", "$.offer.price.value",
                    "destination", "/offer/route/did",
                    "expiry", "$.offer.ttl",
                    "accepted", "$.ok"),
                Status.ACCEPTED));

    assertThat(b).hasSize(9);
    for (Example e : examples) {
      assertThat(
              parser
                  .parse(
                      BidResponseParserTest.target(e.format(), e.mapping()),
                      200,
                      b.get(e.block()),
                      Duration.ofMillis(30),
                      NOW)
                  .status())
          .as("docs/rtb.md json block %d (%s)", e.block(), e.format())
          .isEqualTo(e.status());
    }
  }
}
