package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.telnyx.TelnyxSignatures;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.TwilioDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Telnyx TeXML posts Twilio's field names to the same endpoints but signs the raw body with
 * Ed25519; the platform is configured with the account's public key (RunningPlatformTest).
 */
class TelnyxWebhookTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTelnyxSignedCallIsAnsweredThroughItsIvrAndAReplayGetsTheSameAnswer() throws Exception {
    String sid = "v3:telnyx-call-0001"; // Telnyx call ids are not CA…
    Map<String, String> incoming = incoming(sid);

    HttpResponse<String> first =
        post(WebhookPaths.INCOMING, incoming, now(), TELNYX_ACCOUNT.getPrivate());
    HttpResponse<String> replay =
        post(WebhookPaths.INCOMING, incoming, now(), TELNYX_ACCOUNT.getPrivate());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("<Gather").contains("may be recorded");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(callsWithSid(sid)).isEqualTo(1);
    // Telnyx sends no FromState: the caller's area code (310) gives California
    assertThat(
            jdbc.sql("SELECT caller_state FROM calls WHERE call_sid = ?")
                .param(sid)
                .query(String.class)
                .single())
        .isEqualTo("CA");

    // the gather action: our query string (call, step) and Telnyx's form fields both arrive
    String callId =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(sid)
            .query(String.class)
            .single();
    Map<String, String> digits = new LinkedHashMap<>(incoming);
    digits.put("Digits", "1");
    HttpResponse<String> next =
        post(
            WebhookPaths.GATHER + "?call=" + callId + "&step=1",
            digits,
            now(),
            TELNYX_ACCOUNT.getPrivate());
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).contains("<Gather").containsIgnoringCase("zip");
  }

  @Test
  void aTamperedStaleOrForeignTelnyxSignatureIsRefusedAndWritesNothing() throws Exception {
    String sid = "v3:telnyx-call-0002";
    String body = TwilioDriver.form(incoming(sid));
    String ts = now();
    String signature = TelnyxSignatures.sign(TELNYX_ACCOUNT.getPrivate(), ts, bytes(body));
    String stale = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
    PrivateKey stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

    HttpResponse<String> tampered =
        send(
            WebhookPaths.INCOMING, body.replace("%2B13105550999", "%2B19995550000"), ts, signature);
    HttpResponse<String> old =
        send(
            WebhookPaths.INCOMING,
            body,
            stale,
            TelnyxSignatures.sign(TELNYX_ACCOUNT.getPrivate(), stale, bytes(body)));
    HttpResponse<String> foreign =
        send(WebhookPaths.INCOMING, body, ts, TelnyxSignatures.sign(stranger, ts, bytes(body)));

    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(old.statusCode()).isEqualTo(403);
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(callsWithSid(sid)).isZero();
  }

  @Test
  void aCapturedTelnyxRequestIsGoodOnlyForTheRequestItCameWith() throws Exception {
    String sid = "v3:telnyx-call-0003";
    String callId = answered(sid);
    Map<String, String> digits = new LinkedHashMap<>(incoming(sid));
    digits.put("Digits", "1");
    String body = TwilioDriver.form(digits);
    String ts = now();
    String signature = TelnyxSignatures.sign(TELNYX_ACCOUNT.getPrivate(), ts, bytes(body));
    String gather = WebhookPaths.GATHER + "?call=" + callId + "&step=1";

    HttpResponse<String> first = send(gather, body, ts, signature);
    HttpResponse<String> redelivered = send(gather, body, ts, signature);
    HttpResponse<String> otherStep =
        send(WebhookPaths.GATHER + "?call=" + callId + "&step=2", body, ts, signature);
    HttpResponse<String> otherEndpoint =
        send(WebhookPaths.DIAL + "?call=" + callId + "&step=1", body, ts, signature);
    HttpResponse<String> status = send(WebhookPaths.STATUS, body, ts, signature);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(redelivered.body()).isEqualTo(first.body());
    assertThat(List.of(otherStep.statusCode(), otherEndpoint.statusCode(), status.statusCode()))
        .containsOnly(403);
    assertThat(otherStep.body()).contains("replay");
  }

  @Test
  void queryFieldsCannotOverrideTheSignedBody() throws Exception {
    String sid = "v3:telnyx-call-0004";
    String callId = answered(sid);
    Map<String, String> digits = new LinkedHashMap<>(incoming(sid));
    digits.put("Digits", "1"); // signed: an accident, so the IVR asks for the zip code

    HttpResponse<String> next =
        post(
            WebhookPaths.GATHER + "?call=" + callId + "&step=1&Digits=2&CallSid=v3:someone-else",
            digits,
            now(),
            TELNYX_ACCOUNT.getPrivate());

    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).containsIgnoringCase("zip");
  }

  /** Places the incoming webhook of a Telnyx call and returns Ringtree's id for the call. */
  private String answered(String sid) throws Exception {
    HttpResponse<String> incoming =
        post(WebhookPaths.INCOMING, incoming(sid), now(), TELNYX_ACCOUNT.getPrivate());
    assertThat(incoming.statusCode()).isEqualTo(200);
    return jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(String.class)
        .single();
  }

  private static Map<String, String> incoming(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "telnyx-account");
    p.put("From", "+13105550999");
    p.put("To", "+18885550101");
    p.put("Direction", "inbound");
    p.put("CallStatus", "ringing");
    return p;
  }

  private HttpResponse<String> post(
      String pathAndQuery, Map<String, String> params, String ts, PrivateKey key) throws Exception {
    String body = TwilioDriver.form(params);
    return send(pathAndQuery, body, ts, TelnyxSignatures.sign(key, ts, bytes(body)));
  }

  private HttpResponse<String> send(String pathAndQuery, String body, String ts, String signature)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TelnyxSignatures.TIMESTAMP_HEADER, ts)
            .header(TelnyxSignatures.SIGNATURE_HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long callsWithSid(String sid) {
    return jdbc.sql("SELECT count(*) FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(Long.class)
        .single();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }
}
