package org.ringtree.tools.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.ringtree.integrations.twilio.TwilioWebhookFields;

/**
 * The driver against a scripted TwiML server on loopback: it follows the answers verb by verb as
 * Twilio would, signs every webhook, and ends with the status callback.
 */
class TwilioDriverTest {

  private static final String TOKEN = "driver-test-token";

  private HttpServer server;
  private String baseUrl;
  private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<Boolean> signedCorrectly = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        TwilioDriver.INCOMING_PATH,
        ex ->
            answer(
                ex,
                "<Response><Say>Welcome.</Say><Gather action=\""
                    + baseUrl
                    + "/menu?step=1\">"
                    + "<Say>Press 1.</Say></Gather></Response>"));
    server.createContext(
        "/menu",
        ex ->
            answer(
                ex,
                "<Response><Dial action=\"/dialled?step=2\"><Number>+15125550111</Number>"
                    + "</Dial></Response>"));
    server.createContext(
        "/answering",
        ex ->
            answer(
                ex,
                "<Response><Dial action=\"/dialled?step=2\" callerId=\"+18885550101\">"
                    + "<Number statusCallbackEvent=\"answered\" statusCallback=\""
                    + baseUrl
                    + "/leg?step=2\" statusCallbackMethod=\"POST\">+15125550111</Number>"
                    + "</Dial></Response>"));
    server.createContext("/leg", ex -> answer(ex, ""));
    server.createContext("/dialled", ex -> answer(ex, "<Response><Hangup/></Response>"));
    server.createContext(TwilioDriver.STATUS_PATH, ex -> answer(ex, ""));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void followsTheTwimlFromIncomingCallToStatusCallback() {
    CallTranscript call =
        new TwilioDriver(baseUrl, TOKEN)
            .place(
                CallScript.demo().withAnswers(List.of("1")).withLegs(List.of(CallScript.Leg.BUSY)));

    assertThat(paths)
        .containsExactly(TwilioDriver.INCOMING_PATH, "/menu", "/dialled", TwilioDriver.STATUS_PATH);
    assertThat(call.heard())
        .containsExactly(
            "\"Welcome.\"", "\"Press 1.\"", "(caller presses 1)", "(dialling +15125550111: busy)");
    assertThat(received.get(1)).containsEntry(TwilioWebhookFields.DIGITS, "1");
    assertThat(received.get(2)).containsEntry(TwilioWebhookFields.DIAL_CALL_STATUS, "busy");
    assertThat(received.get(3))
        .containsEntry(TwilioWebhookFields.CALL_STATUS, "completed")
        .containsEntry(TwilioWebhookFields.CALL_DURATION, Integer.toString(call.totalSeconds()));
    assertThat(received)
        .allSatisfy(p -> assertThat(p).containsEntry(TwilioWebhookFields.CALL_SID, call.callSid()));
    assertThat(signedCorrectly).hasSize(4).containsOnly(true);
  }

  @Test
  void aRejectedCallIsNeverAnsweredAndEndsNoAnswer() {
    server.removeContext(TwilioDriver.INCOMING_PATH);
    server.createContext(
        TwilioDriver.INCOMING_PATH,
        ex -> answer(ex, "<Response><Reject reason=\"rejected\"/></Response>"));

    CallTranscript call = new TwilioDriver(baseUrl, TOKEN).place(CallScript.demo());

    assertThat(paths).containsExactly(TwilioDriver.INCOMING_PATH, TwilioDriver.STATUS_PATH);
    assertThat(call.heard()).containsExactly("(call rejected, never answered: rejected)");
    assertThat(received.get(1))
        .containsEntry(TwilioWebhookFields.CALL_STATUS, "no-answer")
        .containsEntry(TwilioWebhookFields.CALL_DURATION, "0");
  }

  @Test
  void aLegThatAnswersPostsItsAnsweredEventBeforeItsEndAsTwilioDoes() {
    server.removeContext(TwilioDriver.INCOMING_PATH);
    server.createContext(
        TwilioDriver.INCOMING_PATH,
        ex ->
            answer(
                ex, "<Response><Redirect>" + baseUrl + "/answering?step=1</Redirect></Response>"));
    CallTranscript call =
        new TwilioDriver(baseUrl, TOKEN)
            .place(CallScript.demo().withAnswers(List.of()).withLegs(List.of()));

    assertThat(paths)
        .containsExactly(
            TwilioDriver.INCOMING_PATH, "/answering", "/leg", "/dialled", TwilioDriver.STATUS_PATH);
    Map<String, String> leg = received.get(2);
    Map<String, String> dialled = received.get(3);
    assertThat(leg)
        .containsEntry(TwilioWebhookFields.PARENT_CALL_SID, call.callSid())
        .containsEntry(TwilioWebhookFields.CALL_SID, dialled.get(TwilioWebhookFields.DIAL_CALL_SID))
        .containsEntry(TwilioWebhookFields.CALL_STATUS, "in-progress")
        .containsEntry(TwilioWebhookFields.CALLED, "+15125550111")
        .containsEntry(TwilioWebhookFields.FROM, "+18885550101")
        .containsEntry(TwilioWebhookFields.CALLBACK_SOURCE, "call-progress-events")
        .containsKey(TwilioWebhookFields.TIMESTAMP);
    assertThat(leg.get(TwilioWebhookFields.CALL_SID)).isNotEqualTo(call.callSid());
    assertThat(dialled).containsEntry(TwilioWebhookFields.DIAL_CALL_STATUS, "completed");
    assertThat(signedCorrectly).hasSize(5).containsOnly(true);
  }

  @Test
  void aWebhookSignedWithAnotherTokenDoesNotValidate() {
    new TwilioDriver(baseUrl, "another-token")
        .post(TwilioDriver.STATUS_PATH, Map.of("CallSid", "CA1"));

    assertThat(signedCorrectly).containsExactly(false);
  }

  private void answer(HttpExchange ex, String twiml) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    try (InputStream in = ex.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        if (!pair.isEmpty()) {
          String[] kv = pair.split("=", 2);
          form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
      }
    }
    received.add(form);
    paths.add(ex.getRequestURI().getPath());
    String url = baseUrl + ex.getRequestURI();
    signedCorrectly.add(
        TwilioSignatures.sign(TOKEN, url, form)
            .equals(ex.getRequestHeaders().getFirst(TwilioSignatures.HEADER)));
    byte[] bytes = twiml.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(bytes.length == 0 ? 204 : 200, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
