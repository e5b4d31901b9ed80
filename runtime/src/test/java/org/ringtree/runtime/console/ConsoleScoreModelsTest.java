package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.score.ScoreModelsPort;
import org.ringtree.editor.score.ScoreModelsProblem;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;
import org.ringtree.rules.score.traffic.TrafficMix;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.score.ScoreCallsFixture;
import org.ringtree.runtime.score.ScoreModels;
import org.ringtree.runtime.score.ScoreTraining;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The score models screen's port over real PostgreSQL, on generated calls (the fixture of
 * ScoreModelsApiTest): training on the last days of calls gives a promotable model with its
 * figures, and an empty range is refused in the API's words; while approval is on, a promotion
 * waits, the one who asked may not approve it, compliance does; the roles are the API's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsoleScoreModelsTest extends PostgresTest {

  /** The generated calls span 20 days from here; "now" is a day after they end. */
  static final Instant START = Instant.parse("2023-03-01T06:00:00Z");

  static final Clock AFTER_THE_CALLS = Clock.fixed(START.plus(Duration.ofDays(21)), ZoneOffset.UTC);

  private static boolean written;

  @Autowired ScoreModelsPort port;
  @Autowired ScoreModels models;
  @Autowired ScoreTraining training;
  @Autowired ComplianceSettings compliance;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  synchronized void calls() {
    if (!written) {
      java.util.List<GeneratedCall> calls =
          new TrafficGenerator(21, TrafficMix.typical(), START, 20).generate(6_000);
      ScoreCallsFixture.insert(jdbc, "console", calls, calls);
      written = true;
    }
  }

  @AfterEach
  void cleanUp() {
    SecurityContextHolder.clearContext();
    compliance.setRequireApproval(false, "test");
  }

  static void signedIn(String user, String role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
  }

  /** The port as the bean is built, with "now" just after the generated calls. */
  private ScoreModelsPort afterTheCalls() {
    return new ConsoleScoreModels(models, training, AFTER_THE_CALLS);
  }

  @Test
  void trainingOnTheLastDaysGivesAPromotableModelAndAnEmptyRangeIsRefusedInTheApisWords() {
    signedIn("admin", "ADMIN");
    ScoreModelsPort.Version v = afterTheCalls().train("CONVERTED", 30, false);

    assertThat(v.state()).isEqualTo("CANDIDATE");
    assertThat(v.label()).isEqualTo("CONVERTED");
    assertThat(v.labelledRows()).isEqualTo(6_000);
    assertThat(v.dataFrom()).isAfterOrEqualTo(START);
    assertThat(v.dataTo()).isBefore(AFTER_THE_CALLS.instant());
    assertThat(v.promotable()).as(String.join("; ", v.verdict())).isTrue();
    assertThat(v.aucLow()).isGreaterThan(0.55).isLessThan(v.auc());
    assertThat(v.calibrationError()).isBetween(0.0, 1.0);
    assertThat(v.trainedBy()).isEqualTo("admin");
    assertThat(port.versions()).extracting(ScoreModelsPort.Version::name).contains(v.name());

    // the bean's clock is today's: no generated call was scored in the last day
    assertThatThrownBy(() -> port.train("BILLABLE", 1, true))
        .isInstanceOf(ScoreModelsProblem.class)
        .hasMessageContaining("not enough labelled calls to train: 0");
  }

  @Test
  void whileApprovalIsOnAPromotionWaitsForSomeoneOtherThanWhoAsked() {
    signedIn("admin", "ADMIN");
    ScoreModelsPort.Version v = afterTheCalls().train("CONVERTED", 30, false);
    compliance.setRequireApproval(true, "test");
    assertThat(port.approvalRequired()).isTrue();

    ScoreModelsPort.Outcome asked = port.promote(v.id(), "  AUC on March  ");
    assertThat(asked.promoted()).isNull();
    assertThat(asked.request().state()).isEqualTo("PENDING");
    assertThat(asked.request().reason()).isEqualTo("AUC on March");
    assertThat(port.promotions())
        .extracting(ScoreModelsPort.Promotion::id)
        .contains(asked.request().id());

    long id = asked.request().id();
    assertThatThrownBy(() -> port.approve(id, "mine"))
        .isInstanceOf(ScoreModelsProblem.class)
        .hasMessage(
            "promotion " + id + " was asked for by admin; someone else approves or rejects it");

    signedIn("carol", "COMPLIANCE");
    assertThatThrownBy(() -> port.promote(v.id(), "")).isInstanceOf(AccessDeniedException.class);
    ScoreModelsPort.Outcome approved = port.approve(id, "figures checked");
    assertThat(approved.promoted().name()).isEqualTo(v.name());
    assertThat(approved.promoted().state()).isEqualTo("PROMOTED");
    assertThat(approved.request().decidedBy()).isEqualTo("carol");
    assertThat(port.versions())
        .filteredOn(x -> x.id() == v.id())
        .extracting(ScoreModelsPort.Version::state)
        .containsExactly("PROMOTED");

    // with nothing promoted before it, a roll back is refused with the reason
    signedIn("admin", "ADMIN");
    assertThatThrownBy(() -> port.rollback("test"))
        .isInstanceOf(ScoreModelsProblem.class)
        .hasMessageContaining("nothing to roll back to");
  }

  @Test
  void theScreenIsForAdminsAndComplianceAndOnlyAnAdminTrains() {
    signedIn("operator", "OPERATOR");
    assertThatThrownBy(() -> port.versions()).isInstanceOf(AccessDeniedException.class);
    signedIn("carol", "COMPLIANCE");
    assertThat(port.versions()).isNotNull();
    assertThatThrownBy(() -> port.train("CONVERTED", 30, false))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> port.rollback("")).isInstanceOf(AccessDeniedException.class);
  }
}
