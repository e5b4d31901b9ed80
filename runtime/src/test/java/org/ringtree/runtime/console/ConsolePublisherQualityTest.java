package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.quality.PublisherQualityPort;
import org.ringtree.editor.quality.PublisherQualityProblem;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.quality.QualityCallsFixture;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The publisher quality screen's port over real PostgreSQL, on generated traffic with a call farm:
 * "Run now" flags the farm and keeps each publisher's score bands; a dismissal needs a reason, is
 * audited and stays dismissed on the next run; a pause counts and takes the publisher's numbers,
 * resume puts them back; the alert URL is checked by the SSRF guard; compliance only reads.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.quality.cron=-")
class ConsolePublisherQualityTest extends PostgresTest {

  private static boolean written;

  @Autowired PublisherQualityPort port;
  @Autowired DirectoryStore directory;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  synchronized void calls() {
    if (!written) {
      QualityCallsFixture.insert(
          directory, jdbcTemplate, QualityCallsFixture.farmTraffic(Instant.now(), 4_000));
      written = true;
    }
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  static void signedIn(String user, String role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
  }

  @Test
  void runNowFlagsTheFarmWithScoreBandsAndADismissalNeedsAReasonAndHolds() {
    signedIn("olga", "OPERATOR");
    PublisherQualityPort.Run run = port.runNow();

    assertThat(run.calls()).isEqualTo(4_000);
    assertThat(run.requestedBy()).isEqualTo("olga");
    List<PublisherQualityPort.Flag> flags = port.openFlags();
    assertThat(flags).isNotEmpty();
    assertThat(flags).extracting(PublisherQualityPort.Flag::publisherId).containsOnly("pub-farm");
    assertThat(flags).extracting(PublisherQualityPort.Flag::kind).contains("THRESHOLD_CLUSTERING");
    PublisherQualityPort.Run latest = port.latestRun();
    assertThat(latest.id()).isEqualTo(run.id());
    assertThat(latest.bands())
        .extracting(PublisherQualityPort.Bands::publisherId)
        .contains("pub-farm", "pub-search");
    assertThat(latest.bands())
        .allSatisfy(
            b -> {
              assertThat(b.counts().stream().mapToInt(Integer::intValue).sum())
                  .isEqualTo(b.calls());
              assertThat(b.median()).isBetween(0, 100);
            });

    PublisherQualityPort.Flag first = flags.get(0);
    assertThatThrownBy(() -> port.dismiss(first.id(), " "))
        .isInstanceOf(PublisherQualityProblem.class)
        .hasMessageContaining("say why");
    PublisherQualityPort.Flag dismissed = port.dismiss(first.id(), "publisher's own test calls");
    assertThat(dismissed.state()).isEqualTo("DISMISSED");
    assertThat(dismissed.decidedBy()).isEqualTo("olga");
    assertThat(port.openFlags())
        .extracting(PublisherQualityPort.Flag::id)
        .doesNotContain(first.id());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE action = 'quality.flag.dismiss'"
                        + " AND actor = 'olga' AND object_id = ?")
                .param(Long.toString(first.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThatThrownBy(() -> port.acknowledge(first.id(), "again"))
        .isInstanceOf(PublisherQualityProblem.class)
        .hasMessageContaining("not open");

    // the next run raises it again: it stays dismissed, and nothing is new
    PublisherQualityPort.Run again = port.runNow();
    assertThat(again.newFlags()).isZero();
    assertThat(port.openFlags())
        .extracting(PublisherQualityPort.Flag::id)
        .doesNotContain(first.id());
  }

  @Test
  void aPauseCountsAndTakesThePublishersNumbersAndResumePutsThemBack() {
    signedIn("olga", "OPERATOR");
    assertThat(port.numbersInService("pub-farm")).isEqualTo(2);

    assertThat(port.pause("pub-farm")).isEqualTo(2);
    assertThat(port.numbersInService("pub-farm")).isZero();
    assertThat(port.pauses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.publisherId()).isEqualTo("pub-farm");
              assertThat(p.numbers()).isEqualTo(2);
              assertThat(p.pausedBy()).isEqualTo("olga");
            });
    assertThat(port.numbersInService("pub-search")).isEqualTo(1);
    assertThatThrownBy(() -> port.pause("pub-farm"))
        .isInstanceOf(PublisherQualityProblem.class)
        .hasMessageContaining("already paused");

    assertThat(port.resume("pub-farm")).isEqualTo(2);
    assertThat(port.numbersInService("pub-farm")).isEqualTo(2);
    assertThat(port.pauses()).isEmpty();
  }

  @Test
  void theAlertUrlIsCheckedByTheGuardAndComplianceOnlyReads() {
    signedIn("olga", "OPERATOR");
    assertThatThrownBy(() -> port.saveAlertUrl("http://10.1.2.3/hook"))
        .isInstanceOf(PublisherQualityProblem.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("10.1.2.3");
    assertThatThrownBy(() -> port.saveAlertUrl("http://169.254.169.254/latest/meta-data"))
        .isInstanceOf(PublisherQualityProblem.class)
        .hasMessageContaining("refused");
    assertThatThrownBy(() -> port.saveAlertUrl("ftp://alerts.example.com/x"))
        .isInstanceOf(PublisherQualityProblem.class)
        .hasMessageContaining("http:// or https://");
    // loopback is allowed here only because the demo network's bidders run on it
    assertThat(port.saveAlertUrl(" http://127.0.0.1:9/hook ")).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(port.alertUrl()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(port.saveAlertUrl("")).isEmpty();

    signedIn("carol", "COMPLIANCE");
    assertThat(port.openFlags()).isNotNull();
    assertThatThrownBy(() -> port.runNow()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> port.pause("pub-farm")).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> port.saveAlertUrl("")).isInstanceOf(AccessDeniedException.class);
  }
}
