package org.ringtree.runtime.call;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calls written straight into the calls table for the call log's tests, in a day of their own (so
 * calls other tests place never fall in the range), with ties on started_at to exercise the keyset.
 */
final class CallLogFixture {

  /** A call as inserted: what the filters look at. */
  record Call(
      UUID id,
      String sid,
      Instant startedAt,
      String campaign,
      String publisher,
      String number,
      String caller,
      String status,
      String target,
      String buyer,
      Boolean billable,
      boolean duplicate,
      String recordingUrl,
      boolean qualified,
      boolean connected,
      boolean converted) {}

  final Instant dayStart;
  final List<Call> calls = new ArrayList<>();

  private CallLogFixture(Instant dayStart) {
    this.dayStart = dayStart;
  }

  /** {@code n} calls in the day from {@code dayStart}: three a minute share each start. */
  static CallLogFixture insert(JdbcClient jdbc, Instant dayStart, int n, String sidPrefix) {
    CallLogFixture f = new CallLogFixture(dayStart);
    String[] numbers = {"+18885550101", "+18885550103", "+18885550104"};
    String[] campaigns = {"pi-accidents", "pi-accidents", "workers-comp"};
    String[] publishers = {"sunrise-media", "blue-billboard", "blue-billboard"};
    String[] statuses = {"completed", "no-answer", "in-ivr", "busy"};
    for (int i = 0; i < n; i++) {
      int k = i % 3;
      boolean connected = i % 4 == 0;
      Call c =
          new Call(
              UUID.randomUUID(),
              sidPrefix + i,
              dayStart.plusSeconds(60L * (i / 3)),
              campaigns[k],
              publishers[k],
              numbers[k],
              "+1555" + String.format("%07d", i % 17),
              statuses[i % 4],
              connected ? "acme-main" : null,
              connected ? "acme-law" : null,
              connected ? Boolean.valueOf(i % 8 == 0) : null,
              i % 5 == 0,
              i % 6 == 0
                  ? "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + i
                  : null,
              // qualified: reached a route node; every connected call did, some others too
              connected || i % 3 == 1,
              connected,
              connected && i % 8 == 0);
      jdbc.sql(
              "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                  + " caller_number, caller_state, phase, provider_status, started_at, target_id,"
                  + " buyer_id, revenue, billable_to_buyer, duplicate, recording_url, routed_at,"
                  + " connected_at, converted)"
                  + " VALUES (?, ?, ?, ?, ?, ?, 'CA', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              c.id(),
              c.sid(),
              c.number(),
              c.campaign(),
              c.publisher(),
              c.caller(),
              // the status users see is a phase's label, or the provider's status once ended
              CallPhase.labelled(c.status()).map(CallPhase::name).orElse("ENDED"),
              CallPhase.labelled(c.status()).isPresent() ? null : c.status(),
              Timestamp.from(c.startedAt()),
              c.target(),
              c.buyer(),
              c.target() == null ? null : new BigDecimal("42.50"),
              c.billable(),
              c.duplicate(),
              c.recordingUrl(),
              c.qualified() ? Timestamp.from(c.startedAt().plusSeconds(20)) : null,
              c.connected() ? Timestamp.from(c.startedAt().plusSeconds(25)) : null,
              c.converted())
          .update();
      f.calls.add(c);
    }
    return f;
  }

  /** The sids of the calls matching {@code p}, in the log's order: newest first, then by id. */
  List<String> expected(Predicate<Call> p) {
    // PostgreSQL orders uuids by their bytes, as their lower-case hex text sorts
    return calls.stream()
        .filter(p)
        .sorted(
            Comparator.comparing(Call::startedAt).thenComparing(c -> c.id().toString()).reversed())
        .map(Call::sid)
        .toList();
  }

  Instant dayEnd() {
    return dayStart.plusSeconds(86_400);
  }
}
