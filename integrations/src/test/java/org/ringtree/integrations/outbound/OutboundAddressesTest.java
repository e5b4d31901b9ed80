package org.ringtree.integrations.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringtree.integrations.postback.Postback;
import org.ringtree.integrations.postback.PostbackListener;
import org.ringtree.integrations.postback.PostbackOutcome;
import org.ringtree.integrations.postback.PostbackRetryPolicy;
import org.ringtree.integrations.postback.PostbackSender;
import org.ringtree.integrations.rtb.CamelBidCollector;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;

/**
 * Outbound calls reach public addresses only, decided after DNS resolution; the literals below need
 * no DNS server (an IP literal resolves to itself), and the calls that are refused are refused
 * before any connection is attempted.
 */
class OutboundAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "224.0.0.1"
      })
  void internalAddressesAreRefusedWithTheSettingToAllowThem(String address) {
    assertThatThrownBy(() -> OutboundAddresses.publicOnly().resolve(address))
        .isInstanceOf(UnknownHostException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("ringtree.outbound.allowed-internal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "203.0.113.0", "2001:4860:4860::8888", "100.128.0.1"})
  void publicAddressesPass(String address) throws Exception {
    assertThat(OutboundAddresses.publicOnly().resolve(address)).hasSize(1);
  }

  @Test
  void aPublicNameThatResolvesInsideIsCaughtAfterResolution() throws Exception {
    DnsResolver rebinding = fixed(Map.of("bids.example.com", "10.0.0.7"));

    assertThatThrownBy(
            () -> new OutboundAddresses(List.of(), rebinding).resolve("bids.example.com"))
        .hasMessageContaining("resolves to 10.0.0.7, a private address");
    assertThat(
            new OutboundAddresses(List.of("bids.example.com"), rebinding)
                .resolve("bids.example.com"))
        .hasSize(1);
    assertThat(new OutboundAddresses(List.of("10.0.0.0/8"), rebinding).resolve("bids.example.com"))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                new OutboundAddresses(List.of("10.0.1.0/24"), rebinding)
                    .resolve("bids.example.com"))
        .isInstanceOf(UnknownHostException.class);
  }

  @Test
  void anRtbPingToAnInternalAddressIsRefusedWithoutAConnection() {
    try (LoopbackServer buyer =
        LoopbackServer.always(
            Reply.json("{\"accepted\":true,\"amount\":\"10\",\"destination\":\"+15125550100\"}"))) {
      PingResult refused = ping(OutboundAddresses.publicOnly(), buyer.url("/bid"));
      assertThat(refused.status()).isEqualTo(PingResult.Status.ERROR);
      assertThat(refused.reason()).contains("refused", "loopback");
      assertThat(buyer.requests()).isEmpty();

      PingResult allowed = ping(new OutboundAddresses(List.of("127.0.0.1")), buyer.url("/bid"));
      assertThat(allowed.status()).isEqualTo(PingResult.Status.ACCEPTED);
      assertThat(buyer.requests()).hasSize(1);
    }
  }

  @Test
  void aPostbackDoesNotFollowARedirect() throws Exception {
    AtomicInteger redirected = new AtomicInteger();
    HttpServer inside =
        server(
            exchange -> {
              redirected.incrementAndGet();
              exchange.sendResponseHeaders(200, -1);
              exchange.close();
            });
    HttpServer publisher =
        server(
            exchange -> {
              exchange
                  .getResponseHeaders()
                  .add(
                      "Location",
                      "http://127.0.0.1:" + inside.getAddress().getPort() + "/internal");
              exchange.sendResponseHeaders(302, -1);
              exchange.close();
            });
    DefaultCamelContext camel = new DefaultCamelContext();
    GuardedHttpComponent.install(camel, new OutboundAddresses(List.of("127.0.0.1")));
    PostbackSender sender =
        new PostbackSender(
            camel,
            new PostbackRetryPolicy(
                1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10), Duration.ofSeconds(2)),
            new PostbackListener() {
              @Override
              public void attempted(org.ringtree.integrations.postback.PostbackAttempt attempt) {}

              @Override
              public void deadLettered(
                  org.ringtree.integrations.postback.PostbackDeadLetter deadLetter) {}
            });
    camel.start();
    try {
      PostbackOutcome outcome =
          sender
              .send(
                  new Postback(
                      "pb-redirect",
                      "http://127.0.0.1:" + publisher.getAddress().getPort() + "/pb"))
              .get(5, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(outcome.delivered()).isFalse();
      assertThat(outcome.lastError()).contains("302");
      assertThat(redirected).hasValue(0);
    } finally {
      sender.close();
      camel.stop();
      publisher.stop(0);
      inside.stop(0);
    }
  }

  private static PingResult ping(OutboundAddresses addresses, String url) {
    DefaultCamelContext camel = new DefaultCamelContext();
    GuardedHttpComponent.install(camel, addresses);
    try (CamelBidCollector collector = new CamelBidCollector(camel)) {
      camel.start();
      PingTarget target =
          new PingTarget(
              "t",
              new Destination.RtbEndpoint(
                  url, 2_000, Destination.BidResponseFormat.RINGTREE, Map.of()));
      return collector
          .collect(
              new BidRequest(
                  "c",
                  "camp",
                  "pub",
                  "+15125550111",
                  "TX",
                  "78701",
                  "Austin",
                  "512",
                  "US",
                  Map.of(),
                  Instant.now()),
              List.of(target),
              Duration.ofSeconds(3))
          .get(0);
    } finally {
      camel.stop();
    }
  }

  private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", handler);
    s.start();
    return s;
  }

  private static DnsResolver fixed(Map<String, String> names) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        String a = names.get(host);
        if (a == null) {
          throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(a)};
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }
}
