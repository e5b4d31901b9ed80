package org.ringtree.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.RtbRequestTemplate.Encoding;

class RtbRequestTemplateTest {

  private static RtbEndpoint template(String url, String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("amount", "$.a");
    m.put("destination", "$.d");
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return new RtbEndpoint(url, 1000, BidResponseFormat.TEMPLATE, m);
  }

  @Test
  void placeholdersAreLookedUpNeverEvaluatedAndEncodedForWhereTheyLand() {
    Map<String, String> v =
        Map.of("zip", "${jndi:ldap://x}", "tag:note", "{zip} \"q\"&a=b", "state", "T X");

    assertThat(RtbRequestTemplate.render("/p?z={zip}&n={tag:note}&s={state}", v, Encoding.URL))
        .isEqualTo("/p?z=%24%7Bjndi%3Aldap%3A%2F%2Fx%7D&n=%7Bzip%7D%20%22q%22%26a%3Db&s=T%20X");
    assertThat(RtbRequestTemplate.render("{\"n\":\"{tag:note}\"}", v, Encoding.JSON))
        .isEqualTo("{\"n\":\"{zip} \\\"q\\\"&a=b\"}");
    assertThat(RtbRequestTemplate.render("n={tag:note}&s={state}", v, Encoding.FORM))
        .isEqualTo("n=%7Bzip%7D+%22q%22%26a%3Db&s=T+X");
    assertThat(RtbRequestTemplate.render("{city}", v, Encoding.URL)).isEmpty();
  }

  @Test
  void theCallsValuesCarryTheNumberOnlyWhenShared() {
    BidRequest shared =
        new BidRequest(
            "c",
            "camp",
            "pub",
            "+15125550111",
            "TX",
            "78701",
            null,
            "512",
            "US",
            Map.of("age", "65"),
            Instant.parse("2026-11-25T09:00:00Z"));

    Map<String, String> v = RtbRequestTemplate.values(shared, Duration.ofMillis(800));

    assertThat(v)
        .containsEntry("callerNumber", "+15125550111")
        .containsEntry("callerNumberNoPlus", "15125550111")
        .containsEntry("callerNumber10", "5125550111")
        .containsEntry("tag:age", "65")
        .containsEntry("timeoutMillis", "800")
        .doesNotContainKey("city");
    BidRequest anonymous =
        new BidRequest("c", "camp", "pub", null, "TX", null, null, null, null, Map.of(), null);
    assertThat(RtbRequestTemplate.values(anonymous, Duration.ofMillis(800)))
        .doesNotContainKeys("callerNumber", "callerNumberNoPlus", "callerNumber10");
  }

  @Test
  void aUsableTemplateHasNoProblem() {
    assertThat(
            RtbRequestTemplate.problem(
                template(
                    "https://b.example.com/ping/{campaignId}?cid={callerNumber}",
                    "request.body",
                    "{\"zip\":\"{zip}\",\"n\":[\"{tag:x}\"]}",
                    "request.header.X-Api-Key",
                    "k")))
        .isEmpty();
  }

  @Test
  void unusableTemplatesAreRefusedWithTheReason() {
    assertThat(RtbRequestTemplate.problem(template("https://{state}.example.com/p")))
        .contains("placeholders may only be in the URL's path and query, not its host");
    assertThat(RtbRequestTemplate.problem(template("https://b.example.com/p?x={nope}")))
        .hasValueSatisfying(
            p -> assertThat(p).startsWith("the URL has an unknown placeholder {nope}"));
    assertThat(
            RtbRequestTemplate.problem(template("https://b.example.com/p?followRedirects={zip}")))
        .hasValueSatisfying(p -> assertThat(p).contains("is an HTTP client option"));
    assertThat(
            RtbRequestTemplate.problem(
                template("https://b.example.com/p", "request.body", "{\"z\": {zip}}")))
        .hasValueSatisfying(p -> assertThat(p).startsWith("the body template is not valid JSON"));
    assertThat(
            RtbRequestTemplate.problem(
                template("https://b.example.com/p", "request.method", "GET", "request.body", "{}")))
        .contains("a GET request has no body: put the values in the URL's query");
    assertThat(
            RtbRequestTemplate.problem(
                template("https://b.example.com/p", "request.method", "DELETE")))
        .contains("the request method must be GET or POST, not DELETE");
    assertThat(
            RtbRequestTemplate.problem(
                template("https://b.example.com/p", "request.header.CamelHttpUri", "http://x")))
        .contains("the header CamelHttpUri is set by Ringtree, not by a target");
    assertThat(
            RtbRequestTemplate.problem(
                template("https://b.example.com/p", "request.header.X-Key", "a\r\nHost: x")))
        .contains("a header value is one line");
    assertThat(
            RtbRequestTemplate.problem(
                template("https://b.example.com/p", "request.bodyType", "xml")))
        .contains("the body type is json or form, not xml");
  }

  @Test
  void platformFormatsAreCheckedOnTheirUrlAndHeaders() {
    assertThat(
            RtbRequestTemplate.problem(
                new RtbEndpoint(
                    "https://rtb.ringba.com/v1/production/{x}.json",
                    1000,
                    BidResponseFormat.RINGBA,
                    Map.of())))
        .isPresent();
    assertThat(
            RtbRequestTemplate.problem(
                new RtbEndpoint(
                    "https://rtb.ringba.com/v1/production/R1.json",
                    1000,
                    BidResponseFormat.RINGBA,
                    Map.of("field.state", "State"))))
        .isEmpty();
  }
}
