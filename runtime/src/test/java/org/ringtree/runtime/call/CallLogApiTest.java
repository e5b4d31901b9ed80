package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call log over real HTTP: who may read it, filters in a time zone, keyset paging through
 * {@code next}, bad parameters named, the streamed CSV export, recordings passed through, and the
 * JSON 404 of an address no endpoint serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallLogApiTest extends SecuredAppTest {

  static final byte[] AUDIO = "ID3 pretend mp3 bytes".getBytes(StandardCharsets.US_ASCII);

  @Autowired JdbcClient jdbc;

  CallLogFixture fixture;
  HttpServer provider;

  @BeforeAll
  void calls() throws IOException {
    fixture = CallLogFixture.insert(jdbc, Instant.parse("2021-05-06T04:00:00Z"), 120, "CALLLOG-A-");
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/media/rec.mp3",
        x -> {
          x.getResponseHeaders().add("Content-Type", "audio/mpeg");
          x.sendResponseHeaders(200, AUDIO.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(AUDIO);
          }
        });
    provider.start();
  }

  @AfterAll
  void stop() {
    provider.stop(0);
  }

  /** The day of the fixture in New York, whose midnight is 04:00 UTC in May. */
  static final String DAY = "from=2021-05-06&to=2021-05-06&tz=America/New_York";

  private List<String> walk(Api api, String query, int limit) {
    List<String> sids = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply r =
          api.get(
              "/api/calls?"
                  + query
                  + "&limit="
                  + limit
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode page = r.json();
      page.get("calls").forEach(c -> sids.add(c.get("callSid").asText()));
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
    } while (cursor != null);
    return sids;
  }

  @Test
  void staffPageThroughTheLogWithItsFiltersInATimeZone() {
    assertThat(walk(as(OPERATOR), DAY, 25)).isEqualTo(fixture.expected(c -> true));
    assertThat(walk(as(ADMIN), DAY + "&campaign=pi-accidents&status=completed,busy", 10))
        .isEqualTo(
            fixture.expected(
                c ->
                    c.campaign().equals("pi-accidents")
                        && (c.status().equals("completed") || c.status().equals("busy"))));
    assertThat(walk(as(OPERATOR), DAY + "&caller=%2B15550000003&recording=false", 10))
        .isEqualTo(
            fixture.expected(c -> c.caller().equals("+15550000003") && c.recordingUrl() == null));
    // date-times are read in tz too: ten minutes from New York's midnight, three calls a minute
    assertThat(
            walk(
                as(OPERATOR), "from=2021-05-06T00:00&to=2021-05-06T00:10&tz=America/New_York", 500))
        .isEqualTo(
            fixture.expected(c -> c.startedAt().isBefore(Instant.parse("2021-05-06T04:10:00Z"))))
        .hasSize(30);
    JsonNode first = as(OPERATOR).get("/api/calls?" + DAY + "&buyer=acme-law&limit=1").json();
    JsonNode row = first.get("calls").get(0);
    assertThat(row.get("buyerName").asText()).isEqualTo("Acme Injury Law");
    assertThat(row.get("revenue").decimalValue()).isEqualByComparingTo("42.50");
  }

  @Test
  void publishersAndBuyersMayNotReadTheLogAndNobodySignedOutMay() {
    for (String path :
        List.of("/api/calls", "/api/calls.csv", "/api/calls/CALLLOG-A-0/recording")) {
      assertThat(as(PUBLISHER).get(path).status()).as(path).isEqualTo(403);
      assertThat(as(BUYER).get(path).status()).as(path).isEqualTo(403);
      assertThat(anonymous().get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void aBadParameterIsRefusedByName() {
    Map<String, String> bad =
        Map.of(
            "from=yesterday", "from",
            "tz=Mars/Olympus", "tz",
            "limit=501", "limit",
            "limit=0", "limit",
            "billable=yes", "billable",
            "caller=5551234", "caller",
            "cursor=not-a-cursor", "cursor",
            "status=DROP%20TABLE", "status",
            "campain=pi-accidents", "campain",
            "from=2021-05-07&to=2021-05-06", "to");
    bad.forEach(
        (query, parameter) -> {
          Api.Reply r = as(OPERATOR).get("/api/calls?" + query);
          assertThat(r.status()).as(query).isEqualTo(400);
          assertThat(r.json().get("parameter").asText()).as(query).isEqualTo(parameter);
          assertThat(r.json().get("error").asText()).as(query).startsWith(parameter + ": ");
        });
    assertThat(as(OPERATOR).get("/api/calls.csv?limit=5").json().get("parameter").asText())
        .isEqualTo("limit");
  }

  @Test
  void theCsvExportIsStreamedWithEveryMatchingCall() {
    Api.Reply r = as(OPERATOR).get("/api/calls.csv?" + DAY);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/csv");
    // written while the rows are read: chunked, no length known up front
    assertThat(r.header("Content-Length")).isNull();
    assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
    String[] lines = r.body().split("\r\n");
    assertThat(lines[0]).isEqualTo(CallLogCsv.HEADER);
    List<String> sids = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      sids.add(lines[i].substring(0, lines[i].indexOf(',')));
    }
    assertThat(sids).isEqualTo(fixture.expected(c -> true));
    // phone numbers are defused for spreadsheets, as in the reports' CSV
    assertThat(lines[1]).contains(",'+1888555010");
  }

  @Test
  void aRecordingIsPassedThroughAndAMissingOrUnreachableOneSaysSo() throws IOException {
    String sid = fixture.calls.get(0).sid();
    jdbc.sql("UPDATE calls SET recording_url = ? WHERE call_sid = ?")
        .params("http://127.0.0.1:" + provider.getAddress().getPort() + "/media/rec.mp3", sid)
        .update();
    Api.Reply r = as(COMPLIANCE).get("/api/calls/" + sid + "/recording");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().getBytes(StandardCharsets.US_ASCII)).isEqualTo(AUDIO);
    assertThat(r.header("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(r.header("Cache-Control")).isEqualTo("private, no-store");

    String none = fixture.calls.get(1).sid();
    Api.Reply missing = as(OPERATOR).get("/api/calls/" + none + "/recording");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("this call has no recording");

    String gone = fixture.calls.get(6).sid();
    jdbc.sql("UPDATE calls SET recording_url = ? WHERE call_sid = ?")
        .params("http://127.0.0.1:" + closedPort() + "/media/rec.mp3", gone)
        .update();
    Api.Reply unreachable = as(OPERATOR).get("/api/calls/" + gone + "/recording");
    assertThat(unreachable.status()).isEqualTo(502);
    assertThat(unreachable.json().get("error").asText())
        .startsWith("the recording could not be fetched from 127.0.0.1");

    String elsewhere = fixture.calls.get(12).sid();
    jdbc.sql("UPDATE calls SET recording_url = 'file:///etc/passwd' WHERE call_sid = ?")
        .param(elsewhere)
        .update();
    assertThat(as(OPERATOR).get("/api/calls/" + elsewhere + "/recording").status()).isEqualTo(502);
  }

  @Test
  void anAddressNoEndpointServesIsAJson404ForGetAndPost() {
    for (String method : List.of("GET", "POST")) {
      String path =
          method.equals("GET")
              ? "/api/calls/CALLLOG-A-0/no-such-thing"
              : "/api/postbacks/nothing-here";
      Api.Reply r = as(ADMIN).send(method, path, Map.of());
      assertThat(r.status()).as(method).isEqualTo(404);
      assertThat(r.header("Content-Type")).as(method).startsWith("application/json");
      assertThat(r.json().get("error").asText())
          .isEqualTo("no such endpoint: " + method + " " + path);
      assertThat(anonymous().send(method, path, Map.of()).status()).as(method).isEqualTo(401);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
