package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recording is seekable through Ringtree: a Range request answers 206 with exactly the bytes
 * asked for and their Content-Range, whether the provider serves ranges itself (its answer is
 * relayed) or sends the whole file (Spring serves the range from it); a range outside the recording
 * or one that cannot be read answers 416; without a Range header the whole file comes with {@code
 * Accept-Ranges: bytes}. Two recording servers on loopback play the provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingRangeTest extends SecuredAppTest {

  static final byte[] AUDIO =
      "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

  @Autowired JdbcClient jdbc;

  HttpServer provider;
  final List<String> rangesAsked = new CopyOnWriteArrayList<>();

  @BeforeAll
  void recordingServers() throws IOException {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // a file server that ignores Range, as simple storage may
    provider.createContext("/whole.mp3", x -> send(x, 200, null, AUDIO));
    // one that serves single ranges itself (as the storage behind Twilio's media URLs does)
    provider.createContext(
        "/ranged.mp3",
        x -> {
          String range = x.getRequestHeaders().getFirst("Range");
          rangesAsked.add(String.valueOf(range));
          Matcher m = range == null ? null : ONE_RANGE.matcher(range);
          if (m == null || !m.matches()) {
            send(x, 200, null, AUDIO);
            return;
          }
          int from = Integer.parseInt(m.group(1));
          int to = Math.min(Integer.parseInt(m.group(2)), AUDIO.length - 1);
          if (from >= AUDIO.length) {
            send(x, 416, "bytes */" + AUDIO.length, new byte[0]);
            return;
          }
          byte[] part = java.util.Arrays.copyOfRange(AUDIO, from, to + 1);
          send(x, 206, "bytes " + from + "-" + to + "/" + AUDIO.length, part);
        });
    provider.start();
  }

  @AfterAll
  void stop() {
    provider.stop(0);
  }

  @Test
  void aRangeOfARecordingServedWholeByTheProviderIsCutBySpring() {
    String sid = callWithRecording("/whole.mp3");

    Api.Reply all = get(sid, null);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).isEqualTo(text(0, AUDIO.length));
    assertThat(all.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(all.header("Cache-Control")).isEqualTo("private, no-store");

    Api.Reply part = get(sid, "bytes=10-19");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.body()).isEqualTo("abcdefghij");
    assertThat(part.header("Content-Range")).isEqualTo("bytes 10-19/" + AUDIO.length);
    assertThat(part.header("Content-Type")).isEqualTo("audio/mpeg");

    Api.Reply tail = get(sid, "bytes=-4");
    assertThat(tail.status()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo("wxyz");

    Api.Reply open = get(sid, "bytes=30-");
    assertThat(open.body()).isEqualTo("uvwxyz");
    assertThat(open.header("Content-Range")).isEqualTo("bytes 30-35/36");

    Api.Reply outside = get(sid, "bytes=100-200");
    assertThat(outside.status()).isEqualTo(416);
    assertThat(outside.header("Content-Range")).isEqualTo("bytes */" + AUDIO.length);

    Api.Reply nonsense = get(sid, "bytes=oops");
    assertThat(nonsense.status()).isEqualTo(416);
  }

  @Test
  void aRangeIsPassedToAProviderThatServesRangesAndItsAnswerRelayed() {
    String sid = callWithRecording("/ranged.mp3");
    rangesAsked.clear();

    Api.Reply part = get(sid, "bytes=3-7");
    assertThat(rangesAsked).containsExactly("bytes=3-7");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.body()).isEqualTo("34567");
    assertThat(part.header("Content-Range")).isEqualTo("bytes 3-7/" + AUDIO.length);
    assertThat(part.header("Content-Length")).isEqualTo("5");
    assertThat(part.header("Accept-Ranges")).isEqualTo("bytes");

    Api.Reply outside = get(sid, "bytes=99-100");
    assertThat(outside.status()).isEqualTo(416);
    assertThat(outside.header("Content-Range")).isEqualTo("bytes */" + AUDIO.length);

    // two ranges at once are not passed on: the whole file comes and Spring cuts both parts
    rangesAsked.clear();
    Api.Reply two = get(sid, "bytes=0-1,4-5");
    assertThat(rangesAsked).containsExactly("null");
    assertThat(two.status()).isEqualTo(206);
    assertThat(two.header("Content-Type")).startsWith("multipart/byteranges");
    assertThat(two.body())
        .contains("Content-Range: bytes 0-1/36")
        .contains("Content-Range: bytes 4-5/36");
  }

  @Test
  void aMissingRecordingIsStillA404WithARange() {
    String sid = callWithRecording(null);
    Api.Reply r = get(sid, "bytes=0-9");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("error").asText()).isEqualTo("this call has no recording");
  }

  private Api.Reply get(String sid, String range) {
    return as(OPERATOR)
        .get("/api/calls/" + sid + "/recording", range == null ? Map.of() : Map.of("Range", range));
  }

  private String callWithRecording(String path) {
    String sid = "RANGE-" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, phase, provider_status, started_at, recording_url)"
                + " VALUES (?, ?, '+18885550101', 'pi-accidents', 'sunrise-media', '+13105550100',"
                + " 'ENDED', 'completed', ?, ?)")
        .params(
            UUID.randomUUID(),
            sid,
            Timestamp.from(Instant.parse("2022-03-03T12:00:00Z")),
            path == null ? null : "http://127.0.0.1:" + provider.getAddress().getPort() + path)
        .update();
    return sid;
  }

  private static String text(int from, int to) {
    return new String(AUDIO, from, to - from, StandardCharsets.US_ASCII);
  }

  private static void send(HttpExchange x, int status, String contentRange, byte[] body)
      throws IOException {
    x.getResponseHeaders().add("Content-Type", "audio/mpeg");
    if (contentRange != null) {
      x.getResponseHeaders().add("Content-Range", contentRange);
    }
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }
}
