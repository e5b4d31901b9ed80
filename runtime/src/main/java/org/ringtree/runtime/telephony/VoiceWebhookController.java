package org.ringtree.runtime.telephony;

import jakarta.servlet.http.HttpServletRequest;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.ringtree.integrations.twilio.TwilioWebhookFields.CallStatus;
import org.ringtree.integrations.twilio.TwilioWebhookFields.DialCallStatus;
import org.ringtree.runtime.call.CallOrchestrator;
import org.ringtree.runtime.call.UnknownCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The voice webhooks Twilio (or any TwiML provider) calls, one handler per webhook. Signatures are
 * checked in front of all of them ({@link WebhookSignatureFilter}); here the fields are validated
 * (400 with the reason), the call moves on, and the answer is TwiML. Whatever fails inside, the
 * caller still gets valid TwiML: an apology, never silence or a 500.
 */
@RestController
class VoiceWebhookController {

  private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);
  private static final MediaType XML = MediaType.APPLICATION_XML;

  private final CallOrchestrator calls;
  private final TwimlReplyRenderer renderer;

  VoiceWebhookController(CallOrchestrator calls, TwimlReplyRenderer renderer) {
    this.calls = calls;
    this.renderer = renderer;
  }

  @PostMapping(WebhookPaths.INCOMING)
  ResponseEntity<String> incoming(HttpServletRequest request) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    return twiml(
        () ->
            calls.incoming(
                new CallOrchestrator.Incoming(
                    callSid,
                    form.required(TwilioWebhookFields.FROM),
                    form.required(TwilioWebhookFields.TO),
                    form.optional(TwilioWebhookFields.FROM_CITY),
                    form.optional(TwilioWebhookFields.FROM_STATE),
                    form.optional(TwilioWebhookFields.FROM_ZIP),
                    form.optional(TwilioWebhookFields.FROM_COUNTRY),
                    form.all())));
  }

  @PostMapping(WebhookPaths.GATHER)
  ResponseEntity<String> gather(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    int n = WebhookForm.step(step);
    String digits = form.digits();
    String speech = form.optional(TwilioWebhookFields.SPEECH_RESULT);
    return twiml(() -> calls.gather(callSid, n, digits, speech, form.all()));
  }

  @PostMapping(WebhookPaths.DIAL)
  ResponseEntity<String> dial(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    int n = WebhookForm.step(step);
    DialCallStatus status =
        form.parsed(TwilioWebhookFields.DIAL_CALL_STATUS, DialCallStatus::tryParse);
    int talk = form.seconds(TwilioWebhookFields.DIAL_CALL_DURATION);
    return twiml(
        () -> calls.dialed(callSid, n, status.connected(), status.wireValue(), talk, form.all()));
  }

  @PostMapping(WebhookPaths.RECORD)
  ResponseEntity<String> record(
      HttpServletRequest request,
      @RequestParam(name = WebhookPaths.STEP_PARAM, required = false) String step) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    int n = WebhookForm.step(step);
    String url = form.optional(TwilioWebhookFields.RECORDING_URL);
    return twiml(() -> calls.recorded(callSid, n, url, form.all()));
  }

  @PostMapping(WebhookPaths.STATUS)
  ResponseEntity<String> status(HttpServletRequest request) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    CallStatus status = form.parsed(TwilioWebhookFields.CALL_STATUS, CallStatus::tryParse);
    int total = form.seconds(TwilioWebhookFields.CALL_DURATION);
    calls.status(callSid, status.wireValue(), status.isFinal(), total, form.all());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(WebhookPaths.RECORDING)
  ResponseEntity<String> recording(HttpServletRequest request) {
    WebhookForm form = new WebhookForm(request.getParameterMap());
    String callSid = form.callSid();
    String url = form.required(TwilioWebhookFields.RECORDING_URL);
    String sid = form.required(TwilioWebhookFields.RECORDING_SID);
    int seconds = form.seconds(TwilioWebhookFields.RECORDING_DURATION);
    calls.recording(callSid, url, sid, seconds, form.all());
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<String> twiml(java.util.function.Supplier<String> answer) {
    try {
      return ResponseEntity.ok().contentType(XML).body(answer.get());
    } catch (UnknownCallException e) {
      log.warn("{}; answering with an apology", e.getMessage());
      return ResponseEntity.ok().contentType(XML).body(renderer.apology());
    } catch (RuntimeException e) {
      log.error("Webhook failed; the caller hears an apology", e);
      return ResponseEntity.ok().contentType(XML).body(renderer.apology());
    }
  }

  @ExceptionHandler(BadWebhookException.class)
  ResponseEntity<String> badRequest(BadWebhookException e) {
    log.warn("Refused a malformed webhook: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage() + "\n");
  }
}
