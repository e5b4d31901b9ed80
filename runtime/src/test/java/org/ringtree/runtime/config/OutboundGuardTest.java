package org.ringtree.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.outbound.GuardedHttpComponent;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's own Camel context calls out only through the address guard: with the demo network,
 * loopback (where its bidders run) is allowed, and any other internal address is refused before a
 * connection is made. 0.0.0.0 stands for an internal address: were the guard missing, it would
 * reach this test's own loopback server, never another machine.
 */
class OutboundGuardTest extends RunningPlatformTest {

  @Autowired CamelContext camel;
  @Autowired BidCollector bids;

  private HttpServer buyer;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startBuyer() throws Exception {
    buyer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    buyer.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body =
              "{\"accepted\":true,\"amount\":\"12\",\"destination\":\"+15125550100\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    buyer.start();
  }

  @AfterEach
  void stopBuyer() {
    buyer.stop(0);
  }

  @Test
  void httpAndHttpsGoThroughTheGuard() {
    assertThat(camel.getComponent("http")).isInstanceOf(GuardedHttpComponent.class);
    assertThat(camel.getComponent("https")).isInstanceOf(GuardedHttpComponent.class);
  }

  @Test
  void theDemosLoopbackIsReachedAndOtherInternalAddressesAreNot() {
    int port = buyer.getAddress().getPort();

    PingResult loopback = ping("http://127.0.0.1:" + port + "/bid");
    PingResult internal = ping("http://0.0.0.0:" + port + "/bid");

    assertThat(loopback.status()).isEqualTo(PingResult.Status.ACCEPTED);
    assertThat(internal.status()).isEqualTo(PingResult.Status.ERROR);
    assertThat(internal.reason()).contains("refused", "0.0.0.0");
    assertThat(requests).hasValue(1);
  }

  private PingResult ping(String url) {
    return bids.collect(
            new BidRequest(
                "call-guard",
                "pi-accidents",
                "sunrise-media",
                "+15125550111",
                "TX",
                "78701",
                "Austin",
                "512",
                "US",
                Map.of(),
                Instant.now()),
            List.of(
                new BidCollector.PingTarget(
                    "guard-test",
                    new Destination.RtbEndpoint(
                        url, 2_000, Destination.BidResponseFormat.RINGTREE, Map.of()))),
            Duration.ofSeconds(3))
        .get(0);
  }
}
