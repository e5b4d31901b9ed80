package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over signed webhooks: the zip a Beverly Hills caller keys in at the demo IVR becomes the call's
 * zip and state (stored on the call, named in its trace); a zip that does not exist does not.
 */
class CollectedZipCallTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aRealZipMovesTheCallerOnTheCallRecord() {
    CallTranscript call = driver().place(CallScript.demo().withAnswers(List.of("1", "78701")));

    Map<String, Object> row = callerOf(call);
    assertThat(row.get("caller_zip")).isEqualTo("78701");
    assertThat(row.get("caller_state")).isEqualTo("TX");
    assertThat(row.get("caller_city")).as("Beverly Hills described the number").isNull();
    assertThat(stepReasons(call))
        .contains("Zip 78701 sets the caller's zip, state TX and time zone America/Chicago.");
    assertThat(
            jdbc.sql("SELECT state->'facts'->'caller'->>'timezone' FROM calls WHERE call_sid = ?")
                .param(call.callSid())
                .query(String.class)
                .single())
        .isEqualTo("America/Chicago");
  }

  @Test
  void aZipThatDoesNotExistIsOnlyAnAnswer() {
    CallTranscript call = driver().place(CallScript.demo().withAnswers(List.of("1", "00000")));

    Map<String, Object> row = callerOf(call);
    assertThat(row.get("caller_zip")).isEqualTo("90210");
    assertThat(row.get("caller_state")).isEqualTo("CA");
    assertThat(row.get("caller_city")).isEqualTo("Beverly Hills");
    assertThat(stepReasons(call))
        .contains(
            "Zip 00000 is not a US zip: kept as the answer; the caller's zip and state stay"
                + " 90210 / CA.");
    assertThat(
            jdbc.sql("SELECT state->'facts'->'answers'->>'zip' FROM calls WHERE call_sid = ?")
                .param(call.callSid())
                .query(String.class)
                .single())
        .isEqualTo("00000");
  }

  private Map<String, Object> callerOf(CallTranscript call) {
    return jdbc.sql("SELECT caller_zip, caller_state, caller_city FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query()
        .singleRow();
  }

  private List<String> stepReasons(CallTranscript call) {
    return jdbc.sql(
            "SELECT t.reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                + " WHERE c.call_sid = ? AND t.kind = 'step'")
        .param(call.callSid())
        .query(String.class)
        .list();
  }
}
