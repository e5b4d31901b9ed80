package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo buyer (Bidder One) disputes its own calls and hears their recordings from its portal;
 * the demo operator decides; both parties' statements move by the exact amounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalDisputesTest extends SecuredAppTest {

  static final byte[] AUDIO = "ID3 a buyer's recording".getBytes(StandardCharsets.US_ASCII);

  @Autowired JdbcClient jdbc;
  @Autowired BillingProperties billing;

  private HttpServer provider;
  private final AtomicInteger fetched = new AtomicInteger();
  private PortalCalls calls;
  private String run;

  @BeforeAll
  void provider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/media/rec.mp3",
        x -> {
          fetched.incrementAndGet();
          x.getResponseHeaders().add("Content-Type", "audio/mpeg");
          x.sendResponseHeaders(200, AUDIO.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(AUDIO);
          }
        });
    provider.start();
  }

  @AfterAll
  void stop() {
    provider.stop(0);
  }

  @BeforeEach
  void fresh() {
    calls = new PortalCalls(jdbc);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  private String call(String name, String publisher, String buyer, Instant at, boolean billable) {
    String sid = "CA-pd-" + name + "-" + run;
    calls.call(sid, publisher, buyer, "310.00", "200.00", at, billable);
    return sid;
  }

  @Test
  void aBuyerDisputesItsCallTheOperatorApprovesAndBothStatementsMoveToTheCent() {
    String sid = call("ok", "sunrise-media", "bidder-one", Instant.now(), true);
    BigDecimal spendBefore = total(as(BUYER).get("/api/portal/spend").json());
    BigDecimal payoutsBefore = total(as(PUBLISHER).get("/api/portal/payouts").json());

    Api.Reply opened =
        as(BUYER).post("/api/portal/disputes", Map.of("callSid", sid, "reason", "wrong number"));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long id = opened.json().get("id").asLong();
    assertThat(opened.json().get("state").asText()).isEqualTo("OPEN");
    JsonNode mine = mine(id);
    assertThat(mine.get("callSid").asText()).isEqualTo(sid);
    assertThat(mine.get("state").asText()).isEqualTo("OPEN");
    assertThat(mine.get("credit").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(audit(id)).containsExactly("dispute.open by buyer");

    Api.Reply approved =
        as(OPERATOR)
            .post("/api/disputes/" + id + "/approve", Map.of("note", "the recording confirms"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);

    mine = mine(id);
    assertThat(mine.get("state").asText()).isEqualTo("APPROVED");
    assertThat(mine.get("note").asText()).isEqualTo("the recording confirms");
    assertThat(mine.get("credit").decimalValue()).isEqualByComparingTo("310.00");
    assertThat(mine.get("currency").asText()).isEqualTo("USD");
    JsonNode spend = as(BUYER).get("/api/portal/spend").json();
    assertThat(spendBefore.subtract(total(spend))).isEqualByComparingTo("310.00");
    assertThat(entries(spend, sid)).containsExactly("ADJUSTMENT -310.00", "REVENUE 310.00");
    JsonNode payouts = as(PUBLISHER).get("/api/portal/payouts").json();
    assertThat(payoutsBefore.subtract(total(payouts))).isEqualByComparingTo("200.00");
    assertThat(entries(payouts, sid)).containsExactly("ADJUSTMENT -200.00", "PAYOUT 200.00");
    assertThat(audit(id)).containsExactly("dispute.open by buyer", "dispute.approve by operator");
  }

  @Test
  void aCallIsNamedByItsSidOrItsId() {
    String sid = call("byid", "sunrise-media", "bidder-one", Instant.now(), true);
    String id =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(sid)
            .query(String.class)
            .single();
    Api.Reply r =
        as(BUYER).post("/api/portal/disputes", Map.of("callId", id, "reason", "never connected"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("callId").asText()).isEqualTo(id);
  }

  @Test
  void disputesTheBuyerMayNotRaiseAreRefusedSayingWhy() {
    String others = call("other", "sunrise-media", "bidder-two", Instant.now(), true);
    String otherId =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(others)
            .query(String.class)
            .single();
    Instant tooOld = Instant.now().minus(Duration.ofDays(billing.disputeWindowDays() + 1));
    String old = call("old", "sunrise-media", "bidder-one", tooOld, true);
    String free = call("free", "sunrise-media", "bidder-one", Instant.now(), false);
    String once = call("once", "sunrise-media", "bidder-one", Instant.now(), true);

    assertRefused(others, 404, "no such call among yours");
    Api.Reply byId =
        as(BUYER).post("/api/portal/disputes", Map.of("callId", otherId, "reason", "mine?"));
    assertThat(byId.status()).isEqualTo(404);
    assertRefused(old, 422, "calls may be disputed for " + billing.disputeWindowDays() + " days");
    assertRefused(free, 422, "not billable");
    assertThat(as(BUYER).post("/api/portal/disputes", Map.of("callSid", once)).status())
        .isEqualTo(422);

    assertThat(
            as(BUYER)
                .post("/api/portal/disputes", Map.of("callSid", once, "reason", "a robot"))
                .status())
        .isEqualTo(201);
    assertRefused(once, 409, "already disputed");
    long id = mineOf(once).get("id").asLong();
    assertThat(
            as(OPERATOR).post("/api/disputes/" + id + "/reject", Map.of("note", "fine")).status())
        .isEqualTo(200);
    assertRefused(once, 409, "REJECTED");
    assertThat(mineOf(once).get("note").asText()).isEqualTo("fine");

    assertThat(
            as(PUBLISHER)
                .post("/api/portal/disputes", Map.of("callSid", once, "reason", "x"))
                .status())
        .isEqualTo(403);
    assertThat(as(PUBLISHER).get("/api/portal/disputes").status()).isEqualTo(403);
    assertThat(count(others) + count(old) + count(free)).isZero();
  }

  @Test
  void aBuyerHearsItsOwnRecordingsThroughRingtreeAndNoOneElses() {
    String mine = call("rec", "sunrise-media", "bidder-one", Instant.now(), true);
    String others = call("rec2", "sunrise-media", "bidder-two", Instant.now(), true);
    String silent = call("rec3", "sunrise-media", "bidder-one", Instant.now(), true);
    String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/media/rec.mp3";
    jdbc.sql("UPDATE calls SET recording_url = ? WHERE call_sid IN (?, ?)")
        .params(url, mine, others)
        .update();

    Api.Reply heard = as(BUYER).get("/api/portal/calls/" + mine + "/recording");
    assertThat(heard.status()).isEqualTo(200);
    assertThat(heard.body().getBytes(StandardCharsets.US_ASCII)).isEqualTo(AUDIO);
    assertThat(heard.header("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(heard.header("Cache-Control")).isEqualTo("private, no-store");

    int before = fetched.get();
    Api.Reply notMine = as(BUYER).get("/api/portal/calls/" + others + "/recording");
    assertThat(notMine.status()).isEqualTo(404);
    assertThat(notMine.json().get("error").asText()).isEqualTo("no such call among yours");
    assertThat(fetched.get()).isEqualTo(before);
    Api.Reply none = as(BUYER).get("/api/portal/calls/" + silent + "/recording");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("error").asText()).isEqualTo("this call has no recording");
    assertThat(as(PUBLISHER).get("/api/portal/calls/" + mine + "/recording").status())
        .isEqualTo(403);
  }

  private void assertRefused(String sid, int status, String why) {
    Api.Reply r =
        as(BUYER).post("/api/portal/disputes", Map.of("callSid", sid, "reason", "not a real call"));
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).contains(why);
  }

  private JsonNode mine(long id) {
    for (JsonNode d : as(BUYER).get("/api/portal/disputes").json()) {
      if (d.get("id").asLong() == id) {
        return d;
      }
    }
    throw new AssertionError("dispute " + id + " not among the buyer's");
  }

  private JsonNode mineOf(String sid) {
    for (JsonNode d : as(BUYER).get("/api/portal/disputes").json()) {
      if (d.get("callSid").asText().equals(sid)) {
        return d;
      }
    }
    throw new AssertionError("no dispute of " + sid + " among the buyer's");
  }

  private static BigDecimal total(JsonNode money) {
    return money.at("/totals/USD").decimalValue();
  }

  private static List<String> entries(JsonNode money, String sid) {
    List<String> out = new java.util.ArrayList<>();
    money
        .get("entries")
        .forEach(
            e -> {
              if (sid.equals(e.get("callSid").asText())) {
                out.add(
                    e.get("kind").asText()
                        + " "
                        + e.get("amount").decimalValue().setScale(2).toPlainString());
              }
            });
    return out;
  }

  private List<String> audit(long id) {
    return jdbc.sql(
            "SELECT action || ' by ' || actor FROM audit_log WHERE object_type = 'dispute' AND"
                + " object_id = ? ORDER BY id")
        .param(Long.toString(id))
        .query(String.class)
        .list();
  }

  private long count(String sid) {
    return jdbc.sql(
            "SELECT count(*) FROM disputes d JOIN calls c ON c.id = d.call_id WHERE c.call_sid = ?")
        .param(sid)
        .query(Long.class)
        .single();
  }
}
