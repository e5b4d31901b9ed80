package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpointUriFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.directory.OutboundUrl;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * A buyer's RTB URL is data: Camel reads known query keys of an endpoint URI as its options ({@code
 * %23class:} creates a class), so a URL such as {@code /bid?httpClientConfigurer=%23class:Probe}
 * ran code on the server when the collector appended its options to it. The endpoint is now scheme,
 * host and port; path and query go as headers.
 */
class RtbUrlInjectionTest {

  private static final String PROBE = CamelOptionProbe.class.getName();

  private static final BidRequest REQUEST =
      new BidRequest(
          "call-1",
          "camp-9",
          "pub-3",
          "+15125550111",
          "TX",
          "78701",
          "Austin",
          "512",
          "US",
          Map.of(),
          Instant.parse("2026-11-25T09:00:00Z"));

  private final List<LoopbackServer> servers = new ArrayList<>();
  private DefaultCamelContext camel;
  private CamelBidCollector collector;

  @BeforeEach
  void start() {
    camel = new DefaultCamelContext();
    collector = new CamelBidCollector(camel);
    camel.start();
    CamelOptionProbe.CREATED.set(0);
  }

  @AfterEach
  void stop() {
    collector.close();
    camel.stop();
    servers.forEach(LoopbackServer::close);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?httpClientConfigurer=%23class:" + "PROBE",
        "?httpclientconfigurer=%23class:" + "PROBE",
        "?x=1&httpClientConfigurer=%23class:" + "PROBE",
        "?followRedirects=true",
        "?proxyHost=127.0.0.1&proxyPort=9",
        "?httpClient.redirectsEnabled=true",
        "?key=%23class:" + "PROBE",
      })
  void aUrlCarryingCamelOptionsIsNotPingedAndCreatesNothing(String query) {
    LoopbackServer buyer = buyer();
    String url = buyer.url("/bid") + query.replace("PROBE", PROBE);

    PingResult r = ping(url);

    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.reason()).startsWith("RTB URL refused, not pinged");
    assertThat(CamelOptionProbe.CREATED).hasValue(0);
    assertThat(buyer.requests()).isEmpty();
  }

  @Test
  void evenPastTheCheckTheQueryReachesTheBuyerAsDataAndConfiguresNothing() {
    // what the check would refuse, sent the way the route sends every ping: as the query header
    LoopbackServer buyer = buyer();
    String hostile = "httpClientConfigurer=%23class:" + PROBE + "&followRedirects=true";
    CamelBidCollector.Endpoint endpoint =
        CamelBidCollector.endpoint(buyer.url("/bid?plain=1"), 2_000);

    Exchange done =
        camel
            .createProducerTemplate()
            .send(
                CamelBidCollector.PING_ENDPOINT,
                ex -> {
                  ex.setProperty(CamelBidCollector.URI_PROPERTY, endpoint.camelUri());
                  ex.getIn().setHeader(Exchange.HTTP_PATH, endpoint.rawPath());
                  ex.getIn().setHeader(Exchange.HTTP_QUERY, hostile);
                  ex.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
                  ex.getIn().setBody("{}");
                });

    assertThat(done.getException()).isNull();
    assertThat(CamelOptionProbe.CREATED).hasValue(0);
    assertThat(buyer.requests()).hasSize(1);
    assertThat(buyer.requests().get(0).uri()).isEqualTo("/bid?" + hostile);
  }

  @Test
  void theEndpointIsSchemeHostAndPortAndThePathAndQueryTravelApart() {
    CamelBidCollector.Endpoint e =
        CamelBidCollector.endpoint("HTTPS://bids.example.com:8443/v1/bid?key=a%26b&sub=7", 500);

    assertThat(e.camelUri())
        .startsWith("https://bids.example.com:8443?")
        .doesNotContain("/v1")
        .doesNotContain("key=")
        .contains("followRedirects=false")
        .contains("clearExpiredCookies=false")
        .contains("responseTimeout=500");
    assertThat(e.rawPath()).isEqualTo("/v1/bid");
    assertThat(e.rawQuery()).isEqualTo("key=a%26b&sub=7");
  }

  @Test
  void aPlainBuyerUrlKeepsItsPathAndQuery() {
    LoopbackServer buyer = buyer();

    PingResult r = ping(buyer.url("/rtb/bid?key=k%2B1&campaign=abc"));

    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(buyer.requests()).hasSize(1);
    assertThat(buyer.requests().get(0).uri()).isEqualTo("/rtb/bid?key=k%2B1&campaign=abc");
  }

  @Test
  void everyOptionOfCamelsHttpEndpointIsKnownToTheSaveTimeCheck() {
    HttpEndpointUriFactory camelCatalogue = new HttpEndpointUriFactory();
    Set<String> options =
        camelCatalogue.propertyNames().stream()
            .map(n -> n.toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toCollection(TreeSet::new));
    options.removeAll(OutboundUrl.CLIENT_OPTIONS);

    assertThat(options).as("Camel http options the check does not know").isEmpty();
    assertThat(camelCatalogue.multiValuePrefixes().values())
        .allSatisfy(
            prefix ->
                assertThat(OutboundUrl.CLIENT_OPTION_PREFIXES)
                    .contains(prefix.toLowerCase(java.util.Locale.ROOT)));
  }

  @Test
  void theSaveTimeCheckRefusesTheSamePayloads() {
    assertThatThrownBy(
            () ->
                OutboundUrl.require(
                    "http://h/bid?httpClientConfigurer=%23class:Probe('/tmp/x')", "target t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target t")
        .hasMessageContaining("httpClientConfigurer");
  }

  private PingResult ping(String url) {
    PingTarget target =
        new PingTarget(
            "t", new Destination.RtbEndpoint(url, 2_000, BidResponseFormat.RINGTREE, Map.of()));
    return collector.collect(REQUEST, List.of(target), Duration.ofSeconds(3)).get(0);
  }

  private LoopbackServer buyer() {
    LoopbackServer s =
        LoopbackServer.always(
            Reply.json(
                "{\"accepted\":true,\"amount\":\"10\",\"destination\":\"+15125550100\","
                    + "\"expiresInSeconds\":60}"));
    servers.add(s);
    return s;
  }
}
