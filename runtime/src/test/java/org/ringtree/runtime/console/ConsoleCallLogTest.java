package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.calls.CallLogPort;
import org.ringtree.editor.calls.CallLogPort.Query;
import org.ringtree.runtime.call.CallRecordings;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The call log screens' port: the API's checks and words behind it, the roles checked again here
 * (not only by the views), directory pick lists, and the recording served through the platform.
 */
class ConsoleCallLogTest extends SecuredAppTest {

  @Autowired CallLogPort port;
  @Autowired ConsoleRecordings recordings;
  @Autowired JdbcClient jdbc;

  static final Query DAY =
      new Query(
          "2022-02-02",
          "2022-02-02",
          "UTC",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  private String insertCall(String recordingUrl) {
    String sid = "CONSOLE-" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, phase, provider_status, started_at, recording_url)"
                + " VALUES (?, ?, '+18885550101', 'pi-accidents', 'sunrise-media', '+13105550100',"
                + " 'ENDED', 'completed', ?, ?)")
        .params(
            UUID.randomUUID(),
            sid,
            Timestamp.from(Instant.parse("2022-02-02T12:00:00Z")),
            recordingUrl)
        .update();
    return sid;
  }

  @Test
  @WithMockUser(roles = "OPERATOR")
  void operatorsPageTheLogWithNamesAndABadFilterNamesItsField() {
    String sid = insertCall(null);
    CallLogPort.Page page = port.page(DAY, null, 10);
    assertThat(page.rows())
        .filteredOn(r -> r.callSid().equals(sid))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.campaign()).isNotEqualTo("pi-accidents").isNotBlank();
              assertThat(r.publisher()).isEqualTo("Sunrise Media");
            });
    Query bad =
        new Query(
            null, null, "UTC", null, null, null, null, "8885550101", null, null, null, null, null);
    assertThatThrownBy(() -> port.page(bad, null, 10))
        .isInstanceOfSatisfying(
            CallLogPort.BadFilter.class,
            e -> {
              assertThat(e.parameter()).isEqualTo("number");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "number: a phone number is E.164, such as +18885550101; got 8885550101");
            });
    assertThat(port.options(CallLogPort.OptionKind.PUBLISHER, "sunrise", 0, 10))
        .extracting(CallLogPort.Option::id)
        .containsExactly("sunrise-media");
    assertThat(port.options(CallLogPort.OptionKind.TARGET, "", 0, 2)).hasSize(2);
  }

  @Test
  @WithMockUser(roles = {"PUBLISHER"})
  void aPublisherIsRefusedBehindThePortToo() {
    assertThatThrownBy(() -> port.page(DAY, null, 10)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> port.detail("CA-any")).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(roles = "COMPLIANCE")
  void complianceUsesTheApiNotTheseScreens() {
    assertThatThrownBy(() -> port.page(DAY, null, 10)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(roles = "ADMIN")
  void theRecordingIsServedThroughThePlatformOrItsAbsenceSaid() throws Exception {
    byte[] audio = "pretend mp3".getBytes(StandardCharsets.US_ASCII);
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/rec.mp3",
        x -> {
          x.getResponseHeaders().add("Content-Type", "audio/mpeg");
          x.sendResponseHeaders(200, audio.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(audio);
          }
        });
    provider.start();
    try {
      String sid = insertCall("http://127.0.0.1:" + provider.getAddress().getPort() + "/rec.mp3");
      assertThat(port.detail(sid).orElseThrow().call().hasRecording()).isTrue();
      // with a range, the whole file is kept as a resource Spring MVC cuts the range from
      ResponseEntity<Resource> ranged = recordings.recording(sid, "bytes=0-3");
      assertThat(ranged.getBody())
          .isInstanceOfSatisfying(
              ByteArrayResource.class, r -> assertThat(r.getByteArray()).isEqualTo(audio));
      assertThat(ranged.getHeaders().getContentType()).hasToString("audio/mpeg");
      ResponseEntity<Resource> whole = recordings.recording(sid, null);
      assertThat(whole.getHeaders().getFirst("Accept-Ranges")).isEqualTo("bytes");
      try (java.io.InputStream in = whole.getBody().getInputStream()) {
        assertThat(in.readAllBytes()).isEqualTo(audio);
      }
    } finally {
      provider.stop(0);
    }
    String none = insertCall(null);
    assertThat(port.detail(none).orElseThrow().call().hasRecording()).isFalse();
    assertThatThrownBy(() -> recordings.recording(none, null))
        .isInstanceOf(CallRecordings.Unavailable.class)
        .hasMessage("this call has no recording");
  }

  @Test
  @WithMockUser(roles = {"PUBLISHER"})
  void aPublisherMayNotPlayARecordingEither() {
    assertThatThrownBy(() -> recordings.recording("CA-any", null))
        .isInstanceOf(AccessDeniedException.class);
  }
}
