package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The call log's store on real PostgreSQL: filters, keyset paging and the streamed export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallLogStoreTest extends SecuredAppTest {

  @Autowired JdbcClient jdbc;
  @Autowired CallLogStore log;

  CallLogFixture fixture;

  @BeforeAll
  void calls() {
    fixture = CallLogFixture.insert(jdbc, Instant.parse("2021-03-04T00:00:00Z"), 250, "CALLLOG-S-");
  }

  private CallLogStore.Filter day() {
    return new CallLogStore.Filter(
        fixture.dayStart,
        fixture.dayEnd(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null);
  }

  private List<String> walk(CallLogStore.Filter filter, int limit) {
    List<String> sids = new ArrayList<>();
    CallLogStore.Cursor cursor = null;
    do {
      CallLogStore.Page page = log.page(filter, cursor, limit);
      assertThat(page.rows()).hasSizeLessThanOrEqualTo(limit);
      page.rows().forEach(r -> sids.add(r.callSid()));
      cursor = page.next();
    } while (cursor != null);
    return sids;
  }

  @Test
  void pagesWalkEveryCallOnceNewestFirstAcrossTiesOnTheStartTime() {
    // 37 does not divide the three calls that share each start: pages end inside a tie
    assertThat(walk(day(), 37)).isEqualTo(fixture.expected(c -> true));
    assertThat(walk(day(), 1)).isEqualTo(fixture.expected(c -> true));
  }

  @Test
  void theLastPageSaysThereIsNoNext() {
    CallLogStore.Page page = log.page(day(), null, 250);
    assertThat(page.rows()).hasSize(250);
    assertThat(page.next()).isNull();
    assertThat(log.page(day(), null, 249).next()).isNotNull();
  }

  @Test
  void eachFilterKeepsOnlyItsCalls() {
    CallLogStore.Filter d = day();
    assertThat(walk(with(d, "campaign", "workers-comp"), 50))
        .isEqualTo(fixture.expected(c -> c.campaign().equals("workers-comp")));
    assertThat(walk(with(d, "publisher", "blue-billboard"), 50))
        .isEqualTo(fixture.expected(c -> c.publisher().equals("blue-billboard")));
    assertThat(walk(with(d, "buyer", "acme-law"), 50))
        .isEqualTo(fixture.expected(c -> "acme-law".equals(c.buyer())));
    assertThat(walk(with(d, "target", "acme-main"), 50))
        .isEqualTo(fixture.expected(c -> "acme-main".equals(c.target())));
    assertThat(walk(with(d, "number", "+18885550103"), 50))
        .isEqualTo(fixture.expected(c -> c.number().equals("+18885550103")));
    assertThat(walk(with(d, "caller", "+15550000004"), 50))
        .isEqualTo(fixture.expected(c -> c.caller().equals("+15550000004")))
        .isNotEmpty();
    assertThat(
            walk(
                new CallLogStore.Filter(
                    d.from(),
                    d.to(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of("busy", "no-answer"),
                    null,
                    null,
                    null),
                50))
        .isEqualTo(
            fixture.expected(c -> c.status().equals("busy") || c.status().equals("no-answer")));
    // a phase's label and a provider's status in one filter (two columns since V72)
    assertThat(
            walk(
                new CallLogStore.Filter(
                    d.from(),
                    d.to(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of("in-ivr", "completed"),
                    null,
                    null,
                    null),
                50))
        .isEqualTo(
            fixture.expected(c -> c.status().equals("in-ivr") || c.status().equals("completed")))
        .isNotEmpty();
    assertThat(walk(bools(d, Boolean.TRUE, null, null), 50))
        .isEqualTo(fixture.expected(c -> Boolean.TRUE.equals(c.billable())));
    assertThat(walk(bools(d, Boolean.FALSE, null, null), 50))
        .isEqualTo(fixture.expected(c -> !Boolean.TRUE.equals(c.billable())));
    assertThat(walk(bools(d, null, Boolean.TRUE, null), 50))
        .isEqualTo(fixture.expected(CallLogFixture.Call::duplicate));
    assertThat(walk(bools(d, null, null, Boolean.TRUE), 50))
        .isEqualTo(fixture.expected(c -> c.recordingUrl() != null));
    assertThat(walk(bools(d, null, null, Boolean.FALSE), 50))
        .isEqualTo(fixture.expected(c -> c.recordingUrl() == null));
    // the dashboard's figures: qualified (reached routing), connected (reached a buyer), converted
    assertThat(walk(flags(d, Boolean.TRUE, null, null), 50))
        .isEqualTo(fixture.expected(CallLogFixture.Call::qualified))
        .isNotEmpty();
    assertThat(walk(flags(d, Boolean.FALSE, null, null), 50))
        .isEqualTo(fixture.expected(c -> !c.qualified()))
        .isNotEmpty();
    assertThat(walk(flags(d, null, Boolean.TRUE, null), 50))
        .isEqualTo(fixture.expected(CallLogFixture.Call::connected))
        .isNotEmpty();
    assertThat(walk(flags(d, null, null, Boolean.TRUE), 50))
        .isEqualTo(fixture.expected(CallLogFixture.Call::converted))
        .isNotEmpty();
    assertThat(walk(flags(d, null, null, Boolean.FALSE), 50))
        .isEqualTo(fixture.expected(c -> !c.converted()));
    // from inclusive, to exclusive
    Instant from = fixture.dayStart.plusSeconds(600);
    Instant to = fixture.dayStart.plusSeconds(1200);
    assertThat(
            walk(
                new CallLogStore.Filter(
                    from, to, null, null, null, null, null, null, List.of(), null, null, null),
                7))
        .isEqualTo(
            fixture.expected(c -> !c.startedAt().isBefore(from) && c.startedAt().isBefore(to)))
        .hasSize(30);
  }

  @Test
  void theExportStreamsEveryMatchingCallInTheLogsOrder() {
    List<String> sids = new ArrayList<>();
    log.export(day(), r -> sids.add(r.callSid()));
    assertThat(sids).isEqualTo(fixture.expected(c -> true));
    List<CallLogStore.Row> buyers = new ArrayList<>();
    log.export(with(day(), "buyer", "acme-law"), buyers::add);
    assertThat(buyers)
        .extracting(CallLogStore.Row::buyerName)
        .containsOnly("Acme Injury Law")
        .hasSize(fixture.expected(c -> "acme-law".equals(c.buyer())).size());
    assertThat(buyers).extracting(CallLogStore.Row::revenue).allMatch(Objects::nonNull);
  }

  private static CallLogStore.Filter with(CallLogStore.Filter d, String field, String value) {
    return new CallLogStore.Filter(
        d.from(),
        d.to(),
        field.equals("campaign") ? value : null,
        field.equals("publisher") ? value : null,
        field.equals("buyer") ? value : null,
        field.equals("target") ? value : null,
        field.equals("number") ? value : null,
        field.equals("caller") ? value : null,
        List.of(),
        null,
        null,
        null);
  }

  private static CallLogStore.Filter bools(
      CallLogStore.Filter d, Boolean billable, Boolean duplicate, Boolean recording) {
    return new CallLogStore.Filter(
        d.from(), d.to(), null, null, null, null, null, null, List.of(), billable, duplicate,
        recording);
  }

  private static CallLogStore.Filter flags(
      CallLogStore.Filter d, Boolean qualified, Boolean connected, Boolean converted) {
    return new CallLogStore.Filter(
        d.from(), d.to(), null, null, null, null, null, null, List.of(), null, null, null,
        qualified, connected, converted);
  }
}
