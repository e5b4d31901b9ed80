package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The early close's per-target history cache: a history is reused for the TTL, then read again, so
 * an answer recorded meanwhile shows only after the TTL; what it hands the closer is what the store
 * reads.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.demo.seed=false")
class BidHistoryCacheTest extends PostgresTest {

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Autowired RoutingHistoryStore store;
  @Autowired JdbcClient jdbc;

  private final HandClock clock = new HandClock();
  private final Instant since = Instant.now().minus(Duration.ofDays(7));
  private String target;
  private BidHistoryCache cache;

  @BeforeEach
  void freshTarget() {
    target = "cache-" + UUID.randomUUID();
    cache = new BidHistoryCache(store, settings(Duration.ofSeconds(10)), clock);
  }

  private static AuctionCloseSettings settings(Duration cache) {
    return new AuctionCloseSettings(null, null, null, null, null, null, null, null, null, cache);
  }

  /** Another node's route (or this one's) records a ping answered in {@code millis} with a bid. */
  private void answered(long millis, String bid) {
    UUID call = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, caller_number, phase,"
                + " provider_status, started_at) VALUES (?, ?, '+18885550101', '+13105550100',"
                + " 'ENDED', 'completed', now())")
        .params(call, "CA" + call)
        .update();
    jdbc.sql(
            "INSERT INTO routing_trace (call_id, seq, node_id, target_id, kind, outcome, reason,"
                + " bid_amount, latency_ms, http_status) VALUES (?, 1, 'route', ?, 'ping',"
                + " 'ACCEPTED', 'bid', ?, ?, 200)")
        .params(call, target, new java.math.BigDecimal(bid), (int) millis)
        .update();
  }

  private BidHistory cached() {
    return cache.bidHistory(List.of(target), since, 1000).get(target);
  }

  @Test
  void aNewAnswerShowsOnceTheTtlHasPassed() {
    answered(120, "30.00");
    assertThat(cached().pings()).isEqualTo(1);

    answered(900, "45.00");
    clock.now = clock.now.plus(Duration.ofSeconds(9));
    // within the TTL the history read before is reused: the 900 ms answer is not in it yet
    assertThat(cached().pings()).isEqualTo(1);
    assertThat(cached().highestBid()).isEqualByComparingTo("30.00");

    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThat(cached().pings()).isEqualTo(2);
    assertThat(cached().highestBid()).isEqualByComparingTo("45.00");
    assertThat(cached().slowestAnswer()).isEqualTo(Duration.ofMillis(900));
  }

  @Test
  void aTargetWithoutPingsIsRememberedAsUnknownForTheTtlToo() {
    assertThat(cache.bidHistory(List.of(target), since, 1000)).doesNotContainKey(target);
    answered(200, "20.00");
    assertThat(cache.bidHistory(List.of(target), since, 1000)).doesNotContainKey(target);

    clock.now = clock.now.plus(Duration.ofSeconds(10));
    assertThat(cached().pings()).isEqualTo(1);
  }

  @Test
  void theClosersHistoryIsTheStoresAnswerByAnswer() {
    for (int i = 1; i <= 6; i++) {
      answered(100L * i, i + ".50");
    }
    Map<String, BidHistory> fresh = store.bidHistory(List.of(target), since, 1000);
    BidHistory viaCache = cached();

    assertThat(viaCache.pings()).isEqualTo(fresh.get(target).pings());
    assertThat(viaCache.answers()).isEqualTo(fresh.get(target).answers());
    assertThat(viaCache.highestBid()).isEqualTo(fresh.get(target).highestBid());
    assertThat(viaCache.slowestAnswer()).isEqualTo(fresh.get(target).slowestAnswer());
    assertThat(viaCache.samples().bidsAbove(new java.math.BigDecimal("3.00")))
        .isEqualTo(fresh.get(target).samples().bidsAbove(new java.math.BigDecimal("3.00")))
        .isEqualTo(4);
    assertThat(viaCache.samples().answersSlowerThan(Duration.ofMillis(350))).isEqualTo(3);
  }

  @Test
  void aZeroTtlReadsEveryTime() {
    BidHistoryCache uncached = new BidHistoryCache(store, settings(Duration.ZERO), clock);
    answered(120, "30.00");
    assertThat(uncached.bidHistory(List.of(target), since, 1000).get(target).pings()).isEqualTo(1);
    answered(130, "31.00");
    assertThat(uncached.bidHistory(List.of(target), since, 1000).get(target).pings()).isEqualTo(2);
  }
}
