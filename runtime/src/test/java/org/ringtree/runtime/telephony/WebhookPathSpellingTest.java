package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.TwilioDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An unsigned webhook is refused however its path is spelled: Spring MVC routes on the decoded
 * path, so {@code /twilio/%76oice/incoming} reached the IVR without a signature while the filter
 * compared the raw one. Sent over a raw socket, so no client tidies the path on the way.
 */
class WebhookPathSpellingTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/twilio/voice/incoming",
        "/twilio/%76oice/incoming",
        "/twilio/voice/%69ncoming",
        "/%74wilio/voice/incoming",
        "/twilio/voice/incomin%67",
        "//twilio/voice/incoming",
        "/twilio//voice/incoming",
        "/twilio/voice//incoming",
        "/twilio;x=1/voice/incoming",
        "/twilio/voice;jsessionid=1/incoming",
        "/twilio/voice/incoming;x=1",
        "/twilio/%76oice;a=b/incoming",
        "/TWILIO/VOICE/INCOMING",
        "/Twilio/Voice/incoming",
        "/twilio/voice/incoming.",
        "/twilio/voice./incoming",
        "/twilio./voice/incoming",
        "/twilio/./voice/incoming",
        "/twilio/voice/%2e/incoming",
        "/twilio/x/../voice/incoming",
        "/twilio/%76oice/status",
        "/twilio/%76oice/gather?call=1&step=1",
        "/twilio/%76oice/dial?call=1&step=1",
        "/twilio/%76oice/recording",
        "/twilio/%76oice/leg?call=1&step=1",
        "/twilio/voice/LEG?call=1&step=1",
        "/twilio/voice/leg;x=1?call=1&step=1",
      })
  void anUnsignedWebhookIsRefusedAndWritesNothingHoweverItsPathIsSpelled(String path)
      throws IOException {
    String sid = "CAspelling" + Long.toHexString(System.nanoTime());
    long events = count("call_events");

    Reply reply = postUnsigned(path, incoming(sid));

    assertThat(reply.status()).as("%s answered %s", path, reply.body()).isEqualTo(403);
    assertThat(reply.body()).doesNotContain("<Response");
    assertThat(callsWithSid(sid)).isZero();
    assertThat(count("call_events")).isEqualTo(events);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/twilio/%76oice/incoming",
        "/twilio;x=1/voice/incoming",
        "/Twilio/Voice/incoming",
        "/twilio/voice./incoming"
      })
  void theRefusalSaysTheSignatureIsMissing(String path) throws IOException {
    Reply reply = postUnsigned(path, incoming("CAspelling-reason"));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("missing X-Twilio-Signature");
  }

  private Reply postUnsigned(String pathAndQuery, Map<String, String> params) throws IOException {
    URI base = URI.create(baseUrl);
    byte[] body = TwilioDriver.form(params).getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + pathAndQuery
            + " HTTP/1.1\r\nHost: "
            + base.getAuthority()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String response = all.toString(StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int split = response.indexOf("\r\n\r\n");
      return new Reply(status, split < 0 ? "" : response.substring(split + 4));
    }
  }

  private record Reply(int status, String body) {}

  private static Map<String, String> incoming(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "ACtest");
    p.put("From", "+13105550999");
    p.put("To", "+18885550101");
    p.put("Direction", "inbound");
    p.put("CallStatus", "completed");
    p.put("DialCallStatus", "completed");
    p.put("DialCallDuration", "300");
    p.put("Digits", "1");
    return p;
  }

  private long callsWithSid(String sid) {
    return jdbc.sql("SELECT count(*) FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
