package org.ringtree.runtime.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.score.ModelQuality;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;
import org.ringtree.rules.score.traffic.TrafficMix;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Score models trained from PostgreSQL, promoted, approved and rolled back over the real REST API,
 * on generated calls written to {@code calls}, {@code call_scores} and the ledger.
 */
class ScoreModelsApiTest extends SecuredAppTest {

  /** Calls with their own outcomes (the signal), over 20 days from here. */
  static final Instant SIGNAL = Instant.parse("2025-03-01T06:00:00Z");

  /** The same calls' features with the outcomes shuffled among them (no signal), from here. */
  static final Instant NOISE = Instant.parse("2024-03-01T06:00:00Z");

  static final int CALLS = 6_000;

  private static boolean written;

  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired ComplianceSettings compliance;
  @Autowired PromotedModel promotedModel;

  @BeforeEach
  synchronized void calls() {
    if (!written) {
      List<GeneratedCall> signal =
          new TrafficGenerator(21, TrafficMix.typical(), SIGNAL, 20).generate(CALLS);
      ScoreCallsFixture.insert(jdbcTemplate, "signal", signal, signal);
      List<GeneratedCall> noise =
          new TrafficGenerator(22, TrafficMix.typical(), NOISE, 20).generate(CALLS);
      List<GeneratedCall> shuffled = new ArrayList<>(noise);
      Collections.shuffle(shuffled, new Random(5));
      ScoreCallsFixture.insert(jdbcTemplate, "noise", noise, shuffled);
      written = true;
    }
    compliance.setRequireApproval(false, "test");
  }

  @AfterEach
  void approvalOff() {
    compliance.setRequireApproval(false, "test");
  }

  @Test
  void trainsFromPostgresAModelThatBeatsChanceOnHeldOutCallsAndKeepsItsFigures() {
    JsonNode v = train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(21)), "BILLABLE", false);

    assertThat(v.get("name").asText()).isEqualTo("score-v" + v.get("id").asLong());
    assertThat(v.get("state").asText()).isEqualTo("CANDIDATE");
    assertThat(v.get("label").asText()).isEqualTo("BILLABLE");
    assertThat(v.get("labelledRows").asInt()).isEqualTo(CALLS);
    assertThat(v.get("trainingRows").asInt()).isEqualTo(CALLS * 4 / 5);
    assertThat(v.get("heldOutRows").asInt()).isEqualTo(CALLS / 5);
    assertThat(Instant.parse(v.get("dataFrom").asText())).isAfterOrEqualTo(SIGNAL);
    assertThat(Instant.parse(v.get("dataTo").asText())).isBefore(SIGNAL.plus(Duration.ofDays(21)));
    assertThat(v.get("trainedBy").asText()).isEqualTo(ADMIN);
    assertThat(v.get("encoderVersion").asInt()).isEqualTo(1);
    assertThat(v.get("library").asText()).contains("Tribuo");
    assertThat(v.get("features").toString()).contains("calls24h", "stir", "ivrSeconds");
    JsonNode q = v.get("quality");
    assertThat(q.get("aucLow").asDouble())
        .isGreaterThanOrEqualTo(0.5 + ModelQuality.MIN_AUC_MARGIN);
    assertThat(q.get("brier").asDouble()).isLessThan(q.get("baseRateBrier").asDouble());
    assertThat(q.get("reliability").size()).isGreaterThan(1);
    assertThat(q.get("promotable").asBoolean()).isTrue();

    // kept: listed and read back with the same figures, and its training audited
    JsonNode again = as(OPERATOR).get("/api/score/models/" + v.get("id").asLong()).json();
    assertThat(again.get("quality").get("auc").asDouble()).isEqualTo(q.get("auc").asDouble());
    assertThat(as(COMPLIANCE).get("/api/score/models").json().get("versions").toString())
        .contains(v.get("name").asText());
    assertThat(auditActions(v.get("name").asText())).contains("score-model.train");

    // revenue weighting trains too, and says so
    JsonNode weighted =
        train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(21)), "CONVERTED", true);
    assertThat(weighted.get("weightedByRevenue").asBoolean()).isTrue();
    assertThat(weighted.get("label").asText()).isEqualTo("CONVERTED");
  }

  @Test
  void aModelTrainedOnShuffledLabelsIsNotPromotableAndPromotingItIsRefused() {
    String before = promotedName();
    JsonNode v = train(as(ADMIN), NOISE, NOISE.plus(Duration.ofDays(21)), "BILLABLE", false);

    assertThat(v.get("quality").get("promotable").asBoolean()).isFalse();
    assertThat(v.get("quality").get("aucLow").asDouble())
        .isLessThan(0.5 + ModelQuality.MIN_AUC_MARGIN);

    Api.Reply refused =
        as(ADMIN).post("/api/score/models/" + v.get("id").asLong() + "/promote", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText())
        .contains(v.get("name").asText() + " may not be promoted", "above chance");
    assertThat(promotedName()).isEqualTo(before);
  }

  @Test
  void promotionAndRollBackAreAuditedAndTheNodeScoresWithThePromotedModelAtOnce()
      throws InterruptedException {
    long first =
        train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(21)), "BILLABLE", false)
            .get("id")
            .asLong();
    long second =
        train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(15)), "BILLABLE", false)
            .get("id")
            .asLong();

    Api.Reply p1 =
        as(ADMIN).post("/api/score/models/" + first + "/promote", Map.of("reason", "first"));
    assertThat(p1.status()).isEqualTo(200);
    assertThat(p1.json().at("/promoted/state").asText()).isEqualTo("PROMOTED");
    assertThat(promotedModel.current().orElseThrow().about().name()).isEqualTo("score-v" + first);

    assertThat(as(ADMIN).post("/api/score/models/" + second + "/promote", Map.of()).status())
        .isEqualTo(200);
    assertThat(promotedModel.current().orElseThrow().about().name()).isEqualTo("score-v" + second);
    assertThat(state(first)).isEqualTo("RETIRED");

    JsonNode back =
        as(ADMIN).post("/api/score/models/rollback", Map.of("reason", "bad night")).json();
    assertThat(back.at("/promoted/name").asText()).isEqualTo("score-v" + first);
    assertThat(back.at("/request/rollback").asBoolean()).isTrue();
    assertThat(promotedModel.current().orElseThrow().about().name()).isEqualTo("score-v" + first);
    assertThat(state(second)).isEqualTo("RETIRED");

    // compliance sees which model scores the calls in every version's review
    long demoLive =
        jdbc.sql("SELECT live_version_id FROM flows WHERE id = 'demo-legal-ring-tree'")
            .query(Long.class)
            .single();
    JsonNode reviewed =
        as(COMPLIANCE).get("/api/compliance/versions/" + demoLive).json().at("/safeguards/model");
    assertThat(reviewed.get("name").asText()).isEqualTo("score-v" + first);
    assertThat(reviewed.get("calls").asInt()).isEqualTo(CALLS);
    assertThat(reviewed.get("auc").asDouble()).isGreaterThan(0.55);

    List<Map<String, Object>> audited =
        jdbc.sql(
                "SELECT action, actor, before::text AS before, after::text AS after FROM audit_log"
                    + " WHERE object_type = 'score-model' AND action IN ('score-model.promote',"
                    + " 'score-model.rollback') ORDER BY id DESC LIMIT 2")
            .query()
            .listOfRows();
    assertThat(audited.get(0).get("action")).isEqualTo("score-model.rollback");
    assertThat(audited.get(0).get("actor")).isEqualTo(ADMIN);
    assertThat((String) audited.get(0).get("before")).contains("score-v" + second);
    assertThat((String) audited.get(0).get("after")).contains("score-v" + first, "AUC");
    assertThat(audited.get(1).get("action")).isEqualTo("score-model.promote");

    // another node promoting: this node hears the NOTIFY and loads that model without restart
    jdbc.sql("UPDATE score_models SET state = 'RETIRED' WHERE state = 'PROMOTED'").update();
    jdbc.sql("UPDATE score_models SET state = 'PROMOTED', promoted_at = now() WHERE id = ?")
        .param(second)
        .update();
    jdbc.sql("SELECT pg_notify('score_models', ?)").param("score-v" + second).query().listOfRows();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!promotedModel.current().map(m -> m.about().name()).orElse("").equals("score-v" + second)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(promotedModel.current().orElseThrow().about().name()).isEqualTo("score-v" + second);
  }

  @Test
  void whileApprovalIsRequiredAPromotionWaitsForSomeoneElse() {
    compliance.setRequireApproval(true, "test");
    long id =
        train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(18)), "BILLABLE", false)
            .get("id")
            .asLong();
    String before = promotedName();

    assertThat(as(OPERATOR).post("/api/score/models/" + id + "/promote", Map.of()).status())
        .isEqualTo(403);
    Api.Reply asked =
        as(ADMIN).post("/api/score/models/" + id + "/promote", Map.of("reason", "better AUC"));
    assertThat(asked.status()).isEqualTo(202);
    long request = asked.json().at("/request/id").asLong();
    assertThat(asked.json().at("/request/state").asText()).isEqualTo("PENDING");
    assertThat(promotedName()).isEqualTo(before);

    Api.Reply own =
        as(ADMIN).post("/api/score/models/promotions/" + request + "/approve", Map.of());
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("error").asText()).contains("someone else");
    assertThat(
            as(OPERATOR)
                .post("/api/score/models/promotions/" + request + "/approve", Map.of())
                .status())
        .isEqualTo(403);

    Api.Reply approved =
        as(COMPLIANCE)
            .post(
                "/api/score/models/promotions/" + request + "/approve",
                Map.of("reason", "checked"));
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().at("/request/state").asText()).isEqualTo("APPLIED");
    assertThat(approved.json().at("/request/decidedBy").asText()).isEqualTo(COMPLIANCE);
    assertThat(promotedName()).isEqualTo("score-v" + id);
    assertThat(promotedModel.current().orElseThrow().about().name()).isEqualTo("score-v" + id);
    assertThat(auditActions("score-v" + id))
        .contains("score-model.promote-request", "score-model.promote-approve");

    assertThat(
            as(COMPLIANCE)
                .post("/api/score/models/promotions/" + request + "/approve", Map.of())
                .status())
        .isEqualTo(409);
  }

  @Test
  void aModelWhoseBytesDoNotReadIsRefusedAtPromotionAndTheCurrentOneStays() {
    long good =
        train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(19)), "BILLABLE", false)
            .get("id")
            .asLong();
    assertThat(as(ADMIN).post("/api/score/models/" + good + "/promote", Map.of()).status())
        .isEqualTo(200);
    long damaged =
        train(as(ADMIN), SIGNAL, SIGNAL.plus(Duration.ofDays(17)), "BILLABLE", false)
            .get("id")
            .asLong();
    // one byte of the stored model changed (a damaged copy, a bad restore)
    jdbc.sql("UPDATE score_models SET model = set_byte(model, length(model) - 5, 32) WHERE id = ?")
        .param(damaged)
        .update();

    Api.Reply refused = as(ADMIN).post("/api/score/models/" + damaged + "/promote", Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText())
        .contains("not a usable score model", "checksum", "the promoted model stays");
    assertThat(promotedName()).isEqualTo("score-v" + good);
    assertThat(promotedModel.current().orElseThrow().about().name()).isEqualTo("score-v" + good);
  }

  @Test
  void trainingIsRefusedWithoutEnoughCallsAndOnlyAnAdminTrains() {
    Instant empty = Instant.parse("2020-01-01T00:00:00Z");
    Map<String, Object> body =
        Map.of(
            "from",
            empty.toString(),
            "to",
            empty.plus(Duration.ofDays(1)).toString(),
            "label",
            "BILLABLE");
    Api.Reply none = as(ADMIN).post("/api/score/models/train", body);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("error").asText()).contains("not enough labelled calls to train: 0");
    assertThat(as(OPERATOR).post("/api/score/models/train", body).status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).post("/api/score/models/train", body).status()).isEqualTo(403);
  }

  private JsonNode train(Api api, Instant from, Instant to, String label, boolean weighted) {
    Api.Reply r =
        api.post(
            "/api/score/models/train",
            Map.of(
                "from",
                from.toString(),
                "to",
                to.toString(),
                "label",
                label,
                "weightByRevenue",
                weighted));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private String promotedName() {
    return jdbc.sql("SELECT name FROM score_models WHERE state = 'PROMOTED'")
        .query(String.class)
        .optional()
        .orElse("");
  }

  private String state(long id) {
    return jdbc.sql("SELECT state FROM score_models WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private List<String> auditActions(String name) {
    return jdbc.sql(
            "SELECT action FROM audit_log WHERE object_type = 'score-model' AND object_id = ?"
                + " ORDER BY id")
        .param(name)
        .query(String.class)
        .list();
  }
}
