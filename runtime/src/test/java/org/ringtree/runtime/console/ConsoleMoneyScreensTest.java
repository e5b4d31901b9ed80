package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.money.AdjustmentsPort;
import org.ringtree.editor.money.AdjustmentsPort.Action;
import org.ringtree.editor.money.AdjustmentsPort.Filter;
import org.ringtree.editor.money.AdjustmentsPort.Mode;
import org.ringtree.editor.money.AdjustmentsPort.Party;
import org.ringtree.editor.money.AdjustmentsPort.PartyLine;
import org.ringtree.editor.money.AdjustmentsPort.Request;
import org.ringtree.editor.money.DisputeQueuePort;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.billing.ClawbackRules;
import org.ringtree.runtime.billing.Disputes;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The dispute queue and bulk adjustment ports on the seeded demo network in real PostgreSQL: the
 * screens move exactly the ledger's cents the REST API would, refuse the same things, keep four
 * eyes when approval is on, and show a statement that would go below zero before it is applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsoleMoneyScreensTest extends PostgresTest {

  @Autowired DisputeQueuePort queue;
  @Autowired AdjustmentsPort adjustments;
  @Autowired Disputes disputes;
  @Autowired ComplianceSettings settings;
  @Autowired ClawbackRules clawbacks;
  @Autowired JdbcClient jdbc;

  private String run;

  @BeforeEach
  void fresh() {
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void cleanUp() {
    SecurityContextHolder.clearContext();
    settings.setRequireApproval(false, "test");
    // without a rule a campaign claws back everything; 100 keeps that for the other tests
    clawbacks.set("pi-accidents", new BigDecimal("100"), "test");
  }

  static void signedIn(String user, String role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
  }

  @Test
  void theQueueShowsOpenDisputesFirstAndAnApprovalCreditsTheBuyerAndClawsBackThePublisher() {
    UUID first = call("q1", "310.00", "200.00");
    UUID second = call("q2", "90.00", "45.50");
    long a = disputes.open(first, "bidder-one", "wrong number", "buyer").id();
    long b = disputes.open(second, "bidder-one", "hung up at once", "buyer").id();
    signedIn("operator", "OPERATOR");

    List<DisputeQueuePort.Entry> listed = queue.queue();
    DisputeQueuePort.Entry entry = listed.stream().filter(e -> e.id() == a).findFirst().get();
    assertThat(entry.callSid()).isEqualTo(sid("q1"));
    assertThat(entry.buyer()).isEqualTo("bidder-one");
    assertThat(entry.publisher()).isEqualTo("sunrise-media");
    assertThat(entry.buyerTotal()).isEqualByComparingTo("310.00");
    assertThat(entry.publisherTotal()).isEqualByComparingTo("200.00");
    assertThat(entry.currency()).isEqualTo("USD");
    assertThat(entry.reason()).isEqualTo("wrong number");
    // open ones come before every decided one
    int lastOpen = lastIndex(listed, true);
    int firstDecided =
        listed.indexOf(listed.stream().filter(e -> !e.open()).findFirst().orElse(null));
    assertThat(firstDecided == -1 || lastOpen < firstDecided).isTrue();

    DisputeQueuePort.Approved approved = queue.approve(a, "the recording confirms");
    assertThat(approved.buyerChange()).isEqualByComparingTo("-310.00");
    assertThat(approved.publisherChange()).isEqualByComparingTo("-200.00");
    assertThat(approved.entry().state()).isEqualTo("APPROVED");
    assertThat(approved.entry().decidedBy()).isEqualTo("operator");
    assertThat(ledger(first, "BUYER")).isEqualByComparingTo("0.00");
    assertThat(ledger(first, "PUBLISHER")).isEqualByComparingTo("0.00");

    assertThatThrownBy(() -> queue.reject(b, "  "))
        .isInstanceOf(DisputeQueuePort.Refused.class)
        .hasMessageContaining("needs a reason");
    DisputeQueuePort.Entry rejected = queue.reject(b, "the caller talked for 4 minutes");
    assertThat(rejected.state()).isEqualTo("REJECTED");
    assertThat(rejected.note()).isEqualTo("the caller talked for 4 minutes");
    assertThat(ledger(second, "BUYER")).isEqualByComparingTo("90.00");
    assertThatThrownBy(() -> queue.approve(b, null))
        .isInstanceOf(DisputeQueuePort.Refused.class)
        .hasMessageContaining("already REJECTED");
    assertThat(audit(a)).containsExactly("dispute.open by buyer", "dispute.approve by operator");
    assertThat(audit(b)).containsExactly("dispute.open by buyer", "dispute.reject by operator");
  }

  @Test
  void theCampaignsClawbackRuleSaysHowMuchOfThePayoutAnApprovalTakesBack() {
    UUID c = call("half", "80.00", "45.55");
    long id = disputes.open(c, "bidder-one", "not a lead", "buyer").id();
    clawbacks.set("pi-accidents", new BigDecimal("50"), "admin");
    signedIn("operator", "OPERATOR");
    DisputeQueuePort.Entry entry =
        queue.queue().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    assertThat(entry.clawbackPercent()).isEqualByComparingTo("50");
    // half of 45.55 is 22.775: half-up to 22.78
    assertThat(entry.publisherClawback()).isEqualByComparingTo("22.78");

    DisputeQueuePort.Approved approved = queue.approve(id, null);
    assertThat(approved.buyerChange()).isEqualByComparingTo("-80.00");
    assertThat(approved.publisherChange()).isEqualByComparingTo("-22.78");
    assertThat(ledger(c, "BUYER")).isEqualByComparingTo("0.00");
    assertThat(ledger(c, "PUBLISHER")).isEqualByComparingTo("22.77");
    assertThat(
            jdbc.sql(
                    "SELECT action || ' by ' || actor FROM audit_log WHERE object_type ="
                        + " 'campaign' AND object_id = 'pi-accidents' AND action = 'clawback.set'"
                        + " ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single())
        .isEqualTo("clawback.set by admin");
    assertThatThrownBy(() -> clawbacks.set("pi-accidents", new BigDecimal("120"), "admin"))
        .isInstanceOf(MoneyProblem.class)
        .hasMessageContaining("0 to 100 percent");
    assertThatThrownBy(() -> clawbacks.set("no-such-campaign", BigDecimal.TEN, "admin"))
        .isInstanceOf(MoneyProblem.class)
        .hasMessageContaining("no campaign");
  }

  @Test
  void withApprovalOnWhoOpenedADisputeDoesNotDecideIt() {
    UUID c = call("four", "100.00", "60.00");
    long id = disputes.open(c, "bidder-one", "duplicate of yesterday's", "operator").id();
    settings.setRequireApproval(true, "test");
    signedIn("operator", "OPERATOR");
    assertThat(queue.approvalRequired()).isTrue();
    assertThatThrownBy(() -> queue.approve(id, null))
        .isInstanceOf(DisputeQueuePort.Refused.class)
        .hasMessageContaining("someone other than who opened it");
    assertThat(ledger(c, "BUYER")).isEqualByComparingTo("100.00");
    signedIn("admin", "ADMIN");
    assertThat(queue.approve(id, "checked").buyerChange()).isEqualByComparingTo("-100.00");
  }

  @Test
  void theScreensAreForStaffOnly() {
    signedIn("buyer", "BUYER");
    assertThatThrownBy(() -> queue.queue()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> adjustments.requests()).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aPercentageOnPastedSidsIsPreviewedPerPartyAndAppliedToTheCent() {
    UUID one = call("p1", "300.00", "200.00");
    UUID two = call("p2", "150.00", "33.35");
    signedIn("operator", "OPERATOR");
    Request cut =
        new Request(
            new Filter(null, null, null, null, null, List.of(sid("p1"), sid("p2"))),
            new Action(Party.PUBLISHER, Mode.PERCENT, new BigDecimal("-10"), "rate cut"));

    AdjustmentsPort.Preview p = adjustments.preview(cut);
    assertThat(p.calls()).isEqualTo(2);
    assertThat(p.changedCalls()).isEqualTo(2);
    PartyLine line = p.parties().get(0);
    assertThat(p.parties()).hasSize(1);
    assertThat(line.party()).isEqualTo(Party.PUBLISHER);
    assertThat(line.partyId()).isEqualTo("sunrise-media");
    assertThat(line.before()).isEqualByComparingTo("233.35");
    // 10 % of 33.35 is 3.335: half-up to 3.34
    assertThat(line.change()).isEqualByComparingTo("-23.34");
    assertThat(line.after()).isEqualByComparingTo("210.01");
    assertThat(line.currency()).isEqualTo("USD");
    assertThat(line.negative()).isFalse();
    assertThat(p.revenueBefore()).isEqualByComparingTo(p.revenueAfter());

    AdjustmentsPort.Outcome o = adjustments.apply(cut, p.token());
    assertThat(o.batchId()).isNotNull();
    assertThat(ledger(one, "PUBLISHER")).isEqualByComparingTo("180.00");
    assertThat(ledger(two, "PUBLISHER")).isEqualByComparingTo("30.01");
    assertThat(ledger(one, "BUYER")).isEqualByComparingTo("300.00");
    assertThatThrownBy(() -> adjustments.apply(cut, p.token()))
        .isInstanceOf(AdjustmentsPort.Refused.class)
        .hasMessageContaining("preview again");
  }

  @Test
  void aChangeThatWouldTakeAStatementBelowZeroIsFlaggedBeforeApply() {
    call("n1", "50.00", "20.00");
    signedIn("operator", "OPERATOR");
    AdjustmentsPort.Preview p =
        adjustments.preview(
            new Request(
                new Filter(null, null, null, null, null, List.of(sid("n1"))),
                new Action(Party.BUYER, Mode.ADD, new BigDecimal("-80.00"), "refund")));
    assertThat(p.anyNegative()).isTrue();
    PartyLine line = p.parties().get(0);
    assertThat(line.partyId()).isEqualTo("bidder-one");
    assertThat(line.after()).isEqualByComparingTo("-30.00");
    assertThat(line.negative()).isTrue();
  }

  @Test
  void withApprovalOnApplyingAsksAndSomeoneElseApplies() {
    UUID c = call("r1", "120.00", "80.00");
    settings.setRequireApproval(true, "test");
    signedIn("operator", "OPERATOR");
    Request set =
        new Request(
            new Filter(null, null, null, null, null, List.of(sid("r1"))),
            new Action(Party.PUBLISHER, Mode.SET, new BigDecimal("70.00"), "agreed rate"));
    AdjustmentsPort.Preview p = adjustments.preview(set);
    AdjustmentsPort.Outcome asked = adjustments.apply(set, p.token());
    assertThat(asked.batchId()).isNull();
    assertThat(asked.requestId()).isNotNull();
    assertThat(ledger(c, "PUBLISHER")).isEqualByComparingTo("80.00");
    AdjustmentsPort.Pending pending =
        adjustments.requests().stream()
            .filter(r -> r.id() == asked.requestId())
            .findFirst()
            .orElseThrow();
    assertThat(pending.state()).isEqualTo("PENDING");
    assertThat(pending.request().filter().callSids()).containsExactly(sid("r1"));
    assertThat(pending.preview().parties().get(0).after()).isEqualByComparingTo("70.00");
    assertThatThrownBy(() -> adjustments.applyRequest(asked.requestId(), null))
        .isInstanceOf(AdjustmentsPort.Refused.class)
        .hasMessageContaining("someone other than who asked");
    signedIn("admin", "ADMIN");
    assertThat(adjustments.applyRequest(asked.requestId(), "ok").state()).isEqualTo("APPLIED");
    assertThat(ledger(c, "PUBLISHER")).isEqualByComparingTo("70.00");
  }

  private static int lastIndex(List<DisputeQueuePort.Entry> listed, boolean open) {
    int last = -1;
    for (int i = 0; i < listed.size(); i++) {
      if (listed.get(i).open() == open) {
        last = i;
      }
    }
    return last;
  }

  private String sid(String name) {
    return "CA-ms-" + name + "-" + run;
  }

  /** An ended billable call of bidder-one from sunrise-media, with its two ledger rows. */
  private UUID call(String name, String revenue, String payout) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, caller_state, phase, provider_status, started_at, buyer_id,"
                + " revenue, payout, talk_seconds, billable_to_buyer, payable_to_publisher)"
                + " VALUES (?, ?, '+18885550101', 'pi-accidents', 'sunrise-media', '+13105550000',"
                + " 'CA', 'ENDED', 'completed', ?, 'bidder-one', ?, ?, 120, true, true)")
        .params(
            id,
            sid(name),
            Timestamp.from(Instant.now()),
            new BigDecimal(revenue),
            new BigDecimal(payout))
        .update();
    ledger(id, "REVENUE", "BUYER", "bidder-one", revenue);
    ledger(id, "PAYOUT", "PUBLISHER", "sunrise-media", payout);
    return id;
  }

  private void ledger(UUID call, String kind, String party, String partyId, String amount) {
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id, amount,"
                + " currency, rule_ref, description) VALUES (?, ?, ?, ?, 'pi-accidents', ?, 'USD',"
                + " 'test', ?)")
        .params(call, kind, party, partyId, new BigDecimal(amount), kind.toLowerCase())
        .update();
  }

  private BigDecimal ledger(UUID call, String party) {
    return jdbc.sql(
            "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE call_id = ? AND"
                + " party_type = ?")
        .params(call, party)
        .query(BigDecimal.class)
        .single();
  }

  private List<String> audit(long id) {
    return jdbc.sql(
            "SELECT action || ' by ' || actor FROM audit_log WHERE object_type = 'dispute' AND"
                + " object_id = ? ORDER BY id")
        .param(Long.toString(id))
        .query(String.class)
        .list();
  }
}
