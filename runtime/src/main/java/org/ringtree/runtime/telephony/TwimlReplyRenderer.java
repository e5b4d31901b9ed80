package org.ringtree.runtime.telephony;

import java.util.List;
import java.util.UUID;
import org.ringtree.integrations.twilio.TwimlRenderer;
import org.ringtree.integrations.twilio.TwimlUrls;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Destination;
import org.ringtree.runtime.call.ReplyRenderer;
import org.ringtree.runtime.config.RingtreeProperties;
import org.ringtree.runtime.directory.CampaignFallbacks;
import org.ringtree.runtime.observability.BusinessMetrics;
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
  private final CampaignFallbacks fallbacks;
  private final BusinessMetrics metrics;

  TwimlReplyRenderer(
      RingtreeProperties properties,
      SecretStore secrets,
      CampaignFallbacks fallbacks,
      BusinessMetrics metrics) {
    this.metrics = metrics;
    this.base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    this.secrets = secrets;
    this.fallbacks = fallbacks;
  }

  @Override
  public String render(UUID callId, int step, List<CallInstruction> instructions) {
    if (instructions.stream().anyMatch(i -> i instanceof CallInstruction.CampaignFallback)) {
      // the flow ended where nothing was connected: the campaign's fallback takes the caller
      List<CallInstruction> resolved = new java.util.ArrayList<>();
      for (CallInstruction i : instructions) {
        if (i instanceof CallInstruction.CampaignFallback f) {
          metrics.fallback("unconnected-port");
          resolved.addAll(fallbacks.forCampaign(f.campaignId()).instructions());
          break;
        }
        resolved.add(i);
      }
      return fallbackTwiml(resolved);
    }
    String query =
        "?" + WebhookPaths.CALL_PARAM + "=" + callId + "&" + WebhookPaths.STEP_PARAM + "=" + step;
    return twiml.render(
        instructions.stream().map(this::withSipPassword).toList(),
        new TwimlUrls(
            base + WebhookPaths.GATHER + query,
            base + WebhookPaths.DIAL + query,
            base + WebhookPaths.RECORD + query,
            base + WebhookPaths.RECORDING + "?" + WebhookPaths.CALL_PARAM + "=" + callId,
            base + WebhookPaths.LEG + query));
  }

  @Override
  public String reject() {
    return twiml.reject();
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

  /**
   * The fallback of the campaign the dialled tracking number belongs to (from memory: it works with
   * the database down), or the network default: what a caller gets when something inside Ringtree
   * failed.
   */
  String fallback(String trackingNumber) {
    return fallbackTwiml(fallbacks.forTrackingNumber(trackingNumber).instructions());
  }

  /** A fallback's dial or voicemail ends at {@link WebhookPaths#FALLBACK_DONE}: a hang-up. */
  private String fallbackTwiml(List<CallInstruction> instructions) {
    String done = base + WebhookPaths.FALLBACK_DONE;
    return twiml.render(
        instructions.stream().map(this::withSipPassword).toList(),
        new TwimlUrls(done, done, done, done));
  }

  /** The end of a fallback's dial or voicemail. */
  String hangup() {
    return twiml.render(
        List.of(new CallInstruction.Hangup()), new TwimlUrls(base, base, base, base));
  }
}
