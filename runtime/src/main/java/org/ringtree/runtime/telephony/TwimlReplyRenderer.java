package org.ringtree.runtime.telephony;

import java.util.List;
import java.util.UUID;
import org.ringtree.integrations.twilio.TwimlRenderer;
import org.ringtree.integrations.twilio.TwimlUrls;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.runtime.call.ReplyRenderer;
import org.ringtree.runtime.config.RingtreeProperties;
import org.springframework.stereotype.Component;

/** Renders the engine's instructions as TwiML whose callbacks name the call and its next step. */
@Component
class TwimlReplyRenderer implements ReplyRenderer {

  private final TwimlRenderer twiml = new TwimlRenderer();
  private final String base;

  TwimlReplyRenderer(RingtreeProperties properties) {
    this.base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
  }

  @Override
  public String render(UUID callId, int step, List<CallInstruction> instructions) {
    String query =
        "?" + WebhookPaths.CALL_PARAM + "=" + callId + "&" + WebhookPaths.STEP_PARAM + "=" + step;
    return twiml.render(
        instructions,
        new TwimlUrls(
            base + WebhookPaths.GATHER + query,
            base + WebhookPaths.DIAL + query,
            base + WebhookPaths.RECORD + query,
            base + WebhookPaths.RECORDING + "?" + WebhookPaths.CALL_PARAM + "=" + callId));
  }

  /** What a caller hears when something inside Ringtree failed: an apology, never silence. */
  String apology() {
    return twiml.render(
        List.of(
            new CallInstruction.Say(
                "We are sorry, we could not complete your call right now. Please call again"
                    + " shortly.",
                null,
                null),
            new CallInstruction.Hangup()),
        new TwimlUrls(base, base, base, base));
  }
}
