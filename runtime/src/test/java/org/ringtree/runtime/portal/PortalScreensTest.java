package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.portal.BuyerPortalPort;
import org.ringtree.editor.portal.PortalKeysPort;
import org.ringtree.editor.portal.PortalPeriods;
import org.ringtree.editor.portal.PublisherPortalPort;
import org.ringtree.runtime.security.SecuredAppTest;
import org.ringtree.runtime.security.SignedInUser;
import org.ringtree.runtime.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The console's portal ports as the screens call them, signed in as the demo publisher (Sunrise
 * Media) or the demo buyer (Bidder One): each gets its own rows only, whatever id the page sends,
 * and a publisher sees the caller's number and the buyer's name only when its operator allows.
 */
class PortalScreensTest extends SecuredAppTest {

  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;
  @Autowired PublisherPortalPort publisherPortal;
  @Autowired BuyerPortalPort buyerPortal;
  @Autowired PortalKeysPort keys;
  @Autowired org.ringtree.editor.portal.PortalPrivacyPort privacy;

  private String ours;
  private String othersPublishers;
  private String othersBuyers;

  @BeforeEach
  void calls() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    PortalCalls calls = new PortalCalls(jdbc);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ours = "CA-scr-ours-" + run;
    othersPublishers = "CA-scr-bb-" + run;
    othersBuyers = "CA-scr-b2-" + run;
    calls.call(ours, "sunrise-media", "bidder-one", "310.00", "200.00", now, true);
    calls.call(othersPublishers, "blue-billboard", "bidder-one", "300.00", "180.00", now, true);
    calls.call(othersBuyers, "sunrise-media", "bidder-two", "275.00", "150.00", now, true);
    jdbc.sql("UPDATE calls SET target_id = 'bidder-one-rtb' WHERE call_sid IN (?, ?)")
        .params(ours, othersPublishers)
        .update();
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aPublisherGetsItsOwnCallsAndAnotherPublishersCallIsNotFoundByItsSid() {
    signIn(PUBLISHER);

    List<String> sids =
        publisherPortal.calls(0, 1000).stream().map(PublisherPortalPort.Call::callSid).toList();

    assertThat(sids).contains(ours, othersBuyers).doesNotContain(othersPublishers);
    assertThat(publisherPortal.call(othersPublishers)).isEmpty();
    assertThat(publisherPortal.call(ours).orElseThrow().payout()).isEqualByComparingTo("200.00");
    assertThat(publisherPortal.callCount())
        .isEqualTo(
            jdbc.sql("SELECT count(*) FROM calls WHERE publisher_id = 'sunrise-media'")
                .query(Integer.class)
                .single());
  }

  @Test
  void theCallersNumberAndTheBuyerAreHiddenUntilTheOperatorAllowsThem() {
    signIn(PUBLISHER);
    PublisherPortalPort.Call hidden = publisherPortal.call(ours).orElseThrow();
    assertThat(hidden.caller()).isEqualTo("+1310•••••00");
    assertThat(hidden.buyer()).isEqualTo("(hidden)");
    String csv = export(publisherPortal::exportCalls);
    assertThat(csv).contains(ours).doesNotContain("+13105550000").doesNotContain("Bidder One");
    assertThat(csv).doesNotContain(othersPublishers);

    var allow =
        as(OPERATOR)
            .put(
                "/api/directory/publishers/sunrise-media/portal",
                Map.of("showsCallerNumber", true, "showsBuyerNames", true));
    try {
      assertThat(allow.status()).isEqualTo(200);
      PublisherPortalPort.Call shown = publisherPortal.call(ours).orElseThrow();
      assertThat(shown.caller()).isEqualTo("+13105550000");
      assertThat(shown.buyer()).isEqualTo("Bidder One Legal Leads");
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_log WHERE action ="
                          + " 'directory.publisher.portal' AND object_id = 'sunrise-media'")
                  .query(Long.class)
                  .single())
          .isPositive();
    } finally {
      as(OPERATOR)
          .put(
              "/api/directory/publishers/sunrise-media/portal",
              Map.of("showsCallerNumber", false, "showsBuyerNames", false));
    }
    // a publisher cannot change what its own portal shows
    assertThat(
            as(PUBLISHER)
                .put(
                    "/api/directory/publishers/sunrise-media/portal",
                    Map.of("showsCallerNumber", true, "showsBuyerNames", true))
                .status())
        .isEqualTo(403);
  }

  @Test
  void operatorsChooseWhatAPublishersPortalShowsAndPortalUsersCannot() {
    signIn(PUBLISHER);
    assertThatThrownBy(() -> privacy.set("sunrise-media", true, true))
        .isInstanceOf(AccessDeniedException.class);

    signIn(OPERATOR);
    try {
      assertThat(privacy.set("sunrise-media", false, true).orElseThrow().showsBuyerNames())
          .isTrue();
      assertThat(privacy.set("no-such-publisher", true, true)).isEmpty();
      signIn(PUBLISHER);
      PublisherPortalPort.Call c = publisherPortal.call(ours).orElseThrow();
      assertThat(c.buyer()).isEqualTo("Bidder One Legal Leads");
      assertThat(c.caller()).isEqualTo("+1310•••••00");
    } finally {
      signIn(OPERATOR);
      privacy.set("sunrise-media", false, false);
    }
  }

  @Test
  void payoutsPerDayAndCampaignCarryTheRuleAndAddUpToTheLedger() {
    signIn(PUBLISHER);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    var lines = publisherPortal.payouts(today, today, ZoneOffset.UTC);

    var sum =
        jdbc.sql(
                "SELECT sum(amount) FROM ledger_entries WHERE party_type = 'PUBLISHER' AND"
                    + " party_id = 'sunrise-media' AND created_at >= ?")
            .param(java.sql.Timestamp.from(today.atStartOfDay(ZoneOffset.UTC).toInstant()))
            .query(java.math.BigDecimal.class)
            .single();
    assertThat(
            lines.stream()
                .map(PublisherPortalPort.PayoutLine::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
        .isEqualByComparingTo(sum);
    assertThat(lines).allMatch(l -> l.day().equals(today) && l.rule() != null);
    assertThat(lines)
        .anyMatch(l -> l.campaignId().equals("pi-accidents") && l.rule().equals("test"));
  }

  @Test
  void aBuyerPausesAndResumesItsOwnTargetButNeverAnotherBuyers() {
    signIn(BUYER);

    assertThat(buyerPortal.targets())
        .extracting(BuyerPortalPort.Target::id)
        .contains("bidder-one-rtb")
        .doesNotContain("bidder-two-rtb");
    assertThat(buyerPortal.setActive("bidder-two-rtb", false))
        .isEqualTo(new BuyerPortalPort.Outcome.NotFound("bidder-two-rtb"));
    assertThat(enabled("bidder-two-rtb")).isTrue();

    try {
      assertThat(buyerPortal.setActive("bidder-one-rtb", false))
          .isInstanceOf(BuyerPortalPort.Outcome.Done.class);
      assertThat(enabled("bidder-one-rtb")).isFalse();
      assertThat(
              jdbc.sql(
                      "SELECT actor FROM audit_log WHERE action = 'directory.target.pause' AND"
                          + " object_id = 'bidder-one-rtb' ORDER BY id DESC LIMIT 1")
                  .query(String.class)
                  .single())
          .isEqualTo(BUYER);
    } finally {
      buyerPortal.setActive("bidder-one-rtb", true);
    }
    assertThat(enabled("bidder-one-rtb")).isTrue();
  }

  @Test
  void aBuyerSeesItsDailyCapWithTheConnectionsRoutingCounts() {
    signIn(BUYER);

    var caps = buyerPortal.caps();

    // Bidder One's demo cap: 200 connections a day
    assertThat(caps)
        .anySatisfy(
            c -> {
              assertThat(c.scope()).isEqualTo("buyer");
              assertThat(c.id()).isEqualTo("bidder-one");
              assertThat(c.period()).isEqualTo("daily connections");
              assertThat(c.cap()).isEqualTo(200);
            });
    assertThat(caps).noneMatch(c -> c.id().startsWith("bidder-two"));
  }

  @Test
  void aBuyerGetsItsOwnCallsAndSpendPerTargetNeverThePublishersSide() {
    signIn(BUYER);

    List<String> sids =
        buyerPortal.calls(0, 1000).stream().map(BuyerPortalPort.Call::callSid).toList();
    assertThat(sids).contains(ours, othersPublishers).doesNotContain(othersBuyers);
    String csv = export(buyerPortal::exportCalls);
    assertThat(csv).contains(ours).doesNotContain(othersBuyers);
    assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("payout");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    var spend = buyerPortal.spend(today, today, ZoneOffset.UTC);
    assertThat(spend)
        .anySatisfy(
            l -> {
              assertThat(l.targetId()).isEqualTo("bidder-one-rtb");
              assertThat(l.amount()).isGreaterThanOrEqualTo(new java.math.BigDecimal("610.00"));
            });
  }

  @Test
  void eachPortalIsRefusedToTheOtherRoleAndToStaff() {
    signIn(PUBLISHER);
    assertThatThrownBy(() -> buyerPortal.targets()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> buyerPortal.setActive("bidder-one-rtb", false))
        .isInstanceOf(AccessDeniedException.class);
    signIn(BUYER);
    assertThatThrownBy(() -> publisherPortal.calls(0, 10))
        .isInstanceOf(AccessDeniedException.class);
    signIn(OPERATOR);
    assertThatThrownBy(
            () -> publisherPortal.overview(PortalPeriods.overview(Instant.now(), ZoneOffset.UTC)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> keys.keys()).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aPortalUsersKeyIsItsOwnShownOnceAndStopsWorkingWhenRevoked() {
    signIn(PUBLISHER);

    PortalKeysPort.Issued issued = keys.create("my tracker", null);

    assertThat(withKey(issued.secret()).get("/api/portal/me").json().get("publisherId").asText())
        .isEqualTo("sunrise-media");
    assertThat(keys.keys()).extracting(PortalKeysPort.Key::id).contains(issued.key().id());
    keys.revoke(issued.key().id());
    assertThat(withKey(issued.secret()).get("/api/portal/me").status()).isEqualTo(401);
    assertThatThrownBy(() -> keys.create("x", Instant.now().minusSeconds(60)))
        .isInstanceOf(PortalKeysPort.Refused.class)
        .hasMessageContaining("expiresAt must be in the future");
  }

  private void signIn(String username) {
    SignedInUser user = accounts.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  private boolean enabled(String targetId) {
    return jdbc.sql("SELECT enabled FROM targets WHERE id = ?")
        .param(targetId)
        .query(Boolean.class)
        .single();
  }

  interface Export {
    void to(java.io.OutputStream out) throws java.io.IOException;
  }

  private static String export(Export export) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      export.to(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
