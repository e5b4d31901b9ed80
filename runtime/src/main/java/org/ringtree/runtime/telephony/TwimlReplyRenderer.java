package org.ringtree.runtime.telephony;

import java.util.List;
import java.util.UUID;
import org.ringtree.integrations.twilio.TwimlRenderer;
import org.ringtree.integrations.twilio.TwimlUrls;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;
import org.ringtree.runtime.call.ReplyRenderer;
import org.ringtree.runtime.config.RingtreeProperties;
import org.ringtree.runtime.secrets.SecretStore;
import org.springframework.stereotype.Component;

/**
 * Renders the engine's instructions as TwiML whose callbacks name the call and its next step. A SIP
 * target's password is a reference to the secret store everywhere else; here, and only here, it
 * becomes the password the provider needs to dial.
 */
@Component
class TwimlReplyRenderer implements ReplyRenderer {

  private final TwimlRenderer twiml = new TwimlRenderer();
  private final String base;
  private final SecretStore secrets;

  TwimlReplyRenderer(RingtreeProperties properties, SecretStore secrets) {
    this.base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    this.secrets = secrets;
  }

  @Override
  public String render(UUID callId, int step, List<CallInstruction> instructions) {
    String query =
        "?" + WebhookPaths.CALL_PARAM + "=" + callId + "&" + WebhookPaths.STEP_PARAM + "=" + step;
    return twiml.render(
        instructions.stream().map(this::withSipPassword).toList(),
        new TwimlUrls(
            base + WebhookPaths.GATHER + query,
            base + WebhookPaths.DIAL + query,
            base + WebhookPaths.RECORD + query,
            base + WebhookPaths.RECORDING + "?" + WebhookPaths.CALL_PARAM + "=" + callId));
  }

  private CallInstruction withSipPassword(CallInstruction instruction) {
    if (instruction instanceof CallInstruction.Dial dial
        && dial.destination() instanceof Destination.SipUri sip
        && SecretStore.isReference(sip.password())) {
      String password =
          secrets
              .reveal(sip.password())
              .orElseThrow(() -> new IllegalStateException("no stored secret " + sip.password()));
      return new CallInstruction.Dial(
          dial.candidateTargetId(),
          new Destination.SipUri(sip.uri(), sip.username(), password),
          dial.timeoutSeconds(),
          dial.callerId(),
          dial.record());
    }
    return instruction;
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
