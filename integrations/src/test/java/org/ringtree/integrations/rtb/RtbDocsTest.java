package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Keeps docs/rtb.md true: each request example (marked {@code <!-- request FORMAT -->}) is what we
 * send for the page's example call, and each answer example ({@code <!-- answer FORMAT STATUS
 * paths… -->}) parses as it says.
 */
class RtbDocsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final BidRequest EXAMPLE_CALL =
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

  /** A marked example: the words of its marker and the code block after it. */
  private record Example(List<String> words, String block) {}

  private static List<Example> examples() throws Exception {
    String md = Files.readString(Path.of("..", "docs", "rtb.md"));
    Matcher m =
        Pattern.compile("<!-- (.*?) -->\\n```(?:json|text)\\n(.*?)```", Pattern.DOTALL).matcher(md);
    List<Example> out = new ArrayList<>();
    while (m.find()) {
      out.add(new Example(List.of(m.group(1).trim().split("\\s+")), m.group(2)));
    }
    return out;
  }

  private static Destination.RtbEndpoint endpoint(
      String url, BidResponseFormat format, Map<String, String> mapping) {
    return new Destination.RtbEndpoint(url, 2000, format, mapping);
  }

  @Test
  void theDocumentedRequestsAreWhatWeSend() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    int checked = 0;
    for (Example e : examples()) {
      String kind = e.words().get(0);
      if (kind.equals("request")) {
        BidResponseFormat format = BidResponseFormat.valueOf(e.words().get(1));
        RtbHttpRequest sent =
            RtbDialect.of(format)
                .request(
                    EXAMPLE_CALL,
                    endpoint("https://b.example.com/bid", format, Map.of()),
                    Duration.ofMillis(2000));
        assertThat(mapper.readTree(sent.body()))
            .as("docs/rtb.md request %s", format)
            .isEqualTo(mapper.readTree(e.block()));
        checked++;
      } else if (kind.equals("request-url")) {
        BidResponseFormat format = BidResponseFormat.valueOf(e.words().get(1));
        RtbHttpRequest sent =
            RtbDialect.of(format)
                .request(
                    EXAMPLE_CALL,
                    endpoint(e.words().get(2), format, Map.of()),
                    Duration.ofMillis(2000));
        assertThat(sent.url()).as("docs/rtb.md request %s", format).isEqualTo(e.block().strip());
        assertThat(sent.body()).isNull();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(4);
  }

  @Test
  void theDocumentedAnswersParseAsDescribed() throws Exception {
    BidResponseParser parser = new BidResponseParser();
    int checked = 0;
    for (Example e : examples()) {
      if (!e.words().get(0).equals("answer")) {
        continue;
      }
      BidResponseFormat format = BidResponseFormat.valueOf(e.words().get(1));
      Status status = Status.valueOf(e.words().get(2));
      Map<String, String> mapping = new LinkedHashMap<>();
      for (String pair : e.words().subList(3, e.words().size())) {
        mapping.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      assertThat(
              parser
                  .parse(
                      BidResponseParserTest.target(format, mapping),
                      200,
                      e.block(),
                      Duration.ofMillis(30),
                      NOW)
                  .status())
          .as("docs/rtb.md answer %s %s", format, status)
          .isEqualTo(status);
      checked++;
    }
    assertThat(checked).isEqualTo(8);
  }
}
