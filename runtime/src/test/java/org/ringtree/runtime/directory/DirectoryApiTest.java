package org.ringtree.runtime.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory over REST, and a new tracking number taking calls at once. */
class DirectoryApiTest extends RunningPlatformTest {

  private static final String NUMBER = "+18885550177";

  @Autowired JdbcClient jdbc;

  private Api as(String user) {
    return Api.signedIn(baseUrl, user, "ringtree-" + user + "-demo");
  }

  @Test
  void anOperatorAddsAPublisherAndANumberAndTheNextCallToItIsTheirs() {
    Api operator = as("operator");
    assertThat(
            operator
                .put(
                    "/api/directory/publishers/night-owl-media",
                    Map.of("id", "night-owl-media", "name", "Night Owl Media"))
                .status())
        .isEqualTo(200);
    Api.Reply number =
        operator.put(
            "/api/directory/tracking-numbers/%2B18885550177",
            Map.of(
                "e164",
                NUMBER,
                "campaignId",
                "pi-accidents",
                "publisherId",
                "night-owl-media",
                "sourceTags",
                Map.of("channel", "radio")));
    assertThat(number.status()).isEqualTo(200);

    JsonNode directory = as("compliance").get("/api/directory").json();
    assertThat(directory.path("publishers").findValuesAsText("id")).contains("night-owl-media");
    assertThat(directory.path("trackingNumbers").findValuesAsText("e164")).contains(NUMBER);

    CallTranscript call =
        driver()
            .place(
                CallScript.demo()
                    .withTrackingNumber(NUMBER)
                    .withCaller("+13105550177", "CA", "90210"));
    assertThat(
            jdbc.sql("SELECT publisher_id || ' ' || campaign_id FROM calls WHERE call_sid = ?")
                .param(call.callSid())
                .query(String.class)
                .single())
        .isEqualTo("night-owl-media pi-accidents");

    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || action FROM audit_log WHERE object_id IN (?, ?)"
                        + " ORDER BY id")
                .params("night-owl-media", NUMBER)
                .query(String.class)
                .list())
        .containsExactly(
            "operator directory.publisher.create", "operator directory.tracking-number.create");
  }

  @Test
  void aNumberTakenOutOfServiceGetsTheUnknownNumberAnswerUntilItIsSavedAgain() {
    Api operator = as("operator");
    Map<String, Object> entry =
        Map.of(
            "e164", "+18885550176", "campaignId", "pi-accidents", "publisherId", "sunrise-media");
    assertThat(operator.put("/api/directory/tracking-numbers/%2B18885550176", entry).status())
        .isEqualTo(200);

    assertThat(operator.delete("/api/directory/tracking-numbers/%2B18885550176").status())
        .isEqualTo(200);
    CallTranscript refused = driver().place(CallScript.demo().withTrackingNumber("+18885550176"));
    assertThat(refused.twiml().get(0)).contains("not in service").doesNotContain("<Gather");

    assertThat(operator.put("/api/directory/tracking-numbers/%2B18885550176", entry).status())
        .isEqualTo(200);
    CallTranscript taken = driver().place(CallScript.demo().withTrackingNumber("+18885550176"));
    assertThat(taken.twiml().get(0)).contains("<Gather");

    assertThat(operator.delete("/api/directory/tracking-numbers/%2B18885550999").status())
        .isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(action || ':' || (after->>'enabled'), ' ' ORDER BY id)"
                        + " FROM audit_log WHERE object_id = '+18885550176'")
                .query(String.class)
                .single())
        .isEqualTo(
            "directory.tracking-number.create:true directory.tracking-number.update:false"
                + " directory.tracking-number.update:true");
  }

  @Test
  void badEntriesGetTheReasonAndChangeNothing() {
    Api operator = as("operator");
    long numbers = count();

    Api.Reply unknownCampaign =
        operator.put(
            "/api/directory/tracking-numbers/%2B18885550178",
            Map.of(
                "e164",
                "+18885550178",
                "campaignId",
                "no-such-campaign",
                "publisherId",
                "sunrise-media"));
    assertThat(unknownCampaign.status()).isEqualTo(422);
    assertThat(unknownCampaign.body()).contains("no-such-campaign", "campaigns");

    Api.Reply mismatch =
        operator.put(
            "/api/directory/tracking-numbers/%2B18885550179",
            Map.of(
                "e164",
                "+18885550180",
                "campaignId",
                "pi-accidents",
                "publisherId",
                "sunrise-media"));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body()).contains("differ");

    Api.Reply notANumber =
        operator.put(
            "/api/directory/tracking-numbers/555-0101",
            Map.of(
                "e164", "555-0101", "campaignId", "pi-accidents", "publisherId", "sunrise-media"));
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.body()).contains("E.164");

    Api.Reply noCampaignTimezone =
        operator.put("/api/directory/campaigns/pi-accidents", Map.of("id", "pi-accidents"));
    assertThat(noCampaignTimezone.status()).isEqualTo(400);
    assertThat(noCampaignTimezone.body()).contains("timezone");

    Api.Reply notAnObject = operator.put("/api/directory/buyers/acme-law", List.of("acme-law"));
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.body()).contains("not a Buyer");

    assertThat(count()).isEqualTo(numbers);
  }

  @Test
  void aSipPasswordIsWriteOnlyAndKeptEncrypted() {
    Api operator = as("operator");
    String password = "hunter2-sip-" + System.nanoTime();
    Map<String, Object> target =
        Map.of(
            "id",
            "acme-sip",
            "buyerId",
            "acme-law",
            "destination",
            Map.of(
                "type",
                "sip",
                "uri",
                "sip:intake@pbx.acme.example.com",
                "username",
                "ringtree",
                "password",
                password));

    Api.Reply saved = operator.put("/api/directory/targets/acme-sip", target);

    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain(password).contains("secret:");
    String reference = saved.json().at("/destination/password").asText();
    assertThat(operator.get("/api/directory").body()).doesNotContain(password).contains(reference);
    assertThat(textOf("SELECT t::text FROM targets t WHERE id = 'acme-sip'"))
        .doesNotContain(password);
    assertThat(textOf("SELECT string_agg(a::text, '') FROM audit_log a")).doesNotContain(password);
    assertThat(
            textOf(
                "SELECT encode(ciphertext, 'escape') FROM secrets"
                    + " WHERE 'secret:' || id = '"
                    + reference
                    + "'"))
        .doesNotContain(password);

    // sent back as read (reference and all), the stored password stays
    Map<String, Object> again = new java.util.HashMap<>(target);
    again.put(
        "destination",
        Map.of(
            "type",
            "sip",
            "uri",
            "sip:intake@pbx.acme.example.com",
            "username",
            "ringtree",
            "password",
            reference));
    Api.Reply resaved = operator.put("/api/directory/targets/acme-sip", again);
    assertThat(resaved.json().at("/destination/password").asText()).isEqualTo(reference);

    again.put(
        "destination",
        Map.of(
            "type",
            "sip",
            "uri",
            "sip:intake@pbx.acme.example.com",
            "username",
            "ringtree",
            "password",
            "secret:doesnotexist"));
    Api.Reply dangling = operator.put("/api/directory/targets/acme-sip", again);
    assertThat(dangling.status()).isEqualTo(400);
    assertThat(dangling.body()).contains("no stored secret");
  }

  private String textOf(String sql) {
    return jdbc.sql(sql).query(String.class).optional().orElse("");
  }

  @Test
  void aDuplicateWindowLongerThanTheHistoryTheRuntimeKeepsIsRefusedNotShrunk() {
    Api operator = as("operator");
    Map<String, Object> target =
        Map.of(
            "id",
            "long-memory",
            "buyerId",
            "acme-law",
            "destination",
            Map.of(
                "type",
                "rtb",
                "url",
                "https://buyer.example/bid",
                "timeoutMillis",
                500,
                "format",
                "RINGTREE"),
            "duplicateRule",
            Map.of("scope", "BUYER", "basis", "ANY_CALL", "windowSeconds", 120 * 86_400));

    Api.Reply refused = operator.put("/api/directory/targets/long-memory", target);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("duplicate window 120 days", "90 days");
    assertThat(
            jdbc.sql("SELECT count(*) FROM targets WHERE id = 'long-memory'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anRtbUrlCarryingHttpClientOptionsIsRefusedWhenSaved() {
    Api operator = as("operator");
    Map<String, Object> hostile =
        Map.of(
            "id",
            "hostile-rtb",
            "buyerId",
            "acme-law",
            "destination",
            Map.of(
                "type",
                "rtb",
                "url",
                "http://127.0.0.1:9/bid?httpClientConfigurer=%23class:Probe",
                "timeoutMillis",
                500,
                "format",
                "RINGTREE"));

    Api.Reply refused = operator.put("/api/directory/targets/hostile-rtb", hostile);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("httpClientConfigurer", "HTTP client option");
    assertThat(
            jdbc.sql("SELECT count(*) FROM targets WHERE id = 'hostile-rtb'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theApiReferenceDescribesTheDirectoryBodiesAsEntriesNotText() {
    JsonNode doc = as("compliance").get("/v3/api-docs").json();
    assertThat(
            doc.at(
                    "/paths/~1api~1directory~1buyers~1{id}/put/requestBody/content/application~1json"
                        + "/schema/$ref")
                .asText())
        .endsWith("/Buyer");
    assertThat(doc.at("/paths/~1api~1directory/get/responses/200/content").toString())
        .contains("DirectorySnapshot");
    assertThat(doc.at("/components/schemas/TrackingNumber/properties/e164").isMissingNode())
        .isFalse();
  }

  @Test
  void complianceReadsTheDirectoryButMayNotChangeIt() {
    assertThat(as("compliance").get("/api/directory").status()).isEqualTo(200);
    assertThat(
            as("compliance")
                .put("/api/directory/publishers/x-media", Map.of("id", "x-media", "name", "X"))
                .status())
        .isEqualTo(403);
    assertThat(as("publisher").get("/api/directory").status()).isEqualTo(403);
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM tracking_numbers").query(Long.class).single();
  }

  @Test
  void aPutNamingAnOlderVersionIsRefusedWith409AndTheNewerSaveKept() {
    Api operator = as("operator");
    Api.Reply created =
        operator.put(
            "/api/directory/publishers/etag-pub",
            Map.of("id", "etag-pub", "name", "First"),
            Map.of("If-Match", "\"0\""));
    assertThat(created.status()).isEqualTo(200);
    String etag = created.header("ETag");
    assertThat(etag).matches("\"[0-9]+\"");

    Api.Reply mine =
        operator.put(
            "/api/directory/publishers/etag-pub",
            Map.of("id", "etag-pub", "name", "Mine"),
            Map.of("If-Match", etag));
    Api.Reply theirs =
        operator.put(
            "/api/directory/publishers/etag-pub",
            Map.of("id", "etag-pub", "name", "Theirs"),
            Map.of("If-Match", etag));
    Api.Reply createAgain =
        operator.put(
            "/api/directory/publishers/etag-pub",
            Map.of("id", "etag-pub", "name", "Dup"),
            Map.of("If-Match", "\"0\""));

    assertThat(mine.status()).isEqualTo(200);
    assertThat(theirs.status()).isEqualTo(409);
    assertThat(theirs.json().path("error").asText()).contains("changed by someone else");
    Api.Reply read = operator.get("/api/directory/publishers/etag-pub");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("name").asText()).isEqualTo("Mine");
    assertThat(read.header("ETag")).isEqualTo(mine.header("ETag")).isNotEqualTo(etag);
    assertThat(
            as("compliance")
                .get("/api/directory/campaigns/pi-accidents")
                .json()
                .path("timezone")
                .asText())
        .isNotEmpty();
    assertThat(operator.get("/api/directory/publishers/no-such").status()).isEqualTo(404);
    assertThat(createAgain.status()).isEqualTo(409);
    assertThat(createAgain.json().path("error").asText()).contains("already exists");
    assertThat(
            jdbc.sql("SELECT name FROM publishers WHERE id = 'etag-pub'")
                .query(String.class)
                .single())
        .isEqualTo("Mine");
  }
}
