package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing a new version changes new calls at once, and never a call already in progress. */
class PublishMidCallTest extends RunningPlatformTest {

  @Autowired FlowStore flows;
  @Autowired DirectoryStore directory;
  @Autowired JdbcClient jdbc;

  @Test
  void aCallInProgressKeepsItsVersionWhileNewCallsTakeTheNewOne() throws Exception {
    TwilioDriver driver = driver();
    Map<String, String> before = params("CAbefore00000000000000000000000001");
    driver.post(WebhookPaths.INCOMING, before);

    String json =
        new String(
            getClass().getResourceAsStream("/demo/legal-ring-tree.json").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    FlowDocument changed =
        FlowJson.read(json.replace("where the accident happened", "of your home address"))
            .document()
            .orElseThrow();
    FlowStore.StoredVersion v2 =
        flows.saveVersion(changed, directory.snapshot(Set.of("do-not-call")), "test");
    flows.makeLive(v2.flowId(), v2.id());

    WebhookExchange oldCall =
        driver.post(WebhookPaths.GATHER + "?call=" + callId(before) + "&step=1", digit(before));
    assertThat(oldCall.body()).contains("where the accident happened");

    Map<String, String> after = params("CAafter000000000000000000000000001");
    driver.post(WebhookPaths.INCOMING, after);
    WebhookExchange newCall =
        driver.post(WebhookPaths.GATHER + "?call=" + callId(after) + "&step=1", digit(after));
    assertThat(newCall.body()).contains("of your home address");
    assertThat(version(before)).isNotEqualTo(version(after)).isNotNull();
  }

  private static Map<String, String> params(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("From", "+13105550777");
    p.put("To", "+18885550101");
    p.put("FromState", "CA");
    p.put("CallStatus", "ringing");
    return p;
  }

  private static Map<String, String> digit(Map<String, String> base) {
    Map<String, String> p = new LinkedHashMap<>(base);
    p.put("CallStatus", "in-progress");
    p.put("Digits", "1");
    return p;
  }

  private String callId(Map<String, String> params) {
    return jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
        .param(params.get("CallSid"))
        .query(String.class)
        .single();
  }

  private Long version(Map<String, String> params) {
    return jdbc.sql("SELECT flow_version_id FROM calls WHERE call_sid = ?")
        .param(params.get("CallSid"))
        .query(Long.class)
        .single();
  }
}
